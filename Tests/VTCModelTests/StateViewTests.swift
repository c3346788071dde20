import Foundation
import PropertyBased
import Testing
@testable import VTCModel

@Suite struct StateViewTests {
    @Test("a user's view, found through the lookups by unit and registrant, equals the walk of the whole state, while the log grows and after a snapshot")
    func viewEqualsTheWholeWalk() async {
        await propertyCheck(count: 60, input: RandomEvents.sequence(count: 1...200)) { events in
            var state = VTCState()
            for (position, event) in events.enumerated() {
                state.apply(event)
                // Every few events, so that amendments that move an incident between units are looked at mid-log.
                guard position % 7 == 0 || position == events.count - 1 else { continue }
                for user in StateViewOracle.users {
                    #expect(state.view(for: user) == StateViewOracle.view(of: state, for: user), "\(user)")
                }
            }
            let restored = try StateSnapshotTests.restore(StateSnapshotTests.snapshot(state))
            for user in StateViewOracle.users {
                #expect(restored.view(for: user) == StateViewOracle.view(of: state, for: user), "restored, \(user)")
            }
        }
    }

    @Test("the oracle is not trivial: the users see different, non-empty parts of a random log")
    func usersSeeDifferentParts() async {
        await propertyCheck(count: 10, input: RandomEvents.sequence(count: 150...200)) { events in
            let state = VTCState.replay(events)
            let counts = Set(StateViewOracle.users.map { state.view(for: $0).incidents.count })
            #expect(counts.count > 2)
            #expect(counts.contains(0))
            #expect(counts.contains(state.incidents.count))
        }
    }
}

@Suite struct ViewScopeTests {
    static let at = Timestamp(epochSeconds: 1_767_222_000 + 40 * 86_400).expressed(in: .copenhagen)

    static let queries: [IncidentQuery] = [
        IncidentQuery(),
        IncidentQuery(units: ["Bo Syd"], notAcknowledged: true),
        IncidentQuery(severities: [Severity(rawValue: 3)!, Severity(rawValue: 4)!], withOpenFollowUp: true, order: .mostUrgentFirst),
        IncidentQuery(since: at.adding(seconds: -20 * 86_400), withOverdueFollowUp: true),
        IncidentQuery(kinds: [.threat, .harassment], text: "æ"),
    ]

    @Test("a query's part of the view holds exactly the incidents the query selects on the whole view, and selects them again alike")
    func queryScope() async {
        await propertyCheck(count: 40, input: RandomEvents.sequence(count: 1...200)) { events in
            let state = VTCState.replay(events)
            for user in StateViewOracle.users {
                let whole = StateViewOracle.view(of: state, for: user)
                for query in Self.queries {
                    let expected = query.run(on: whole, for: user, at: Self.at)
                    let part = state.view(for: user, scope: .query(query, at: Self.at))
                    #expect(Set(part.incidents.values.map(\.id)) == Set(expected.map(\.id)), "\(user) \(query)")
                    #expect(query.run(on: part, for: user, at: Self.at) == expected, "\(user) \(query)")
                    #expect(part.actions.isEmpty && part.supervisionSessions.isEmpty)
                }
            }
        }
    }

    @Test("an id prefix's part of the view holds the incidents of the whole view whose id starts so, in any case")
    func incidentScope() async {
        await propertyCheck(count: 40, input: RandomEvents.sequence(count: 1...200)) { events in
            let state = VTCState.replay(events)
            for user in StateViewOracle.users {
                let whole = StateViewOracle.view(of: state, for: user)
                for id in state.incidents.values.prefix(5).map(\.id.lowercasedString) {
                    for typed in [id, String(id.prefix(6)).uppercased(), String(id.prefix(1)), "", String(id.prefix(9)), String(id.prefix(14)).uppercased(), id + "0", "-", "zz"] {
                        let part = state.view(for: user, scope: .incidents(idPrefix: typed))
                        let expected = whole.incidents.values.filter { $0.id.lowercasedString.hasPrefix(typed.lowercased()) }
                        #expect(part.incidents.values == expected, "\(user) \(typed)")
                    }
                }
                #expect(state.view(for: user, scope: .nothing).incidents.isEmpty)
                #expect(state.view(for: user, scope: .everything) == whole)
            }
        }
    }
}
