import Foundation
import Testing
import VTCModel

@Suite struct WeekReportTests {
    static let leaderAaen = UserAccess(user: "lis", roles: [.leader: .units(["Åen"]), .amg: .units(["Åen"])])
    static let now = QueryScenario.at("2026-05-08T12:00:00+02:00")
    static let w19 = ISOWeek(iso: "2026-W19")!

    static func action(_ n: UInt8, _ unit: String, due: String) -> PreventiveAction {
        PreventiveAction(id: QueryScenario.id(100 + n), unit: unit, title: "Tiltag \(n)", owner: "lis", due: CalendarDate(iso: due)!)
    }

    static func session(_ n: UInt8, _ unit: String, on date: String) -> SupervisionSession {
        SupervisionSession(id: QueryScenario.id(200 + n), unit: unit, date: CalendarDate(iso: date)!, form: .group)
    }

    /// Week 19 of 2026 is 4–10 May. Citizen B12 of Åen is in episodes 6, 7 and 1 within 30 days
    /// of the week's end; episode 8 is older, 9 is withdrawn, and Skoven's B12 is another citizen.
    static let state: VTCState = {
        var s = QueryScenario()
        s.add(.actionOpened(action(4, "Åen", due: "2026-04-30")), by: "lis", at: "2026-04-01T10:00:00+02:00")
        s.register(8, by: "anna", unit: "Åen", occurred: "2026-04-05T10:00:00+02:00", citizenRef: "B12")
        s.register(6, by: "anna", unit: "Åen", occurred: "2026-04-15T10:00:00+02:00", citizenRef: "B12")
        s.register(5, by: "anna", unit: "Åen", occurred: "2026-04-20T14:00:00+02:00", severity: 2, kind: .threat)
        s.add(.acknowledged(incident: QueryScenario.id(5), note: nil), by: "lis", at: "2026-04-21T09:00:00+02:00")
        s.register(7, by: "bo", unit: "Åen", occurred: "2026-04-25T10:00:00+02:00", citizenRef: "B12")
        s.add(.actionOpened(action(2, "Åen", due: "2026-05-20")), by: "lis", at: "2026-04-25T12:00:00+02:00")
        s.add(.amgDiscussed(incident: QueryScenario.id(5), date: CalendarDate(iso: "2026-04-23")!, summary: "Drøftet"),
              by: "lis", at: "2026-04-28T09:00:00+02:00")
        s.add(.supervisionHeld(session(1, "Åen", on: "2026-04-29")), by: "lis", at: "2026-04-29T15:00:00+02:00")
        s.register(1, by: "anna", unit: "Åen", occurred: "2026-05-04T14:00:00+02:00", citizenRef: "B12")
        s.register(2, by: "bo", unit: "Åen", occurred: "2026-05-05T10:00:00+02:00", severity: 3, kind: .physicalViolence)
        s.register(3, by: "bo", unit: "Skoven", occurred: "2026-05-06T08:00:00+02:00", citizenRef: "B12")
        s.add(.actionOpened(action(1, "Åen", due: "2026-05-08")), by: "lis", at: "2026-05-06T10:00:00+02:00")
        s.add(.actionOpened(action(3, "Skoven", due: "2026-05-07")), by: "per", at: "2026-05-06T10:00:00+02:00")
        s.add(.supervisionHeld(session(2, "Åen", on: "2026-05-06")), by: "lis", at: "2026-05-06T15:00:00+02:00")
        s.add(.supervisionHeld(session(3, "Skoven", on: "2026-05-06")), by: "per", at: "2026-05-06T15:00:00+02:00")
        s.add(.actionClosed(action: QueryScenario.id(102), note: "Gennemført"), by: "lis", at: "2026-05-07T10:00:00+02:00")
        s.register(9, by: "anna", unit: "Åen", occurred: "2026-05-07T08:00:00+02:00", severity: 5, citizenRef: "B12")
        s.add(.withdrawn(incident: QueryScenario.id(9), reason: "Fejl"), by: "anna", at: "2026-05-07T10:00:00+02:00")
        return s.state
    }()

    func report(_ week: ISOWeek = w19) throws -> WeekReport {
        try WeekReport(week: week, units: ["Åen"], state: Self.state, user: Self.leaderAaen, now: Self.now)
    }

    @Test func newIncidentsAreThoseRegisteredInTheWeek() throws {
        #expect(try report().newIncidents.numbers == [2, 1])
    }

    @Test func followUpIsSplitIntoOpenAndOverdueAsOfNow() throws {
        let r = try report()
        #expect(r.asOf.epochSeconds == Self.now.epochSeconds)
        #expect(r.overdueFollowUp.allSatisfy { $0.item.due.epochSeconds < Self.now.epochSeconds })
        #expect(r.openFollowUp.allSatisfy { $0.item.due.epochSeconds >= Self.now.epochSeconds })
        let overdue = r.overdueFollowUp.map { ($0.incident.id.uuid.15, $0.item.kind) }
        #expect(overdue.contains { $0 == (2, .defusing) })
        #expect(overdue.contains { $0 == (2, .policeReportDecision) })
        #expect(overdue.contains { $0 == (5, .defusingOffer) })
        #expect(!overdue.contains { $0 == (5, .amgDiscussion) })
        #expect(!overdue.contains { $0.0 == 3 || $0.0 == 9 })
        #expect(r.openFollowUp.map { ($0.incident.id.uuid.15, $0.item.kind) }.contains { $0 == (1, .acknowledgement) })
        let dues = r.overdueFollowUp.map(\.item.due.epochSeconds)
        #expect(dues == dues.sorted())
    }

    @Test func unacknowledgedIncidentsOldestFirst() throws {
        #expect(try report().unacknowledged.numbers == [8, 6, 7, 1, 2])
    }

    @Test func aPastWeekShowsFollowUpAsItStoodAtTheWeeksEnd() throws {
        let w17 = try report(ISOWeek(iso: "2026-W17")!)
        #expect(w17.asOf.rfc3339 == "2026-04-27T00:00:00+02:00")
        #expect(w17.overdueFollowUp.contains { $0.incident.id == QueryScenario.id(5) && $0.item.kind == .amgDiscussion })
        #expect(w17.unacknowledged.numbers == [8, 6, 7])
        #expect(w17.newIncidents.numbers == [7, 5])
    }

    @Test func actionsOpenedDueAndClosedInTheWeek() throws {
        let r = try report()
        #expect(r.actionsOpened.map(\.action.id) == [QueryScenario.id(101)])
        #expect(r.actionsDue.map(\.action.id) == [QueryScenario.id(101)])
        #expect(r.actionsClosed.map(\.action.id) == [QueryScenario.id(102)])
    }

    @Test func supervisionSessionsHeldInTheWeek() throws {
        #expect(try report().supervisionSessions.map(\.session.id) == [QueryScenario.id(202)])
    }

    @Test func severityCountsForTheWeekAndTheTwelveBefore() throws {
        let trend = try report().severityTrend
        #expect(trend.map(\.week.iso).first == "2026-W07")
        #expect(trend.map(\.week.iso).last == "2026-W19")
        #expect(trend.count == 13)
        #expect(trend.last?.counts == [1, 0, 1, 0, 0])
        #expect(trend.first { $0.week.iso == "2026-W17" }?.counts == [1, 1, 0, 0, 0])
        #expect(trend.first { $0.week.iso == "2026-W18" }?.total == 0)
    }

    @Test func citizenReferencesInThreeOrMoreRecentEpisodes() throws {
        let recurring = try report().recurringCitizens
        #expect(recurring.count == 1)
        #expect(recurring.first?.unit == "Åen")
        #expect(recurring.first?.citizenRef == "B12")
        #expect(recurring.first?.incidents == [QueryScenario.id(6), QueryScenario.id(7), QueryScenario.id(1)])
        #expect(try report(Self.w19.next.next.next).recurringCitizens.isEmpty)
    }

    @Test func aUnitTheUserMayNotReadIsRefused() {
        #expect(throws: AccessRefusal.needsRole(.leader, unit: "Skoven")) {
            try WeekReport(week: Self.w19, units: ["Åen", "Skoven"], state: Self.state, user: Self.leaderAaen, now: Self.now)
        }
    }

    @Test("the week's numbers without the lists are the sizes of the lists, week by week and as time passes")
    func numbersAreTheSizesOfTheLists() throws {
        var week = ISOWeek(iso: "2026-W15")!
        for _ in 0..<8 {
            for now in ["2026-04-10T12:00:00+02:00", "2026-05-08T12:00:00+02:00", "2026-06-30T12:00:00+02:00"].map(QueryScenario.at) {
                let report = try WeekReport(week: week, units: ["Åen"], state: Self.state, user: Self.leaderAaen, now: now)
                let numbers = try WeekReport.numbers(week: week, units: ["Åen"], state: Self.state, user: Self.leaderAaen, now: now)
                #expect(numbers == WeekReport.Numbers(new: report.newIncidents.count, open: report.openFollowUp.count,
                                                      overdue: report.overdueFollowUp.count,
                                                      unacknowledged: report.unacknowledged.count), "\(week) at \(now)")
            }
            week = week.next
        }
        let w19 = try WeekReport.numbers(week: Self.w19, units: ["Åen"], state: Self.state, user: Self.leaderAaen, now: Self.now)
        #expect(w19.new > 0 && w19.open + w19.overdue > 0, "the scenario's week has something to count")
    }
}
