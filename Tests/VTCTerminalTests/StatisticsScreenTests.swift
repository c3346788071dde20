import Foundation
import Testing
import VTCModel
@testable import TerminalKit
@testable import VTCTerminal

@Suite struct StatisticsScreenTests {
    static let now = "2026-11-20T12:00:00+01:00"

    /// Second half-year 2026: four VTC 1 and two VTC 3 in Bo Nord (one with absence), a threat in Bo Syd;
    /// one VTC 1 in H2 2025, two in H2 2024, and one in H1 2026.
    static func scenario() -> ScreenScenario {
        var s = ScreenScenario()
        for (n, month) in ["07", "08", "09", "10"].enumerated() {
            s.register(n + 1, by: "leder", occurred: "2026-\(month)-10T10:00:00+02:00", severity: 1)
        }
        s.register(5, by: "leder", occurred: "2026-10-01T10:00:00+02:00", severity: 3, kind: .physicalViolence, absenceDays: 2)
        s.register(6, by: "leder", occurred: "2026-11-01T10:00:00+01:00", severity: 3, kind: .physicalViolence)
        s.register(7, by: "ledersyd", unit: ScreenScenario.syd, occurred: "2026-09-01T10:00:00+02:00", severity: 2, kind: .threat)
        s.register(8, by: "leder", occurred: "2025-08-01T10:00:00+02:00", severity: 1)
        s.register(9, by: "leder", occurred: "2024-08-01T10:00:00+02:00", severity: 1)
        s.register(10, by: "leder", occurred: "2024-09-01T10:00:00+02:00", severity: 1)
        s.register(11, by: "leder", occurred: "2026-03-01T10:00:00+01:00", severity: 2)
        return s
    }

    static func statistics(for user: String, height: Int = 22) -> Simulator<HarnessState, AppEffect> {
        let context = scenario().context(for: user, now: now)
        return ScreenHarness.simulator(StatisticsScreen(context: context), context, width: 80, height: height)
    }

    /// The length of the bar on a row, in eighths of a cell.
    static func barEighths(_ row: String) -> Int {
        let partial: [Character: Int] = ["▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7]
        return row.reduce(0) { $0 + ($1 == "█" ? 8 : partial[$1] ?? 0) }
    }

    @Test func severityBarsForTheHalfYearAndTheSameHalfTheTwoYearsBefore() throws {
        let rows = Self.statistics(for: "leder").areaRows
        #expect(rows[0] == "Efter belastningsgrad · 2. halvår 2026 sammenlignet med 2024, 2025")
        let current1 = try #require(rows.first { $0.hasPrefix("VTC 1 · 2. halvår 2026") })
        let current3 = try #require(rows.first { $0.hasPrefix("VTC 3 · 2. halvår 2026") })
        let earlier1 = try #require(rows.first { $0.hasPrefix("VTC 1 · 2. halvår 2024") })
        #expect(current1.hasSuffix(" 4"))
        #expect(current3.hasSuffix(" 2"))
        #expect(earlier1.hasSuffix(" 2"))
        #expect(abs(Self.barEighths(current1) - 2 * Self.barEighths(current3)) <= 1)
        #expect(Self.barEighths(current3) == Self.barEighths(earlier1))
        let empty = try #require(rows.first { $0.hasPrefix("VTC 5 · 2. halvår 2026") })
        #expect(Self.barEighths(empty) == 0)
        #expect(empty.hasSuffix(" 0"))
    }

    @Test func theShareOfMinorEpisodesIsPraisedAndAbsenceCounted() {
        let rows = Self.statistics(for: "leder").areaRows
        #expect(rows.contains("Andel af VTC 1 (mindre episoder): 67 %"))
        #expect(rows.contains("Mange registreringer af mindre episoder er tegn på en sund registreringskultur."))
        #expect(rows.contains { $0.hasPrefix("I alt: 6 (2, 1) · Med fravær: 1 · Hyppigste grad: VTC 1") })
    }

    @Test func viewsByKindAndByUnit() throws {
        var sim = Self.statistics(for: "koordinator")
        sim.press(.character("v"))
        var rows = sim.areaRows
        #expect(rows[0] == "Efter type · 2. halvår 2026")
        let violence = try #require(rows.first { $0.hasPrefix("Fysisk vold") })
        let harassment = try #require(rows.first { $0.hasPrefix("Chikane") })
        #expect(violence.hasSuffix(" 2"))
        #expect(harassment.hasSuffix(" 4"))
        #expect(abs(2 * Self.barEighths(violence) - Self.barEighths(harassment)) <= 1)
        sim.press(.character("v"))
        rows = sim.areaRows
        #expect(rows.contains { $0.hasPrefix("Bo Nord") && $0.hasSuffix(" 6") })
        #expect(rows.contains { $0.hasPrefix("Bo Syd") && $0.hasSuffix(" 1") })
    }

    @Test func periodLengthAndPreviousPeriod() {
        var sim = Self.statistics(for: "leder")
        sim.press(.character("p"))
        #expect((sim.state.top as! StatisticsScreen).period == StatisticsPeriod(.year, year: 2026))
        #expect(sim.dump().contains("I alt: 7 (2, 1)"))
        sim.press(.character("p"))
        #expect((sim.state.top as! StatisticsScreen).period == StatisticsPeriod(.month, year: 2026, index: 11))
        sim.press(.character("p"), .character("p"), .left)
        #expect((sim.state.top as! StatisticsScreen).period == StatisticsPeriod(.halfYear, year: 2026, index: 1))
        #expect(sim.dump().contains("I alt: 1 (0, 0)"))
    }

    @Test func eachUserCountsOnlyTheUnitsTheyMayRead() {
        #expect(Self.statistics(for: "ledersyd").dump().contains("I alt: 1 (0, 0)"))
        #expect(Self.statistics(for: "anna").dump().contains("Du har ingen rolle, der giver adgang til enhedernes tal."))
    }

    @Test func aLowAreaShowsTheCurrentPeriodOnly() {
        let rows = Self.statistics(for: "leder", height: 16).areaRows
        #expect(rows.contains { $0.hasPrefix("VTC 1 ") && $0.hasSuffix(" 4") && !$0.contains("halvår") })
    }
}
