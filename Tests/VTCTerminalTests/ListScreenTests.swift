import Foundation
import Testing
import VTCModel
@testable import TerminalKit
@testable import VTCTerminal

@Suite struct ListScreenTests {
    static let now = "2026-11-20T12:00:00+01:00"

    /// Anna's and Bent's incidents in Bo Nord, one in Bo Syd, spread over the year. Incident 1 is
    /// followed up completely; 6 has only open follow-up; 2, 3 and 5 have overdue follow-up.
    static func scenario() -> ScreenScenario {
        var s = ScreenScenario()
        s.register(1, by: "anna", occurred: "2026-11-19T10:00:00+01:00", severity: 1, description: "Skældud ved æblet")
        s.register(2, by: "bent", occurred: "2026-11-10T10:00:00+01:00", severity: 3, kind: .physicalViolence)
        s.register(3, by: "anna", occurred: "2026-03-02T10:00:00+01:00", severity: 4, kind: .threat, description: "Trussel om æbler")
        s.register(4, by: "ledersyd", unit: ScreenScenario.syd, occurred: "2026-11-18T10:00:00+01:00", severity: 2)
        s.register(5, by: "anna", occurred: "2025-12-30T10:00:00+01:00", severity: 5, description: "Ældre episode")
        s.register(6, by: "anna", occurred: "2026-11-20T09:00:00+01:00", severity: 1)
        s.add(.acknowledged(incident: ScreenScenario.id(1), note: nil), by: "leder", at: ScreenScenario.at("2026-11-19T12:00:00+01:00"))
        s.add(.amgDiscussed(incident: ScreenScenario.id(1), date: CalendarDate(iso: "2026-11-19")!, summary: "Drøftet"),
              by: "amr", at: ScreenScenario.at("2026-11-19T14:00:00+01:00"))
        return s
    }

    static func shownIDs(_ sim: Simulator<HarnessState, AppEffect>) -> [Int] {
        (sim.state.top as! ListScreen).ids.map { Int($0.uuid.14) }
    }

    static func list(for user: String) -> Simulator<HarnessState, AppEffect> {
        let context = scenario().context(for: user, now: now)
        return ScreenHarness.simulator(ListScreen(context: context), context)
    }

    @Test func staffSeeOnlyTheirOwnIncidentsAndLeadersOnlyTheirUnit() {
        #expect(Self.shownIDs(Self.list(for: "anna")) == [6, 1, 3, 5])
        #expect(Self.shownIDs(Self.list(for: "bent")) == [2])
        #expect(Self.shownIDs(Self.list(for: "leder")) == [6, 1, 2, 3, 5])
        #expect(Self.shownIDs(Self.list(for: "ledersyd")) == [4])
        #expect(Self.shownIDs(Self.list(for: "koordinator")) == [6, 1, 4, 2, 3, 5])
    }

    @Test func theCountSaysHowManyOfAllTheUserMaySeeAreShown() {
        var sim = Self.list(for: "leder")
        sim.press(.character("3"))
        #expect(sim.areaRows[0].hasSuffix("1 af 5"))
        #expect(sim.areaRows.contains { $0.contains("Fysisk vold") })
    }

    @Test func englishLabelsAndCount() {
        let context = Self.scenario().context(for: "leder", now: Self.now, language: .en)
        var sim = ScreenHarness.simulator(ListScreen(context: context), context)
        sim.press(.character("d"))
        let rows = sim.areaRows
        #expect(rows[0].hasPrefix("Overdue · Newest first "), "only what narrows the list: \(rows[0])")
        #expect(rows[0].hasSuffix(" 3 of 5"))
        #expect(rows[1].hasPrefix("Time "))
        #expect(rows[2].contains("! 5 overdue"))
    }

    @Test func digitsToggleSeveritiesAndZeroClearsThem() {
        var sim = Self.list(for: "leder")
        sim.press(.character("1"))
        #expect(Self.shownIDs(sim) == [6, 1])
        sim.press(.character("4"))
        #expect(Self.shownIDs(sim) == [6, 1, 3])
        sim.press(.character("1"))
        #expect(Self.shownIDs(sim) == [3])
        sim.press(.character("0"))
        #expect(Self.shownIDs(sim) == [6, 1, 2, 3, 5])
    }

    @Test func unitCyclesThroughTheUsersUnitsAndBackToAll() {
        var sim = Self.list(for: "koordinator")
        sim.press(.character("u"))
        #expect(Self.shownIDs(sim) == [6, 1, 2, 3, 5])
        #expect(sim.areaRows[0].contains("Bo Nord"))
        sim.press(.character("u"))
        #expect(Self.shownIDs(sim) == [4])
        sim.press(.character("u"))
        #expect(Self.shownIDs(sim) == [6, 1, 4, 2, 3, 5])
    }

    @Test func periodCyclesThisWeekThirtyDaysHalfYearYearAll() {
        var sim = Self.list(for: "leder")
        var seen: [[Int]] = []
        for _ in 0..<5 {
            sim.press(.character("p"))
            seen.append(Self.shownIDs(sim))
        }
        // 2026-11-20 is a Friday in week 47 (from Monday 16 November).
        #expect(seen == [[6, 1], [6, 1, 2], [6, 1, 2], [6, 1, 2, 3], [6, 1, 2, 3, 5]])
        sim.press(.character("p"))
        #expect(sim.areaRows[0].contains("Denne uge"))
    }

    @Test func togglesForOpenOverdueAndUnacknowledged() {
        var sim = Self.list(for: "leder")
        sim.press(.character("k"))
        #expect(Self.shownIDs(sim) == [6, 2, 3, 5])
        sim.press(.character("k"), .character("d"))
        #expect(Self.shownIDs(sim) == [2, 3, 5])
        sim.press(.character("d"), .character("a"))
        #expect(Self.shownIDs(sim) == [6, 2, 3, 5])
        #expect(sim.areaRows[0].contains("Åbne"))
    }

    @Test func sortingTogglesToMostUrgentFirst() {
        var sim = Self.list(for: "leder")
        sim.press(.character("o"))
        let urgent = Self.shownIDs(sim)
        #expect(urgent.last == 1)
        #expect(sim.areaRows[0].contains("Mest presserende først"))
        sim.press(.character("o"))
        #expect(Self.shownIDs(sim) == [6, 1, 2, 3, 5])
    }

    @Test func searchNarrowsAsItIsTypedAndIgnoresCase() {
        var sim = Self.list(for: "leder")
        sim.press(.character("/"))
        sim.type("Æ")
        #expect(Self.shownIDs(sim) == [1, 3, 5])
        sim.type("BLE")
        #expect(Self.shownIDs(sim) == [1, 3])
        sim.type("T")
        #expect(Self.shownIDs(sim) == [1])
        sim.press(.backspace)
        #expect(Self.shownIDs(sim) == [1, 3])
        #expect(sim.areaRows.last == "Søg: ÆBLE")
        sim.press(.enter)
        #expect(Self.shownIDs(sim) == [1, 3])
        sim.press(.character("/"), .escape)
        #expect(Self.shownIDs(sim) == [6, 1, 2, 3, 5])
    }

    @Test func searchWithinTheShownRowsOnlyWhenTheTextGrows() {
        var sim = Self.list(for: "leder")
        sim.press(.character("/"))
        sim.type("æble")
        // A filter change re-runs the query and keeps the search.
        sim.press(.enter, .character("4"))
        #expect(Self.shownIDs(sim) == [3])
        sim.press(.character("0"))
        #expect(Self.shownIDs(sim) == [1, 3])
    }

    @Test func enterOpensTheDetailOfTheSelectedIncident() {
        var sim = Self.list(for: "leder")
        sim.press(.down, .enter)
        let detail = sim.state.top as? DetailScreen
        #expect(detail?.incident == ScreenScenario.id(1))
        sim.press(.escape)
        #expect(sim.state.top is ListScreen)
    }

    @Test func refreshPicksUpNewIncidentsAndKeepsTheSelection() {
        var s = Self.scenario()
        let context = s.context(for: "leder", now: Self.now)
        var list = ListScreen(context: context)
        _ = list.handle(.down, context)
        #expect(list.selectedID == ScreenScenario.id(1))
        s.register(7, by: "bent", occurred: "2026-11-20T11:00:00+01:00", severity: 2)
        list.refresh(s.context(for: "leder", now: Self.now))
        #expect(list.ids.first == ScreenScenario.id(7))
        #expect(list.visibleTotal == 6)
        #expect(list.selectedID == ScreenScenario.id(1))
    }

    static func manyIncidents(_ count: Int) -> ScreenScenario {
        var s = ScreenScenario()
        let start = ScreenScenario.at("2026-01-01T08:00:00+01:00")
        for n in 0..<count {
            s.register(n, by: "anna", occurred: start.adding(seconds: Int64(n) * 600), severity: n % 5 + 1)
        }
        return s
    }

    @Test func pagingAndEndOnTenThousandIncidentsShowTheRightRows() {
        let context = Self.manyIncidents(10_000).context(for: "leder", now: "2026-12-31T12:00:00+01:00")
        var sim = ScreenHarness.simulator(ListScreen(context: context, pageHeight: 18), context, width: 80, height: 22)
        let zone = Zone.copenhagen
        func time(_ n: Int) -> String {
            LocalTimeText.format(ScreenScenario.at("2026-01-01T08:00:00+01:00").adding(seconds: Int64(n) * 600), in: zone)
        }
        // The area is 19 rows: the filter line, the header and 17 incidents.
        #expect(sim.areaRows[2].hasPrefix(time(9_999)))
        sim.press(.pageDown)
        let list = sim.state.top as! ListScreen
        #expect(list.selection.selected == 18)
        #expect(sim.areaRows.contains { $0.hasPrefix(time(9_999 - 18)) })
        sim.press(.end)
        #expect(sim.areaRows.last!.hasPrefix(time(0)))
        #expect(sim.areaRows[2].hasPrefix(time(16)))
        sim.press(.home)
        #expect(sim.areaRows[2].hasPrefix(time(9_999)))
    }

    @Test func aFilterThatShortensTheListAfterPagingKeepsTheSelectionInRange() {
        let context = Self.manyIncidents(1_000).context(for: "leder", now: "2026-12-31T12:00:00+01:00")
        var list = ListScreen(context: context)
        _ = list.handle(.end, context)
        _ = list.handle(.character("5"), context)
        #expect(list.count == 200)
        #expect(list.selectedID.map { context.state.incidents[$0]?.facts.severity.rawValue } == 5)
        _ = list.handle(.character("5"), context)
        #expect(list.count == 1_000)
    }

    @Test func onlyTheVisibleRowsAreBuilt() {
        let context = Self.manyIncidents(10_000).context(for: "leder", now: "2026-12-31T12:00:00+01:00")
        var list = ListScreen(context: context)
        _ = list.handle(.end, context)
        let rows = list.visibleRows(context, height: 17)
        #expect(rows.count == 17)
        #expect(rows.map(\.index) == Array(9_983..<10_000))
        // The screen holds a window of ids around the selected row, not the selection's 10 000.
        #expect(list.count == 10_000 && list.ids.count < 1_000 && list.selectedID != nil)
    }

    @Test func longUnitNamesAreShownByTheirShortestUniqueStart() {
        var s = ScreenScenario()
        s.register(1, by: "koordinator", unit: "Bøgehøjgårdens Specialafdeling for Unge", occurred: "2026-11-19T10:00:00+01:00",
                   kind: .sexualHarassment, involvement: .witness)
        let context = s.context(for: "koordinator", now: Self.now)
        let sim = ScreenHarness.simulator(ListScreen(context: context), context)
        let row = sim.areaRows[2]
        #expect(row.contains(" Bøge "), "\(row)")
        #expect(!row.contains("…"), "\(row)")
        #expect(DisplayWidth.of(row) <= 80)
    }
}
