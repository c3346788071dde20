import Foundation
import Testing
import VTCModel
import VTCCodec
@testable import VTCStore

@Suite struct WorkspaceTests {
    static let registration = Registration(occurredAt: Fixture.at, unit: Roster.defaultSingleUserUnit, kind: .threat,
                                           severity: Severity(rawValue: 2)!, description: "Truede mig i gangen")

    func open(_ temporary: TemporaryFolder, user: String = "mette") throws(WorkspaceError) -> Workspace {
        try Workspace.open(temporary.folder, user: user, system: .testing)
    }

    func register(_ id: UUID = UUID()) -> EventPayload { .registered(incident: id, WorkspaceTests.registration) }

    @Test func anEmptyFolderOpensInSingleUserModeAndAnAppendIsDurable() throws {
        let temporary = TemporaryFolder()
        let workspace = try open(temporary)
        #expect(workspace.roster.isSingleUser)
        #expect(workspace.state.eventCount == 0)
        #expect(!workspace.isReadOnly && workspace.readOnlyReason == nil)
        let id = UUID()
        let events = try workspace.append([register(id)])
        #expect(events.map(\.actor) == ["mette"])
        #expect(workspace.state.incidents[id]?.facts == WorkspaceTests.registration)
        #expect(try workspace.loggedEvents().map(\.seq) == [2])
        #expect(workspace.state.incidents[id].flatMap(workspace.history.events) == events)
        let reopened = try open(temporary)
        #expect(reopened.state.incidents[id]?.registrant == "mette")
    }

    @Test func anEventTheStateRefusesIsNotWritten() throws {
        let temporary = TemporaryFolder()
        let workspace = try open(temporary)
        let before = temporary.bytes()
        #expect(throws: WorkspaceError.self) { try workspace.append([.acknowledged(incident: UUID(), note: nil)]) }
        do {
            try workspace.append([register(), .noteAdded(incident: UUID(), text: "x")])
            Issue.record("the batch was written")
        } catch {
            #expect(error.description.hasPrefix("nothing was written: the note_added event was refused: unknown incident"))
        }
        #expect(temporary.bytes() == before)
        #expect(workspace.state.incidents.isEmpty)
    }

    @Test func refreshAppliesWhatAnotherProcessAppended() throws {
        let temporary = TemporaryFolder()
        let mine = try open(temporary)
        let theirs = try open(temporary, user: "søren")
        let id = UUID()
        try theirs.append([register(id)])
        #expect(mine.state.incidents[id] == nil)
        #expect(try mine.refresh() == 1)
        #expect(mine.state.incidents[id]?.registrant == "søren")
        #expect(try mine.refresh() == 0)
    }

    /// A line set aside while a program stays open (another version wrote it) is shown, and writes go on.
    @Test func aLineSetAsideAfterOpeningIsNoticedAndWritesGoOn() throws {
        let temporary = TemporaryFolder()
        let mine = try open(temporary)
        try mine.append([register(UUID())])
        #expect(mine.notices.isEmpty)
        let last = temporary.lines().last!
        let seq = try JSONParser.parse(last)["seq"]!.int! + 1
        let prev = String(decoding: LogFormat.hash(last), as: UTF8.self)
        let future = #"{"seq":\#(seq),"prev":"\#(prev)","format":2,"id":"\#(UUID().lowercasedString)","type":"hologram"}"#
        temporary.write(temporary.bytes() + Array(future.utf8) + [0x0A])
        #expect(try mine.refresh() == 0)
        #expect(mine.setAside.map(\.line) == [Int(seq)])
        #expect(mine.notices.count == 1)
        #expect(mine.notices.first?.contains("line \(seq) set aside (format: unknown format version 2)") == true, "\(mine.notices)")
        #expect(!mine.isReadOnly)
        let id = UUID()
        try mine.append([register(id)])
        #expect(mine.state.incidents[id] != nil)
    }

    @Test func anAppendAlsoBringsInEventsAppendedMeanwhileInLogOrder() throws {
        let temporary = TemporaryFolder()
        let mine = try open(temporary)
        let theirs = try open(temporary, user: "søren")
        let (first, second) = (UUID(), UUID())
        try theirs.append([register(first)])
        try mine.append([register(second)])
        #expect(mine.state.registrationOrder == [first, second])
        #expect(try mine.loggedEvents().map(\.seq) == [2, 3])
        #expect(mine.state.eventCount == 2)
    }

    /// Two processes on one log: the second writes on a state the first has since changed. Its append is
    /// not chained after lines it never tried its events on: it reads them and tries again, and the rules
    /// refuse what the log, read from the start, would refuse.
    @Test func aWriteOnAStateAnotherProcessChangedIsTriedAgainOnTheChangeAndRefusedIfItNoLongerHolds() throws {
        let temporary = TemporaryFolder()
        let id = UUID()
        try open(temporary).append([register(id)])
        let mine = try open(temporary)
        let theirs = try open(temporary, user: "mette")
        try theirs.append([.withdrawn(incident: id, reason: "registreret to gange")])
        let before = temporary.bytes()
        do {
            try mine.append([.noteAdded(incident: id, text: "Talt med lederen")])
            Issue.record("a note on a withdrawn incident was written")
        } catch {
            #expect(error.description.contains("incident \(id.lowercasedString) was withdrawn"), "\(error)")
        }
        #expect(temporary.bytes() == before)
        #expect(mine.state.incidents[id]?.withdrawal != nil)
        #expect(try open(temporary).state.problems.isEmpty)
    }

    @Test func problemsInTheRosterAndPolicyNameTheFile() throws {
        let temporary = TemporaryFolder()
        temporary.write(Array(#"{"units": ["A"], "users": [{"user": "anna", "roles": {"chef": ["A"]}}]}"#.utf8), to: "roster.json")
        do {
            _ = try open(temporary)
            Issue.record("a broken roster was accepted")
        } catch {
            #expect(error.description.hasPrefix(temporary.path + "/roster.json: "))
            #expect(error.description.contains("chef"))
            #expect(!error.description.contains("\n"))
        }
        temporary.write(Array(#"{"units": ["A"], "users": [{"user": "anna", "roles": {"staff": ["A"]}}]}"#.utf8), to: "roster.json")
        #expect(throws: WorkspaceError.notInRoster(user: "mette", rosterPath: temporary.path + "/roster.json")) { try open(temporary) }
        #expect(try open(temporary, user: "anna").access.has(.staff, in: "A"))
        temporary.write(Array(#"{"easy_threshold_days": "tre"}"#.utf8), to: "policy.json")
        do {
            _ = try open(temporary, user: "anna")
            Issue.record("a broken policy was accepted")
        } catch {
            #expect(error.description.hasPrefix(temporary.path + "/policy.json: "))
        }
    }

    @Test func aDamagedLogOpensReadOnlyAndSaysWhere() throws {
        let temporary = TemporaryFolder()
        let writer = try open(temporary)
        try writer.append([register()])
        try writer.append([register()])
        var lines = temporary.lines()
        lines[1] = Array(String(decoding: lines[1], as: UTF8.self).replacingOccurrences(of: "Truede", with: "Truedé").utf8)
        temporary.write(lines.flatMap { $0 + [0x0A] })
        let workspace = try open(temporary)
        #expect(workspace.isReadOnly)
        #expect(workspace.readOnlyReason?.contains("line 3") == true)
        #expect(workspace.state.incidents.count == 1)
        #expect(throws: WorkspaceError.self) { try workspace.append([register()]) }
    }

    @Test func draftsAreKeptListedAndDeleted() throws {
        let temporary = TemporaryFolder()
        let workspace = try open(temporary)
        let id = UUID()
        try workspace.deleteDraft(id: id)
        let fields = JSONValue.object([("description", .string("halvt skrevet"))])
        try workspace.saveDraft(id: id, fields: fields)
        #expect(try workspace.listDrafts().drafts.map(\.id) == [id])
        #expect(try workspace.loadDraft(id: id)?.fields == fields)
        #expect(try open(temporary, user: "søren").listDrafts().drafts.isEmpty)
        try workspace.deleteDraft(id: id)
        #expect(try workspace.listDrafts().drafts.isEmpty)
        try workspace.deleteDraft(id: id)
    }

    @Test func exportsGoIntoTheExportsFolderUnderAPlainName() throws {
        let temporary = TemporaryFolder()
        let workspace = try open(temporary)
        let path = try workspace.export(fileName: "uge-2026-W47.csv", contents: Array("a;b\næ;ø\n".utf8))
        #expect(path == temporary.path + "/exports/uge-2026-W47.csv")
        #expect(temporary.bytes("exports/uge-2026-W47.csv") == Array("a;b\næ;ø\n".utf8))
        for name in ["../events.jsonl", "a/b.csv", ".hidden", ""] {
            #expect(throws: WorkspaceError.invalidFileName(name)) { try workspace.export(fileName: name, contents: [0x78]) }
        }
    }
}
