import ArgumentParser
import VTCModel
import VTCCodec

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts per period by severity, kind or unit, for the units you may read.",
        discussion: """
        Periods run from the one containing --since (default: two years back) to the current one, so each \
        half-year stands beside the same half-year in the years before. Withdrawn incidents are not counted.

        Examples:
          vtc stats
          vtc stats --by kind --period quarter --since 2024-01-01
          vtc stats --by unit --period year --format csv > pr-enhed.csv
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("severity (default), kind or unit.", valueName: "DIMENSION")) var by = "severity"
    @Option(help: ArgumentHelp("month, quarter, half (default) or year.", valueName: "PERIOD")) var period = "half"
    @Option(help: ArgumentHelp("The first day counted (default: two years back).", valueName: "DATE")) var since: String?
    @Option(help: ArgumentHelp("Only this unit (repeatable).", valueName: "UNIT")) var unit: [String] = []
    @Option(help: ArgumentHelp("table, csv or json.", valueName: "FORMAT")) var format = "table"
    @OptionGroup var asOf: AsOfOption

    enum Dimension: String, CaseIterable { case severity, kind, unit }
    enum Length: String, CaseIterable { case month, quarter, half, year }

    func run() throws {
        let dimension: Dimension = try InputParsing.identifier(by, option: "--by")
        let length: Length = try InputParsing.identifier(period, option: "--period")
        let format: ListingFormat = try InputParsing.identifier(format, option: "--format")
        let session = try Session.open(global)
        let since = try since.map { text throws(CLIFailure) in try session.day(text, option: "--since") }
        let today = session.zone.local(try session.reportTime(asOf)).date
        let granularity: StatisticsGranularity = switch length {
        case .month: .month
        case .quarter: .quarter
        case .half: .halfYear
        case .year: .year
        }
        let first = StatisticsPeriod(granularity, containing: since ?? CalendarDate(year: today.year - 2, month: today.month, day: 1)!)
        let periods = Statistics.periods(from: first, through: StatisticsPeriod(granularity, containing: today))
        let units = unit.isEmpty ? session.units(withAnyOf: [.leader, .amg, .coordinator]) : try session.knownUnits(unit)
        if units.isEmpty { try session.require(.readStatistics(unit: session.roster.units.first ?? "")) }
        let counts: [PeriodCounts]
        do {
            counts = try Statistics.counts(for: periods, units: units, state: session.state, user: session.access)
        } catch {
            throw CLIFailure(.refused, message: .refused(error))
        }
        let texts = session.texts
        let categories: [(id: String, label: String, count: (PeriodCounts) -> Int)] = switch dimension {
        case .severity: Severity.all.map { s in (String(s.rawValue), texts.label(s), { $0.count(s) }) }
        case .kind: EpisodeKind.allCases.map { k in (k.rawValue, texts.label(k), { $0.count(k) }) }
        case .unit: units.map { u in (u, u, { $0.count(unit: u) }) }
        }
        switch format {
        case .json:
            Output.json(.object([
                ("by", .string(dimension.rawValue)),
                ("period", .string(length.rawValue)),
                ("units", .array(units.map(JSONValue.string))),
                ("periods", .array(counts.map { c in
                    .object([
                        ("period", .string(c.period.description)),
                        ("from", .string(c.period.firstDay.iso)),
                        ("until", .string(c.period.endDay.adding(days: -1).iso)),
                        ("counts", .object(categories.map { ($0.id, .int(Int64($0.count(c)))) })),
                        ("total", .int(Int64(c.total))),
                        ("with_absence", .int(Int64(c.withAbsence))),
                    ])
                })),
            ]))
        case .csv, .table:
            let header = [format == .csv ? "period" : texts.commandLine(.column(.period))] + categories.map { format == .csv ? $0.id : $0.label }
                + [format == .csv ? "total" : texts[.total], format == .csv ? "with_absence" : texts.commandLine(.column(.withAbsence))]
            let rows = counts.map { c in
                [c.period.description] + categories.map { String($0.count(c)) } + [String(c.total), String(c.withAbsence)]
            }
            if format == .csv { Listing.csv(header: header, rows: rows) } else { Listing.table(header: header, rows: rows) }
        }
    }
}
