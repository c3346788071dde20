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
        let lines = [headers] + rows
        // One pass over the cells, each measured once: a region's list has tens of thousands of rows.
        var starts: [Int] = []
        var measured: [Int] = []
        starts.reserveCapacity(lines.count)
        measured.reserveCapacity(lines.count * headers.count)
        for line in lines {
            starts.append(measured.count)
            for cell in line { measured.append(DisplayWidth.of(cell)) }
        }
        var widths = headers.map { _ in 0 }
        for (line, start) in zip(lines, starts) {
            for column in line.indices { widths[column] = max(widths[column], min(measured[start + column], maximumWidth)) }
        }
        if let width {
            let separators = 2 * (widths.count - 1)
            while widths.reduce(separators, +) > width,
                  let widest = flexible.max(by: { (widths[$0], $1) < (widths[$1], $0) }), widths[widest] > Self.narrowest {
                widths[widest] -= 1
            }
        }
        // The UTF-8 bytes, grown in place: a String appended to cell by cell and space by space costs several
        // times more for thousands of rows.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.count * (widths.reduce(2 * widths.count, +) + 1))
        for (number, (line, start)) in zip(lines, starts).enumerated() {
            if number > 0 { bytes.append(UInt8(ascii: "\n")) }
            let lineStart = bytes.count
            for column in line.indices {
                let fits = measured[start + column] <= widths[column]
                var cell = fits ? line[column] : SafeText.truncate(line[column], toWidth: widths[column])
                cell.withUTF8 { bytes.append(contentsOf: $0) }
                if column < line.count - 1 {
                    let used = fits ? measured[start + column] : DisplayWidth.of(cell)
                    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[column] - used + 2))
                }
            }
            if bytes.last == UInt8(ascii: " ") {
                // Trailing spaces go as the characters they are (a space can end a character that began before it).
                var text = String(decoding: bytes[lineStart...], as: UTF8.self)
                while text.last == " " { text.removeLast() }
                bytes.replaceSubrange(lineStart..., with: text.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
