/// One column of a table: its title, how narrow and how wide it may be, and
/// how important it is when the screen is too narrow for all columns.
public struct TableColumn: Equatable, Sendable {
    public var title: String
    public var minWidth: Int
    /// nil: the column takes any room left over.
    public var maxWidth: Int?
    public var priority: Int
    public var alignment: SafeText.Alignment

    public init(_ title: String, minWidth: Int, maxWidth: Int? = nil, priority: Int = 0, alignment: SafeText.Alignment = .left) {
        self.title = title
        self.minWidth = max(1, minWidth)
        self.maxWidth = maxWidth.map { max($0, max(1, minWidth)) }
        self.priority = priority
        self.alignment = alignment
    }
}

/// The cells of one row and the style the row is drawn in.
public struct TableRow: Equatable, Sendable {
    public var cells: [String]
    public var style: Style

    public init(_ cells: [String], style: Style = .plain) {
        self.cells = cells
        self.style = style
    }
}

/// The selected row of a list and the first row shown, kept so the selection
/// stays visible. Knows nothing about what the rows hold.
public struct ListSelection: Equatable, Sendable {
    public private(set) var count: Int
    public private(set) var selected: Int
    public private(set) var top = 0
    /// Rows visible at once; PgUp/PgDn move this far.
    public var pageHeight: Int {
        didSet { top = scrolledTop(height: pageHeight) }
    }

    public init(count: Int, pageHeight: Int, selected: Int = 0) {
        self.count = max(0, count)
        self.pageHeight = max(1, pageHeight)
        self.selected = min(max(0, selected), max(0, count - 1))
        top = scrolledTop(height: self.pageHeight)
    }

    /// Changes the number of rows (the list was filtered or grew), keeping the
    /// selection inside it.
    public mutating func setCount(_ newCount: Int) {
        count = max(0, newCount)
        select(selected)
    }

    public mutating func select(_ index: Int) {
        selected = min(max(0, index), max(0, count - 1))
        top = scrolledTop(height: pageHeight)
    }

    /// Up/Down, PgUp/PgDn, Home/End; false for other keys.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up: select(selected - 1)
        case .down: select(selected + 1)
        case .pageUp: select(selected - pageHeight)
        case .pageDown: select(selected + pageHeight)
        case .home: select(0)
        case .end: select(count - 1)
        default: return false
        }
        return true
    }

    /// The rows to show in `height` rows.
    public func visibleRows(height: Int) -> Range<Int> {
        let first = scrolledTop(height: height)
        return first..<min(count, first + max(0, height))
    }

    private func scrolledTop(height: Int) -> Int {
        var first = min(top, selected)
        if selected >= first + height { first = selected - height + 1 }
        return max(0, min(first, count - height))
    }
}

/// Lays out and draws a table. Only the rows on screen are built: `row` is
/// called once for each visible row, however many rows the table has.
public enum Table {
    public static let spacing = 1

    /// The width of each column in `totalWidth` cells; 0 means hidden. Columns
    /// are shown in priority order while their minimum widths fit; the room
    /// left then widens them, highest priority first, up to their maximum.
    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int) -> [Int] {
        let byPriority = columns.indices.sorted { a, b in
            columns[a].priority != columns[b].priority ? columns[a].priority > columns[b].priority : a < b
        }
        var widths = Array(repeating: 0, count: columns.count)
        var used = 0
        for index in byPriority {
            let needed = columns[index].minWidth + (used == 0 ? 0 : spacing)
            if used + needed <= totalWidth {
                widths[index] = columns[index].minWidth
                used += needed
            }
        }
        var room = totalWidth - used
        for index in byPriority where widths[index] > 0 && room > 0 {
            let growth = min(room, (columns[index].maxWidth ?? Int.max) - widths[index])
            widths[index] += growth
            room -= growth
        }
        return widths
    }

    /// Draws the header on the first row of `rect` and the visible rows below it.
    public static func render(
        columns: [TableColumn],
        selection: ListSelection,
        into buffer: inout CellBuffer,
        rect: Rect,
        headerStyle: Style = Style(bold: true, underline: true),
        row: (Int) -> TableRow
    ) {
        guard rect.height > 0 else { return }
        let widths = columnWidths(columns, totalWidth: rect.width)
        buffer.fill(rect)
        draw(columns.map(\.title), columns: columns, widths: widths, into: &buffer, x: rect.x, y: rect.y, width: rect.width, style: headerStyle)
        for (offset, index) in selection.visibleRows(height: rect.height - 1).enumerated() {
            let built = row(index)
            var style = built.style
            if index == selection.selected { style.reverse = true }
            draw(built.cells, columns: columns, widths: widths, into: &buffer, x: rect.x, y: rect.y + 1 + offset, width: rect.width, style: style)
        }
    }

    private static func draw(_ cells: [String], columns: [TableColumn], widths: [Int], into buffer: inout CellBuffer, x: Int, y: Int, width: Int, style: Style) {
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        var column = x
        for (index, cellWidth) in widths.enumerated() where cellWidth > 0 {
            let text = index < cells.count ? cells[index] : ""
            buffer.put(SafeText.pad(text, toWidth: cellWidth, alignment: columns[index].alignment), x: column, y: y, style: style)
            column += cellWidth + spacing
        }
    }
}
