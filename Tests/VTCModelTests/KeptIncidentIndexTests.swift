import Foundation
import PropertyBased
import Testing
@testable import VTCModel

/// The index the server keeps between list queries answers as a freshly built one, and as the query's oracle,
/// after every append, amendment, withdrawal and follow-up event of a random log; brought up to date with the
/// records the events changed, it holds what a fresh index holds, row by row.
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
                Self.expectSameRows(index, fresh, after: "\(event.payload.type)")
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

    @Test("an index updated with the records that several events changed holds, row by row, what a fresh index holds")
    func updatedIndexHoldsTheFreshRows() async {
        await propertyCheck(count: 60, input: RandomEvents.sequence(count: 1...150)) { events in
            for searchable in [true, false] {
                var state = VTCState.replay([Event]())
                var index = IncidentIndex(everyIncidentOf: state, searchable: searchable)
                var seen = (line: state.incidents.changes.line, count: state.incidents.changes.count)
                var rest = events[...]
                // Half the log first (so many rows change that the columns are copied rather than edited in place),
                // then batches of 1 to 12 events between updates, as writes arrive between list queries.
                while !rest.isEmpty {
                    let batch = rest.prefix(rest.count == events.count ? max(1, events.count / 2) : 1 + rest.count * 7 % 12)
                    rest = rest.dropFirst(batch.count)
                    for event in batch { state.apply(event) }
                    let changed = state.incidents.changes.places(since: seen)
                    #expect(changed != nil, "the changes since the last update are kept")
                    index.update(to: state, changing: changed ?? [])
                    seen = (state.incidents.changes.line, state.incidents.changes.count)
                    Self.expectSameRows(index, IncidentIndex(everyIncidentOf: state, searchable: searchable),
                                        after: batch.map { "\($0.payload.type)" }.joined(separator: ", "))
                }
            }
        }
    }

    @Test("a state made anew (restored, or read again) has other changes: the kept index is built for it, not updated")
    func anotherStateIsNotTakenForTheKeptOne() {
        var g = Sampler(rng: Xoshiro(seed: (3, 30, 300, 3_000)))
        let events = g.log(count: 40)
        var kept = KeptIncidentIndex()
        let first = VTCState.replay(events)
        _ = kept.index(of: first)
        // The same number of events, other incidents: not the kept state with events applied.
        let other = VTCState.replay(g.log(count: 40))
        #expect(kept.index(of: other).ids == IncidentIndex(everyIncidentOf: other).ids)
        #expect(first.incidents.changes.places(since: (other.incidents.changes.line, 0)) == nil)
    }

    /// Every column of every row, with short texts by their text (an updated index numbers them in another order).
    static func expectSameRows(_ index: IncidentIndex, _ fresh: IncidentIndex, after: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        func rows(_ i: IncidentIndex) -> [String] {
            (0..<i.count).map { row in
                var fields: [String] = [i.ids[row].uuidString, "\(i.occurred[row])", "\(i.severity[row])", "\(i.kind[row])",
                                        i.unitNames[Int(i.unit[row])], "\(i.acknowledged.contains(row))",
                                        "\(i.earliestOpenDue[row])", "\(i.places[row])"]
                if i.isSearchable {
                    let text = i.text
                    fields += [text.descriptions[row]] + text.notes[row]
                        + (0..<3).map { text.shortTexts[Int(text.shortFields[row * 3 + $0])] }
                        + ["\(text.presence[row])", "\(text.plain.contains(row))"]
                    // The row's bytes in the arena that a search reads, wherever they lie in it.
                    let span = text.spans[row]
                    fields.append(String(decoding: text.arena[Int(span.start)..<Int(span.start + span.count)], as: UTF8.self))
                }
                return fields.joined(separator: "|")
            }
        }
        #expect(rows(index) == rows(fresh), "the rows after \(after)", sourceLocation: sourceLocation)
        #expect(index.urgencyOrder == fresh.urgencyOrder, "the urgency order after \(after)", sourceLocation: sourceLocation)
        #expect(index.rowOfPlace == fresh.rowOfPlace, "the rows of the places after \(after)", sourceLocation: sourceLocation)
        #expect(index.isSearchable == fresh.isSearchable, sourceLocation: sourceLocation)
    }
}
