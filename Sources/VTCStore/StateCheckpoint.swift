import Crypto
import Foundation
import Glibc
import VTCModel
import VTCCodec

/// The file `state.checkpoint` in the data folder: the projected state as it
/// was after one line of the log, so that opening replays only the lines
/// after it. It is derived data, never the source of truth: it is used only
/// when it was made by this very program under this very policy, when the
/// log still holds the exact line it names (log id, `seq`, hash) and when its
/// own SHA-256 matches; otherwise it is ignored and made again from the log.
/// Deleting it is always safe. A whole checkpoint that names a line the log
/// no longer holds is reported as truncation or rewriting, never rebuilt
/// over. It is a cache, trusted as far as the folder is: whoever can write
/// the folder can write it (docs/log-format.md).
///
/// Layout: a magic line, then `BinaryWriter` values — what it was made
/// under, the log position, the state snapshot, the start of every event's
/// line — then the SHA-256 of all bytes before it (32 bytes).
struct StateCheckpoint {
    static let magic = Array("vtc state checkpoint\n".utf8)
    static let fileFormat: UInt64 = 1

    /// What a checkpoint must have been made under to be used.
    struct Origin: Equatable {
        /// The program file that made it (a rebuilt or upgraded program may project differently).
        var program: String
        /// The SHA-256 of `policy.json`, or "default".
        var policy: String
    }

    /// What restoring gives: the state and where each of its events' lines starts.
    struct Restored {
        var state: VTCState
        var lineStarts: [Int64]
        var position: LogPosition
    }

    /// Writes the checkpoint to a temporary file and renames it into place,
    /// so readers see the old one or the new one, never half of one. Not
    /// synced: a checkpoint lost or cut short by a crash fails its hash and is made again.
    static func write(_ state: VTCState, lineStarts: [Int64], position: LogPosition, origin: Origin,
                      to path: String) throws(LogError) {
        try AtomicFile(path: path, mode: 0o640, system: .live).replace(durable: false, failure: "write") { write in
            var hasher = SHA256()
            let put = { (bytes: [UInt8]) in
                hasher.update(data: bytes)
                write(bytes)
            }
            put(magic)
            var writer = BinaryWriter(sink: put)
            writer.unsigned(fileFormat)
            writer.string(origin.program)
            writer.string(origin.policy)
            writer.uuid(position.logID)
            writer.signed(position.seq)
            writer.signed(position.offset)
            writer.count(position.length)
            for k in 0..<32 { writer.byte(position.digest[k]) }
            state.writeSnapshot(to: &writer)
            var previous: Int64 = 0
            writer.array(lineStarts) { w, start in
                w.signed(start - previous)
                previous = start
            }
            writer.finish()
            write(Array(hasher.finalize()))
        }
    }

    /// A checkpoint file that starts as one should. The log must then confirm
    /// `position` before `restore` is worth its time.
    final class Candidate {
        let position: LogPosition
        /// Made by this program under this policy: only then may its state be restored.
        let isUsable: Bool
        private var reader: BinaryReader
        private let source: Source

        fileprivate init(position: LogPosition, isUsable: Bool, reader: BinaryReader, source: Source) {
            self.position = position
            self.isUsable = isUsable
            self.reader = reader
            self.source = source
        }

        /// True when the file is whole: every byte there and hashing to its trailer. Reads the rest of
        /// it, so `restore` cannot follow. Asked before a position the log no longer holds is reported,
        /// so that a checkpoint cut short by a crash is not taken for a log cut short.
        func isWhole() -> Bool {
            while source.next() != nil {}
            return source.isIntact
        }

        /// Why the log does not hold the line this checkpoint names; nil when it does (or cannot be read).
        func problem(in log: EventLog) -> LogProblem? {
            let seq = Int(position.seq)
            let named = "line \(seq) (sha256 \(String(decoding: LogFormat.hex(position.digest), as: UTF8.self)))"
            let advice = "if that was intended, delete state.checkpoint"
            switch try? log.check(position) {
            case .holds, nil:
                return nil
            case .truncated:
                guard isWhole() else { return nil }
                return LogProblem(line: seq, kind: .truncated,
                                  detail: "the log ends before \(named), which state.checkpoint says it held: lines were removed; \(advice)")
            case .rewritten(let why):
                guard isWhole() else { return nil }
                return LogProblem(line: seq, kind: .rewritten,
                                  detail: "state.checkpoint was made from \(named), but \(why): the log was rewritten; \(advice)")
            }
        }

        /// The state and line starts, or nil when the bytes do not hold together.
        func restore(policy: Policy) -> Restored? {
            guard let state = try? VTCState(snapshot: &reader, policy: policy) else { return nil }
            var previous: Int64 = 0
            guard let starts = try? reader.array({ r throws(BinaryReader.Malformed) -> Int64 in
                previous += try r.signed()
                return previous
            }) else { return nil }
            guard reader.isAtEnd(), source.isIntact, state.eventCount == starts.count,
                  Int64(state.eventCount) == position.seq - 1 else { return nil }
            return Restored(state: state, lineStarts: starts, position: position)
        }
    }

    /// The checkpoint at `path`, whatever program or policy made it: its position is checked against
    /// the log in every case; its state is used only when it `isUsable`.
    static func candidate(at path: String, origin: Origin?) -> Candidate? {
        guard let source = Source(path: path) else { return nil }
        var reader = BinaryReader(more: source.next)
        do {
            guard try reader.unsigned() == fileFormat else { return nil }
            let madeUnder = try Origin(program: reader.string(), policy: reader.string())
            let position = try LogPosition(logID: reader.uuid(), seq: reader.signed(), offset: reader.signed(),
                                           length: reader.count(limit: LogFormat.maximumLineLength),
                                           digest: readDigest(&reader))
            return Candidate(position: position, isUsable: madeUnder == origin, reader: reader, source: source)
        } catch {
            return nil
        }
    }

    private static func readDigest(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> SIMD32<UInt8> {
        var digest = SIMD32<UInt8>()
        for k in 0..<32 { digest[k] = try reader.byte() }
        return digest
    }

    /// The checkpoint's bytes after the magic line, in blocks, hashed as they
    /// are read; the trailer is held back and compared at the end.
    fileprivate final class Source {
        private let fd: Int32
        private let end: off_t
        private var offset: off_t
        private var hasher = SHA256()
        private let trailer: [UInt8]
        private var failed = false

        init?(path: String) {
            guard let opened = try? SystemCalls.live.openRegularFile(path, O_RDONLY), opened >= 0 else { return nil }
            fd = opened
            var info = stat()
            let size = fstat(fd, &info) == 0 ? info.st_size : 0
            end = size - 32
            offset = off_t(StateCheckpoint.magic.count)
            guard end >= offset, let head = Source.read(fd, count: StateCheckpoint.magic.count, at: 0),
                  head == StateCheckpoint.magic, let tail = Source.read(fd, count: 32, at: end) else {
                _ = Glibc.close(fd)
                return nil
            }
            trailer = tail
            hasher.update(data: head)
        }

        deinit { _ = Glibc.close(fd) }

        /// True when every byte was read and their hash is the trailer.
        var isIntact: Bool { !failed && offset == end && Array(hasher.finalize()) == trailer }

        func next() -> [UInt8]? {
            guard !failed, offset < end else { return nil }
            guard let block = Source.read(fd, count: Int(min(end - offset, 1 << 20)), at: offset) else {
                failed = true
                return nil
            }
            offset += off_t(block.count)
            hasher.update(data: block)
            return block
        }

        private static func read(_ fd: Int32, count: Int, at offset: off_t) -> [UInt8]? {
            switch SystemCalls.live.readBytes(fd, count: count, at: offset) {
            case .success(let bytes) where bytes.count == count: return bytes
            default: return nil
            }
        }
    }
}

extension DataFolder {
    /// The line a whole `state.checkpoint` names, as a witness for `vtc verify`: the log must still hold it.
    public var checkpointWitness: Witness? {
        guard let candidate = StateCheckpoint.candidate(at: checkpointPath, origin: nil) else { return nil }
        let head = Checkpoint(seq: candidate.position.seq, hash: String(decoding: LogFormat.hex(candidate.position.digest), as: UTF8.self))
        return candidate.isWhole() ? Witness(head: head, file: checkpointPath, source: "state.checkpoint") : nil
    }
}
