import Foundation
import Testing
import VTCModel
@testable import VTCStore

/// `state.checkpoint`: start-up restores it and replays only what follows;
/// anything that does not match the log, the policy or the program is ignored and made again.
@Suite struct CheckpointTests {
    func open(_ temporary: TemporaryFolder, interval: Int = 1) throws(WorkspaceError) -> Workspace {
        try Workspace.open(temporary.folder, user: "mette", system: .testing, checkpointInterval: interval)
    }

    /// A log of `count` incidents with notes and acknowledgements, written without a checkpoint.
    @discardableResult
    func populate(_ temporary: TemporaryFolder, count: Int, tag: String = "") throws -> [UUID] {
        let workspace = try open(temporary, interval: .max)
        let ids = (0..<count).map { _ in UUID() }
        var payloads: [EventPayload] = []
        for (i, id) in ids.enumerated() {
            let facts = Registration(
                occurredAt: Fixture.at.adding(seconds: Int64(i) * 3_600), unit: Roster.defaultSingleUserUnit,
                kind: i % 2 == 0 ? .threat : .physicalViolence, severity: Severity(rawValue: i % 5 + 1)!,
                citizenRef: "B-\(i % 3)", absenceDays: nil, description: "Episode \(i)\(tag): æøå \"citat\"")
            payloads.append(.registered(incident: id, facts))
            if i % 2 == 0 { payloads.append(.noteAdded(incident: id, text: "Notat \(i)")) }
            if i % 3 == 0 { payloads.append(.acknowledged(incident: id, note: nil)) }
        }
        try workspace.append(payloads)
        return ids
    }

    func fullReplay(_ temporary: TemporaryFolder) throws -> VTCState {
        let policy = try open(temporary, interval: .max).policy
        return VTCState.replay(try EventLog.open(fileAt: temporary.logPath).readNew().map(\.event), policy: policy)
    }

    func expectHistoriesMatchTheLog(_ workspace: Workspace) throws {
        let events = try workspace.loggedEvents().map(\.event)
        for record in workspace.state.incidents.values {
            #expect(workspace.history.events(of: record) == events.filter { $0.payload.incident == record.id })
        }
    }

    @Test func reopeningStartsFromTheCheckpointWithExactlyTheStateOfAFullReplay() throws {
        let temporary = TemporaryFolder()
        try populate(temporary, count: 20)
        let events = try EventLog.open(fileAt: temporary.logPath).readNew().count
        let first = try open(temporary)
        #expect(first.start == .replay(events: events))
        #expect(temporary.names().contains("state.checkpoint"))
        let second = try open(temporary)
        #expect(second.start == .checkpoint(seq: Int64(events) + 1, replayed: 0))
        #expect(second.state == first.state)
        #expect(second.state == (try fullReplay(temporary)))
        try expectHistoriesMatchTheLog(second)
    }

    @Test func eventsAfterTheCheckpointAreReplayedOnTopOfIt() throws {
        let temporary = TemporaryFolder()
        try populate(temporary, count: 12)
        let checkpointed = try open(temporary).state.eventCount
        let later = try open(temporary, interval: .max)
        let id = UUID()
        try later.append([.registered(incident: id, WorkspaceTests.registration), .noteAdded(incident: id, text: "senere")])
        let reopened = try open(temporary, interval: 100)
        #expect(reopened.start == .checkpoint(seq: Int64(checkpointed) + 1, replayed: 2))
        #expect(reopened.state == (try fullReplay(temporary)))
        #expect(reopened.state.incidents[id]?.notes.map(\.text) == ["senere"])
        try expectHistoriesMatchTheLog(reopened)
    }

    enum Mismatch: String, CaseIterable, CustomTestStringConvertible {
        case anotherLogWithAsManyLines, lastLineChangedKeepingItsLength, logCutBeforeTheCheckpoint
        case checkpointByteChanged, checkpointCutShort, policyChanged
        var testDescription: String { rawValue }
    }

    @Test(arguments: Mismatch.allCases)
    func aCheckpointThatDoesNotMatchIsNeverTrustedAndALogThatLostItsLineIsReported(_ mismatch: Mismatch) throws {
        let temporary = TemporaryFolder()
        try populate(temporary, count: 15)
        _ = try open(temporary)
        switch mismatch {
        case .anotherLogWithAsManyLines:
            let other = TemporaryFolder()
            try populate(other, count: 15, tag: "x")
            temporary.write(other.bytes())
        case .lastLineChangedKeepingItsLength:
            var lines = temporary.lines()
            let last = String(decoding: lines[lines.count - 1], as: UTF8.self)
            lines[lines.count - 1] = Array(last.replacingOccurrences(of: "Notat", with: "NOTAT").utf8)
            #expect(lines[lines.count - 1] != temporary.lines().last!)
            temporary.write(lines.flatMap { $0 + [0x0A] })
        case .logCutBeforeTheCheckpoint:
            temporary.write(temporary.lines().dropLast().flatMap { $0 + [0x0A] })
        case .checkpointByteChanged:
            var bytes = temporary.bytes("state.checkpoint")
            bytes[bytes.count / 2] ^= 0x20
            temporary.write(bytes, to: "state.checkpoint")
        case .checkpointCutShort:
            temporary.write(Array(temporary.bytes("state.checkpoint").prefix(200)), to: "state.checkpoint")
        case .policyChanged:
            temporary.write(Array(#"{"easy_threshold_days": 3}"#.utf8), to: "policy.json")
        }
        let checkpointBefore = temporary.bytes("state.checkpoint")
        let events = try EventLog.open(fileAt: temporary.logPath).readNew().count
        let reopened = try open(temporary)
        #expect(reopened.start == .replay(events: events))
        #expect(reopened.state == (try fullReplay(temporary)))
        try expectHistoriesMatchTheLog(reopened)
        switch mismatch {
        case .anotherLogWithAsManyLines, .lastLineChangedKeepingItsLength, .logCutBeforeTheCheckpoint:
            // The log lost or changed a line the checkpoint saw: reported, never rebuilt over.
            let kind: LogProblem.Kind = mismatch == .logCutBeforeTheCheckpoint ? .truncated : .rewritten
            #expect(reopened.damage?.kind == kind, "\(String(describing: reopened.damage))")
            #expect(reopened.isReadOnly)
            #expect(temporary.bytes("state.checkpoint") == checkpointBefore, "the checkpoint is kept as evidence")
            #expect(try open(temporary).damage?.kind == kind, "and so on every opening")
        case .checkpointByteChanged, .checkpointCutShort, .policyChanged:
            #expect(reopened.damage == nil)
            #expect(try open(temporary).start == .checkpoint(seq: Int64(events) + 1, replayed: 0), "the checkpoint was made again")
        }
    }

    @Test func aCheckpointMadeByAnotherProgramOrUnderAnotherPolicyIsNotUsed() throws {
        let temporary = TemporaryFolder()
        try populate(temporary, count: 5)
        _ = try open(temporary)
        let made = StateCheckpoint.Origin(program: ProgramIdentity.current!, policy: "default")
        #expect(StateCheckpoint.candidate(at: temporary.folder.checkpointPath, origin: made) != nil)
        #expect(StateCheckpoint.candidate(at: temporary.folder.checkpointPath, origin: made)?.isUsable == true)
        for other in [StateCheckpoint.Origin(program: made.program + "-rebuilt", policy: "default"),
                      StateCheckpoint.Origin(program: made.program, policy: String(repeating: "0", count: 64))] {
            // Its position is still checked against the log, but its state is not used.
            #expect(StateCheckpoint.candidate(at: temporary.folder.checkpointPath, origin: other)?.isUsable == false)
        }
    }

    @Test func aSmallLogMakesNoCheckpoint() throws {
        let temporary = TemporaryFolder()
        try populate(temporary, count: 3)
        let workspace = try open(temporary, interval: 100)
        #expect(workspace.start == .replay(events: workspace.state.eventCount))
        #expect(!temporary.names().contains("state.checkpoint"))
    }
}

@Suite struct SkippedLinesCheckTests {
    let helper = CheckpointTests()

    /// Refreshes until the background check has answered (it is done when its thread ends).
    func settle(_ workspace: Workspace, until done: (Workspace) -> Bool) throws {
        for _ in 0..<200 where !done(workspace) {
            try workspace.refresh()
            usleep(10_000)
        }
    }

    @Test func damageBeforeTheCheckpointIsFoundInTheBackgroundAndTurnsTheLogReadOnly() throws {
        let temporary = TemporaryFolder()
        try helper.populate(temporary, count: 10)
        _ = try helper.open(temporary)
        var lines = temporary.lines()
        let original = lines[4]
        lines[4] = Array(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "Episode", with: "EPISODE").utf8)
        #expect(lines[4] != original, "line 5 is a registration whose text changes")
        temporary.write(lines.flatMap { $0 + [0x0A] })
        let workspace = try helper.open(temporary)
        guard case .checkpoint = workspace.start else { Issue.record("did not start from the checkpoint"); return }
        #expect(!workspace.isReadOnly, "the changed line is before the checkpoint, so opening did not read it")
        workspace.checkSkippedLinesInBackground()
        try settle(workspace) { $0.isReadOnly }
        #expect(workspace.isReadOnly)
        #expect(workspace.damage?.line == 6, "a changed line shows on the next one, which holds its hash")
        #expect(workspace.damage?.kind == .hashMismatch)
        #expect(throws: WorkspaceError.self) { try workspace.append([.noteAdded(incident: UUID(), text: "x")]) }
        #expect(!temporary.names().contains("state.checkpoint"))
        let reopened = try helper.open(temporary)
        #expect(reopened.isReadOnly && reopened.damage?.line == 6, "the next opening reads every line and finds it at once")
    }

    @Test func anIntactLogStaysWritableAfterTheCheck() throws {
        let temporary = TemporaryFolder()
        try helper.populate(temporary, count: 10)
        _ = try helper.open(temporary)
        let workspace = try helper.open(temporary)
        workspace.checkSkippedLinesInBackground()
        let report = try LogVerifier.verify(fileAt: temporary.logPath, through: try EventLog.open(fileAt: temporary.logPath).position!)
        #expect(report.isIntact)
        usleep(300_000)
        try workspace.refresh()
        #expect(!workspace.isReadOnly)
        #expect(temporary.names().contains("state.checkpoint"))
    }
}
