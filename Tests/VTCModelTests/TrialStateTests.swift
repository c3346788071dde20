import Foundation
import PropertyBased
import Testing
@testable import VTCModel

@Suite struct TrialStateTests {
    @Test("an event tried on the trial state for it is refused exactly when, and as, the whole state refuses it")
    func trialRefusesAsTheWholeStateDoes() async {
        await propertyCheck(count: 60, input: RandomEvents.sequence(count: 2...120)) { events in
            let split = events.count / 2
            let state = VTCState.replay(events[..<split])
            // What follows in the log, and the first half again: registered, acknowledged, opened twice are refused.
            for event in Array(events[split...]) + Array(events[..<split]) {
                var whole = state
                whole.apply(event)
                var trial = state.trial(for: [event.payload])
                trial.apply(event)
                #expect(whole.problems.dropFirst(state.problems.count).map(\.message) == trial.problems.map(\.message),
                        "\(event.payload.type)")
            }
        }
    }
}
