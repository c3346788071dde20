/// A yes/no box: Space toggles it.
public struct CheckField: Equatable, Sendable {
    public var label: String
    public var isChecked: Bool

    public init(label: String, isChecked: Bool = false) {
        self.label = label
        self.isChecked = isChecked
    }

    /// Applies a key; false when the key is not the field's.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        guard key == .character(" ") else { return false }
        isChecked.toggle()
        return true
    }

    /// Draws `[x] label` or `[ ] label` in `width` cells and returns the cursor
    /// position inside the brackets.
    @discardableResult
    public func render(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, style: Style = .plain) -> CursorPosition {
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        buffer.put(isChecked ? "[x] " : "[ ] ", x: x, y: y, maxWidth: width, style: style)
        buffer.put(SafeText.truncate(label, toWidth: width - 4), x: x + 4, y: y, style: style)
        return CursorPosition(x: x + 1, y: y)
    }
}
