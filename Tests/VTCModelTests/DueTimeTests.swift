import Foundation
import Testing
@testable import VTCModel

private func due(_ kind: FollowUpKind, _ registration: Registration, registeredAt: String? = nil) -> String? {
    let registered = registeredAt.map { time($0) } ?? registration.occurredAt
    return Policy.default.itemsCalledFor(facts: registration, registeredAt: registered) { _ in 1 }
        .first { $0.kind == kind }?.due.rfc3339
}

@Suite("Due times in Europe/Copenhagen")
struct DueTimeTests {
    @Test("the defusing offer is due at the end of the episode's local day")
    func sameDay() {
        #expect(due(.defusingOffer, facts(at: "2026-05-06T22:30:00+02:00", severity: 2)) == "2026-05-06T23:59:59+02:00")
        #expect(due(.defusingOffer, facts(at: "2026-05-06T22:30:00Z", severity: 2)) == "2026-05-07T23:59:59+02:00")
    }

    @Test("hours and days run across midnight")
    func acrossMidnight() {
        let late = facts(at: "2026-05-06T23:30:00+02:00", severity: 4)
        #expect(due(.defusing, late) == "2026-05-07T23:30:00+02:00")
        #expect(due(.debriefing, late) == "2026-05-09T23:30:00+02:00")
        #expect(due(.policeReportDecision, late) == "2026-05-09T23:30:00+02:00")
    }

    @Test("across the spring change on 2026-03-29 days are shorter, hours are not")
    func springForward() {
        let episode = facts(at: "2026-03-28T10:00:00+01:00", severity: 4)
        #expect(due(.defusing, episode) == "2026-03-29T11:00:00+02:00")
        #expect(due(.debriefing, episode) == "2026-03-31T10:00:00+02:00")
        #expect(due(.policeReportDecision, episode) == "2026-03-31T11:00:00+02:00")
        #expect(due(.defusingOffer, facts(at: "2026-03-29T01:30:00+01:00", severity: 2)) == "2026-03-29T23:59:59+02:00")
    }

    @Test("across the autumn change on 2026-10-25 days are longer, hours are not")
    func fallBack() {
        let episode = facts(at: "2026-10-24T10:00:00+02:00", severity: 4)
        #expect(due(.defusing, episode) == "2026-10-25T09:00:00+01:00")
        #expect(due(.debriefing, episode) == "2026-10-27T10:00:00+01:00")
        #expect(due(.policeReportDecision, episode) == "2026-10-27T09:00:00+01:00")
    }

    @Test("a local time that does not exist moves forward; one that exists twice takes the first")
    func gapAndOverlap() {
        let zone = Zone.copenhagen
        #expect(zone.adding(days: 1, to: time("2026-03-28T02:30:00+01:00")).rfc3339 == "2026-03-29T03:30:00+02:00")
        #expect(zone.adding(days: 1, to: time("2026-10-24T02:30:00+02:00")).rfc3339 == "2026-10-25T02:30:00+02:00")
    }

    @Test("sick-leave contact and EASY count from the first absence day, to that day's end")
    func fromFirstAbsenceDay() {
        let episode = facts(at: "2026-03-26T20:00:00+01:00", severity: 3, firstAbsenceDay: "2026-03-27", absenceDays: 4)
        #expect(due(.sickLeaveContact, episode) == "2026-03-30T23:59:59+02:00")
        #expect(due(.easyReport, episode) == "2026-04-10T23:59:59+02:00")
    }

    @Test("acknowledgement counts from the registration, not the episode")
    func acknowledgementFromRegistration() {
        let episode = facts(at: "2026-05-01T10:00:00+02:00")
        #expect(due(.acknowledgement, episode, registeredAt: "2026-05-04T21:15:00+02:00") == "2026-05-11T21:15:00+02:00")
    }

    @Test("the AMG discussion is due at the first Thursday 13:00 after the registration", arguments: [
        ("2026-05-07T12:59:00+02:00", "2026-05-07T13:00:00+02:00"),
        ("2026-05-07T13:00:00+02:00", "2026-05-14T13:00:00+02:00"),
        ("2026-05-08T09:00:00+02:00", "2026-05-14T13:00:00+02:00"),
        ("2026-10-22T14:00:00+02:00", "2026-10-29T13:00:00+01:00"),
    ])
    func nextMeeting(registered: String, expected: String) {
        #expect(due(.amgDiscussion, facts(at: "2026-05-01T10:00:00+02:00"), registeredAt: registered) == expected)
    }

    /// Issue 14: with the meeting at Sunday 02:30, wall-clock comparison put a registration in the repeated
    /// hour after a meeting that was already over, and one after the moved 02:30 a week late.
    @Test("the next AMG meeting is found on instants across both clock changes", arguments: [
        // 02:15+01:00 is after 02:30+02:00 (the first 02:30, when the meeting is held): the next is a week later.
        ("2026-10-25T02:15:00+01:00", "2026-11-01T02:30:00+01:00"),
        // 02:15+02:00 is before the first 02:30: that morning's meeting.
        ("2026-10-25T02:15:00+02:00", "2026-10-25T02:30:00+02:00"),
        // 02:30 does not exist on 2026-03-29; the meeting is at 03:30+02:00, after 03:15.
        ("2026-03-29T03:15:00+02:00", "2026-03-29T03:30:00+02:00"),
        ("2026-03-29T03:45:00+02:00", "2026-04-05T02:30:00+02:00"),
    ])
    func nextMeetingAcrossClockChanges(registered: String, expected: String) throws {
        var policy = Policy.default
        policy.amgMeeting = WeeklyMeeting(isoWeekday: 7, hour: 2, minute: 30)
        let at = time(registered)
        let item = policy.itemsCalledFor(facts: facts(at: "2026-03-01T10:00:00+01:00"), registeredAt: at) { _ in 1 }
            .first { $0.kind == .amgDiscussion }
        #expect(item?.due.rfc3339 == expected)
        #expect(try #require(item?.due) > at, "never due before it was registered")
    }

    @Test("an open item is overdue only after its due time; a recorded one never is")
    func overdue() {
        var item = FollowUpItem(kind: .debriefing, due: time("2026-05-09T10:00:00+02:00"), responsible: .leader,
                                staysOpen: false)
        #expect(item.status(at: time("2026-05-09T10:00:00+02:00")) == .open)
        #expect(item.status(at: time("2026-05-09T08:00:01Z")) == .overdue)
        let late = time("2026-05-20T10:00:00+02:00")
        for (outcome, status) in [(FollowUpOutcome.done, FollowUpStatus.done), (.declined, .declined),
                                  (.notRelevant, .notRelevant)] {
            item.outcome = RecordedOutcome(record: FollowUpRecord(kind: .debriefing, outcome: outcome, on: late),
                                           by: "leder1", at: late)
            #expect(item.status(at: late) == status)
        }
    }
}
