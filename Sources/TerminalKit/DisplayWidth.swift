/// How many terminal cells a character takes: 2 for East Asian wide and
/// fullwidth characters and emoji, 0 for combining and zero-width scalars, 1
/// otherwise (Latin letters such as æ, ø and å included). Pure Swift tables, so
/// the answer does not depend on the C library or the locale.
public enum DisplayWidth {
    /// The width of one grapheme cluster: the width of its base scalar, with
    /// emoji presentation (VS16, skin-tone modifiers, flags) counting as wide.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii < 0x20 || ascii == 0x7F ? 0 : 1
        }
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        let baseWidth = of(base)
        if baseWidth == 2 || scalars.count == 1 { return baseWidth }
        if base.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F || isEmojiModifier($0) }) {
            return 2
        }
        if isRegionalIndicator(base) { return 2 }
        return baseWidth
    }

    /// The width of a single scalar shown on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        if isZeroWidth(scalar) { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The width of a string as its characters are laid out one after another.
    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII, the commonest text, is one cell a byte and each byte a character of its own: measured
        // without breaking the text into characters (a table of thousands of rows measures every cell).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        // So is text of Danish letters, dashes and the like (`SafeText.isPlainPrintable`): one cell a scalar.
        var scalars = 0
        if text.unicodeScalars.allSatisfy({ scalars += 1; return SafeText.isPlainPrintable($0) }) { return scalars }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            // Hangul medial vowels and final consonants combine with the initial.
            let value = scalar.value
            return (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value)
        }
    }

    static func isEmojiModifier(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F3FB...0x1F3FF).contains(scalar.value)
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks from Unicode's
    /// EastAsianWidth.txt, merged into ranges; emoji come from the scalar's
    /// Emoji_Presentation property instead.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi radicals, CJK symbols and punctuation
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, // ideographic symbols
        0x17000...0x18CFF, // Tangut, Khitan
        0x1AFF0...0x1B2FF, // Kana supplement and extensions, Nushu
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x2FFFD, // CJK extensions B to F, compatibility supplement
        0x30000...0x3FFFD, // CJK extensions G and H
    ]
}
