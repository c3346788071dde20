/// One terminal cell. A wide character fills its own cell (`width` 2) and the
/// cell to its right, which is a continuation (`width` 0) that draws nothing.
public struct Cell: Equatable, Hashable, Sendable {
    public var character: Character
    public var width: Int
    public var style: Style

    public init(character: Character, width: Int, style: Style) {
        self.character = character
        self.width = width
        self.style = style
    }

    public static let blank = Cell(character: " ", width: 1, style: .plain)

    public var isContinuation: Bool { width == 0 }
}

/// A screen drawn in memory. Screens render into it; the terminal layer copies
/// it to ncurses and tests compare its `dump()`. All text is sanitized on the
/// way in, so nothing a user typed can reach the terminal as a control sequence.
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Draws text from (`x`, `y`) on one row, stopping before `maxWidth` cells
    /// or the right edge; a wide character that does not fit whole is left out.
    /// Returns the number of cells drawn.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        for character in SafeText.sanitize(text) {
            let characterWidth = DisplayWidth.of(character)
            if column + characterWidth > limit { break }
            if column >= 0 {
                setCell(Cell(character: character, width: characterWidth, style: style), x: column, y: y)
                if characterWidth == 2 {
                    setCell(Cell(character: " ", width: 0, style: style), x: column + 1, y: y)
                }
            }
            column += characterWidth
        }
        return max(0, column - max(x, 0))
    }

    /// Fills a rectangle (clipped to the buffer) with one narrow character.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let safe = SafeText.sanitize(String(character)).first ?? " "
        let cell = DisplayWidth.of(safe) == 1 ? Cell(character: safe, width: 1, style: style) : Cell(character: " ", width: 1, style: style)
        let clipped = clip(rect)
        for y in clipped.y..<(clipped.y + clipped.height) {
            for x in clipped.x..<(clipped.x + clipped.width) {
                setCell(cell, x: x, y: y)
            }
        }
    }

    /// Changes the style of the cells in a rectangle without changing their text
    /// (a selected row, a focused field).
    public mutating func applyStyle(_ style: Style, to rect: Rect) {
        let clipped = clip(rect)
        for y in clipped.y..<(clipped.y + clipped.height) {
            for x in clipped.x..<(clipped.x + clipped.width) {
                cells[y * width + x].style = style
            }
        }
    }

    /// A horizontal line of `─` from (`x`, `y`), `length` cells long.
    public mutating func horizontalRule(x: Int, y: Int, length: Int, style: Style = .plain) {
        fill(Rect(x: x, y: y, width: length, height: 1), with: "─", style: style)
    }

    /// A vertical line of `│` from (`x`, `y`), `length` cells long.
    public mutating func verticalRule(x: Int, y: Int, length: Int, style: Style = .plain) {
        fill(Rect(x: x, y: y, width: 1, height: length), with: "│", style: style)
    }

    /// A box drawn with light line characters along the edge of `rect`, with an
    /// optional title in its top edge. Returns the area inside the frame.
    @discardableResult
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .plain) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        horizontalRule(x: rect.x + 1, y: rect.y, length: rect.width - 2, style: style)
        horizontalRule(x: rect.x + 1, y: bottom, length: rect.width - 2, style: style)
        verticalRule(x: rect.x, y: rect.y + 1, length: rect.height - 2, style: style)
        verticalRule(x: right, y: rect.y + 1, length: rect.height - 2, style: style)
        put("┌", x: rect.x, y: rect.y, style: style)
        put("┐", x: right, y: rect.y, style: style)
        put("└", x: rect.x, y: bottom, style: style)
        put("┘", x: right, y: bottom, style: style)
        if let title, rect.width > 4 {
            put(" " + SafeText.truncate(title, toWidth: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: style)
        }
        return Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
    }

    /// The text of one row, wide characters once, trailing spaces removed.
    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<width {
            let cell = self[x, y]
            if !cell.isContinuation { line.append(cell.character) }
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The whole buffer as plain text, one line per row, trailing spaces removed.
    public func dump() -> String {
        (0..<height).map(row).joined(separator: "\n")
    }

    public func clip(_ rect: Rect) -> Rect {
        let left = max(0, rect.x)
        let top = max(0, rect.y)
        let right = min(width, rect.x + max(0, rect.width))
        let bottom = min(height, rect.y + max(0, rect.height))
        return Rect(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
    }

    /// Writes one cell; half of a wide character that gets overwritten is
    /// blanked so the row never holds an orphaned half.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, !cell.isContinuation, x > 0, cells[index - 1].width == 2 {
            cells[index - 1] = Cell(character: " ", width: 1, style: cells[index - 1].style)
        }
        if old.width == 2, cell.width != 2, x + 1 < width {
            cells[index + 1] = Cell(character: " ", width: 1, style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}
