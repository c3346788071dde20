/// Text that came from a person, made safe to show in a terminal, and fitted
/// to a width. Every function here sanitizes first, so widths are measured on
/// what will actually be drawn.
public enum SafeText {
    public static let replacement: Character = "\u{FFFD}"
    public static let ellipsis: Character = "…"
    public static let tabWidth = 4
    /// The base a stray combining mark is drawn on, so it never joins the
    /// cell before it.
    static let dottedCircle = "\u{25CC}"

    public enum Alignment: Sendable {
        case left
        case right
        case center
    }

    /// The text with nothing a terminal would interpret: C0 controls in caret
    /// notation (`ESC` → `^[`, `BEL` → `^G`), `DEL` → `^?`, format characters
    /// (text direction, zero width, soft hyphen) written out (`\u{202e}`), C1
    /// controls and other invisible scalars → `�`, tab → spaces to the next
    /// tab stop. Every character of the result is at least one cell wide.
    public static func sanitize(_ text: some StringProtocol) -> String {
        if text.unicodeScalars.allSatisfy({ isPlainPrintable($0) }) { return String(text) }
        var result = ""
        var column = 0
        for character in text {
            let shown = visible(character, column: column)
            result += shown
            column += DisplayWidth.of(shown)
        }
        return result
    }

    /// True when a typed character may go into a text field: no control
    /// characters and no scalar that `sanitize` would replace. (A combining
    /// mark passes; the field joins it to the character before it.)
    public static func isAcceptableInput(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        let startsWithEmoji = scalars.first?.properties.isEmoji ?? false
        return scalars.allSatisfy { !isUnsafe($0, insideEmoji: startsWithEmoji) }
    }

    /// True when the character is drawn exactly as it is stored.
    public static func isShownAsItself(_ character: Character) -> Bool {
        sanitize(String(character)) == String(character)
    }

    /// The text cut to at most `width` cells, ending in `…` when it was cut.
    public static func truncate(_ text: some StringProtocol, toWidth width: Int) -> String {
        let safe = sanitize(text)
        guard width > 0 else { return "" }
        if DisplayWidth.of(safe) <= width { return safe }
        var result = ""
        var used = 0
        for character in safe {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        result.append(ellipsis)
        return result
    }

    /// The text truncated to `width` cells and padded with spaces to exactly `width`.
    public static func pad(_ text: some StringProtocol, toWidth width: Int, alignment: Alignment = .left) -> String {
        let fitted = truncate(text, toWidth: width)
        let gap = max(0, width - DisplayWidth.of(fitted))
        switch alignment {
        case .left: return fitted + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + fitted
        case .center:
            let before = gap / 2
            return String(repeating: " ", count: before) + fitted + String(repeating: " ", count: gap - before)
        }
    }

    /// The text broken into lines of at most `width` cells: line breaks in the
    /// text are kept, lines break after spaces, and a word longer than the
    /// width is broken inside. Trailing spaces are dropped from each line.
    public static func wrap(_ text: some StringProtocol, toWidth width: Int) -> [String] {
        let limit = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            let characters = Array(sanitize(paragraph))
            let widths = characters.map { DisplayWidth.of($0) }
            let kinds = characters.map { $0 == " " ? WordWrap.Kind.space : .other }
            for range in WordWrap.lines(widths: widths[...], kinds: kinds[...], limit: limit) {
                var line = String(characters[range])
                while line.last == " " { line.removeLast() }
                lines.append(line)
            }
        }
        return lines
    }

    /// Whether the scalar is shown as itself, one cell wide, and is a character of its own beside any other such
    /// scalar: printable ASCII, Latin-1 and the Latin extensions (Danish letters among them) but the soft hyphen,
    /// General Punctuation's dashes, quotes, bullets and marks (not its spaces, separators or format characters),
    /// and the check mark tables print. Text of these alone is safe as it stands and measured by counting
    /// (`DisplayWidth.of`); `SafeTextTests` holds every one of them to what the full rules give.
    static func isPlainPrintable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 }
        if value < 0x300 { return value >= 0xA0 && value != 0xAD }
        return (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || value == 0x2713
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value)
    }

    private static func visible(_ character: Character, column: Int) -> String {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return "" }
        if first == "\t" { return String(repeating: " ", count: tabWidth - column % tabWidth) }
        if isControl(first) { return scalars.map(caretNotation).joined() }
        let startsWithEmoji = first.properties.isEmoji
        var shown = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.properties.generalCategory == .format, !(isJoiner(scalar) && startsWithEmoji) {
                // Text-direction and zero-width characters are shown for what they are, as
                // CVE-2021-42574 ("Trojan Source") taught compilers to.
                shown.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else if isUnsafe(scalar, insideEmoji: startsWithEmoji) {
                shown.append(contentsOf: String(replacement).unicodeScalars)
            } else {
                shown.append(scalar)
            }
        }
        var result = String(shown)
        if let base = result.unicodeScalars.first, DisplayWidth.isZeroWidth(base), !isJoiner(base) {
            switch base.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: result = dottedCircle + result
            default: return String(replacement)
            }
        }
        return DisplayWidth.of(result) == 0 ? String(replacement) : result
    }

    private static func caretNotation(_ scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        if value < 0x20 { return "^" + String(Character(Unicode.Scalar(UInt8(value + 0x40)))) }
        if value == 0x7F { return "^?" }
        return String(replacement)
    }

    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200C || scalar.value == 0x200D
    }

    /// Scalars a terminal would not show as themselves: format characters
    /// (bidirectional overrides, zero-width spaces, soft hyphen, byte order mark),
    /// line and paragraph separators, private-use, unassigned and noncharacters.
    /// Joiners and tag characters stay when they build an emoji sequence.
    private static func isUnsafe(_ scalar: Unicode.Scalar, insideEmoji: Bool) -> Bool {
        if isControl(scalar) { return true }
        if isJoiner(scalar) { return false }
        if (0xE0020...0xE007F).contains(scalar.value) { return !insideEmoji }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return true
        default:
            return scalar.properties.isNoncharacterCodePoint
        }
    }
}
