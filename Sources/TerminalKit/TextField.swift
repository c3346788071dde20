/// A single-line text input. Keys edit it (`handle`); `render` draws the part
/// around the cursor, scrolling sideways so the cursor stays visible.
public struct TextField: Equatable, Sendable {
    private var content: EditableText
    /// Index of the first character shown.
    public private(set) var scrollOffset = 0
    /// Cells the field takes on screen.
    public var width: Int {
        didSet {
            width = max(1, width)
            scrollOffset = visibleStart(width: width)
        }
    }

    public init(text: String = "", width: Int) {
        content = EditableText(text.filter { !$0.isNewline })
        self.width = max(1, width)
        scrollOffset = visibleStart(width: self.width)
    }

    public var text: String { content.text }
    /// The cursor as a character index into `text`.
    public var cursor: Int { content.cursor }

    /// Applies an editing key; false when the key is not the field's (Tab,
    /// Enter, Up, Esc, ...), so the screen can use it.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            guard content.insert(character) != nil else { return false }
        case .backspace:
            _ = content.deleteBackward()
        case .delete, .ctrl("d"):
            _ = content.deleteForward()
        case .left, .ctrl("b"):
            content.moveCursor(to: content.cursor - 1)
        case .right, .ctrl("f"):
            content.moveCursor(to: content.cursor + 1)
        case .home, .ctrl("a"):
            content.moveCursor(to: 0)
        case .end, .ctrl("e"):
            content.moveCursor(to: content.characters.count)
        case .ctrl("u"):
            _ = content.removeAll()
        default:
            return false
        }
        scrollOffset = visibleStart(width: width)
        return true
    }

    /// Draws the field on one row from (`x`, `y`) and returns where the
    /// terminal cursor belongs when the field has focus.
    @discardableResult
    public func render(into buffer: inout CellBuffer, x: Int, y: Int, style: Style = .plain) -> CursorPosition {
        let start = visibleStart(width: width)
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        buffer.put(String(content.characters[start...]), x: x, y: y, maxWidth: width, style: style)
        return CursorPosition(x: x + content.width(of: start..<content.cursor), y: y)
    }

    /// The first character to show so that the cursor has a cell of its own
    /// inside the field, keeping the previous scroll position when it still
    /// works and showing as much text as fits to the left.
    private func visibleStart(width: Int) -> Int {
        let cursor = content.cursor
        var start = min(scrollOffset, cursor)
        var used = content.width(of: start..<cursor)
        while start < cursor, used > width - 1 {
            used -= content.widths[start]
            start += 1
        }
        var shown = content.width(of: start..<content.characters.count) + (cursor == content.characters.count ? 1 : 0)
        while start > 0, shown + content.widths[start - 1] <= width {
            start -= 1
            shown += content.widths[start]
        }
        return start
    }
}
