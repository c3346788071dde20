/// How long the periods of a statistics table are.
public enum StatisticsGranularity: String, CaseIterable, Sendable, Hashable {
    case month
    case quarter
    case halfYear = "half_year"
    case year

    var months: Int {
        switch self {
        case .month: 1
        case .quarter: 3
        case .halfYear: 6
        case .year: 12
        }
    }
}

/// A calendar month, quarter, half-year or year, in local dates.
public struct StatisticsPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let granularity: StatisticsGranularity
    public let year: Int
    /// 1-based: the month (1–12), quarter (1–4), half (1–2), or 1 for a year.
    public let index: Int

    public init?(_ granularity: StatisticsGranularity, year: Int, index: Int = 1) {
        guard (1...9999).contains(year), (1...(12 / granularity.months)).contains(index) else { return nil }
        self.granularity = granularity
        self.year = year
        self.index = index
    }

    public init(_ granularity: StatisticsGranularity, containing date: CalendarDate) {
        self.granularity = granularity
        year = date.year
        index = (date.month - 1) / granularity.months + 1
    }

    public var firstDay: CalendarDate { .proleptic(year: year, month: (index - 1) * granularity.months + 1, day: 1) }

    /// The first day after the period.
    public var endDay: CalendarDate { next.firstDay }

    public func contains(_ date: CalendarDate) -> Bool { StatisticsPeriod(granularity, containing: date) == self }

    public var next: StatisticsPeriod { adding(periods: 1) }
    public var previous: StatisticsPeriod { adding(periods: -1) }

    public func adding(periods: Int) -> StatisticsPeriod {
        let perYear = 12 / granularity.months
        let position = year * perYear + index - 1 + periods
        return StatisticsPeriod(uncheckedGranularity: granularity, year: position / perYear, index: position % perYear + 1)
    }

    /// The same month, quarter or half in another year: H1 2025 → H1 2023 for -2.
    public func sameIn(yearsLater years: Int) -> StatisticsPeriod {
        StatisticsPeriod(uncheckedGranularity: granularity, year: year + years, index: index)
    }

    /// `2026-07`, `2026-Q3`, `2026-H2`, `2026`: stable names for JSON and command options.
    public var description: String {
        switch granularity {
        case .month: "\(year)-" + pad2(index)
        case .quarter: "\(year)-Q\(index)"
        case .halfYear: "\(year)-H\(index)"
        case .year: "\(year)"
        }
    }

    public static func < (lhs: StatisticsPeriod, rhs: StatisticsPeriod) -> Bool {
        (lhs.firstDay, lhs.granularity.months) < (rhs.firstDay, rhs.granularity.months)
    }

    private init(uncheckedGranularity granularity: StatisticsGranularity, year: Int, index: Int) {
        self.granularity = granularity
        self.year = year
        self.index = index
    }
}
