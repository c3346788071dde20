/// An ISO 8601 week (`2026-W53`): Monday to Sunday; week 1 is the week with
/// the year's first Thursday, so a few days around New Year belong to the
/// week-year next to their calendar year.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init?(year: Int, week: Int) {
        guard (1...9998).contains(year), (1...ISOWeek.weeks(in: year)).contains(week) else { return nil }
        self.year = year
        self.week = week
    }

    public init(containing date: CalendarDate) {
        let thursday = date.adding(days: 4 - date.isoWeekday)
        let january1 = CalendarDate.proleptic(year: thursday.year, month: 1, day: 1)
        year = thursday.year
        week = (thursday.daysSinceEpoch - january1.daysSinceEpoch) / 7 + 1
    }

    /// The week of a moment on the local clock of `zone`.
    public init(containing moment: Timestamp, in zone: Zone) {
        self.init(containing: zone.local(moment).date)
    }

    /// 53 in years whose 28 December falls in week 53, else 52.
    public static func weeks(in year: Int) -> Int {
        ISOWeek(containing: CalendarDate.proleptic(year: year, month: 12, day: 28)).week
    }

    public var monday: CalendarDate {
        let january4 = CalendarDate.proleptic(year: year, month: 1, day: 4)
        return january4.adding(days: 1 - january4.isoWeekday + 7 * (week - 1))
    }

    public var sunday: CalendarDate { monday.adding(days: 6) }

    /// Monday … Sunday.
    public var days: [CalendarDate] { (0..<7).map { monday.adding(days: $0) } }

    public var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }
    public var next: ISOWeek { ISOWeek(containing: monday.adding(days: 7)) }

    /// The moment the week starts: Monday 00:00 on the local clock.
    public func start(in zone: Zone) -> Timestamp {
        zone.timestamp(for: LocalDateTime(date: monday, secondOfDay: 0))
    }

    /// The moment the week ends (exclusive): the next Monday 00:00 on the local clock.
    public func end(in zone: Zone) -> Timestamp { next.start(in: zone) }

    public func contains(_ date: CalendarDate) -> Bool { monday <= date && date <= sunday }

    /// Parses `YYYY-Www`, e.g. `2026-W05`.
    public init?(iso text: some StringProtocol) {
        let b = Array(text.utf8)
        guard b.count == 8, b[4] == UInt8(ascii: "-"), b[5] == UInt8(ascii: "W") else { return nil }
        var numbers: [Int] = []
        for range in [0..<4, 6..<8] {
            var value = 0
            for i in range {
                guard (48...57).contains(b[i]) else { return nil }
                value = value * 10 + Int(b[i]) - 48
            }
            numbers.append(value)
        }
        self.init(year: numbers[0], week: numbers[1])
    }

    /// `YYYY-Www`.
    public var iso: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-W" + pad2(week)
    }

    public var description: String { iso }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}

extension CalendarDate {
    /// A month and day of any year, also one outside 1…9999 that stepping from
    /// the first or last week or period can reach: the Gregorian calendar repeats every 400 years.
    static func proleptic(year: Int, month: Int, day: Int) -> CalendarDate {
        var cycles = (year - 2000) / 400
        if (year - 2000) % 400 < 0 { cycles -= 1 }
        let inCycle = CalendarDate(year: year - 400 * cycles, month: month, day: day)!
        return inCycle.adding(days: cycles * 146_097)
    }
}
