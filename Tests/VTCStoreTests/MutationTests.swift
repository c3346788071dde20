import Foundation
import Testing
import VTCCodec
import VTCModel
@testable import VTCStore

/// Seeded mutation tests: thousands of damaged logs, rosters, policies, checkpoints and drafts, each read the
/// way a command reads it. Whatever the damage: no crash, no hang (the time limit), every error one line, and
/// a damaged log never made worse by reading it — the only change reading may make is moving a final
/// fragment without LF aside, whole. Each test takes well under a minute on its own (about 15 s for the logs);
/// the time limit, which catches a hang, leaves room for a machine busy with every other suite at once.
@Suite(.serialized) struct MutationTests {
    static let logCount = 5_000
    static let filesPerKind = 250

    /// Ways to damage bytes, each chosen by the seeded generator.
    struct Mutator {
        var random: SeededRandom

        static let extremeNumbers = ["-9223372036854775808", "9223372036854775807", "18446744073709551616", "-0", "1e309",
                                     "1.5", "99999999999999999999999999", "-1", "0"]

        mutating func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }

        mutating func garbage(_ count: Int) -> [UInt8] {
            let alphabet = Array("{}[]\",:\\0123456789-eE.tfnul \n\u{0}".utf8) + [0xFF, 0xC3, 0xA6, 0xE2, 0x80, 0xAE, 0xED, 0xA0, 0x80]
            return (0..<count).map { _ in random.chance(0.5) ? UInt8(truncatingIfNeeded: random.next()) : pick(alphabet) }
        }

        mutating func nested(_ depth: Int) -> [UInt8] {
            let open: UInt8 = random.chance(0.5) ? UInt8(ascii: "[") : UInt8(ascii: "{")
            return open == UInt8(ascii: "[") ? [UInt8](repeating: open, count: depth) + [UInt8](repeating: UInt8(ascii: "]"), count: depth)
                : Array(String(repeating: "{\"a\":", count: depth).utf8) + Array("1".utf8) + [UInt8](repeating: UInt8(ascii: "}"), count: depth)
        }

        /// One to three damages of one of eleven kinds.
        mutating func mutate(_ original: [UInt8]) -> [UInt8] {
            var bytes = original
            for _ in 0..<random.int(in: 1...3) {
                let at = bytes.isEmpty ? 0 : random.below(bytes.count)
                switch random.below(11) {
                case 0: if !bytes.isEmpty { bytes[at] ^= UInt8(1 << random.below(8)) }
                case 1: if !bytes.isEmpty { bytes[at] = UInt8(truncatingIfNeeded: random.next()) }
                case 2: bytes = Array(bytes.prefix(at))
                case 3: bytes.insert(contentsOf: garbage(random.int(in: 1...40)), at: at)
                case 4: bytes.insert(contentsOf: nested(random.int(in: 60...20_000)), at: at)
                case 5: bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: random.chance(0.5) ? "a" : "\\"), count: random.int(in: 66_000...150_000)), at: at)
                case 6: bytes.insert(contentsOf: pick([[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]), at: at)
                case 7: bytes.insert(contentsOf: [UInt8](repeating: 0, count: random.int(in: 1...50)), at: at)
                case 8:
                    // An integer somewhere replaced by an extreme one.
                    if let digit = bytes[at...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                        var end = digit
                        while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
                        let start = digit > 0 && bytes[digit - 1] == UInt8(ascii: "-") ? digit - 1 : digit
                        bytes.replaceSubrange(start..<end, with: Array(pick(Self.extremeNumbers).utf8))
                    }
                case 9:
                    // A line removed, repeated or moved.
                    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
                    guard lines.count > 2 else { break }
                    let i = random.below(lines.count - 1)
                    switch random.below(3) {
                    case 0: lines.remove(at: i)
                    case 1: lines.insert(lines[i], at: i)
                    default: lines.swapAt(i, random.below(lines.count - 1))
                    }
                    bytes = Array(lines.joined(separator: [0x0A]))
                default:
                    // A key written twice.
                    if let quote = bytes[at...].firstIndex(of: UInt8(ascii: ",")) {
                        bytes.insert(contentsOf: Array(#","actor":"mallory""#.utf8), at: quote)
                    }
                }
            }
            return bytes
        }
    }

    /// The real system without syncs: these tests are about what reading does with damage, not about
    /// durability, and thousands of `fsync`s would make them slow on a busy disk.
    static let unsynced: SystemCalls = {
        var s = SystemCalls.testing
        s.fsync = { _ in 0 }
        s.fdatasync = { _ in 0 }
        return s
    }()

    func expectOneLine(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains("\n") && !text.isEmpty, "\(what): \(text)", sourceLocation: sourceLocation)
    }

    /// A log of every kind of event, written through the normal path.
    static let baseLog: [UInt8] = {
        let folder = TemporaryFolder()
        let log = try! EventLog.open(in: folder.folder, system: .testing)
        try! log.append(contentsOf: Fixture.events())
        return folder.bytes()
    }()

    @Test(.timeLimit(.minutes(2)))
    func fiveThousandDamagedLogsAreReadWithoutCrashOrHangAndNeverMadeWorse() throws {
        var mutator = Mutator(random: SeededRandom(seed: 14))
        let folder = TemporaryFolder()
        var (damaged, setAside, torn, intact) = (0, 0, 0, 0)
        for round in 0..<Self.logCount {
            let before = mutator.mutate(Self.baseLog)
            folder.write(before)
            for name in folder.names() where name.hasPrefix("events.jsonl.torn-") { unlink(folder.path + "/" + name) }
            let report = LogVerifier.verify(bytes: before)
            for problem in report.problems { expectOneLine(problem.description, "round \(round)") }
            expectOneLine(report.summary, "round \(round)")
            do {
                let workspace = try Workspace.open(folder.folder, user: "mette", system: Self.unsynced, checkpointInterval: .max)
                if let reason = workspace.readOnlyReason { expectOneLine(reason, "round \(round)") }
                for notice in workspace.notices { expectOneLine(notice, "round \(round)") }
                if workspace.damage != nil { damaged += 1 } else if !workspace.setAside.isEmpty { setAside += 1 } else { intact += 1 }
            } catch {
                expectOneLine(error.description, "round \(round)")
            }
            let after = folder.bytes()
            if after == before { continue }
            // The one change reading may make: a final fragment without LF moved aside, whole.
            let lastLF = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let copies = folder.names().filter { $0.hasPrefix("events.jsonl.torn-") }
            let kept = Array(before[..<lastLF])
            // A log that was nothing but a fragment is then empty, and gets its header like any new log.
            let headerOnly = after.last == 0x0A && after.filter { $0 == 0x0A }.count == 1
            let movedAside = before.last != 0x0A && copies.count == 1 && folder.bytes(copies[0]) == Array(before[lastLF...])
                && (after == kept || (kept.isEmpty && headerOnly))
            let headerWritten = before.isEmpty && headerOnly
            #expect(movedAside || headerWritten, """
                round \(round): reading changed the log from \(before.count) to \(after.count) bytes \
                (ends in LF: \(before.last == 0x0A), copies: \(copies.count), tail: \(String(decoding: before.suffix(60), as: UTF8.self)))
                """)
            if movedAside { torn += 1 }
        }
        // The mutations reach every outcome, so each is tested.
        #expect(damaged > 100 && setAside > 10 && torn > 100 && intact > 10, "damaged \(damaged), set aside \(setAside), torn \(torn), intact \(intact)")
    }

    /// A roster that names the acting user, and a policy that sets everything it can.
    static let baseRoster = Array(#"{"units":["Bostedet Åen","Skovbrynet"],"users":[{"user":"mette","name":"Mette","roles":{"staff":["Bostedet Åen"],"leader":["Skovbrynet"],"amg":"*"}},{"user":"lis","roles":{"coordinator":"*"}}]}"#.utf8)
    static let basePolicy = Array(#"{"zone":"Europe/Copenhagen","easy_threshold_days":3,"amg_meeting":{"weekday":"sunday","time":"02:30"},"rules":[{"kind":"debriefing","when":[{"min_severity":4}],"due":{"type":"days_after_episode","days":3},"responsible":"leader","stays_open":false}]}"#.utf8)

    @Test(.timeLimit(.minutes(2)))
    func aThousandDamagedRostersPoliciesCheckpointsAndDraftsAreReadWithoutCrashOrHang() throws {
        var mutator = Mutator(random: SeededRandom(seed: 1414))
        let folder = TemporaryFolder()
        folder.write(Self.baseLog)
        #expect(try PolicyFile.parse(Self.basePolicy).easyThresholdDays == 3)
        #expect(try RosterFile.parse(Self.baseRoster).access(for: "mette") != nil)
        let log = folder.bytes()
        var files = 0

        for (name, base) in [("roster.json", Self.baseRoster), ("policy.json", Self.basePolicy)] {
            for round in 0..<Self.filesPerKind {
                folder.write(mutator.mutate(base), to: name)
                do {
                    _ = try Workspace.open(folder.folder, user: "mette", system: Self.unsynced, checkpointInterval: .max)
                } catch {
                    expectOneLine(error.description, "\(name) round \(round)")
                }
                #expect(folder.bytes() == log, "\(name) round \(round): the log changed")
                files += 1
            }
            unlink(folder.path + "/" + name)
        }

        // A checkpoint of the log, then damaged: never trusted, never taken for a log cut short.
        let reference = try Workspace.open(folder.folder, user: "mette", system: Self.unsynced, checkpointInterval: 1).state
        let checkpoint = folder.bytes("state.checkpoint")
        #expect(!checkpoint.isEmpty)
        for round in 0..<Self.filesPerKind {
            folder.write(mutator.mutate(checkpoint), to: "state.checkpoint")
            let workspace = try Workspace.open(folder.folder, user: "mette", system: Self.unsynced, checkpointInterval: .max)
            #expect(workspace.state == reference, "checkpoint round \(round)")
            #expect(workspace.damage == nil, "checkpoint round \(round): \(String(describing: workspace.damage))")
            files += 1
        }

        let workspace = try Workspace.open(folder.folder, user: "mette", system: Self.unsynced, checkpointInterval: .max)
        let id = UUID()
        try workspace.saveDraft(id: id, fields: .object([("description", .string("Blev skubbet; \"rolig\" æøå")), ("severity", .int(3))]))
        let draftName = "drafts/mette-\(id.lowercasedString).json"
        let draft = folder.bytes(draftName)
        #expect(!draft.isEmpty)
        for round in 0..<Self.filesPerKind {
            folder.write(mutator.mutate(draft), to: draftName)
            let listing = try workspace.listDrafts()
            for unreadable in listing.unreadable { expectOneLine(unreadable, "draft round \(round)") }
            #expect(listing.drafts.count + listing.unreadable.count == 1, "draft round \(round)")
            files += 1
        }
        #expect(files >= 1_000)
    }
}

/// The writer never writes what the reader would refuse: `EventLog.append` reads each line back with the
/// reader's own decoder and rules first. Over random payloads (numbers and dates across and beyond every
/// bound, awkward text), every append either is read back as exactly the event written, or is refused
/// before a byte is written — and it is refused exactly when `EventRules` refuses the payload.
@Suite struct WriterReaderAgreementTests {
    struct Sampler {
        var random: SeededRandom
        mutating func int(_ range: ClosedRange<Int>) -> Int { random.int(in: range) }
        mutating func day() -> CalendarDate { Fixture.day.adding(days: int(-400...400)) }
        mutating func text() -> String {
            let pieces = ["æøå", "\"", "\\", "\n", "\t", "😀", "e\u{301}", "B-17", "{", "}", " ", "Åbo", "x"]
            return (0..<int(1...6)).map { _ in pieces[random.below(pieces.count)] }.joined()
        }

        mutating func payload() -> EventPayload {
            var r = Fixture.registration
            switch random.below(5) {
            case 0:
                r.absenceDays = random.chance(0.2) ? nil : int(-3...4_000)
                r.firstAbsenceDay = random.chance(0.2) ? nil : day()
                r.description = text()
                r.citizenRef = random.chance(0.3) ? nil : text()
                return .registered(incident: UUID(), r)
            case 1:
                return .absenceUpdated(incident: Fixture.incident, firstDay: day(), days: int(-3...4_000))
            case 2:
                return .supervisionHeld(SupervisionSession(unit: text(), date: day(), form: .group,
                                                           evaluation: random.chance(0.2) ? nil : int(-1...7), note: text()))
            case 3:
                return .amended(incident: Fixture.incident, changes: [
                    FieldChange(field: .absenceDays, old: .int(int(0...10)), new: random.chance(0.5) ? .null : .int(int(-2...4_000))),
                    FieldChange(field: .description, old: .string(text()), new: .string(text())),
                ])
            default:
                return .noteAdded(incident: Fixture.incident, text: text())
            }
        }
    }

    @Test func everyAppendIsReadBackAsWrittenOrRefusedBeforeWriting() throws {
        var sampler = Sampler(random: SeededRandom(seed: 2026))
        let folder = TemporaryFolder()
        let log = try EventLog.open(in: folder.folder, system: .testing)
        var (written, refused) = (0, 0)
        for round in 0..<600 {
            let event = Event(at: Fixture.at, actor: "mette", payload: sampler.payload())
            let before = folder.bytes()
            do {
                try log.append(event)
                #expect(EventRules.violation(in: event.payload) == nil, "round \(round): written though the rules refuse it")
                written += 1
            } catch {
                guard case .refusedByReader = error else { Issue.record("round \(round): \(error)"); continue }
                #expect(EventRules.violation(in: event.payload) != nil, "round \(round): refused though the rules accept it")
                #expect(folder.bytes() == before, "round \(round): a refused append wrote")
                refused += 1
            }
        }
        let readBack = try EventLog.open(fileAt: folder.logPath, system: .testing)
        #expect(try readBack.readNew().count == written)
        #expect(readBack.damage == nil && readBack.setAside.isEmpty)
        #expect(written > 100 && refused > 100, "written \(written), refused \(refused)")
    }
}
