import Foundation
import Testing
import VTCCodec
@testable import VTCStore

/// Reading prepares lines (hash + decode) on several cores and checks the
/// chain in order. Whatever the damage and wherever it is, that must give
/// exactly what checking one line after another gives.
@Suite struct ParallelReadTests {
    /// Enough lines that one chunk is spread over several tasks (`LineSplitter.linesPerTask` is 256).
    static let eventCount = 2_400

    /// The lines of a log: a header, then events; every 50th event line is written
    /// with `prev` before `seq`, which the fast decoder leaves to the general parser.
    static func lines() -> [[UInt8]] {
        var lines = [LogFormat.headerLine(logID: Fixture.incident, createdAt: Fixture.at)]
        let events = Fixture.events()
        for i in 0..<eventCount {
            var event = events[i % events.count]
            event.id = UUID()
            let seq = Int64(i + 2)
            let prev = String(decoding: LogFormat.hash(lines.last!), as: UTF8.self)
            lines.append(i % 50 == 7
                ? JSONWriter.encode(.object([("prev", .string(prev)), ("seq", .int(seq))] + event.jsonFields))
                : LogFormat.eventLine(seq: seq, prev: LogFormat.hash(lines.last!), event: event))
        }
        return lines
    }

    static func join(_ lines: [[UInt8]]) -> [UInt8] { lines.flatMap { $0 + [0x0A] } }

    /// One line after another through `ChainChecker`, without `LineSplitter`: the reference.
    struct Sequential {
        var problems: [LogProblem] = []
        var events: [LoggedEvent] = []
        var head: Checkpoint?
        /// What a reader that stops at the first bad line has: its events and head.
        var eventsBeforeDamage: [LoggedEvent] = []
        var headBeforeDamage: Checkpoint?
        /// The first line that breaks the chain, and the lines set aside before it.
        var damage: LogProblem?
        var setAsideBeforeDamage: [LogProblem] = []

        init(_ bytes: [UInt8]) {
            var checker = ChainChecker()
            var end: Int64 = 0
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
                end += Int64(line.count + 1)
                let prepared = Array(line).withUnsafeBytes { PreparedLine($0, end: end) }
                switch checker.check(prepared) {
                case .header: break
                case .event(let e): events.append(LoggedEvent(seq: checker.expectedSeq &- 1, event: e, offset: end - Int64(line.count) - 1))
                case .setAside(let p):
                    problems.append(p)
                    if damage == nil { setAsideBeforeDamage.append(p) }
                case .bad(let p):
                    if damage == nil {
                        eventsBeforeDamage = events
                        headBeforeDamage = head
                        damage = p.first
                    }
                    problems += p
                }
                head = checker.head
            }
            if damage == nil {
                eventsBeforeDamage = events
                headBeforeDamage = head
            }
        }
    }

    static let damages: [(String, @Sendable ([[UInt8]]) -> [[UInt8]])] = [
        ("intact", { $0 }),
        ("a byte changed in line 3", { var l = $0; l[2][l[2].count - 5] ^= 0x01; return l }),
        ("a byte changed in line 1000", { var l = $0; l[999][l[999].count / 2] = UInt8(ascii: "#"); return l }),
        ("a byte changed in the last line", { var l = $0; l[l.count - 1][40] = UInt8(ascii: "g"); return l }),
        ("line 700 removed", { var l = $0; l.remove(at: 699); return l }),
        ("lines 1200 and 1201 swapped", { var l = $0; l.swapAt(1199, 1200); return l }),
        ("invalid JSON inserted before line 1500", { var l = $0; l.insert(Array("{\"seq\":".utf8), at: 1499); return l }),
        ("NUL bytes in line 900", { var l = $0; l[899].replaceSubrange(10..<14, with: [0, 0, 0, 0]); return l }),
        ("invalid UTF-8 in line 1800", { var l = $0; l[1799].insert(0xFF, at: l[1799].count - 20); return l }),
        ("the header removed", { Array($0.dropFirst()) }),
        ("line 300 duplicated", { var l = $0; l.insert(l[299], at: 300); return l }),
    ]

    @Test("verify over one parallel chunk reports what a line-by-line check reports, for each kind of damage",
          arguments: damages.indices)
    func verifyMatchesSequential(damage: Int) {
        let (name, apply) = Self.damages[damage]
        let bytes = Self.join(apply(Self.lines()))
        let parallel = LogVerifier.verify(bytes: bytes)
        let reference = Sequential(bytes)
        #expect(parallel.problems == reference.problems, "\(name)")
        #expect(parallel.events == reference.events.count, "\(name)")
        #expect(parallel.head == reference.head, "\(name)")
        #expect(parallel.isIntact == (name == "intact"), "\(name)")
    }

    @Test("verify fed in small chunks (lines across chunk boundaries, no parallel runs) agrees with one big chunk",
          arguments: damages.indices)
    func chunkedVerifyMatchesWhole(damage: Int) {
        let bytes = Self.join(Self.damages[damage].1(Self.lines()))
        let whole = LogVerifier.verify(bytes: bytes)
        for chunkSize in [997, 64 * 1024] {
            #expect(LogVerifier.verify(bytes: bytes, chunkSize: chunkSize) == whole, "\(Self.damages[damage].0), chunks of \(chunkSize)")
        }
    }

    @Test("a torn last line is reported the same in one chunk and in small chunks")
    func tornTailAgrees() {
        var bytes = Self.join(Self.lines())
        bytes.removeLast(30)
        let whole = LogVerifier.verify(bytes: bytes)
        #expect(whole.problems.map(\.kind) == [.tornTail])
        #expect(LogVerifier.verify(bytes: bytes, chunkSize: 997) == whole)
    }

    @Test("opening a damaged log gives the events, damage and head of a line-by-line read that stops at the damage",
          arguments: damages.indices)
    func openMatchesSequential(damage: Int) throws {
        let (name, apply) = Self.damages[damage]
        let bytes = Self.join(apply(Self.lines()))
        let dir = TemporaryFolder()
        dir.write(bytes)
        let log = try EventLog.open(fileAt: dir.logPath, system: .testing)
        let events = try log.readNew()
        let reference = Sequential(bytes)
        #expect(events == reference.eventsBeforeDamage, "\(name)")
        #expect(log.damage == reference.damage, "\(name)")
        #expect(log.setAside == reference.setAsideBeforeDamage, "\(name)")
        #expect(log.head == reference.headBeforeDamage, "\(name)")
    }

    @Test("an event line where the header should be is refused as not a header, though the fast decoder reads it")
    func eventOnLineOneIsNotAHeader() {
        let lines = Array(Self.lines().dropFirst())
        let report = LogVerifier.verify(bytes: Self.join(lines))
        let first = report.problems.filter { $0.line == 1 }
        #expect(first.map(\.kind) == [.sequence, .hashMismatch, .header])
        #expect(first.last?.detail == "line 1 is not a header")
    }
}
