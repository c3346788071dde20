import VTCDomain

/// A plain-text table for the terminal: a header row, columns padded to the
/// widest cell (capped, with an ellipsis), user text made safe. On a terminal
/// the widest columns are narrowed until each line fits its width.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    var maximumWidth = 40
    /// The columns that may be narrowed to fit a terminal: text, not ids, times or counts.
    var flexible: Set<Int>

    init(_ headers: [String], flexible: Set<Int>? = nil) {
        self.headers = headers
        self.flexible = flexible ?? Set(headers.indices)
    }

    mutating func add(_ cells: [String]) { rows.append(cells.map { Output.safe($0) }) }

    func render(width: Int? = Output.terminalWidth) -> String {
        var widths = headers.indices.map { column in ([headers] + rows).map { min($0[column].count, maximumWidth) }.max() ?? 0 }
        if let width {
            let separators = 2 * (widths.count - 1)
            while widths.reduce(separators, +) > width,
                  let widest = flexible.max(by: { (widths[$0], $1) < (widths[$1], $0) }), widths[widest] > TextTable.narrowest {
                widths[widest] -= 1
            }
        }
        let cells = ([headers] + rows).map { row in row.indices.map { clip(row[$0], to: widths[$0]) } }
        return cells.map { row in
            let line = row.indices.map { i in i == row.count - 1 ? row[i] : row[i] + String(repeating: " ", count: widths[i] - row[i].count) }
                .joined(separator: "  ")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n")
    }

    static let narrowest = 6

    private func clip(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(width - 1, 0))) + "…"
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
