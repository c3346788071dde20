import Foundation
import Testing
@testable import VTCStore

/// Each kind of tampering: `verify` names the right line, and the log refuses writes.
@Suite struct TamperingTests {
    /// A log of a header and the fixture events (16 lines), and its lines.
    func makeLog() throws -> (TemporaryFolder, [[UInt8]]) {
        let dir = TemporaryFolder()
        let log = try EventLog.open(in: dir.folder, system: .testing)
        try log.append(contentsOf: Fixture.events())
        return (dir, dir.lines())
    }

    func join(_ lines: [[UInt8]]) -> [UInt8] { lines.flatMap { $0 + [0x0A] } }

    func expectWritingRefused(_ dir: TemporaryFolder, line: Int) throws {
        let log = try EventLog.open(in: dir.folder)
        #expect(log.damage?.line == line)
        let before = dir.bytes()
        #expect(throws: LogError.self) { try log.append(Fixture.note("efter")) }
        #expect(dir.bytes() == before)
    }

    @Test func anIntactLogVerifiesWithItsCounts() throws {
        let (dir, lines) = try makeLog()
        let report = try LogVerifier.verify(fileAt: dir.logPath)
        #expect(report.isIntact)
        #expect(report.lines == lines.count)
        #expect(report.events == Fixture.events().count)
        #expect(report.incidents == 1)
        #expect(report.head == Checkpoint(seq: Int64(lines.count), hash: String(decoding: LogFormat.hash(lines.last!), as: UTF8.self)))
        #expect(report.summary.hasPrefix("intact: 16 lines, 15 events, 1 incidents, head seq 16, sha256 "))
    }

    @Test func oneByteChangedInsideATextOfAMiddleLineIsCaughtByTheNextLinesPrev() throws {
        let (dir, lines) = try makeLog()
        var changed = lines
        let text = String(decoding: lines[6], as: UTF8.self)
        changed[6] = Array(text.replacingOccurrences(of: "Læst", with: "Læsd").utf8)
        #expect(changed[6] != lines[6])
        dir.write(join(changed))
        let report = LogVerifier.verify(bytes: dir.bytes())
        #expect(report.problems.map(\.line) == [8])
        #expect(report.problems.first?.kind == .hashMismatch)
        #expect(report.problems.first?.detail.contains("line 7 was changed") == true)
        try expectWritingRefused(dir, line: 8)
    }

    @Test func oneByteChangedIntoInvalidJSONNamesThatLine() throws {
        let (dir, lines) = try makeLog()
        var changed = lines
        changed[4][0] = UInt8(ascii: "[")
        dir.write(join(changed))
        let report = LogVerifier.verify(bytes: dir.bytes())
        #expect(report.problems.first?.line == 5)
        #expect(report.problems.first?.kind == .invalidJSON)
        try expectWritingRefused(dir, line: 5)
    }

    @Test func aDeletedLineIsASequenceGapAndAHashMismatchOnTheLineAfter() throws {
        let (dir, lines) = try makeLog()
        var changed = lines
        changed.remove(at: 9)
        dir.write(join(changed))
        let report = LogVerifier.verify(bytes: dir.bytes())
        #expect(Set(report.problems.map(\.line)) == [10])
        #expect(Set(report.problems.map(\.kind)) == [.sequence, .hashMismatch])
        try expectWritingRefused(dir, line: 10)
    }

    @Test func twoSwappedLinesAreReportedFromTheFirstOfThem() throws {
        let (dir, lines) = try makeLog()
        var changed = lines
        changed.swapAt(3, 4)
        dir.write(join(changed))
        let report = LogVerifier.verify(bytes: dir.bytes())
        #expect(report.problems.first?.line == 4)
        #expect(report.problems.map(\.line).allSatisfy { (4...6).contains($0) })
        #expect(report.problems.contains { $0.line == 5 && $0.kind == .sequence })
        try expectWritingRefused(dir, line: 4)
    }

    @Test func aLineAppendedByHandWithAWrongPrevIsNamed() throws {
        let (dir, lines) = try makeLog()
        let forged = LogFormat.eventLine(seq: Int64(lines.count + 1), prev: LogFormat.hash(lines[0]), event: Fixture.note("falsk"))
        dir.write(join(lines + [forged]))
        let report = LogVerifier.verify(bytes: dir.bytes())
        #expect(report.problems.map(\.line) == [lines.count + 1])
        #expect(report.problems.first?.kind == .hashMismatch)
        try expectWritingRefused(dir, line: lines.count + 1)
    }

    @Test func aReplacedHeaderIsCaughtOnLineTwo() throws {
        let (dir, lines) = try makeLog()
        var changed = lines
        changed[0] = LogFormat.headerLine(logID: UUID(), createdAt: Fixture.at)
        dir.write(join(changed))
        let report = LogVerifier.verify(bytes: dir.bytes())
        #expect(report.problems.map(\.line) == [2])
        #expect(report.problems.first?.detail.contains("line 1 was changed") == true)
        try expectWritingRefused(dir, line: 2)
    }

    @Test func aHeaderThatIsNotAHeaderIsNamedAsLineOne() throws {
        let (dir, lines) = try makeLog()
        var changed = lines
        changed[0] = Array(String(decoding: lines[0], as: UTF8.self).replacingOccurrences(of: "\"header\"", with: "\"heder\"").utf8)
        dir.write(join(changed))
        let report = LogVerifier.verify(bytes: dir.bytes())
        #expect(report.problems.first == LogProblem(line: 1, kind: .header, detail: "line 1 is not a header"))
    }

    @Test func verifyListsEveryProblemNotJustTheFirst() throws {
        let (dir, lines) = try makeLog()
        var changed = lines
        changed[2] = Array("not json".utf8)
        changed[10][0] = 0
        changed.remove(at: 13)
        dir.write(join(changed))
        let report = LogVerifier.verify(bytes: dir.bytes())
        #expect(report.problems.contains { $0.line == 3 && $0.kind == .invalidJSON })
        #expect(report.problems.contains { $0.line == 4 && $0.kind == .hashMismatch })
        #expect(report.problems.contains { $0.line == 11 && $0.kind == .invalidJSON && $0.detail.contains("NUL") })
        #expect(report.problems.contains { $0.line == 14 && $0.kind == .sequence })
        #expect(report.events == Fixture.events().count - 6)
    }

    @Test func verifyReportsATornTailWithoutChangingTheFile() throws {
        let (dir, lines) = try makeLog()
        let bytes = join(lines) + Array("{\"seq\":17".utf8)
        dir.write(bytes)
        let report = try LogVerifier.verify(fileAt: dir.logPath)
        #expect(report.problems.map(\.line) == [17])
        #expect(report.problems.first?.kind == .tornTail)
        #expect(report.head?.seq == 16)
        #expect(dir.bytes() == bytes)
    }

    @Test func textQuotedFromTheFileIsEscapedAndShortInAProblem() throws {
        let (dir, lines) = try makeLog()
        var changed = lines
        let hostile = "\\u001b[2J\\nrm -rf" + String(repeating: "x", count: 1000)
        changed[1] = Array(String(decoding: lines[1], as: UTF8.self)
            .replacingOccurrences(of: "\"kind\":\"physical_violence\"", with: "\"kind\":\"\(hostile)\"").utf8)
        dir.write(join(changed))
        let detail = try #require(LogVerifier.verify(bytes: dir.bytes()).problems.first { $0.line == 2 }?.detail)
        #expect(detail.hasPrefix("data.kind: unknown value \"\\u{1b}[2J\\u{a}rm -rf"))
        #expect(!detail.unicodeScalars.contains { $0.value < 0x20 })
        #expect(detail.count <= LogProblem.maximumDetailLength + 1)
    }

    @Test func anEventThatDoesNotDecodeIsSetAsideNamingTheKey() throws {
        let (dir, lines) = try makeLog()
        var changed = lines
        let text = String(decoding: lines[1], as: UTF8.self)
        changed[1] = Array(text.replacingOccurrences(of: "\"severity\":3", with: "\"severity\":9").utf8)
        dir.write(join(changed))
        let report = LogVerifier.verify(bytes: dir.bytes())
        #expect(report.problems.first { $0.line == 2 }?.kind == .setAside)
        #expect(report.problems.first { $0.line == 2 }?.detail.contains("data.severity") == true)
    }
}
