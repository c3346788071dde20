/// A table as lines of plain text, for output that is not a screen (a
/// command's table on a terminal, in a pipe or a file): a header row and
/// columns as wide as their widest cell (capped, with an ellipsis), two spaces
/// apart. Given a width, the widest flexible columns are narrowed until every
/// line fits. Cells are made safe and measured in terminal cells, as `Table`
/// does on screen.
public struct PlainTable: Sendable {
    public var headers: [String]
    public private(set) var rows: [[String]] = []
    public var maximumWidth = 40
    /// The columns that may be narrowed to fit: text, not ids, times or counts.
    public var flexible: Set<Int>
    public static let narrowest = 6

    public init(_ headers: [String], flexible: Set<Int>? = nil) {
        self.headers = headers.map { SafeText.sanitize($0) }
        self.flexible = flexible ?? Set(headers.indices)
    }

    public mutating func add(_ cells: [String]) { rows.append(cells.map { SafeText.sanitize($0) }) }

    /// The lines, fitted to `width` cells when a width is given.
    public func render(width: Int?) -> String {
        // One pass over the cells, each measured once: a region's list has tens of thousands of rows.
        let measured = ([headers] + rows).map { row in row.map { DisplayWidth.of($0) } }
        var widths = headers.map { _ in 0 }
        for row in measured {
            for (column, cells) in row.enumerated() { widths[column] = max(widths[column], min(cells, maximumWidth)) }
        }
        if let width {
            let separators = 2 * (widths.count - 1)
            while widths.reduce(separators, +) > width,
                  let widest = flexible.max(by: { (widths[$0], $1) < (widths[$1], $0) }), widths[widest] > Self.narrowest {
                widths[widest] -= 1
            }
        }
        // One string, grown in place: a line and a padding string for every cell of thousands of rows cost more.
        var text = ""
        text.reserveCapacity(measured.count * (widths.reduce(2 * widths.count, +) + 1))
        for (number, (row, cells)) in zip([headers] + rows, measured).enumerated() {
            if number > 0 { text.append("\n") }
            for column in row.indices {
                let fits = cells[column] <= widths[column]
                let cell = fits ? row[column] : SafeText.truncate(row[column], toWidth: widths[column])
                text.append(cell)
                if column < row.count - 1 {
                    let used = fits ? cells[column] : DisplayWidth.of(cell)
                    for _ in 0..<(widths[column] - used + 2) { text.append(" ") }
                }
            }
            while text.last == " " { text.removeLast() }
        }
        return text
    }
}
