/// A multi-line text input with word wrap. Enter starts a new line; the arrow
/// keys move by visual (wrapped) lines and keep the column; the view scrolls
/// so the cursor stays visible.
public struct TextArea: Equatable, Sendable {
    /// One wrapped line: a range of characters, and whether a line break (or
    /// the end of the text) follows it.
    struct VisualLine: Equatable, Sendable {
        var range: Range<Int>
        var endsParagraph: Bool
    }

    private var content: EditableText
    /// The column Up/Down try to keep, from before the first vertical move.
    private var goalColumn: Int?
    /// The visual line shown on the first row.
    public private(set) var topRow = 0
    public var width: Int {
        didSet { topRow = scrolledTop(layout()) }
    }
    public var height: Int {
        didSet { topRow = scrolledTop(layout()) }
    }

    public init(text: String = "", width: Int, height: Int) {
        content = EditableText(text)
        self.width = max(2, width)
        self.height = max(1, height)
        topRow = scrolledTop(layout())
    }

    public var text: String { content.text }
    /// The cursor as a character index into `text`.
    public var cursor: Int { content.cursor }

    /// The wrapped lines as shown (trailing spaces included).
    public var visualLines: [String] {
        layout().map { String(content.characters[$0.range]) }
    }

    /// The cursor's visual line and column (in cells) within the whole text.
    public var cursorLocation: (row: Int, column: Int) {
        let lines = layout()
        let row = row(of: content.cursor, in: lines)
        return (row, content.width(of: lines[row].range.lowerBound..<content.cursor))
    }

    /// Applies an editing key; false for keys that are not the area's (Tab,
    /// Esc, function keys) and for Up on the first line or Down on the last,
    /// so the screen can move focus.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        let lines = layout()
        let row = row(of: content.cursor, in: lines)
        var keepsGoal = false
        switch key {
        case .character(let character):
            guard content.insert(character) else { return false }
        case .enter:
            _ = content.insert("\n")
        case .backspace:
            _ = content.deleteBackward()
        case .delete, .ctrl("d"):
            _ = content.deleteForward()
        case .left, .ctrl("b"):
            content.moveCursor(to: content.cursor - 1)
        case .right, .ctrl("f"):
            content.moveCursor(to: content.cursor + 1)
        case .home, .ctrl("a"):
            content.moveCursor(to: lines[row].range.lowerBound)
        case .end, .ctrl("e"):
            content.moveCursor(to: lastCursorIndex(of: lines[row]))
        case .up, .down, .pageUp, .pageDown:
            let step: Int
            switch key {
            case .up: step = -1
            case .down: step = 1
            case .pageUp: step = -height
            default: step = height
            }
            let target = min(max(0, row + step), lines.count - 1)
            if target == row, step == -1 || step == 1 { return false }
            let goal = goalColumn ?? content.width(of: lines[row].range.lowerBound..<content.cursor)
            content.moveCursor(to: index(in: lines[target], atColumn: goal))
            goalColumn = goal
            keepsGoal = true
        default:
            return false
        }
        if !keepsGoal { goalColumn = nil }
        topRow = scrolledTop(layout())
        return true
    }

    /// Draws the visible lines into `area` (`width` × `height` from its
    /// top-left) and returns where the terminal cursor belongs.
    @discardableResult
    public func render(into buffer: inout CellBuffer, x: Int, y: Int, style: Style = .plain) -> CursorPosition {
        let lines = layout()
        let top = scrolledTop(lines)
        buffer.fill(Rect(x: x, y: y, width: width, height: height), style: style)
        for screenRow in 0..<height where top + screenRow < lines.count {
            let line = lines[top + screenRow]
            buffer.put(String(content.characters[line.range]), x: x, y: y + screenRow, maxWidth: width, style: style)
        }
        let row = row(of: content.cursor, in: lines)
        let column = content.width(of: lines[row].range.lowerBound..<content.cursor)
        return CursorPosition(x: x + column, y: y + row - top)
    }

    /// Wraps each paragraph one cell narrower than the area, so the cursor
    /// after the last character of a full line still has a cell of its own.
    func layout() -> [VisualLine] {
        let limit = max(1, width - 1)
        let characters = content.characters
        var lines: [VisualLine] = []
        var start = 0
        while true {
            let end = characters[start...].firstIndex(where: { $0.isNewline }) ?? characters.count
            let ranges = WordWrap.lines(characters[start..<end], widths: content.widths[start..<end], limit: limit)
            for (number, range) in ranges.enumerated() {
                lines.append(VisualLine(range: range, endsParagraph: number == ranges.count - 1))
            }
            if let last = ranges.last, content.width(of: last) > limit {
                // A space hangs past the limit: the cursor after it goes on a row of its own.
                lines[lines.count - 1].endsParagraph = false
                lines.append(VisualLine(range: end..<end, endsParagraph: true))
            }
            if end == characters.count { return lines }
            start = end + 1
        }
    }

    private func row(of index: Int, in lines: [VisualLine]) -> Int {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high) / 2
            let line = lines[middle]
            if index > line.range.upperBound || (index == line.range.upperBound && !line.endsParagraph) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// The furthest the cursor can go on a line: after its last character when
    /// a line break follows, otherwise before it (after it is the next line).
    private func lastCursorIndex(of line: VisualLine) -> Int {
        line.endsParagraph ? line.range.upperBound : max(line.range.lowerBound, line.range.upperBound - 1)
    }

    private func index(in line: VisualLine, atColumn goal: Int) -> Int {
        var index = line.range.lowerBound
        var column = 0
        let last = lastCursorIndex(of: line)
        while index < last, column + content.widths[index] <= goal {
            column += content.widths[index]
            index += 1
        }
        return index
    }

    private func scrolledTop(_ lines: [VisualLine]) -> Int {
        let cursorRow = row(of: content.cursor, in: lines)
        var top = min(topRow, cursorRow)
        if cursorRow >= top + height { top = cursorRow - height + 1 }
        return max(0, min(top, lines.count - height))
    }
}
