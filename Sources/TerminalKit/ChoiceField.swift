/// A pick list shown on one line: the arrows cycle through the options, and a
/// typed letter selects the option it belongs to (`HotLetters`, from the labels shown).
public struct ChoiceField<Value: Hashable & Sendable>: Equatable, Sendable {
    public struct Option: Equatable, Sendable {
        public var value: Value
        public var label: String

        public init(value: Value, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// Which arrow keys cycle the options; a form that moves focus with
    /// Up/Down uses `.horizontal`.
    public enum Arrows: Sendable {
        case horizontal
        case vertical
        case both
    }

    public let options: [Option]
    /// The letter of each option, from its label.
    public let letters: [Character?]
    /// nil until something is chosen, so nothing is preselected for the user.
    public private(set) var selectedIndex: Int?
    public var arrows: Arrows

    public init(options: [Option], selected: Value? = nil, arrows: Arrows = .both) {
        self.options = options
        letters = HotLetters.assign(options.map(\.label))
        self.arrows = arrows
        selectedIndex = selected.flatMap { value in options.firstIndex { $0.value == value } }
    }

    public var selectedValue: Value? { selectedIndex.map { options[$0].value } }

    public mutating func select(_ value: Value?) {
        selectedIndex = value.flatMap { value in options.firstIndex { $0.value == value } }
    }

    /// Applies a key; false when the key is not the field's.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        guard !options.isEmpty else { return false }
        switch key {
        case .left where arrows != .vertical, .up where arrows != .horizontal:
            selectedIndex = ((selectedIndex ?? 0) - 1 + options.count) % options.count
        case .right where arrows != .vertical, .down where arrows != .horizontal:
            selectedIndex = selectedIndex.map { ($0 + 1) % options.count } ?? 0
        case .character(let character):
            return selectByLetter(character)
        default:
            return false
        }
        return true
    }

    /// Selects the option whose letter `character` is, ignoring case; false if it is none's.
    private mutating func selectByLetter(_ character: Character) -> Bool {
        guard let index = letters.firstIndex(of: Character(character.lowercased())) else { return false }
        selectedIndex = index
        return true
    }

    /// `[P]hysical violence · [T]hreat · …`, for the line under a focused field.
    public var letterHint: String { HotLetters.hint(options.map(\.label)) }

    /// Draws the chosen label (or `placeholder`) in `width` cells, with `‹ ›`
    /// round it when focused to show the arrows change it.
    public func render(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, focused: Bool, placeholder: String = "", style: Style = .plain) {
        let label = selectedIndex.map { options[$0].label } ?? placeholder
        let labelStyle = selectedIndex == nil ? style.with(color: .muted) : style
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        if focused, width >= 5 {
            buffer.put("‹", x: x, y: y, style: style)
            buffer.put(SafeText.truncate(label, toWidth: width - 4), x: x + 2, y: y, style: labelStyle)
            buffer.put("›", x: x + width - 1, y: y, style: style)
        } else {
            buffer.put(SafeText.truncate(label, toWidth: width), x: x, y: y, style: labelStyle)
        }
    }
}
