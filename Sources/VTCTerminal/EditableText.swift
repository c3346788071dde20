/// The characters being edited in a text field or text area, their cell
/// widths (kept alongside so layout does not measure every key press), and
/// the cursor as an index between characters.
struct EditableText: Equatable, Sendable {
    private(set) var characters: [Character]
    private(set) var widths: [Int]
    private(set) var cursor: Int

    /// Starts with `text` (a saved draft, say), line breaks as `\n` and
    /// anything that would not show as itself in its visible form.
    init(_ text: String) {
        characters = text.flatMap { character -> [Character] in
            character.isNewline ? ["\n"] : Array(SafeText.sanitize(String(character)))
        }
        widths = characters.map(EditableText.width)
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
    mutating func insert(_ character: Character) -> Bool {
        guard character == "\n" || SafeText.isAcceptableInput(character) else { return false }
        let low = max(0, cursor - 1)
        let high = min(characters.count, cursor + 1)
        let before = String(characters[low..<cursor]) + String(character)
        let merged = Array(before + String(characters[cursor..<high]))
        guard merged.allSatisfy({ $0 == "\n" || SafeText.isShownAsItself($0) }) else { return false }
        replace(low..<high, with: merged)
        cursor = low + min(before.count, merged.count)
        return true
    }

    mutating func deleteBackward() -> Bool {
        guard cursor > 0 else { return false }
        replace((cursor - 1)..<cursor, with: [])
        cursor -= 1
        return true
    }

    mutating func deleteForward() -> Bool {
        guard cursor < characters.count else { return false }
        replace(cursor..<(cursor + 1), with: [])
        return true
    }

    mutating func removeAll() {
        replace(0..<characters.count, with: [])
        cursor = 0
    }

    /// Cells taken by the characters in `range`.
    func width(of range: Range<Int>) -> Int {
        var total = 0
        for index in range { total += widths[index] }
        return total
    }

    private mutating func replace(_ range: Range<Int>, with replacement: [Character]) {
        characters.replaceSubrange(range, with: replacement)
        widths.replaceSubrange(range, with: replacement.map(EditableText.width))
    }

    private static func width(_ character: Character) -> Int {
        character.isNewline ? 0 : DisplayWidth.of(character)
    }
}
