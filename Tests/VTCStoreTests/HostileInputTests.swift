import Foundation
import Glibc
import Testing
import VTCModel
@testable import VTCStore

/// Random and mutated logs fed to the verifier and to the reader: they must
/// never crash or hang, and always give a verdict.
@Suite struct HostileInputTests {
    static let valid: [UInt8] = {
        var lines = [LogFormat.headerLine(logID: Fixture.incident, createdAt: Fixture.at)]
        for (i, event) in Fixture.events().enumerated() {
            lines.append(LogFormat.eventLine(seq: Int64(i + 2), prev: LogFormat.hash(lines[i]), event: event))
        }
        return lines.flatMap { $0 + [0x0A] }
    }()

    static func mutate(_ base: [UInt8], using g: inout SeededRandom) -> [UInt8] {
        var bytes = base
        switch Int.random(in: 0..<10, using: &g) {
        case 0:
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &g)))
        case 1:
            for _ in 0..<Int.random(in: 1...8, using: &g) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &g)] ^= UInt8.random(in: 1...255, using: &g)
            }
        case 2:
            let at = Int.random(in: 0...bytes.count, using: &g)
            bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "a"), count: Int.random(in: 65_000...90_000, using: &g)), at: at)
        case 3:
            let at = Int.random(in: 0...bytes.count, using: &g)
            bytes.insert(contentsOf: [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80], at: at)
        case 4:
            let depth = Int.random(in: 50...20_000, using: &g)
            let nested = Array("{\"seq\":2,\"prev\":\"x\",\"data\":".utf8) + [UInt8](repeating: UInt8(ascii: "["), count: depth)
            bytes += nested + [UInt8](repeating: UInt8(ascii: "]"), count: depth) + [UInt8(ascii: "}"), 0x0A]
        case 5:
            bytes = (0..<Int.random(in: 0...4000, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }
        case 6:
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if lines.count > 2 {
                let i = Int.random(in: 0..<lines.count, using: &g)
                let j = Int.random(in: 0..<lines.count, using: &g)
                lines.swapAt(i, j)
                lines.insert(lines[i], at: j)
            }
            bytes = Array(lines.joined(separator: [0x0A]))
        case 7:
            bytes.removeAll { $0 == 0x0A && Bool.random(using: &g) && Bool.random(using: &g) }
        case 8:
            let at = Int.random(in: 0...bytes.count, using: &g)
            bytes.insert(contentsOf: [UInt8](repeating: 0, count: Int.random(in: 1...5000, using: &g)), at: at)
        default:
            let digits = Array("99999999999999999999999999".utf8)
            if let at = bytes.firstIndex(of: UInt8(ascii: "2")) { bytes.replaceSubrange(at...at, with: digits) }
        }
        return bytes
    }

    /// Lines as the format counts them: each LF ends one, and bytes after the last LF are one more.
    func countLines(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { buffer in
            var count = 0
            var at = 0
            while at < buffer.count, let found = memchr(buffer.baseAddress! + at, 0x0A, buffer.count - at) {
                count += 1
                at = buffer.baseAddress!.distance(to: UnsafeRawPointer(found)) + 1
            }
            return count + (at < buffer.count ? 1 : 0)
        }
    }

    @Test func thousandsOfMutatedLogsAlwaysGetAVerdictNamingRealLines() {
        var g = SeededRandom(seed: 20_261_122)
        var damaged = 0
        for round in 0..<2000 {
            var bytes = HostileInputTests.valid
            for _ in 0..<Int.random(in: 1...3, using: &g) { bytes = HostileInputTests.mutate(bytes, using: &g) }
            let report = LogVerifier.verify(bytes: bytes)
            let lineCount = countLines(bytes)
            #expect(report.lines == lineCount, "round \(round)")
            #expect(report.problems.allSatisfy { (1...max(1, report.lines)).contains($0.line) }, "round \(round)")
            if !report.isIntact { damaged += 1 }
        }
        #expect(damaged > 1600)
        #expect(LogVerifier.verify(bytes: HostileInputTests.valid).isIntact)
    }

    @Test(arguments: [Int64.max, Int64.min, 0, -1])
    func extremeSeqValuesGiveAVerdictNotATrap(seq: Int64) throws {
        var lines: [[UInt8]] = HostileInputTests.valid.split(separator: 0x0A).map { Array($0) }
        lines[3] = Array(String(decoding: lines[3], as: UTF8.self).replacingOccurrences(of: "\"seq\":4,", with: "\"seq\":\(seq),").utf8)
        let bytes: [UInt8] = lines.flatMap { line -> [UInt8] in line + [0x0A] }
        let report = LogVerifier.verify(bytes: bytes)
        #expect(report.problems.first?.line == 4)
        #expect(report.problems.first?.kind == .sequence)
        // The same line as the last one of a log: reading stops there, and nothing is appended after it.
        let dir = TemporaryFolder()
        dir.write(lines[0..<4].flatMap { $0 + [0x0A] })
        let log = try EventLog.open(in: dir.folder)
        #expect(log.damage?.line == 4)
        #expect(throws: LogError.self) { try log.append(Fixture.note("efter")) }
    }

    @Test func theReaderAcceptsExactlyWhatVerifyCallsIntactAfterRepair() throws {
        var g = SeededRandom(seed: 7)
        for round in 0..<60 {
            let dir = TemporaryFolder()
            var bytes = HostileInputTests.valid
            for _ in 0..<Int.random(in: 1...2, using: &g) { bytes = HostileInputTests.mutate(bytes, using: &g) }
            dir.write(bytes)
            let log = try EventLog.open(in: dir.folder, system: .testing)
            let events = try log.readNew()
            let after = try LogVerifier.verify(fileAt: dir.logPath)
            #expect((log.damage == nil) == after.isIntact, "round \(round): \(log.damage.map(\.description) ?? "no damage") vs \(after.problems)")
            if log.damage == nil {
                #expect(events.count == after.events, "round \(round)")
                #expect(log.head == after.head, "round \(round)")
            } else {
                #expect(after.problems.first?.line == log.damage?.line, "round \(round)")
            }
        }
    }
}
