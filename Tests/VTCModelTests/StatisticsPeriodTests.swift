import Testing
import VTCModel

@Suite struct StatisticsPeriodTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func periodsContainingADate() {
        #expect(StatisticsPeriod(.month, containing: date("2026-07-31")).description == "2026-07")
        #expect(StatisticsPeriod(.quarter, containing: date("2026-07-01")).description == "2026-Q3")
        #expect(StatisticsPeriod(.halfYear, containing: date("2026-06-30")).description == "2026-H1")
        #expect(StatisticsPeriod(.halfYear, containing: date("2026-07-01")).description == "2026-H2")
        #expect(StatisticsPeriod(.year, containing: date("2026-12-31")).description == "2026")
    }

    @Test func stepsCrossYearEnds() throws {
        let h2 = try #require(StatisticsPeriod(.halfYear, year: 2025, index: 2))
        #expect(h2.next.description == "2026-H1")
        #expect(h2.next.previous == h2)
        #expect(StatisticsPeriod(.month, year: 2026, index: 1)?.previous.description == "2025-12")
        #expect(StatisticsPeriod(.quarter, year: 2026, index: 1)?.adding(periods: -5).description == "2024-Q4")
        #expect(h2.sameIn(yearsLater: -2).description == "2023-H2")
    }

    @Test func firstAndEndDays() throws {
        let h2 = try #require(StatisticsPeriod(.halfYear, year: 2025, index: 2))
        #expect(h2.firstDay == date("2025-07-01"))
        #expect(h2.endDay == date("2026-01-01"))
        #expect(h2.contains(date("2025-12-31")))
        #expect(!h2.contains(date("2026-01-01")))
        #expect(StatisticsPeriod(.halfYear, year: 2025, index: 3) == nil)
    }
}
