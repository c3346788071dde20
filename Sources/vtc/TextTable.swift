import VTCTexts

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
        // One pass over the cells, each counted once: a region's list has tens of thousands of rows.
        let counts = ([headers] + rows).map { row in row.map(\.count) }
        var widths = headers.map { _ in 0 }
        for row in counts {
            for (column, count) in row.enumerated() { widths[column] = max(widths[column], min(count, maximumWidth)) }
        }
        if let width {
            let separators = 2 * (widths.count - 1)
            while widths.reduce(separators, +) > width,
                  let widest = flexible.max(by: { (widths[$0], $1) < (widths[$1], $0) }), widths[widest] > TextTable.narrowest {
                widths[widest] -= 1
            }
        }
        var lines: [String] = []
        lines.reserveCapacity(counts.count)
        for (row, rowCounts) in zip([headers] + rows, counts) {
            var line = ""
            for column in row.indices {
                let (cell, count) = clip(row[column], count: rowCounts[column], to: widths[column])
                line += cell
                if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - count + 2) }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static let narrowest = 6

    /// The text cut to `width` characters with "…", and how many characters that is.
    private func clip(_ text: String, count: Int, to width: Int) -> (String, Int) {
        count <= width ? (text, count) : (String(text.prefix(max(width - 1, 0))) + "…", min(width, max(width - 1, 0) + 1))
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
