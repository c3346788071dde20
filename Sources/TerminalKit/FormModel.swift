/// The fields of a form and which one has focus: typed values keyed by `ID`,
/// the one mechanism under every form whatever its layout (a box under a
/// screen, a full page). A key that edits goes to the focused field (`edit`);
/// which keys move the focus, save or cancel is the layout's to say, and what
/// the values mean is the owner's.
public struct FormModel<ID: Hashable & Sendable>: Equatable, Sendable {
    public enum Input: Equatable, Sendable {
        case text(TextField)
        /// Several lines; Enter inserts a line break.
        case area(TextArea)
        case choice(ChoiceField<String>)
        case check(CheckField)
    }

    public struct Entry: Equatable, Sendable {
        public var id: ID
        public var label: String
        public var input: Input
        /// What a typed text was understood as (a date in full, with its weekday), shown
        /// beside the field once it is left; nil for text that means itself.
        public var understood: (@Sendable (String) -> String?)?

        public init(id: ID, label: String, input: Input, understood: (@Sendable (String) -> String?)? = nil) {
            self.id = id
            self.label = label
            self.input = input
            self.understood = understood
        }

        public static func == (a: Entry, b: Entry) -> Bool { a.id == b.id && a.label == b.label && a.input == b.input }
    }

    public var entries: [Entry]
    /// The place of the focused entry in `entries`.
    public private(set) var focus = 0
    /// The letter last typed into a choice that is none of its options', for the owner to say so.
    public private(set) var unmatchedLetter: Character?

    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    public var focusedID: ID? { entries.indices.contains(focus) ? entries[focus].id : nil }

    public var focusedInput: Input? { entries.indices.contains(focus) ? entries[focus].input : nil }

    public func entry(_ id: ID) -> Entry? { entries.first { $0.id == id } }

    // MARK: - Values

    /// The text typed, or the value chosen; "" for a field the form does not hold.
    public func text(_ id: ID) -> String {
        switch entry(id)?.input {
        case .text(let field): field.text
        case .area(let area): area.text
        case .choice(let choice): choice.selectedValue ?? ""
        case .check(let check): String(check.isChecked)
        case nil: ""
        }
    }

    public func choice(_ id: ID) -> String? {
        guard case .choice(let field) = entry(id)?.input else { return nil }
        return field.selectedValue
    }

    public func isChecked(_ id: ID) -> Bool {
        guard case .check(let field) = entry(id)?.input else { return false }
        return field.isChecked
    }

    /// Puts a value into a field (from a draft, or a key that names it): text into a text
    /// field or area, one of its options into a choice, true or false into a check box.
    /// A value the field cannot hold leaves the field as it was.
    public mutating func set(_ id: ID, text: String? = nil, choice: String? = nil, checked: Bool? = nil) {
        guard let index = entries.firstIndex(where: { $0.id == id }) else { return }
        switch entries[index].input {
        case .text(let field):
            if let text { entries[index].input = .text(TextField(text: text, width: field.width)) }
        case .area(let area):
            if let text { entries[index].input = .area(TextArea(text: text, width: area.width, height: area.height)) }
        case .choice(var field):
            guard let choice, field.options.contains(where: { $0.value == choice }) else { return }
            field.select(choice)
            entries[index].input = .choice(field)
        case .check(var field):
            if let checked { field.isChecked = checked }
            entries[index].input = .check(field)
        }
    }

    // MARK: - Focus and keys

    public mutating func focus(on id: ID) {
        if let index = entries.firstIndex(where: { $0.id == id }) { focus = index }
    }

    /// Moves the focus `step` entries on, round the ends when `wrapping`, else
    /// not past them; false when the focus did not move.
    @discardableResult
    public mutating func moveFocus(by step: Int, wrapping: Bool) -> Bool {
        guard !entries.isEmpty else { return false }
        let target = focus + step
        if wrapping {
            focus = (target % entries.count + entries.count) % entries.count
            return true
        }
        guard entries.indices.contains(target) else { return false }
        focus = target
        return true
    }

    /// Gives `key` to the focused field; false when the field did not take it.
    @discardableResult
    public mutating func edit(_ key: Key) -> Bool {
        unmatchedLetter = nil
        guard entries.indices.contains(focus) else { return false }
        let used: Bool
        switch entries[focus].input {
        case .text(var field):
            used = field.handle(key)
            entries[focus].input = .text(field)
        case .area(var area):
            used = area.handle(key)
            entries[focus].input = .area(area)
        case .choice(var field):
            used = field.handle(key)
            entries[focus].input = .choice(field)
            if !used, case .character(let letter) = key, letter.isLetter { unmatchedLetter = letter }
        case .check(var field):
            used = field.handle(key)
            entries[focus].input = .check(field)
        }
        return used
    }
}
