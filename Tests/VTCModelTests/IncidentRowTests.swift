import Foundation
import PropertyBased
import Testing
@testable import VTCModel

/// `vtc list`'s table rows: what `vtc serve` answers `list_rows` with (its selection over the whole state, for a
/// user who sees much from the index of every incident it keeps) must be embedded mode's rows over the user's
/// view, and each row what the table printed from the record before rows existed.
@Suite struct IncidentRowTests {
    /// The row as `vtc list` worked out its cells from the record (the oracle).
    static func oracle(_ r: IncidentRecord, at now: Timestamp, zone: Zone) -> IncidentRow {
        let statuses = r.followUps.map { $0.status(at: now) }
        return IncidentRow(id: r.id, occurred: zone.local(r.facts.occurredAt).date, unit: r.facts.unit, kind: r.facts.kind,
                           severity: r.facts.severity, citizenRef: r.facts.citizenRef, isAcknowledged: r.acknowledgement != nil,
                           openFollowUps: statuses.filter { $0 == .open }.count,
                           overdueFollowUps: statuses.filter { $0 == .overdue }.count)
    }

    static let times = [ViewScopeTests.at, ViewScopeTests.at.adding(seconds: -25 * 86_400), ViewScopeTests.at.adding(seconds: 90 * 86_400)]

    @Test("the rows the server makes over the whole state equal embedded mode's over the user's view, each the record's row, and only of what the user may see")
    func serverRowsAreTheViewsRecordsRows() async {
        await propertyCheck(count: 40, input: RandomEvents.sequence(count: 1...200)) { events in
            let state = VTCState.replay(events)
            var kept = KeptIncidentIndex()
            for user in StateViewOracle.users {
                let view = StateViewOracle.view(of: state, for: user)
                for now in Self.times {
                    for query in ViewScopeTests.queries {
                        let expected = query.run(on: view, for: user, at: now).map { Self.oracle($0, at: now, zone: state.policy.zone) }
                        #expect(query.rows(on: view, for: user, at: now) == expected, "\(user) \(query)")
                        let server = state.rows(query, at: now, for: user) { kept.index(of: $0) }
                        #expect(server == expected, "\(user) \(query)")
                        #expect(server.allSatisfy { view.incidents[$0.id] != nil }, "\(user) sees only what it may")
                    }
                }
            }
        }
    }

    @Test("the rows are not trivial: open and overdue items and none, acknowledged and not, with and without a citizen, selected both ways")
    func rowsAreNotTrivial() async {
        await propertyCheck(count: 10, input: RandomEvents.sequence(count: 150...200)) { events in
            let state = VTCState.replay(events)
            let rows = Self.times.flatMap { now in
                StateViewOracle.users.flatMap { state.rows(IncidentQuery(), at: now, for: $0) { IncidentIndex(everyIncidentOf: $0) } }
            }
            #expect(rows.contains { $0.openFollowUps > 0 } && rows.contains { $0.overdueFollowUps > 0 })
            #expect(rows.contains { $0.openFollowUps == 0 } && rows.contains { $0.overdueFollowUps == 0 })
            #expect(rows.contains(where: \.isAcknowledged) && rows.contains { !$0.isAcknowledged })
            #expect(rows.contains { $0.citizenRef == nil } && rows.contains { $0.citizenRef != nil })
            let seeing = StateViewOracle.users.filter { !state.rows(IncidentQuery(), at: ViewScopeTests.at, for: $0) { _ in
                IncidentIndex(everyIncidentOf: state) }.isEmpty }
            #expect(seeing.contains { state.selectsFromEveryIncident(for: $0) } && seeing.contains { !state.selectsFromEveryIncident(for: $0) })
        }
    }
}
