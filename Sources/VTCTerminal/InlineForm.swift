import VTCModel
import TerminalKit

/// A small form drawn in a box at the bottom of a screen: labelled fields,
/// one with focus, and one line for an error. Tab/Down and Shift-Tab/Up move
/// between fields, Enter moves on or (on the last field) submits, F10 or
/// Ctrl-S submits from anywhere, Esc cancels. What the values mean is up to
/// the screen that owns the form.
public struct InlineForm: Equatable, Sendable {
    public enum Input: Equatable, Sendable {
        case text(TextField)
        case choice(ChoiceField<String>)
        /// Several lines; Enter inserts a line break.
        case area(TextArea)
    }

    public struct Entry: Equatable, Sendable {
        public var id: FormField
        public var label: String
        public var input: Input
        /// What a typed text was understood as (a date in full, with its weekday), shown
        /// beside the field once it is left; nil for text that means itself.
        public var understood: (@Sendable (String) -> String?)?

        public init(id: FormField, label: String, input: Input, understood: (@Sendable (String) -> String?)? = nil) {
            self.id = id
            self.label = label
            self.input = input
            self.understood = understood
        }

        public static func == (a: Entry, b: Entry) -> Bool { a.id == b.id && a.label == b.label && a.input == b.input }
    }

    public enum Outcome: Equatable, Sendable {
        case submit
        case cancel
    }

    public var title: String
    public var entries: [Entry]
    public private(set) var focus = 0
    /// A line under the fields: the last validation error, or a confirmation question.
    public var message: String?
    /// True once the user has been asked to confirm and the next submit is the real one.
    public var awaitingConfirmation = false
    /// The letter last typed into a choice that is none of its options', for the screen to say so.
    public private(set) var unmatchedLetter: Character?

    public init(title: String, entries: [Entry]) {
        self.title = title
        self.entries = entries
    }

    public static let fieldWidth = 48
    public static let areaHeight = 3

    /// A text field entry, `text` filled in.
    public static func text(_ id: FormField, _ label: String, _ text: String = "",
                            understood: (@Sendable (String) -> String?)? = nil) -> Entry {
        Entry(id: id, label: label, input: .text(TextField(text: text, width: fieldWidth)), understood: understood)
    }

    public static func choice(_ id: FormField, _ label: String, _ options: [(value: String, label: String)],
                              selected: String?) -> Entry {
        let field = ChoiceField(options: options.map { ChoiceField.Option(value: $0.value, label: $0.label) },
                                selected: selected, arrows: .horizontal)
        return Entry(id: id, label: label, input: .choice(field))
    }

    public static func area(_ id: FormField, _ label: String, _ text: String = "") -> Entry {
        Entry(id: id, label: label, input: .area(TextArea(text: text, width: fieldWidth, height: areaHeight)))
    }

    public func text(_ id: FormField) -> String {
        switch entries.first(where: { $0.id == id })?.input {
        case .text(let field): field.text
        case .area(let area): area.text
        case .choice(let choice): choice.selectedValue ?? ""
        case nil: ""
        }
    }

    public func choice(_ id: FormField) -> String? {
        guard case .choice(let field) = entries.first(where: { $0.id == id })?.input else { return nil }
        return field.selectedValue
    }

    /// Applies a key; returns submit or cancel when the form is finished with.
    public mutating func handle(_ key: Key) -> Outcome? {
        switch key {
        case .escape: return .cancel
        case .function(10), .ctrl("s"): return .submit
        case .tab: moveFocus(1); return nil
        case .backTab: moveFocus(-1); return nil
        default: break
        }
        if case .enter = key, !isArea(focus) {
            if focus == entries.count - 1 || awaitingConfirmation { return .submit }
            moveFocus(1)
            return nil
        }
        awaitingConfirmation = false
        unmatchedLetter = nil
        let used: Bool
        switch entries[focus].input {
        case .text(var field):
            used = field.handle(key)
            entries[focus].input = .text(field)
        case .choice(var field):
            used = field.handle(key)
            entries[focus].input = .choice(field)
            if !used, case .character(let letter) = key, letter.isLetter { unmatchedLetter = letter }
        case .area(var area):
            used = area.handle(key)
            entries[focus].input = .area(area)
        }
        if !used {
            if key == .down { moveFocus(1) }
            if key == .up { moveFocus(-1) }
        }
        return nil
    }

    private func isArea(_ index: Int) -> Bool {
        if case .area = entries[index].input { return true }
        return false
    }

    private mutating func moveFocus(_ step: Int) {
        guard !entries.isEmpty else { return }
        focus = (focus + step + entries.count) % entries.count
    }

    /// Rows the form takes: frame, fields, message line.
    public var height: Int {
        entries.reduce(0) { total, entry in
            if case .area(let area) = entry.input { return total + area.height }
            return total + 1
        } + 3
    }

    /// Draws the form in a box along the bottom of `area` and returns the cursor.
    public func render(into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        let boxHeight = min(height, area.height)
        let box = Rect(x: area.x, y: area.y + area.height - boxHeight, width: area.width, height: boxHeight)
        buffer.fill(box)
        let inside = buffer.box(box, title: title, style: .role(.accent))
        let labelWidth = min(entries.map { DisplayWidth.of(SafeText.sanitize($0.label)) }.max() ?? 0, max(8, inside.width / 3))
        let fieldX = inside.x + labelWidth + 2
        let fieldWidth = max(1, inside.x + inside.width - fieldX)
        var y = inside.y
        var cursor: CursorPosition?
        for (index, entry) in entries.enumerated() where y < inside.y + inside.height - 1 {
            let focused = index == focus
            buffer.put(SafeText.pad(entry.label, toWidth: labelWidth), x: inside.x, y: y, style: focused ? .bold : .plain)
            let fieldStyle = Style(underline: true)
            switch entry.input {
            case .text(var field):
                field.width = fieldWidth
                let position = field.render(into: &buffer, x: fieldX, y: y, style: fieldStyle)
                if focused {
                    cursor = position
                } else if let shown = entry.understood?(field.text) {
                    let x = fieldX + DisplayWidth.of(SafeText.sanitize(field.text)) + 1
                    buffer.put("→ " + shown, x: x, y: y, maxWidth: max(0, inside.x + inside.width - x), style: .dim)
                }
                y += 1
            case .choice(let field):
                field.render(into: &buffer, x: fieldX, y: y, width: min(fieldWidth, 40), focused: focused, style: fieldStyle)
                if focused { cursor = CursorPosition(x: fieldX, y: y) }
                y += 1
            case .area(var textArea):
                textArea.width = fieldWidth
                textArea.height = min(textArea.height, inside.y + inside.height - 1 - y)
                let position = textArea.render(into: &buffer, x: fieldX, y: y, style: fieldStyle)
                if focused { cursor = position }
                y += textArea.height
            }
        }
        if let message {
            let style = awaitingConfirmation ? Style(bold: true, color: .warning) : Style(bold: true, color: .danger)
            buffer.put(SafeText.truncate(message, toWidth: inside.width), x: inside.x, y: inside.y + inside.height - 1, style: style)
        } else if entries.indices.contains(focus), case .choice(let field) = entries[focus].input {
            buffer.put(SafeText.truncate(field.letterHint, toWidth: inside.width), x: inside.x, y: inside.y + inside.height - 1)
        }
        return cursor
    }
}
