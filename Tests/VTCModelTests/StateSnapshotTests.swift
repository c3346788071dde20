import Foundation
import PropertyBased
import Testing
@testable import VTCModel
@testable import VTCCodec

@Suite("The state as a snapshot")
struct StateSnapshotTests {
    /// Writes in small blocks, so that values cross block boundaries.
    static func snapshot(_ state: VTCState) -> [[UInt8]] {
        var blocks: [[UInt8]] = []
        var writer = BinaryWriter(blockSize: 7) { blocks.append($0) }
        state.writeSnapshot(to: &writer)
        writer.finish()
        return blocks
    }

    static func restore(_ blocks: [[UInt8]], policy: Policy = .default) throws(BinaryReader.Malformed) -> VTCState {
        var pending = blocks[...]
        var reader = BinaryReader { pending.popFirst() }
        let state = try VTCState(snapshot: &reader, policy: policy)
        guard reader.isAtEnd() else { throw reader.fail("bytes left over") }
        return state
    }

    @Test("a state written and read back is the same state, for random logs of every event type")
    func roundTrip() async {
        await propertyCheck(count: 80, input: RandomEvents.sequence(count: 0...200)) { events in
            let state = VTCState.replay(events)
            let restored = try Self.restore(Self.snapshot(state))
            #expect(restored == state)
        }
    }

    @Test("restoring a snapshot taken part-way and applying the rest gives exactly the state of a full replay")
    func restoreThenContinue() async {
        await propertyCheck(count: 80, input: RandomEvents.sequence(count: 1...200)) { events in
            let cut = events.count / 2
            var restored = try Self.restore(Self.snapshot(VTCState.replay(events[..<cut])))
            for event in events[cut...] { restored.apply(event) }
            #expect(restored == VTCState.replay(events))
        }
    }

    @Test("cut snapshot bytes are refused, and damaged ones never trap")
    func damagedBytes() throws {
        var g = Sampler(rng: Xoshiro(seed: (0x5A, 7, 77, 777)))
        let events = g.log(count: 150)
        let state = VTCState.replay(events)
        let bytes = Self.snapshot(state).flatMap { $0 }
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            #expect(throws: BinaryReader.Malformed.self, "cut at \(length)") { try Self.restore([Array(bytes[..<length])]) }
        }
        for round in 0..<300 {
            var damaged = bytes
            let at = g.int(0...(bytes.count - 1))
            damaged[at] ^= UInt8(g.int(1...255))
            // A changed byte inside a text or a number can still read as a
            // (different) state: the checkpoint's SHA-256 catches those. Here
            // the reader must only never trap, and never read it as the same state.
            if let restored = try? Self.restore([damaged]) {
                #expect(restored != state, "round \(round): damage at \(at) read as the original state")
            }
        }
    }
}
