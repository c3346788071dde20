import VTCDomain

/// Writes listings of actions and supervision sessions as a table, CSV or JSON.
enum Listing {
    static func actions(_ actions: [ActionRecord], today: CalendarDate, format: ListingFormat, texts: Texts) {
        let header = format == .table ? texts.actionColumns : ["id", "unit", "title", "owner", "due", "status"]
        let rows = actions.map { r in
            [r.action.id.lowercasedString, r.action.unit, r.action.title, r.action.owner, r.action.due.iso,
             IncidentJSON.actionStatus(r, today: today)]
        }
        write(header: header, rows: rows, json: .array(actions.map { IncidentJSON.action($0, today: today) }),
              format: format, shortID: true)
    }

    static func supervision(_ sessions: [SupervisionRecord], format: ListingFormat, texts: Texts) {
        let header = format == .table ? texts.supervisionColumns
            : ["id", "unit", "date", "form", "incidents", "evaluation", "note"]
        let rows = sessions.map { r in
            [r.session.id.lowercasedString, r.session.unit, r.session.date.iso, texts.label(r.session.form),
             String(r.session.incidents.count), r.session.evaluation.map(String.init) ?? "", r.session.note ?? ""]
        }
        write(header: header, rows: rows, json: .array(sessions.map(IncidentJSON.supervision)), format: format, shortID: true)
    }

    /// Tables show ids by their first 8 characters, enough to type back as a prefix; CSV and JSON keep them whole.
    static func write(header: [String], rows: [[String]], json: JSONValue, format: ListingFormat, shortID: Bool) {
        switch format {
        case .json:
            Output.json(json)
        case .csv:
            Output.write(CSVWriter.row(header) + rows.map(CSVWriter.row).joined())
        case .table:
            var table = TextTable(header)
            for row in rows { table.add(shortID ? [String(row[0].prefix(8))] + row.dropFirst() : row) }
            Output.line(table.render())
        }
    }
}
