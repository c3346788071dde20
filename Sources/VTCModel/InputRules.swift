/// Rules for text that enters the system from a person, checked at the
/// domain boundary before anything is written.
public enum InputRules {
    /// Why a piece of user text is refused.
    public enum Problem: Error, Equatable, Sendable {
        case controlCharacter(field: String, scalar: UInt32)
        /// A bidirectional control or zero-width character (CVE-2021-42574, "Trojan Source").
        case invisibleCharacter(field: String, scalar: UInt32)
        case lineBreakInSingleLine(field: String)
        case cprNumber(field: String)
        case empty(field: String)
        case tooLong(field: String, limit: Int)
    }

    /// Refuses control characters other than newline and tab (multi-line
    /// text) or any control character and line break (single-line text).
    public static func checkText(_ text: String, field: String, multiLine: Bool, maximumBytes: Int = 16_384) -> Problem? {
        if text.utf8.count > maximumBytes { return .tooLong(field: field, limit: maximumBytes) }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A || v == 0x09 {
                if !multiLine { return .lineBreakInSingleLine(field: field) }
                continue
            }
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                return .controlCharacter(field: field, scalar: v)
            }
            if isInvisible(v) { return .invisibleCharacter(field: field, scalar: v) }
        }
        return nil
    }

    /// Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and zero-width
    /// characters (U+200B–U+200D, U+2060, U+FEFF): they make text display differently from what it holds.
    /// Refused on input; shown as `\u{…}` wherever old data holds them (`PlainText.visible`).
    public static func isInvisible(_ v: UInt32) -> Bool {
        switch v {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200F, 0x2060, 0xFEFF, 0x061C: true
        default: false
        }
    }

    /// The text with each invisible or text-direction character written out as `\u{202e}`, so that
    /// old data holding one shows what it holds in every output (as CVE-2021-42574 taught compilers).
    public static func showingInvisible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isInvisible($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isInvisible(scalar.value) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when the text holds something shaped like a Danish CPR number:
    /// six digits, an optional `-` or space, then four digits, anywhere.
    public static func containsCPRNumber(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        guard b.count >= 10 else { return false }
        for start in 0...(b.count - 10) where (0..<6).allSatisfy({ isDigit(start + $0) }) {
            if (6..<10).allSatisfy({ isDigit(start + $0) }) { return true }
            if b[start + 6] == UInt8(ascii: "-") || b[start + 6] == UInt8(ascii: " "),
               (7..<11).allSatisfy({ isDigit(start + $0) }) { return true }
        }
        return false
    }
}

extension InputRules.Problem {
    /// Why, in English words: for the rules' one-line messages (`RuleViolation`)
    /// and the English texts; the Danish texts word it themselves.
    public var reason: String {
        switch self {
        case .controlCharacter(_, let scalar):
            return "contains a control character (\(unicodeName(scalar))), which is not allowed."
        case .invisibleCharacter(_, let scalar):
            return "contains an invisible or text-direction character (\(unicodeName(scalar))), which is not allowed: it can make text read differently from what it says."
        case .lineBreakInSingleLine:
            return "must not contain a line break."
        case .cprNumber:
            return "looks like a CPR number (6 + 4 digits). For privacy a CPR number must never be registered – use the unit's local resident code."
        case .empty:
            return "must not be empty."
        case .tooLong(_, let limit):
            return "is too long – shorten the text (the limit is \(limit) bytes)."
        }
    }
}

/// `U+202E`: how a character that cannot be shown is named in messages.
package func unicodeName(_ scalar: UInt32) -> String {
    let hex = String(scalar, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
