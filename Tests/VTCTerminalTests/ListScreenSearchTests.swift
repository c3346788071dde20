import Foundation
import Testing
@testable import TerminalKit
@testable import VTCTerminal

/// The search keeps a result per typed prefix; these check that what it shows is
/// always what a fresh search for the same text shows.
@Suite struct ListScreenSearchTests {
    static let now = ListScreenTests.now

    static func searched(_ text: String, in sim: Simulator<HarnessState, AppEffect>? = nil) -> [Int] {
        var sim = sim ?? ListScreenTests.list(for: "leder")
        sim.press(.character("/"))
        sim.type(text)
        return ListScreenTests.shownIDs(sim)
    }

    @Test func eachDeletionShowsWhatTypingTheShorterTextFreshShows() {
        let text = "æbler episode"
        var sim = ListScreenTests.list(for: "leder")
        sim.press(.character("/"))
        sim.type(text)
        for length in stride(from: text.count - 1, through: 0, by: -1) {
            sim.press(.backspace)
            let shorter = String(text.prefix(length))
            #expect(ListScreenTests.shownIDs(sim) == Self.searched(shorter), "after deleting back to '\(shorter)'")
        }
    }

    @Test func retypingAfterDeletionsNarrowsFromTheRightPrefix() {
        var sim = ListScreenTests.list(for: "leder")
        sim.press(.character("/"))
        sim.type("ældre")
        #expect(ListScreenTests.shownIDs(sim) == [5])
        sim.press(.backspace, .backspace, .backspace, .backspace)
        sim.type("bler")
        #expect(ListScreenTests.shownIDs(sim) == Self.searched("æbler"))
        #expect(ListScreenTests.shownIDs(sim) == [3])
    }

    @Test func filtersAndOrderApplyToTheSearchedRows() {
        var sim = ListScreenTests.list(for: "leder")
        sim.press(.character("/"))
        sim.type("æ")
        sim.press(.enter)
        #expect(ListScreenTests.shownIDs(sim) == [1, 3, 5])
        sim.press(.character("o"))
        #expect(ListScreenTests.shownIDs(sim) == [5, 3, 1])
        sim.press(.character("o"), .character("d"))
        #expect(ListScreenTests.shownIDs(sim) == [3, 5])
    }

    @Test func aRegistrationArrivingDuringASearchIsShownWhenItMatches() {
        var s = ListScreenTests.scenario()
        var list = ListScreen(context: s.context(for: "leder", now: Self.now))
        let context = s.context(for: "leder", now: Self.now)
        _ = list.handle(.character("/"), context)
        for key in Key.typing("æbl") { _ = list.handle(key, context) }
        #expect(list.ids == [ScreenScenario.id(1), ScreenScenario.id(3)])
        s.register(7, by: "bent", occurred: "2026-11-20T11:00:00+01:00", description: "Endnu et ÆBLE")
        s.register(8, by: "bent", occurred: "2026-11-20T11:30:00+01:00", description: "Noget andet")
        list.refresh(s.context(for: "leder", now: Self.now))
        #expect(list.ids == [ScreenScenario.id(7), ScreenScenario.id(1), ScreenScenario.id(3)])
        #expect(list.visibleTotal == 7)
    }
}
