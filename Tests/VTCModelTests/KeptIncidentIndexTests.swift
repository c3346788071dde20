import Foundation
import PropertyBased
import Testing
@testable import VTCModel

/// The index the server keeps between list queries answers as a freshly built one, and as the query's oracle,
/// after every append, amendment, withdrawal and follow-up event of a random log.
@Suite struct KeptIncidentIndexTests {
    /// A few of the queries, so that every event of the log can be checked.
    static let queries = IncidentIndexTests.queries().enumerated().filter { $0.offset % 5 == 0 }.map(\.element)

    @Test("a query's part from the kept index, event by event, equals one from a fresh index and the oracle's selection")
    func keptIndexAnswersAsAFreshOne() async {
        await propertyCheck(count: 20, input: RandomEvents.sequence(count: 1...80)) { events in
            var state = VTCState.replay([Event]())
            var kept = KeptIncidentIndex()
            for event in events {
                state.apply(event)
                let index = kept.index(of: state)
                let fresh = IncidentIndex(everyIncidentOf: state)
                for user in IncidentIndexTests.users {
                    for query in Self.queries {
                        let now = IncidentIndexTests.now
                        let oracle = query.oracleRun(on: state, for: user, at: now).map(\.id)
                        #expect(query.run(on: state, in: index, for: user, at: now).map(\.id) == oracle,
                                "\(query) for \(user.user) after \(event.payload.type)")
                        #expect(query.run(on: state, in: fresh, for: user, at: now).map(\.id) == oracle)
                        let part = state.view(for: user, scope: .query(query, at: now)) { _ in index }
                        #expect(part.incidents.values.map(\.id) == state.incidents.values.map(\.id).filter(Set(oracle).contains),
                                "the part of \(query) for \(user.user), in the log's order")
                    }
                }
            }
        }
    }
}
