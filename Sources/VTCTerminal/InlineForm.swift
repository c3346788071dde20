import VTCModel
import TerminalKit

/// A small form drawn in a box at the bottom of a screen: labelled fields,
/// one with focus, and one line for an error. Tab/Down and Shift-Tab/Up move
/// between fields, Enter moves on or (on the last field) submits, F10 or
/// Ctrl-S submits from anywhere, Esc cancels. The fields are a `FormModel`,
/// as the register page's are; what the values mean is up to the screen that
/// owns the form.
public struct InlineForm: Equatable, Sendable {
    public typealias Entry = FormModel<FormField>.Entry

    public enum Outcome: Equatable, Sendable {
        case submit
        case cancel
    }

    public var title: String
    public var fields: FormModel<FormField>
    /// A line under the fields: the last validation error, or a confirmation question.
    public var message: String?
    /// True once the user has been asked to confirm and the next submit is the real one.
    public var awaitingConfirmation = false

    public init(title: String, entries: [Entry]) {
        self.title = title
        fields = FormModel(entries)
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

    /// The entry for one field of a registration, as the register page has it but sized for the box.
    static func entry(for field: RegistrationField, _ value: FieldValue, _ context: AppContext) -> Entry {
        FormFields.entry(for: field, value, context, width: fieldWidth, height: areaHeight)
    }

    public static func area(_ id: FormField, _ label: String, _ text: String = "") -> Entry {
        Entry(id: id, label: label, input: .area(TextArea(text: text, width: fieldWidth, height: areaHeight)))
    }

    /// Applies a key; returns submit or cancel when the form is finished with.
    public mutating func handle(_ key: Key) -> Outcome? {
        switch key {
        case .escape: return .cancel
        case .function(10), .ctrl("s"): return .submit
        case .tab: fields.moveFocus(by: 1, wrapping: true); return nil
        case .backTab: fields.moveFocus(by: -1, wrapping: true); return nil
        default: break
        }
        if case .enter = key, !isAreaFocused {
            if fields.focus == fields.entries.count - 1 || awaitingConfirmation { return .submit }
            fields.moveFocus(by: 1, wrapping: true)
            return nil
        }
        awaitingConfirmation = false
        if !fields.edit(key), key == .down || key == .up {
            fields.moveFocus(by: key == .down ? 1 : -1, wrapping: true)
        }
        return nil
    }

    private var isAreaFocused: Bool {
        if case .area = fields.focusedInput { return true }
        return false
    }

    /// Rows the form takes: frame, fields, message line.
    public var height: Int {
        fields.entries.reduce(0) { total, entry in
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
        let labelWidth = min(fields.entries.map { DisplayWidth.of(SafeText.sanitize($0.label)) }.max() ?? 0, max(8, inside.width / 3))
        let fieldX = inside.x + labelWidth + 2
        let fieldWidth = max(1, inside.x + inside.width - fieldX)
        var y = inside.y
        var cursor: CursorPosition?
        for (index, entry) in fields.entries.enumerated() where y < inside.y + inside.height - 1 {
            let focused = index == fields.focus
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
            case .check(let check):
                let position = check.render(into: &buffer, x: fieldX, y: y, width: fieldWidth, style: focused ? .bold : .plain)
                if focused { cursor = position }
                y += 1
            }
        }
        if let message {
            let style = awaitingConfirmation ? Style(bold: true, color: .warning) : Style(bold: true, color: .danger)
            buffer.put(SafeText.truncate(message, toWidth: inside.width), x: inside.x, y: inside.y + inside.height - 1, style: style)
        } else if case .choice(let field) = fields.focusedInput {
            buffer.put(SafeText.truncate(field.letterHint, toWidth: inside.width), x: inside.x, y: inside.y + inside.height - 1)
        }
        return cursor
    }
}
