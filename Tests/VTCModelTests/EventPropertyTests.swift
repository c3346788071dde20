import Foundation
import PropertyBased
import Testing
@testable import VTCModel
@testable import VTCCodec

@Suite("Properties of events and their projection")
struct EventPropertyTests {
    @Test("every event survives JSONWriter → JSONParser → Event(json:) unchanged, byte for byte",
          arguments: EventType.allCases)
    func jsonRoundTrip(type: EventType) async {
        await propertyCheck(count: 60, input: RandomEvents.event(of: type)) { event in
            let bytes = JSONWriter.encode(event.json)
            let decoded = try Event(json: try JSONParser.parse(bytes))
            #expect(decoded == event)
            #expect(decoded.payload.type == type)
            #expect(JSONWriter.encode(decoded.json) == bytes)
        }
    }

    @Test("replaying a log at once gives the same state as applying its events one by one")
    func replayEqualsStepwise() async {
        await propertyCheck(count: 60, input: RandomEvents.sequence(count: 0...120)) { events in
            var stepwise = VTCState(policy: .default)
            for event in events { stepwise.apply(event) }
            #expect(VTCState.replay(events, policy: .default) == stepwise)
            #expect(stepwise.eventCount == events.count)
        }
    }

    @Test("the state from a log read back from JSON equals the state from the events written")
    func replayAfterJSON() async {
        await propertyCheck(count: 30, input: RandomEvents.sequence(count: 0...80)) { events in
            let read = try events.map { try Event(json: try JSONParser.parse(JSONWriter.encode($0.json))) }
            #expect(VTCState.replay(read) == VTCState.replay(events))
        }
    }

    @Test("after any log, each live incident has exactly the items its final facts call for, counted from scratch")
    func incrementalDerivationMatchesScratch() async {
        await propertyCheck(count: 60, input: RandomEvents.sequence(count: 1...150)) { events in
            let state = VTCState.replay(events)
            let policy = state.policy
            let live = state.incidents.values.filter { !$0.isWithdrawn }
            for record in live {
                let facts = record.facts
                let expected = policy.itemsCalledFor(facts: facts, registeredAt: record.registeredAt) { days in
                    guard let ref = facts.citizenRef, !ref.isEmpty else { return 0 }
                    let start = facts.occurredAt.epochSeconds - Int64(days) * 86_400
                    return live.filter {
                        $0.facts.unit == facts.unit && $0.facts.citizenRef == ref
                            && (start...facts.occurredAt.epochSeconds).contains($0.facts.occurredAt.epochSeconds)
                    }.count
                }
                let derived = record.followUps.filter(\.calledFor).map {
                    FollowUpItem(kind: $0.kind, due: $0.due, responsible: $0.responsible, staysOpen: $0.staysOpen)
                }
                #expect(derived == expected)
                #expect(record.followUps.allSatisfy { $0.calledFor || $0.outcome != nil })
            }
        }
    }

    @Test("a recorded outcome is never lost by later amendments or absence updates")
    func outcomesStay() async {
        await propertyCheck(count: 60, input: RandomEvents.sequence(count: 1...150)) { events in
            let state = VTCState.replay(events)
            let history = HistoryReader(events: events)
            for record in state.incidents.values {
                for event in history.events(of: record) ?? [] {
                    if case .followUpRecorded(_, let r) = event.payload { #expect(record.followUp(r.kind)?.outcome != nil) }
                    if case .acknowledged = event.payload { #expect(record.followUp(.acknowledgement)?.outcome != nil) }
                    if case .amgDiscussed = event.payload { #expect(record.followUp(.amgDiscussion)?.outcome != nil) }
                }
            }
        }
    }
}
