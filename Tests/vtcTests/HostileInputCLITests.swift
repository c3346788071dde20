import Foundation
import Glibc
import Testing
import VTCStore

/// The attacks and slips of issue 14, each through the `vtc` binary: one clear line, the right exit status, no
/// crash, no hang, and nothing stored changed — and the log stays usable for everyone afterwards.
@Suite struct HostileInputCLITests {
    static let registration = ["register", "--kind", "threat", "--severity", "1", "--description", "x"]

    func expectOneLine(_ result: VTCProcess.Result, status: Int32, containing text: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "one line: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func aRegistrationWithAbsenceDaysOutOfRangeIsRefusedAndTheLogStaysWritable() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(Array(Self.registration.dropFirst()))
        let before = vtc.logBytes
        let json = #"{"unit":"Min enhed","kind":"threat","severity":1,"description":"x","first_absence_day":"2026-11-20","absence_days":1000001}"#
        let refused = try vtc.run(["register", "--json", "-"], stdin: json)
        expectOneLine(refused, status: 2, containing: "absence_days: must be 0–3650 days, got 1000001")
        #expect(vtc.logBytes == before)
        #expect(try vtc.run(Self.registration).status == 0, "writes go on")
    }

    @Test func absenceThatStartsBeforeTheEpisodeIsRefused() throws {
        let vtc = VTCProcess()
        // An existing folder, so that the first write has nothing to say about creating one.
        try FileManager.default.createDirectory(atPath: vtc.folder, withIntermediateDirectories: true)
        let refused = try vtc.run(Self.registration + ["--occurred", "2025-03-01T10:00", "--first-absence-day", "2025-01-01",
                                                       "--absence-days", "2"])
        expectOneLine(refused, status: 2, containing: "first_absence_day: 2025-01-01 is before the episode (2025-03-01)")
        #expect(vtc.logBytes.isEmpty || !String(decoding: vtc.logBytes, as: UTF8.self).contains("registered"))
    }

    @Test func theLowestIntegerInALineIsRefusedNotACrash() throws {
        let vtc = VTCProcess()
        let id = try vtc.register(Array(Self.registration.dropFirst()))
        try LogWriter.appendChainedLine(in: vtc.folder, fields: #""format":1,"id":"\#(UUID().lowercasedString)","at":"2026-11-20T10:00:00Z","actor":"x","type":"registered","data":{"incident":"\#(UUID().lowercasedString)","occurred_at":"2026-11-20T09:00:00Z","unit":"Min enhed","location":null,"kind":"threat","severity":1,"involvement":"direct","counterpart":"citizen","citizen_ref":null,"injury":"none","first_absence_day":"2026-11-20","absence_days":-9223372036854775808,"description":"x","first_aid":false,"defusing_held":false,"wants_leader_talk":false,"wants_psychologist":false,"police_report":false}"#)
        let verify = try vtc.run(["verify"])
        #expect(verify.status == 1, "\(verify.stderr)")
        #expect(verify.stdout.contains("line 3: set aside: data.absence_days"), "\(verify.stdout)")
        let list = try vtc.run(["list", "--format", "json"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains(id))
        #expect(try vtc.run(Self.registration).status == 0, "a set-aside line does not stop writes")
    }

    @Test func aLineWithAKeyTwiceIsDamageNamingTheKey() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(Array(Self.registration.dropFirst()))
        try LogWriter.appendChainedLine(in: vtc.folder, fields: #""format":1,"id":"\#(UUID().lowercasedString)","at":"2026-11-20T10:00:00Z","actor":"mallory","actor":"mette","type":"note_added","data":{"incident":"\#(UUID().lowercasedString)","text":"x"}"#)
        let verify = try vtc.run(["verify"])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains(#"line 3: invalid JSON: duplicate key "actor""#), "\(verify.stdout)")
    }

    @Test func aCompleteLastLineThatDoesNotParseIsNeverCutAway() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(Array(Self.registration.dropFirst()))
        var bytes = vtc.logBytes
        bytes += Data("{\"seq\":3,\"prev\":\"00\",\"for\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: vtc.logPath))
        let list = try vtc.run(["list"])
        #expect(list.status == 0, "reading works read-only: \(list.stderr)")
        #expect(vtc.logBytes == bytes, "an acknowledged line is never cut away")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: vtc.folder)).contains { $0.contains("torn") })
        #expect(try vtc.run(Self.registration).status == 5)
    }

    @Test(arguments: ["roster.json", "policy.json", "state.checkpoint"])
    func aFIFOInPlaceOfAFileDoesNotHang(name: String) throws {
        let vtc = VTCProcess()
        _ = try vtc.register(Array(Self.registration.dropFirst()))
        #expect(mkfifo(vtc.folder + "/" + name, 0o600) == 0)
        let result = try vtc.run(["list"], timeout: 20)
        #expect(result.status != -1, "vtc hung on a FIFO named \(name)")
        if name == "state.checkpoint" {
            #expect(result.status == 0, "a checkpoint that is not a file is ignored: \(result.stderr)")
        } else {
            expectOneLine(result, status: 5, containing: "\(name): is not a regular file (a FIFO)")
        }
    }

    @Test func aPolicyThatLinksToDevZeroIsRefusedNotRead() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(Array(Self.registration.dropFirst()))
        #expect(symlink("/dev/zero", vtc.folder + "/policy.json") == 0)
        expectOneLine(try vtc.run(["list"], timeout: 20), status: 5, containing: "policy.json: is a symbolic link")
    }

    @Test func aPolicyOverOneMegabyteIsRefusedWithAClearLine() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(Array(Self.registration.dropFirst()))
        try Data(repeating: 0x20, count: (1 << 20) + 1).write(to: URL(fileURLWithPath: vtc.folder + "/policy.json"))
        expectOneLine(try vtc.run(["list"]), status: 5, containing: "policy.json: is larger than the 1024 KiB")
    }

    @Test func aLogThatIsASymbolicLinkIsNeverWrittenThrough() throws {
        let vtc = VTCProcess()
        try FileManager.default.createDirectory(atPath: vtc.folder, withIntermediateDirectories: true)
        let victim = vtc.folder + "/victim.txt"
        let precious = Data("precious, without a final line feed".utf8)
        try precious.write(to: URL(fileURLWithPath: victim))
        #expect(symlink(victim, vtc.logPath) == 0)
        expectOneLine(try vtc.run(["list"]), status: 5, containing: "events.jsonl: is a symbolic link")
        #expect(FileManager.default.contents(atPath: victim) == precious)
    }

    @Test func anEpisodeWithAFirstAbsenceDayAndZeroDaysDidNotLeadToAbsenceAnywhere() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(["--kind", "physical_violence", "--severity", "2", "--description", "x",
                              "--occurred", "2025-03-01T10:00", "--first-absence-day", "2025-03-01", "--absence-days", "0"])
        let stats = try vtc.run(["stats", "--period", "year", "--since", "2025-01-01", "--format", "json", "--as-of", "2025-04-01T12:00"])
        let periods = stats.object["periods"] as? [[String: Any]] ?? []
        #expect(periods.first?["with_absence"] as? Int == 0, "\(stats.stdout)")
        let shown = try vtc.run(["list", "--format", "json"]).stdout
        #expect(!shown.contains("sick_leave_contact"))
        #expect(!shown.contains("easy_report"))
    }
}

/// Losses and rewrites are caught: `vtc head` notes the head; `vtc verify --witness` checks the log still holds it.
@Suite struct WitnessCLITests {
    static let registration = ["--kind", "threat", "--severity", "1", "--description", "x"]

    /// A log of three events and a witness file noting the head after each, as minutes would.
    func logWithWitness() throws -> (VTCProcess, String) {
        let vtc = VTCProcess()
        var minutes = "AMG-referat\n"
        for week in 1...3 {
            _ = try vtc.register(Self.registration)
            let head = try vtc.run(["head"])
            #expect(head.status == 0)
            minutes += "Uge \(week): Log head: \(head.line) (noteret)\n"
        }
        let path = vtc.folder + "/../" + UUID().uuidString + "-minutes.txt"
        try minutes.write(toFile: path, atomically: true, encoding: .utf8)
        return (vtc, path)
    }

    @Test func headIsSeqAndAShortHashThatVerifyAccepts() throws {
        let (vtc, minutes) = try logWithWitness()
        defer { try? FileManager.default.removeItem(atPath: minutes) }
        let head = try vtc.run(["head"]).line
        #expect(head.range(of: #"^seq 4 sha256 [0-9a-f]{32}$"#, options: .regularExpression) != nil, "\(head)")
        let verify = try vtc.run(["verify", "--witness", minutes])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test func aLogCutAtALineBoundaryFailsTheWitnessNamingTheFirstHeadLost() throws {
        let (vtc, minutes) = try logWithWitness()
        defer { try? FileManager.default.removeItem(atPath: minutes) }
        var lines = vtc.logBytes.split(separator: 0x0A)
        lines.removeLast()
        try Data(lines.joined(separator: [0x0A]) + [0x0A]).write(to: URL(fileURLWithPath: vtc.logPath))
        #expect(try vtc.run(["verify"]).status == 0, "the chain alone cannot tell")
        let verify = try vtc.run(["verify", "--witness", minutes])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("line 4: truncated: the log has 3 lines and no longer holds line 4, named by head 3 of"),
                "\(verify.stdout)")
    }

    @Test func aLineRewrittenWithEveryLaterHashRecomputedFailsTheWitness() throws {
        let (vtc, minutes) = try logWithWitness()
        defer { try? FileManager.default.removeItem(atPath: minutes) }
        // Rewrite line 3's description and re-chain line 4, as a careful forger would.
        var lines = vtc.logBytes.split(separator: 0x0A).map(Array.init)
        lines[2] = Array(String(decoding: lines[2], as: UTF8.self).replacingOccurrences(of: #""description":"x""#,
                                                                                         with: #""description":"y""#).utf8)
        let oldPrev = String(decoding: lines[3], as: UTF8.self)
        let newPrev = String(decoding: LogFormat.hash(lines[2]), as: UTF8.self)
        lines[3] = Array(oldPrev.replacingOccurrences(of: String(oldPrev.split(separator: "\"")[5]), with: newPrev).utf8)
        try Data(lines.joined(separator: [0x0A]) + [0x0A]).write(to: URL(fileURLWithPath: vtc.logPath))
        #expect(try vtc.run(["verify"]).status == 0, "the chain alone cannot tell")
        let verify = try vtc.run(["verify", "--witness", minutes])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("line 3: rewritten: line 3 is not the line named by head 2 of"), "\(verify.stdout)")
    }

    @Test func aWitnessFileWithoutHeadsIsRefused() throws {
        let (vtc, minutes) = try logWithWitness()
        try "nothing here\n".write(toFile: minutes, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: minutes) }
        let verify = try vtc.run(["verify", "--witness", minutes])
        #expect(verify.status == 2)
        #expect(verify.stderr.contains("holds no head"))
    }

    @Test func theWeekReportEndsWithTheHeadInEveryFormat() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(Self.registration)
        let head = try vtc.run(["head"]).line
        #expect(try vtc.run(["week"]).stdout.trimmingCharacters(in: .newlines).hasSuffix("Log head: \(head)"))
        #expect(try vtc.run(["week", "--format", "markdown"]).stdout.trimmingCharacters(in: .newlines).hasSuffix("Log head: `\(head)`"))
        #expect(try vtc.run(["week", "--format", "json"]).object["log_head"] as? String == head)
    }
}

/// User text never reaches a terminal or a spreadsheet as something that acts.
@Suite struct HostileTextCLITests {
    @Test func aCellThatWouldStartAFormulaGetsALeadingQuote() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(["--kind", "threat", "--severity", "1", "--description", "=HYPERLINK(\"http://x\",\"klik\")",
                              "--location", "@SUM(1+1)", "--citizen-ref=-2+3"])
        let rows = CSVReader.rows(try vtc.run(["export", "--format", "csv"]).stdout)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["description"] == "'=HYPERLINK(\"http://x\",\"klik\")")
        #expect(row["location"] == "'@SUM(1+1)")
        #expect(row["citizen_ref"] == "'-2+3")
    }

    @Test(arguments: ["\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}"])
    func invisibleAndDirectionCharactersAreRefusedNamingTheField(character: String) throws {
        let vtc = VTCProcess()
        try FileManager.default.createDirectory(atPath: vtc.folder, withIntermediateDirectories: true)
        let refused = try vtc.run(["register", "--kind", "threat", "--severity", "1", "--description", "ab\(character)cd"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--description holds an invisible or text-direction character"), "\(refused.stderr)")
        #expect(refused.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func oldDataWithARightToLeftOverrideIsShownVisiblyEverywhere() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(["--kind", "threat", "--severity", "1", "--description", "x"])
        let id = UUID().lowercasedString
        try LogWriter.appendChainedLine(in: vtc.folder, fields: #""format":1,"id":"\#(UUID().lowercasedString)","at":"2026-11-20T10:00:00Z","actor":"\#(VTCProcess.currentUser)","type":"registered","data":{"incident":"\#(id)","occurred_at":"2026-11-20T09:00:00Z","unit":"Min enhed","location":null,"kind":"threat","severity":1,"involvement":"direct","counterpart":"citizen","citizen_ref":"B-\u202e41","injury":"none","first_absence_day":null,"absence_days":null,"description":"txt.\u202eexe","first_aid":false,"defusing_held":false,"wants_leader_talk":false,"wants_psychologist":false,"police_report":false}"#)
        let show = try vtc.run(["show", id])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("txt.\\u{202e}exe"), "\(show.stdout)")
        #expect(!show.stdout.contains("\u{202E}"))
        let list = try vtc.run(["list"]).stdout
        #expect(list.contains("B-\\u{202e}41") && !list.contains("\u{202E}"), "\(list)")
        let csv = try vtc.run(["export", "--format", "csv"]).stdout
        #expect(csv.contains("txt.\\u{202e}exe") && !csv.contains("\u{202E}"))
        let markdown = try vtc.run(["week", "2026-W47", "--format", "markdown"]).stdout
        #expect(markdown.contains("B-\\\\u{202e}41") && !markdown.contains("\u{202E}"), "\(markdown)")
        // In JSON the escape is JSON's own, so that a reader gets the same string back.
        let json = try vtc.run(["show", id, "--format", "json"]).stdout
        #expect(json.contains(#"txt.\u202eexe"#) && !json.contains("\u{202E}"), "\(json)")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["description"] as? String) == "txt.\u{202E}exe")
    }

    @Test func theMarkdownReportEscapesHTML() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(["--kind", "threat", "--severity", "1", "--description", "x",
                              "--citizen-ref", "<img src=x onerror=alert(1)>"])
        let markdown = try vtc.run(["week", "--format", "markdown"]).stdout
        #expect(markdown.range(of: #"(?<!\\)<img"#, options: .regularExpression) == nil, "no unescaped HTML: \(markdown)")
        #expect(markdown.contains("\\<img src=x onerror=alert(1)\\>"), "\(markdown)")
    }
}

/// Duplicate keys in the files a person writes by hand are refused too, naming the key.
@Suite struct DuplicateKeyCLITests {
    @Test(arguments: [("roster.json", #"{"units":["A"],"units":["B"],"users":[]}"#, "units"),
                      ("policy.json", #"{"easy_threshold_days":3,"easy_threshold_days":1}"#, "easy_threshold_days")])
    func aKeyTwiceInARosterOrPolicyIsRefusedNamingIt(file: String, text: String, key: String) throws {
        let vtc = VTCProcess()
        _ = try vtc.register(["--kind", "threat", "--severity", "1", "--description", "x"])
        try text.write(toFile: vtc.folder + "/" + file, atomically: true, encoding: .utf8)
        let result = try vtc.run(["list"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("duplicate key \"\(key)\""), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }
}

/// A log cut short below its state checkpoint is reported, never rebuilt over.
@Suite struct CheckpointTruncationCLITests {
    @Test func aLogCutBelowItsCheckpointIsReportedAndTheCheckpointKept() throws {
        let vtc = VTCProcess()
        #expect(try vtc.run(["demo", "--incidents", "1000"]).status == 0)
        #expect(try vtc.run(["list"]).status == 0, "the first opening writes the checkpoint")
        let checkpoint = FileManager.default.contents(atPath: vtc.folder + "/state.checkpoint")
        #expect(checkpoint != nil)
        var lines = vtc.logBytes.split(separator: 0x0A)
        lines.removeLast(3)
        try Data(lines.joined(separator: [0x0A]) + [0x0A]).write(to: URL(fileURLWithPath: vtc.logPath))
        let verify = try vtc.run(["verify"])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains(": truncated: the log has \(lines.count) lines and no longer holds line"), "\(verify.stdout)")
        let write = try vtc.run(["register", "--kind", "threat", "--severity", "1", "--description", "x", "--unit", "Skovbrynet"])
        #expect(write.status == 5, "\(write.stderr)")
        #expect(write.stderr.contains("truncated: the log ends before line"), "\(write.stderr)")
        #expect(FileManager.default.contents(atPath: vtc.folder + "/state.checkpoint") == checkpoint, "kept, not rebuilt")
    }
}
