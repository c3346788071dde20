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
    /// The wrapped lines of `content` at `width`, kept current after each edit
    /// by re-wrapping only the paragraphs it touched, so a long pasted text
    /// does not cost a full re-wrap per key.
    private(set) var lines: [VisualLine] = []
    /// The column Up/Down try to keep, from before the first vertical move.
    private var goalColumn: Int?
    /// The visual line shown on the first row.
    public private(set) var topRow = 0
    public var width: Int {
        didSet {
            width = max(2, width)
            lines = wrap(0..<content.characters.count)
            topRow = scrolledTop()
        }
    }
    public var height: Int {
        didSet {
            height = max(1, height)
            topRow = scrolledTop()
        }
    }

    public init(text: String = "", width: Int, height: Int) {
        content = EditableText(text)
        self.width = max(2, width)
        self.height = max(1, height)
        lines = wrap(0..<content.characters.count)
        topRow = scrolledTop()
    }

    public var text: String { content.text }
    /// The cursor as a character index into `text`.
    public var cursor: Int { content.cursor }

    /// The wrapped lines as shown (trailing spaces included).
    public var visualLines: [String] {
        lines.map { String(content.characters[$0.range]) }
    }

    /// The cursor's visual line and column (in cells) within the whole text.
    public var cursorLocation: (row: Int, column: Int) {
        let row = cursorRow
        return (row, content.width(of: lines[row].range.lowerBound..<content.cursor))
    }

    /// Applies an editing key; false for keys that are not the area's (Tab,
    /// Esc, function keys) and for Up on the first line or Down on the last,
    /// so the screen can move focus.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        var keepsGoal = false
        switch key {
        case .character(let character):
            guard let edit = content.insert(character) else { return false }
            rewrap(after: edit)
        case .enter:
            if let edit = content.insert("\n") { rewrap(after: edit) }
        case .backspace:
            if let edit = content.deleteBackward() { rewrap(after: edit) }
        case .delete, .ctrl("d"):
            if let edit = content.deleteForward() { rewrap(after: edit) }
        case .left, .ctrl("b"):
            content.moveCursor(to: content.cursor - 1)
        case .right, .ctrl("f"):
            content.moveCursor(to: content.cursor + 1)
        case .home, .ctrl("a"):
            content.moveCursor(to: lines[cursorRow].range.lowerBound)
        case .end, .ctrl("e"):
            content.moveCursor(to: lastCursorIndex(of: lines[cursorRow]))
        case .up, .down, .pageUp, .pageDown:
            let row = cursorRow
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
        topRow = scrolledTop()
        return true
    }

    /// Draws the visible lines in `width` × `height` cells from (`x`, `y`) and
    /// returns where the terminal cursor belongs.
    @discardableResult
    public func render(into buffer: inout CellBuffer, x: Int, y: Int, style: Style = .plain) -> CursorPosition {
        buffer.fill(Rect(x: x, y: y, width: width, height: height), style: style)
        for screenRow in 0..<height where topRow + screenRow < lines.count {
            let line = lines[topRow + screenRow]
            buffer.put(String(content.characters[line.range]), x: x, y: y + screenRow, maxWidth: width, style: style)
        }
        let location = cursorLocation
        return CursorPosition(x: x + location.column, y: y + location.row - topRow)
    }

    /// Wraps the whole paragraphs in `region` one cell narrower than the area,
    /// so the cursor after the last character of a full line still has a cell
    /// of its own.
    func wrap(_ region: Range<Int>) -> [VisualLine] {
        let limit = max(1, width - 1)
        var wrapped: [VisualLine] = []
        var start = region.lowerBound
        while true {
            var end = start
            while end < region.upperBound, content.kinds[end] != .lineBreak { end += 1 }
            let ranges = WordWrap.lines(widths: content.widths[start..<end], kinds: content.kinds[start..<end], limit: limit)
            for (number, range) in ranges.enumerated() {
                wrapped.append(VisualLine(range: range, endsParagraph: number == ranges.count - 1))
            }
            if let last = ranges.last, content.width(of: last) > limit {
                // A space hangs past the limit: the cursor after it goes on a row of its own.
                wrapped[wrapped.count - 1].endsParagraph = false
                wrapped.append(VisualLine(range: end..<end, endsParagraph: true))
            }
            if end == region.upperBound { return wrapped }
            start = end + 1
        }
    }

    /// Replaces the lines of the paragraphs an edit touched and shifts the
    /// lines after them.
    private mutating func rewrap(after edit: EditableText.Edit) {
        let kinds = content.kinds
        let shift = edit.count - edit.range.count
        var start = edit.range.lowerBound
        while start > 0, kinds[start - 1] != .lineBreak { start -= 1 }
        var end = edit.range.lowerBound + edit.count
        while end < kinds.count, kinds[end] != .lineBreak { end += 1 }
        // Before the edit the same paragraphs ran from `start` to `end - shift`.
        let first = firstLine(startingAtOrAfter: start)
        let after = firstLine(startingAtOrAfter: end - shift + 1)
        for index in after..<lines.count {
            lines[index].range = (lines[index].range.lowerBound + shift)..<(lines[index].range.upperBound + shift)
        }
        lines.replaceSubrange(first..<after, with: wrap(start..<end))
    }

    /// Index of the first line whose range starts at `index` or later (line
    /// starts only grow from one line to the next).
    private func firstLine(startingAtOrAfter index: Int) -> Int {
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].range.lowerBound < index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The line the cursor is on: the one it is inside, or at the end of when
    /// a line break follows (the end of a wrapped line is the next line's start).
    private var cursorRow: Int {
        let index = content.cursor
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

    /// The first row to show: unchanged when the cursor is still in view,
    /// otherwise just enough scrolling to bring it in.
    private func scrolledTop() -> Int {
        let row = cursorRow
        var top = min(topRow, row)
        if row >= top + height { top = row - height + 1 }
        return max(0, min(top, lines.count - height))
    }
}
