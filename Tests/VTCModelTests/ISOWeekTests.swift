import Testing
import VTCModel

@Suite struct ISOWeekTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func weeksAroundNewYear() {
        #expect(ISOWeek(containing: date("2020-12-31")).iso == "2020-W53")
        #expect(ISOWeek(containing: date("2021-01-03")).iso == "2020-W53")
        #expect(ISOWeek(containing: date("2021-01-04")).iso == "2021-W01")
        #expect(ISOWeek(containing: date("2026-12-31")).iso == "2026-W53")
        #expect(ISOWeek(containing: date("2027-01-01")).iso == "2026-W53")
        #expect(ISOWeek(containing: date("2027-01-03")).iso == "2026-W53")
        #expect(ISOWeek(containing: date("2027-01-04")).iso == "2027-W01")
        #expect(ISOWeek(containing: date("2024-12-30")).iso == "2025-W01")
    }

    @Test func yearsWith53Weeks() {
        #expect(ISOWeek.weeks(in: 2020) == 53)
        #expect(ISOWeek.weeks(in: 2026) == 53)
        #expect(ISOWeek.weeks(in: 2025) == 52)
        #expect(ISOWeek.weeks(in: 2027) == 52)
        #expect(ISOWeek(year: 2026, week: 53) != nil)
        #expect(ISOWeek(year: 2025, week: 53) == nil)
        #expect(ISOWeek(year: 2026, week: 0) == nil)
    }

    @Test func mondayToSunday() throws {
        let week = try #require(ISOWeek(year: 2026, week: 53))
        #expect(week.monday == date("2026-12-28"))
        #expect(week.sunday == date("2027-01-03"))
        #expect(week.days.map(\.isoWeekday) == [1, 2, 3, 4, 5, 6, 7])
        #expect(week.contains(date("2027-01-01")))
        #expect(!week.contains(date("2027-01-04")))
        #expect(ISOWeek(year: 2021, week: 1)?.monday == date("2021-01-04"))
    }

    @Test func previousAndNextCrossYearEnds() throws {
        let w53 = try #require(ISOWeek(year: 2026, week: 53))
        #expect(w53.next.iso == "2027-W01")
        #expect(w53.next.previous == w53)
        #expect(ISOWeek(year: 2021, week: 1)?.previous.iso == "2020-W53")
        #expect(ISOWeek(year: 2026, week: 1)?.previous.iso == "2025-W52")
        #expect(w53 < w53.next)
    }

    @Test func parseAndFormat() {
        #expect(ISOWeek(iso: "2026-W53") == ISOWeek(year: 2026, week: 53))
        #expect(ISOWeek(iso: "2026-W05")?.iso == "2026-W05")
        #expect(ISOWeek(iso: "2025-W53") == nil)
        #expect(ISOWeek(iso: "2026-W5") == nil)
        #expect(ISOWeek(iso: "2026W05") == nil)
        #expect(ISOWeek(iso: "2026-w05") == nil)
    }

    @Test func weekOfAMomentUsesLocalTime() throws {
        let zone = Zone.copenhagen
        // Sunday 2027-01-03 23:30 UTC is already Monday 00:30 in Copenhagen.
        let moment = try #require(Timestamp(rfc3339: "2027-01-03T23:30:00Z"))
        #expect(ISOWeek(containing: moment, in: zone).iso == "2027-W01")
        let week = try #require(ISOWeek(year: 2027, week: 1))
        #expect(week.start(in: zone).rfc3339 == "2027-01-04T00:00:00+01:00")
        #expect(week.end(in: zone).rfc3339 == "2027-01-11T00:00:00+01:00")
        // The week of the spring change is an hour shorter.
        let spring = try #require(ISOWeek(iso: "2026-W13"))
        #expect(spring.end(in: zone).epochSeconds - spring.start(in: zone).epochSeconds == 7 * 86_400 - 3600)
    }

    @Test func steppingPastTheFirstOrLastRepresentableYearDoesNotTrap() throws {
        let first = try #require(ISOWeek(year: 1, week: 1))
        #expect(first.previous.next == first)
        #expect(first.monday == date("0001-01-01"))
        let last = try #require(ISOWeek(year: 9998, week: ISOWeek.weeks(in: 9998)))
        #expect(last.next.next.previous.previous == last)
        #expect(StatisticsPeriod(.halfYear, year: 1, index: 1)?.sameIn(yearsLater: -2).firstDay.daysSinceEpoch
            == date("0001-01-01").daysSinceEpoch - 365 - 366) // year 0 is a leap year
    }
}
