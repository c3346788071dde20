import ArgumentParser
import Foundation
import VTCModel
import VTCTexts

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the incidents (CSV) or the events (JSON lines) you may see.",
        discussion: """
        CSV: a header row, then one row per incident with its current fields and a follow-up summary \
        (RFC 4180, UTF-8, CRLF). JSONL: one event per line as in the log, with its seq (without the hash \
        chain). --since and --until filter on the day the episode occurred (actions and sessions: the day \
        they were opened or held).

        Examples:
          vtc export --format csv --since 2025-01-01 > vtc-2025.csv
          vtc export --format jsonl --unit Skovbrynet > skovbrynet.jsonl
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("csv or jsonl.", valueName: "FORMAT")) var format: String
    @Option(help: ArgumentHelp("From this day on.", valueName: "DATE")) var since: String?
    @Option(help: ArgumentHelp("Up to and including this day.", valueName: "DATE")) var until: String?
    @Option(help: ArgumentHelp("Only this unit.", valueName: "UNIT")) var unit: String?

    enum Format: String, CaseIterable { case csv, jsonl }

    func run() throws {
        let format: Format = try InputParsing.identifier(format, option: "--format")
        let session = try Session.open(global)
        let since = try since.map { text throws(CLIFailure) in try session.day(text, option: "--since") }
        let until = try until.map { text throws(CLIFailure) in try session.day(text, option: "--until") }
        if let unit { _ = try session.knownUnit(unit) }
        func wanted(unit name: String, day: CalendarDate) -> Bool {
            (unit == nil || name == unit) && (since.map { day >= $0 } ?? true) && (until.map { day <= $0 } ?? true)
        }
        let incidents = session.visibleIncidents.filter {
            wanted(unit: $0.facts.unit, day: session.zone.local($0.facts.occurredAt).date)
        }
        switch format {
        case .csv:
            Listing.csv(header: CSVExport.header, rows: incidents.map { CSVExport.row($0, at: session.now) })
        case .jsonl:
            let ids = Set(incidents.map(\.id))
            for logged in try session.loggedEvents() where included(logged.event.payload, incidents: ids, session: session, wanted: wanted) {
                Output.json(.object([("seq", .int(logged.seq))] + logged.event.jsonFields))
            }
        }
    }

    private func included(_ payload: EventPayload, incidents: Set<UUID>, session: Session,
                          wanted: (String, CalendarDate) -> Bool) -> Bool {
        if let incident = payload.incident { return incidents.contains(incident) }
        switch payload {
        case .actionOpened(let a):
            return session.may(.readUnit(unit: a.unit))
                && wanted(a.unit, session.state.actions[a.id].map { session.zone.local($0.openedAt).date } ?? a.due)
        case .actionClosed(let id, _):
            guard let a = session.state.actions[id] else { return false }
            return session.may(.readUnit(unit: a.action.unit)) && wanted(a.action.unit, session.zone.local(a.openedAt).date)
        case .supervisionHeld(let s):
            return session.may(.readUnit(unit: s.unit)) && wanted(s.unit, s.date)
        default:
            return false
        }
    }
}
