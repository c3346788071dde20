import Testing
import VTCModel

@Suite struct OccurredInputTests {
    static let zone = Zone.copenhagen
    /// Sunday 22 November 2026, 14:37 in Copenhagen (winter time, +01:00).
    static let now = time("2026-11-22T14:37:00+01:00")

    static func time(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    func moment(_ text: String, at now: Timestamp = now) -> Result<Timestamp, OccurredInput.Problem> {
        OccurredInput.moment(text, now: now, zone: Self.zone)
    }

    func rfc3339(_ text: String, at now: Timestamp = now) -> String? {
        try? moment(text, at: now).get().rfc3339
    }

    @Test(arguments: [
        ("14:30", "2026-11-22T14:30:00+01:00"),
        ("8:05", "2026-11-22T08:05:00+01:00"),
        ("i dag 08:15", "2026-11-22T08:15:00+01:00"),
        ("I DAG kl. 08:15", "2026-11-22T08:15:00+01:00"),
        ("idag 08:15", "2026-11-22T08:15:00+01:00"),
        ("today 08:15", "2026-11-22T08:15:00+01:00"),
        ("i går 22:00", "2026-11-21T22:00:00+01:00"),
        ("igår kl 22:00", "2026-11-21T22:00:00+01:00"),
        ("yesterday 22:00", "2026-11-21T22:00:00+01:00"),
        ("22.11 14:30", "2026-11-22T14:30:00+01:00"),
        ("3.2. 07:00", "2026-02-03T07:00:00+01:00"),
        ("22.11.2026 14:30", "2026-11-22T14:30:00+01:00"),
        ("2026-11-22 14:30", "2026-11-22T14:30:00+01:00"),
        ("2026-11-22T14:30", "2026-11-22T14:30:00+01:00"),
        ("  2026-07-01 09:00  ", "2026-07-01T09:00:00+02:00"),
        ("2026-11-22T13:30:00Z", "2026-11-22T13:30:00Z"),
        ("nu", "2026-11-22T14:37:00+01:00"),
        ("now", "2026-11-22T14:37:00+01:00"),
    ])
    func readsTheFormsStaffTypeInBothLanguages(typed: String, expected: String) {
        #expect(rfc3339(typed) == expected)
    }

    @Test func aBareTimeLaterThanNowMeansYesterday() {
        #expect(rfc3339("23:00") == "2026-11-21T23:00:00+01:00")
    }

    @Test func aDayAndMonthLaterThanTodayMeansLastYear() {
        #expect(rfc3339("24.12 18:00") == "2025-12-24T18:00:00+01:00")
    }

    @Test func aFewMinutesAheadIsAcceptedButNotMore() {
        #expect(rfc3339("i dag 14:41") == "2026-11-22T14:41:00+01:00")
        #expect(moment("i dag 14:50") == .failure(.inTheFuture(Self.time("2026-11-22T14:50:00+01:00"))))
        #expect(moment("2026-11-23 10:00") == .failure(.inTheFuture(Self.time("2026-11-23T10:00:00+01:00"))))
        #expect(moment("2026-11-23T10:00:00+01:00") == .failure(.inTheFuture(Self.time("2026-11-23T10:00:00+01:00"))))
    }

    @Test func acrossMidnightYesterdayAndTodayFollowTheLocalDate() {
        let justAfterMidnight = Self.time("2026-11-23T00:10:00+01:00")
        #expect(rfc3339("i går 23:30", at: justAfterMidnight) == "2026-11-22T23:30:00+01:00")
        #expect(rfc3339("yesterday 23:30", at: justAfterMidnight) == "2026-11-22T23:30:00+01:00")
        #expect(rfc3339("23:30", at: justAfterMidnight) == "2026-11-22T23:30:00+01:00")
        #expect(rfc3339("i dag 00:05", at: justAfterMidnight) == "2026-11-23T00:05:00+01:00")
        #expect(moment("today 23:30", at: justAfterMidnight) == .failure(.inTheFuture(Self.time("2026-11-23T23:30:00+01:00"))))
    }

    @Test func springForwardUsesEachDaysOwnOffset() {
        // Summer time starts on 29 March 2026 at 02:00, which becomes 03:00.
        let morning = Self.time("2026-03-29T10:00:00+02:00")
        #expect(rfc3339("i går 22:00", at: morning) == "2026-03-28T22:00:00+01:00")
        #expect(rfc3339("i dag 01:30", at: morning) == "2026-03-29T01:30:00+01:00")
        #expect(rfc3339("today 02:30", at: morning) == "2026-03-29T03:30:00+02:00")
        #expect(rfc3339("09:00", at: morning) == "2026-03-29T09:00:00+02:00")
    }

    @Test func fallBackTakesTheEarlierOfTheTwoReadings() {
        // Summer time ends on 25 October 2026 at 03:00, which becomes 02:00.
        let noon = Self.time("2026-10-25T12:00:00+01:00")
        #expect(rfc3339("i går 12:00", at: noon) == "2026-10-24T12:00:00+02:00")
        #expect(rfc3339("i dag 02:30", at: noon) == "2026-10-25T02:30:00+02:00")
        #expect(rfc3339("yesterday 23:00", at: Self.time("2026-10-26T08:00:00+01:00")) == "2026-10-25T23:00:00+01:00")
    }

    @Test(arguments: ["", "kl. fem", "25:00", "14:3", "i morgen 10:00", "14.30", "22/11 10:00", "2026-11-22"])
    func refusesWhatItCannotRead(typed: String) {
        guard case .failure(.unrecognised) = moment(typed) else {
            Issue.record("\"\(typed)\" was read as \(String(describing: try? moment(typed).get()))")
            return
        }
    }

    @Test func namesADateThatDoesNotExist() {
        #expect(moment("31.02 10:00") == .failure(.noSuchDate("31.02")))
        #expect(moment("2026-02-30 10:00") == .failure(.noSuchDate("2026-02-30")))
    }

    @Test func readsDaysForTheFirstDayOfAbsence() {
        func day(_ text: String) -> String? { try? OccurredInput.day(text, now: Self.now, zone: Self.zone).get().iso }
        #expect(day("i dag") == "2026-11-22")
        #expect(day("today") == "2026-11-22")
        #expect(day("i går") == "2026-11-21")
        #expect(day("yesterday") == "2026-11-21")
        #expect(day("20.11") == "2026-11-20")
        #expect(day("20.11.2026") == "2026-11-20")
        #expect(day("2026-11-20") == "2026-11-20")
        #expect(day("24.12") == "2025-12-24")
        #expect(day("") == nil)
        #expect(day("2026-12-01") == nil)
        #expect(OccurredInput.day("30.02", now: Self.now, zone: Self.zone) == .failure(.noSuchDate("30.02")))
    }

    @Test func theFormatReadsBackAsTheSameMinute() {
        let shown = LocalTimeText.format(Self.now, in: Self.zone)
        #expect(shown == "2026-11-22 14:37")
        #expect(rfc3339(shown) == "2026-11-22T14:37:00+01:00")
    }
}

/// A date typed without its year lands near today, in the window its field allows, and says it was guessed (issue 13).
@Suite struct GuessedDateTests {
    static let zone = Zone.copenhagen
    /// Wednesday 25 November 2026, 10:00 in Copenhagen.
    static let now = Timestamp(rfc3339: "2026-11-25T10:00:00+01:00")!

    func day(_ text: String, _ window: OccurredInput.DayWindow) -> OccurredInput.Reading<CalendarDate>? {
        try? OccurredInput.readDay(text, now: Self.now, zone: Self.zone, window: window).get()
    }

    @Test func aFirstAbsenceDayTomorrowWithoutAYearIsThisYearNotLastYear() {
        #expect(day("26.11", .absence) == OccurredInput.Reading(value: CalendarDate(iso: "2026-11-26")!, guessed: true))
        #expect(day("i morgen", .absence)?.value == CalendarDate(iso: "2026-11-26"))
        #expect(day("tomorrow", .absence)?.value == CalendarDate(iso: "2026-11-26"))
        #expect(day("24.12", .absence)?.value == CalendarDate(iso: "2026-12-24"), "within the next 30 days")
        #expect(day("1.10", .absence)?.value == CalendarDate(iso: "2026-10-01"), "within the last 60 days")
        #expect(day("5.1", .absence)?.value == CalendarDate(iso: "2027-01-05"), "nearer the window than a year back")
        #expect(day("2026-11-26", .absence) == OccurredInput.Reading(value: CalendarDate(iso: "2026-11-26")!, guessed: false))
    }

    @Test func anEpisodeDayWithoutAYearIsTheLatestNotInTheFuture() {
        #expect(day("26.11", .past)?.value == CalendarDate(iso: "2025-11-26"))
        #expect(day("25.11", .past)?.value == CalendarDate(iso: "2026-11-25"))
        #expect(day("i morgen", .past) == nil, "an episode cannot be tomorrow")
        #expect(day("2026-11-26", .past) == nil)
        let moment = try? OccurredInput.readMoment("26.11 08:00", now: Self.now, zone: Self.zone).get()
        #expect(moment?.value == Timestamp(rfc3339: "2025-11-26T08:00:00+01:00"))
        #expect(moment?.guessed == true)
        #expect((try? OccurredInput.readMoment("yesterday 22:10", now: Self.now, zone: Self.zone).get())?.guessed == false)
        #expect((try? OccurredInput.readMoment("11:00", now: Self.now, zone: Self.zone).get())
                == OccurredInput.Reading(value: Timestamp(rfc3339: "2026-11-24T11:00:00+01:00")!, guessed: true))
    }

    @Test func aDueDayWithoutAYearLooksAhead() {
        #expect(day("15.01", .due)?.value == CalendarDate(iso: "2027-01-15"))
        #expect(day("20.11", .due)?.value == CalendarDate(iso: "2026-11-20"), "a few days late is still this year")
    }

    @Test func secondsAndAReportTimeAheadAreRead() {
        #expect(OccurredInput.moment("2026-11-22T10:00:30", now: Self.now, zone: Self.zone)
                == .success(Timestamp(rfc3339: "2026-11-22T10:00:30+01:00")!))
        #expect((try? OccurredInput.readMoment("2026-12-01 12:00", now: Self.now, zone: Self.zone, allowingFuture: true).get())?.value
                == Timestamp(rfc3339: "2026-12-01T12:00:00+01:00"))
    }
}
