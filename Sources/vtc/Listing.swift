import VTCModel
import VTCCodec
import VTCTexts
import TerminalKit

/// Writes listings of actions and supervision sessions as a table, CSV or JSON.
enum Listing {
    static func actions(_ actions: [ActionRecord], today: CalendarDate, format: ListingFormat, texts: Texts) {
        let header = format == .table ? texts.actionColumns : ["id", "unit", "title", "owner", "due", "status"]
        // A table is read by people, in their language; CSV and JSON keep the identifiers.
        func status(_ r: ActionRecord) -> String {
            guard format == .table else { return IncidentJSON.actionStatus(r, today: today) }
            return r.isClosed ? texts[.actionStatusClosed] : texts.label(r.isOverdue(on: today) ? FollowUpStatus.overdue : .open)
        }
        let rows = actions.map { r in
            [r.action.id.lowercasedString, r.action.unit, r.action.title, r.action.owner, r.action.due.iso, status(r)]
        }
        write(header: header, rows: rows, json: .array(actions.map { IncidentJSON.action($0, today: today) }), format: format,
              flexible: [1, 2, 3])
    }

    static func supervision(_ sessions: [SupervisionRecord], format: ListingFormat, texts: Texts) {
        let header = format == .table ? texts.supervisionColumns
            : ["id", "unit", "date", "form", "incidents", "evaluation", "note"]
        let rows = sessions.map { r in
            [r.session.id.lowercasedString, r.session.unit, r.session.date.iso, texts.label(r.session.form),
             String(r.session.incidents.count), r.session.evaluation.map(String.init) ?? "", r.session.note ?? ""]
        }
        write(header: header, rows: rows, json: .array(sessions.map(IncidentJSON.supervision)), format: format,
              flexible: [1, 3, 6])
    }

    /// Rows whose first column is an id; tables show it by its first 8 characters, enough to type back
    /// as a prefix, while CSV and JSON keep it whole.
    static func write(header: [String], rows: [[String]], json: JSONValue, format: ListingFormat, flexible: Set<Int>) {
        switch format {
        case .json: Output.json(json)
        case .csv: csv(header: header, rows: rows)
        case .table: table(header: header, rows: rows.map { [String($0[0].prefix(8))] + $0.dropFirst() }, flexible: flexible)
        }
    }

    static func csv(header: [String], rows: [[String]]) {
        Output.write(CSVWriter.row(header) + rows.map(CSVWriter.row).joined())
    }

    static func table(header: [String], rows: [[String]], flexible: Set<Int>? = nil) {
        var table = PlainTable(header, flexible: flexible)
        rows.forEach { table.add($0) }
        Output.line(table.render(width: Output.terminalWidth))
    }
}

extension Texts {
    /// Column names of the command line's tables, in the user's language.
    func columns(_ columns: CommandLineColumn...) -> [String] { columns.map { commandLine(.column($0)) } }

    var actionColumns: [String] { columns(.id, .unit, .action, .owner, .due, .status) }
    var supervisionColumns: [String] { columns(.id, .unit, .date, .form, .incidents, .evaluation, .note) }
}

/// The formats a listing can be written in.
enum ListingFormat: String, CaseIterable {
    case table, csv, json
}
