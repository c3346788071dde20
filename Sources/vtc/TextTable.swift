import VTCDomain

/// A plain-text table for the terminal: a header row, columns padded to the
/// widest cell (capped, with an ellipsis), user text made safe.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    var maximumWidth = 40

    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ cells: [String]) { rows.append(cells.map { Output.safe($0) }) }

    func render() -> String {
        let cells = ([headers] + rows).map { $0.map(clip) }
        let widths = headers.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { row in
            let line = row.indices.map { i in i == row.count - 1 ? row[i] : row[i] + String(repeating: " ", count: widths[i] - row[i].count) }
                .joined(separator: "  ")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n")
    }

    private func clip(_ text: String) -> String {
        text.count <= maximumWidth ? text : String(text.prefix(maximumWidth - 1)) + "…"
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
