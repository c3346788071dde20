/// A key press (or a terminal event that arrives like one), independent of ncurses.
public enum Key: Equatable, Hashable, Sendable {
    /// A printable character; never a control character.
    case character(Character)
    case enter
    case tab
    case backTab
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    case insert
    case backspace
    case delete
    case escape
    /// F1 … F24.
    case function(Int)
    /// Ctrl with a letter `a` … `z` (lower case), other than those with their own
    /// case: Ctrl-I is `.tab`, Ctrl-M and Ctrl-J are `.enter`, Ctrl-H is `.backspace`.
    case ctrl(Character)
    /// The terminal changed size; the new size comes with it.
    case resize(TerminalSize)

    /// The key for a character read from the terminal in raw mode: control
    /// codes become their named keys, other C0/C1 controls give nil.
    public static func fromCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A:
            return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0x00, 0x1C...0x1F, 0x80...0x9F:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The keys that typing `text` would produce (a line break → Enter), for
    /// tests and pasted text.
    public static func typing(_ text: String) -> [Key] {
        text.compactMap { character in
            if character.isNewline { return .enter }
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first { return fromCharacter(scalar.value) }
            return .character(character)
        }
    }
}
