/// The characters being edited in a text field or text area, with their cell
/// widths and wrap kinds kept alongside (so layout does not measure or compare
/// characters on every key press), and the cursor as an index between characters.
struct EditableText: Equatable, Sendable {
    /// What an edit changed: the characters in `range` (as numbered before the
    /// edit) were replaced by `count` characters.
    struct Edit: Equatable, Sendable {
        var range: Range<Int>
        var count: Int
    }

    private(set) var characters: [Character]
    private(set) var widths: [Int]
    private(set) var kinds: [WordWrap.Kind]
    private(set) var cursor: Int

    /// Starts with `text` (a saved draft, say), line breaks as `\n` and
    /// anything that would not show as itself in its visible form.
    init(_ text: String) {
        characters = text.flatMap { character -> [Character] in
            character.isNewline ? ["\n"] : Array(SafeText.sanitize(String(character)))
        }
        widths = characters.map(EditableText.width)
        kinds = characters.map(EditableText.kind)
        cursor = characters.count
    }

    var text: String { String(characters) }

    mutating func moveCursor(to index: Int) {
        cursor = min(max(0, index), characters.count)
    }

    /// Inserts at the cursor; a combining mark typed on its own joins the
    /// character before it, as it does in the stored text. Refuses (false)
    /// controls, and anything that would not be drawn as itself, such as a
    /// combining mark with no character to join.
    mutating func insert(_ character: Character) -> Edit? {
        guard character == "\n" || SafeText.isAcceptableInput(character) else { return nil }
        if character == "\n" || character.isASCII {
            // Nothing joins a line break or a plain ASCII character.
            let edit = replace(cursor..<cursor, with: [character])
            cursor += 1
            return edit
        }
        let low = max(0, cursor - 1)
        let high = min(characters.count, cursor + 1)
        let before = String(characters[low..<cursor]) + String(character)
        let merged = Array(before + String(characters[cursor..<high]))
        guard merged.allSatisfy({ $0 == "\n" || SafeText.isShownAsItself($0) }) else { return nil }
        let edit = replace(low..<high, with: merged)
        cursor = low + min(before.count, merged.count)
        return edit
    }

    mutating func deleteBackward() -> Edit? {
        guard cursor > 0 else { return nil }
        cursor -= 1
        return replace(cursor..<(cursor + 1), with: [])
    }

    mutating func deleteForward() -> Edit? {
        guard cursor < characters.count else { return nil }
        return replace(cursor..<(cursor + 1), with: [])
    }

    mutating func removeAll() -> Edit? {
        cursor = 0
        return replace(0..<characters.count, with: [])
    }

    /// Cells taken by the characters in `range`.
    func width(of range: Range<Int>) -> Int {
        var total = 0
        for index in range { total += widths[index] }
        return total
    }

    private mutating func replace(_ range: Range<Int>, with replacement: [Character]) -> Edit {
        characters.replaceSubrange(range, with: replacement)
        widths.replaceSubrange(range, with: replacement.map(EditableText.width))
        kinds.replaceSubrange(range, with: replacement.map(EditableText.kind))
        return Edit(range: range, count: replacement.count)
    }

    private static func width(_ character: Character) -> Int {
        character == "\n" ? 0 : DisplayWidth.of(character)
    }

    private static func kind(_ character: Character) -> WordWrap.Kind {
        switch character {
        case "\n": return .lineBreak
        case " ": return .space
        default: return .other
        }
    }
}
