import Foundation
import Testing
@testable import VTCModel

@Suite struct TimeTests {
    @Test func parsesAndFormatsRFC3339WithOffset() throws {
        let t = try #require(Timestamp(rfc3339: "2026-03-29T01:30:00+01:00"))
        #expect(t.epochSeconds == 1_774_744_200)
        #expect(t.utcOffsetSeconds == 3600)
        #expect(t.rfc3339 == "2026-03-29T01:30:00+01:00")
    }

    @Test func utcIsWrittenAsZ() throws {
        let t = try #require(Timestamp(rfc3339: "2026-01-01T00:00:00+00:00"))
        #expect(t.rfc3339 == "2026-01-01T00:00:00Z")
        #expect(Timestamp(rfc3339: "2026-01-01T00:00:00Z") == t)
    }

    @Test func negativeOffsetsAndFractions() throws {
        let t = try #require(Timestamp(rfc3339: "2026-07-01T12:00:00.123-05:30"))
        #expect(t.rfc3339 == "2026-07-01T12:00:00-05:30")
        #expect(t.epochSeconds == Timestamp(rfc3339: "2026-07-01T17:30:00Z")!.epochSeconds)
    }

    @Test(arguments: ["2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T10:00:00",
                      "2026-01-01 10:00", "x", "2026-01-01T10:00:00+0100", "2026-01-01T10:00:00Zjunk"])
    func refusesMalformedTimes(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func civilDaysRoundTripAcrossCenturies() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDate(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(CalendarDate(iso: "2024-02-29")?.adding(days: 1).iso == "2024-03-01")
        #expect(CalendarDate(iso: "2026-02-29") == nil)
    }

    @Test func isoWeekdays() {
        #expect(CalendarDate(iso: "2026-11-22")?.isoWeekday == 7)
        #expect(CalendarDate(iso: "2026-11-23")?.isoWeekday == 1)
        #expect(CalendarDate(iso: "1969-12-31")?.isoWeekday == 3)
    }

    @Test func copenhagenOffsetsFollowDaylightSaving() throws {
        let zone = Zone.copenhagen
        #expect(zone.offset(atEpoch: Timestamp(rfc3339: "2026-01-15T12:00:00Z")!.epochSeconds) == 3600)
        #expect(zone.offset(atEpoch: Timestamp(rfc3339: "2026-07-15T12:00:00Z")!.epochSeconds) == 7200)
    }

    @Test func localReadingInSpringGapMovesForward() throws {
        let date = try #require(CalendarDate(iso: "2026-03-29"))
        let t = Zone.copenhagen.timestamp(for: LocalDateTime(date: date, hour: 2, minute: 30))
        #expect(t.rfc3339 == "2026-03-29T03:30:00+02:00")
    }

    @Test func localReadingInAutumnOverlapTakesTheEarlierMoment() throws {
        let date = try #require(CalendarDate(iso: "2026-10-25"))
        let t = Zone.copenhagen.timestamp(for: LocalDateTime(date: date, hour: 2, minute: 30))
        #expect(t.rfc3339 == "2026-10-25T02:30:00+02:00")
        let later = Zone.copenhagen.timestamp(for: LocalDateTime(date: date, hour: 3, minute: 30))
        #expect(later.epochSeconds - t.epochSeconds == 7200)
    }
}

@Suite struct ZoneTableTests {
    /// The table must give exactly what the system's time-zone data gives, at and
    /// around every transition and at ordinary moments, over the whole span.
    @Test func tabulatedOffsetsAgreeWithTheSystemEverywhere() throws {
        let system = try #require(TimeZone(identifier: "Europe/Copenhagen"))
        func expected(_ seconds: Int64) -> Int { system.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))) }
        var moments: [Int64] = []
        var date = Date(timeIntervalSince1970: 0)
        while let next = system.nextDaylightSavingTimeTransition(after: date), next.timeIntervalSince1970 < 4_000_000_000 {
            let t = Int64(next.timeIntervalSince1970)
            moments += [t - 3601, t - 1, t, t + 1, t + 3601]
            date = next
        }
        moments += stride(from: Int64(-86_400), through: 4_200_000_000, by: 7_777_777).map { $0 }
        #expect(moments.count > 500)
        for t in moments {
            #expect(Zone.copenhagen.offset(atEpoch: t) == expected(t), "at \(t)")
        }
    }
}
