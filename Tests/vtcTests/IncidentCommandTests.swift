import Foundation
import Testing

@Suite struct IncidentCommandTests {
    static func fixture(severity: String = "4") throws -> (VTCProcess, String) {
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen"])
        let id = try vtc.register(["--kind", "physical_violence", "--severity", severity, "--counterpart", "citizen",
                                   "--description", "Slog mig.", "--occurred", "2025-03-10T14:00"])
        return (vtc, id)
    }

    static func item(_ shown: [String: Any], _ kind: String) -> [String: Any]? {
        (shown["follow_up"] as? [[String: Any]])?.first { $0["kind"] as? String == kind }
    }

    @Test func followUpOutcomesAreRecordedDoneDeclinedAndNotRelevant() throws {
        let (vtc, id) = try Self.fixture()
        #expect(try vtc.run(["followup", id, "defusing", "--done", "--on", "2025-03-10T15:00", "--note", "Holdt, to kolleger"]).status == 0)
        #expect(try vtc.run(["followup", id, "psychologist_offer", "--declined"]).status == 0)
        #expect(try vtc.run(["followup", id, "police_report_decision", "--not-relevant", "--reason", "Anmeldt af medarbejderen"]).status == 0)
        #expect(try vtc.run(["followup", id, "amg_discussion", "--done", "--on", "2025-03-11", "--note", "Gennemgået"]).status == 0)
        let shown = try vtc.run(["show", id, "--format", "json", "--as-of", "2025-03-20T12:00"]).object
        let defusing = Self.item(shown, "defusing")
        #expect(defusing?["status"] as? String == "done")
        let outcome = defusing?["outcome"] as? [String: Any]
        #expect(outcome?["on"] as? String == "2025-03-10T15:00:00+01:00")
        #expect(outcome?["note"] as? String == "Holdt, to kolleger")
        #expect(Self.item(shown, "psychologist_offer")?["status"] as? String == "declined")
        let police = Self.item(shown, "police_report_decision")
        #expect(police?["status"] as? String == "not_relevant")
        #expect((police?["outcome"] as? [String: Any])?["note"] as? String == "Anmeldt af medarbejderen")
        #expect(Self.item(shown, "amg_discussion")?["status"] as? String == "done")
        #expect((shown["amg_discussions"] as? [[String: Any]])?.first?["date"] as? String == "2025-03-11")
        #expect(Self.item(shown, "debriefing")?["status"] as? String == "overdue")
        let early = try vtc.run(["show", id, "--format", "json", "--as-of", "2025-03-10T14:30"]).object
        #expect(Self.item(early, "debriefing")?["status"] as? String == "open")
    }

    @Test func ackAndNoteAreShown() throws {
        let (vtc, id) = try Self.fixture()
        #expect(try vtc.run(["ack", id, "--note", "Læst"]).status == 0)
        #expect(try vtc.run(["note", id, "LA2-planen er gennemgået, også for nattevagten."]).status == 0)
        let shown = try vtc.run(["show", id, "--format", "json"]).object
        let ack = shown["acknowledgement"] as? [String: Any]
        #expect(ack?["by"] as? String == VTCProcess.currentUser)
        #expect(ack?["note"] as? String == "Læst")
        #expect(Self.item(shown, "acknowledgement")?["status"] as? String == "done")
        #expect((shown["notes"] as? [[String: Any]])?.first?["text"] as? String == "LA2-planen er gennemgået, også for nattevagten.")
        let text = try vtc.run(["show", id]).stdout
        #expect(text.contains("LA2-planen er gennemgået"))
        #expect(text.contains("Acknowledged"))
        let history = text.components(separatedBy: "History:\n").last ?? ""
        #expect(["Registered", "Acknowledged", "Note added"].allSatisfy { history.contains($0) },
                "every event of the incident is in its history, the first too: \(history)")
    }

    @Test func amendWritesOldAndNewValuesOfOnlyTheGivenFields() throws {
        let (vtc, id) = try Self.fixture()
        #expect(try vtc.run(["amend", id, "--severity", "3", "--location", "gangen"]).status == 0)
        let shown = try vtc.run(["show", id, "--format", "json"]).object
        #expect(shown["severity"] as? Int == 3)
        #expect(shown["location"] as? String == "gangen")
        #expect(shown["kind"] as? String == "physical_violence")
        let amended = (shown["history"] as? [[String: Any]])?.first { $0["type"] as? String == "amended" }
        let changes = (amended?["data"] as? [String: Any])?["changes"] as? [[String: Any]] ?? []
        #expect(changes.count == 2)
        #expect(changes.first?["field"] as? String == "location")
        #expect(changes.first?["old"] is NSNull)
        #expect(changes.first?["new"] as? String == "gangen")
        #expect(changes.last?["field"] as? String == "severity")
        #expect(changes.last?["old"] as? Int == 4)
        #expect(changes.last?["new"] as? Int == 3)
    }

    @Test func withdrawHidesTheIncidentFromTheListButShowKeepsIt() throws {
        let (vtc, id) = try Self.fixture()
        #expect(try vtc.run(["withdraw", id, "--reason", "Registreret to gange"]).status == 0)
        #expect(try vtc.run(["list", "--format", "json"]).array.isEmpty)
        let shown = try vtc.run(["show", id, "--format", "json"]).object
        #expect((shown["withdrawal"] as? [String: Any])?["reason"] as? String == "Registreret to gange")
        let again = try vtc.run(["note", id, "efter"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("withdrawn"))
    }

    @Test func absenceAddsTheSickLeaveFollowUp() throws {
        let (vtc, id) = try Self.fixture()
        #expect(Self.item(try vtc.run(["show", id, "--format", "json"]).object, "sick_leave_contact") == nil)
        #expect(try vtc.run(["absence", id, "--first-day", "2025-03-11", "--days", "3"]).status == 0)
        let shown = try vtc.run(["show", id, "--format", "json"]).object
        #expect(shown["first_absence_day"] as? String == "2025-03-11")
        #expect(shown["absence_days"] as? Int == 3)
        #expect(Self.item(shown, "sick_leave_contact") != nil)
    }

    @Test func actionsOpenCloseAndList() throws {
        let (vtc, id) = try Self.fixture()
        // The owner must be in the roster, and a new action's due date may not lie long past.
        let day = { (days: Double) in String(ISO8601DateFormatter().string(from: Date().addingTimeInterval(days * 86_400)).prefix(10)) }
        let opened = try vtc.run(["action", "open", "--title", "Opdatere LA2-plan for B-014", "--owner", VTCProcess.currentUser,
                                  "--due", day(10), "--incident", String(id.prefix(7))])
        #expect(opened.status == 0, "\(opened.stderr)")
        let actionID = opened.line
        var listed = try vtc.run(["action", "list", "--format", "json", "--as-of", day(12) + "T12:00"]).array
        #expect(listed.count == 1)
        #expect(listed.first?["status"] as? String == "overdue")
        #expect(listed.first?["unit"] as? String == "Bostedet Åen")
        #expect(listed.first?["incidents"] as? [String] == [id])
        #expect(try vtc.run(["action", "close", String(actionID.prefix(6)), "--note", "Gennemført"]).status == 0)
        listed = try vtc.run(["action", "list", "--format", "json"]).array
        #expect(listed.first?["status"] as? String == "closed")
        #expect(try vtc.run(["action", "list", "--open", "--format", "json"]).array.isEmpty)
    }

    @Test func anActionForSomeoneOutsideTheRosterOrDueLongAgoIsRefused() throws {
        let (vtc, _) = try Self.fixture()
        let stranger = try vtc.run(["action", "open", "--title", "Plan", "--owner", "nobody-here", "--due", "2099-01-01",
                                    "--unit", "Bostedet Åen"])
        #expect(stranger.status == 2)
        #expect(stranger.stderr.contains(#"owner: "nobody-here" is not in the roster"#), "\(stranger.stderr)")
        let late = try vtc.run(["action", "open", "--title", "Plan", "--owner", VTCProcess.currentUser, "--due", "2020-01-01",
                                "--unit", "Bostedet Åen"])
        #expect(late.status == 2)
        #expect(late.stderr.contains("due: 2020-01-01 is more than 31 days in the past"), "\(late.stderr)")
    }

    @Test func supervisionSessionsAreRecordedAndListed() throws {
        let (vtc, id) = try Self.fixture()
        let recorded = try vtc.run(["supervision", "record", "--date", "2025-03-20", "--form", "group", "--incident", id,
                                    "--evaluation", "4", "--note", "Fokus på grænsesætning"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let listed = try vtc.run(["supervision", "list", "--since", "2025-03-01", "--format", "json"]).array
        #expect(listed.count == 1)
        #expect(listed.first?["form"] as? String == "group")
        #expect(listed.first?["evaluation"] as? Int == 4)
        #expect(try vtc.run(["supervision", "list", "--since", "2025-04-01", "--format", "json"]).array.isEmpty)
        let bad = try vtc.run(["supervision", "record", "--date", "2025-03-20", "--form", "group", "--evaluation", "6"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--evaluation must be a whole number from 1 to 5, got 6"))
    }
}
