import Foundation
import Testing
@testable import VTCModel
@testable import VTCCodec

/// The problems a policy file has, as the user would read them.
private func problems(_ text: String) -> [String] {
    do {
        _ = try PolicyFile.parse(text)
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

/// A one-rule policy file around `rule`.
private func withRule(_ rule: String) -> String { #"{"rules": ["# + rule + "]}" }

private let goodRule = #"{"kind": "debriefing", "when": [{"min_severity": 4}], "due": {"type": "days_after_episode", "days": 3}, "responsible": "leader"}"#

@Suite("Policy files")
struct PolicyFileTests {
    @Test("the default policy read from its own JSON document equals the built-in one")
    func defaultDocument() throws {
        #expect(try PolicyFile.parse(PolicyFile.defaultDocument) == Policy.default)
    }

    @Test("keys left out keep the default; keys given replace it")
    func partialFile() throws {
        #expect(try PolicyFile.parse("{}") == Policy.default)
        let policy = try PolicyFile.parse(#"{"easy_threshold_days": 3, "amg_meeting": {"weekday": "monday", "time": "09:30"}}"#)
        #expect(policy.easyThresholdDays == 3)
        #expect(policy.amgMeeting == WeeklyMeeting(isoWeekday: 1, hour: 9, minute: 30))
        #expect(policy.rules == Policy.default.rules)
        let oneRule = try PolicyFile.parse(withRule(goodRule))
        #expect(oneRule.rules == [FollowUpRule(kind: .debriefing, when: [FollowUpCondition(minSeverity: 4)],
                                               due: .daysAfterEpisode(3))])
    }

    @Test("each mistake is named with where it is", arguments: [
        (withRule(goodRule.replacingOccurrences(of: "\"debriefing\"", with: "\"debrief\"")),
         #"rules[0].kind: unknown follow-up kind "debrief" (expected one of: acknowledgement, defusing_offer, defusing, debriefing, supervision_offer, psychologist_offer, police_report_decision, sick_leave_contact, easy_report, deep_analysis, amg_discussion)"#),
        (withRule(goodRule.replacingOccurrences(of: "\"min_severity\": 4", with: "\"min_severity\": 7")),
         "rules[0].when[0].min_severity: must be 1–5, got 7"),
        (withRule(goodRule.replacingOccurrences(of: "\"min_severity\": 4", with: "\"min_severity\": 0")),
         "rules[0].when[0].min_severity: must be 1–5, got 0"),
        (withRule(goodRule.replacingOccurrences(of: "\"days\": 3", with: "\"days\": -3")),
         "rules[0].due.days: must not be negative, got -3"),
        (withRule(#"{"kind": "defusing", "when": [{}], "due": {"type": "hours_after_episode", "hours": -24}, "responsible": "leader"}"#),
         "rules[0].due.hours: must not be negative, got -24"),
        (withRule(goodRule.replacingOccurrences(of: "\"days_after_episode\"", with: "\"days_after_shift\"")),
         #"rules[0].due.type: must be one of: hours_after_episode, days_after_episode, end_of_episode_day, days_after_first_absence_day, days_after_registration, next_amg_meeting; got "days_after_shift""#),
        (withRule(goodRule.replacingOccurrences(of: "\"leader\"", with: "\"boss\"")),
         #"rules[0].responsible: unknown role "boss" (expected one of: staff, leader, amg, coordinator, admin)"#),
        (withRule(goodRule.replacingOccurrences(of: "\"min_severity\": 4", with: "\"max_severity\": 4")),
         "rules[0].when[0].max_severity: unknown key (expected one of: absence_reaches_easy_threshold, counterparts, involvements, kinds, min_absence_days, min_severity, repeated_citizen_ref, wish)"),
        (withRule(goodRule.replacingOccurrences(of: "[{\"min_severity\": 4}]", with: "[]")),
         "rules[0].when: must be a non-empty array of conditions ([{}] applies to every registration)"),
        (withRule(goodRule.replacingOccurrences(of: "{\"min_severity\": 4}", with: "{\"kinds\": [\"violence\"]}")),
         #"rules[0].when[0].kinds[0]: unknown kind of episode "violence" (expected one of: physical_violence, threat, harassment, sexual_harassment, property_damage, other)"#),
        (withRule(goodRule.replacingOccurrences(of: "{\"min_severity\": 4}", with: "{\"min_absence_days\": 0}")),
         "rules[0].when[0].min_absence_days: must be 1–3650, got 0"),
        (withRule(goodRule.replacingOccurrences(of: "{\"min_severity\": 4}", with: "{\"repeated_citizen_ref\": {\"episodes\": 3}}")),
         "rules[0].when[0].repeated_citizen_ref.within_days: missing"),
        (withRule(goodRule.replacingOccurrences(of: ", \"responsible\": \"leader\"", with: "")),
         "rules[0].responsible: missing"),
        (#"{"rules": [\#(goodRule), \#(goodRule)]}"#,
         #"rules[1].kind: "debriefing" already has a rule (rules[0])"#),
        (#"{"colour": "blue"}"#,
         "colour: unknown key (expected one of: amg_meeting, easy_threshold_days, rules, severity_wording, zone)"),
        (#"{"zone": "Europe/Aarhus"}"#, #"zone: unknown time zone "Europe/Aarhus""#),
        (#"{"easy_threshold_days": 0}"#, "easy_threshold_days: must be 1–365, got 0"),
        (#"{"amg_meeting": {"weekday": "torsdag", "time": "13:00"}}"#,
         #"amg_meeting.weekday: must be one of: monday, tuesday, wednesday, thursday, friday, saturday, sunday, got "torsdag""#),
        (#"{"amg_meeting": {"weekday": "thursday", "time": "25:00"}}"#,
         #"amg_meeting.time: must be a local time "HH:MM" (00:00–23:59), got "25:00""#),
        (#"{"severity_wording": [{"grade": 6, "da": "x", "en": "y"}]}"#, "severity_wording[0].grade: must be 1–5, got 6"),
        (#"{"severity_wording": [{"grade": 1, "da": "x", "en": "y"}]}"#, "severity_wording: no wording for grade 2, 3, 4, 5"),
        (#"{"severity_wording": [{"grade": 1, "da": "", "en": "y"}]}"#, "severity_wording[0].da: must be a non-empty string"),
        ("{\"rules\": ", "policy: not valid JSON: unexpected end of input at byte 11"),
    ])
    func mistake(file: String, expected: String) {
        #expect(problems(file) == [expected])
    }

    @Test("all problems in a file are reported at once")
    func everyProblem() {
        let file = #"""
        {"zone": 3, "easy_threshold_days": -1,
         "rules": [{"kind": "debrief", "when": [{"min_severity": 9, "wish": "cake"}], "due": {"type": "end_of_episode_day", "days": 1},
                    "responsible": "leader", "stays_open": "yes"}]}
        """#
        #expect(problems(file) == [
            #"zone: must be a string such as "Europe/Copenhagen""#,
            "easy_threshold_days: must be 1–365, got -1",
            #"rules[0].kind: unknown follow-up kind "debrief" (expected one of: acknowledgement, defusing_offer, defusing, debriefing, supervision_offer, psychologist_offer, police_report_decision, sick_leave_contact, easy_report, deep_analysis, amg_discussion)"#,
            "rules[0].when[0].min_severity: must be 1–5, got 9",
            #"rules[0].when[0].wish: unknown wish "cake" (expected one of: wants_psychologist, wants_leader_talk)"#,
            "rules[0].due.days: unknown key (expected one of: type)",
            "rules[0].stays_open: must be true or false",
        ])
    }

    @Test("a policy from a file changes what the state derives")
    func policyDrivesState() throws {
        let policy = try PolicyFile.parse(#"{"easy_threshold_days": 3}"#)
        var f = EventFactory()
        let id = incidentID(1)
        let events = [
            f.make(.registered(incident: id, facts(severity: 2, firstAbsenceDay: "2026-05-07", absenceDays: 2))),
        ]
        #expect(VTCState.replay(events, policy: policy).incidents[id]?.followUp(.easyReport) == nil)
        #expect(VTCState.replay(events, policy: .default).incidents[id]?.followUp(.easyReport) != nil)
    }
}
