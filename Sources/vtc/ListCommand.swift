import ArgumentParser
import VTCModel
import VTCTexts

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the incidents you may see, filtered and sorted.",
        discussion: """
        Withdrawn incidents are left out. --since and --until are days (Copenhagen time), both included.

        Examples:
          vtc list --unit "Bostedet Åen" --overdue --sort urgent
          vtc list --since 2025-01-01 --severity 4,5 --format csv
          vtc list --unacknowledged --search "B-014"
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this unit (repeatable).", valueName: "UNIT")) var unit: [String] = []
    @Option(help: ArgumentHelp("Occurred on or after this day.", valueName: "DATE")) var since: String?
    @Option(help: ArgumentHelp("Occurred on or before this day.", valueName: "DATE")) var until: String?
    @Option(help: ArgumentHelp("Only these severities, e.g. 3,4,5 or 3-5.", valueName: "LIST")) var severity: String?
    @Option(help: ArgumentHelp("Only this kind (repeatable, or comma-separated).", valueName: "KIND")) var kind: [String] = []
    @Flag(help: "Only incidents with open or overdue follow-up.") var open = false
    @Flag(help: "Only incidents with overdue follow-up.") var overdue = false
    @Flag(help: "Only incidents the leader has not acknowledged.") var unacknowledged = false
    @Option(help: ArgumentHelp("Words that must all occur in the description, place, citizen reference, unit or notes.", valueName: "TEXT"))
    var search: String?
    @Option(help: ArgumentHelp("newest (default) or urgent (overdue first).", valueName: "ORDER")) var sort = "newest"
    @Option(help: ArgumentHelp("table, csv or json.", valueName: "FORMAT")) var format = "table"
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let format: ListingFormat = try InputParsing.identifier(format, option: "--format")
        let order: IncidentQuery.Order = try InputParsing.identifier(sort, option: "--sort")
        // The query needs the roster and the policy's zone; then only its incidents are fetched.
        let session = try Session.open(global, view: .nothing)
        let at = try session.reportTime(asOf)
        let zone = session.zone
        let kinds: [EpisodeKind] = try kind.flatMap { $0.split(separator: ",") }.map { text throws(CLIFailure) in
            try InputParsing.identifier(String(text), option: "--kind")
        }
        let query = IncidentQuery(
            units: unit.isEmpty ? nil : Set(try session.knownUnits(unit)),
            since: try since.map { text throws(CLIFailure) in zone.startOfDay(try session.day(text, option: "--since")) },
            until: try until.map { text throws(CLIFailure) in zone.startOfDay(try session.day(text, option: "--until").adding(days: 1)) },
            severities: try severity.map(InputParsing.severities),
            kinds: kinds.isEmpty ? nil : Set(kinds),
            withOpenFollowUp: open, withOverdueFollowUp: overdue, notAcknowledged: unacknowledged,
            text: try search.map { text throws(CLIFailure) in try InputParsing.text(text, option: "--search", multiLine: false) },
            order: order)
        let texts = session.texts
        switch format {
        case .json:
            Output.json(.array(try session.records(query, at: at).map { IncidentJSON.incident($0, at: at) }))
        case .csv:
            Listing.csv(header: CSVExport.header, rows: try session.records(query, at: at).map { CSVExport.row($0, at: at) })
        case .table:
            // The table needs only its rows: through a server they travel instead of the records.
            let rows = try session.incidentRows(query, at: at)
            if rows.isEmpty { return Output.line(texts[.noIncidents]) }
            Listing.table(header: texts.columns(.id, .occurred, .unit, .kind) + ["VTC"] + texts.columns(.citizen, .acknowledged, .open, .overdue),
                          rows: rows.map { row in
                              [String(row.id.lowercasedString.prefix(8)), row.occurred.iso, row.unit, texts.label(row.kind),
                               String(row.severity.rawValue), row.citizenRef ?? "", row.isAcknowledged ? "✓" : "–",
                               String(row.openFollowUps), String(row.overdueFollowUps)]
                          }, flexible: [2, 3])
        }
    }
}

extension Zone {
    /// The first moment of a day in this zone.
    func startOfDay(_ date: CalendarDate) -> Timestamp { timestamp(for: LocalDateTime(date: date, secondOfDay: 0)) }
}
