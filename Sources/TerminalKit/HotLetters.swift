/// The letter that picks each option of a list, taken from the labels in the language on
/// screen: the first letter of each label that no earlier option has taken, so that every
/// option has its own (`Physical violence` p, `Property damage` r; `Fysisk vold` f).
public enum HotLetters {
    public static func assign(_ labels: [String]) -> [Character?] {
        var taken: Set<Character> = []
        return labels.map { label in
            let letter = label.lowercased().first { $0.isLetter && !taken.contains($0) }
            if let letter { taken.insert(letter) }
            return letter
        }
    }

    /// Where in `label` its letter stands (the first occurrence, ignoring case).
    public static func offset(of letter: Character?, in label: String) -> Int? {
        guard let letter else { return nil }
        return label.lowercased().firstIndex(of: letter).map { label.lowercased().distance(from: label.lowercased().startIndex, to: $0) }
    }

    /// `[P]hysical violence · P[r]operty damage`: each label with its letter in brackets.
    public static func hint(_ labels: [String]) -> String {
        zip(labels, assign(labels)).map { label, letter in
            guard let offset = offset(of: letter, in: label) else { return label }
            var characters = Array(label)
            characters.insert("]", at: offset + 1)
            characters.insert("[", at: offset)
            return String(characters)
        }.joined(separator: " · ")
    }

    /// Draws `label` at (x, y) in at most `width` cells with its letter underlined.
    static func put(_ label: String, letter: Character?, x: Int, y: Int, width: Int, style: Style,
                    into buffer: inout CellBuffer) {
        buffer.put(SafeText.pad(label, toWidth: width), x: x, y: y, style: style)
        guard let offset = offset(of: letter, in: label) else { return }
        let before = String(label.prefix(offset))
        let column = DisplayWidth.of(SafeText.sanitize(before))
        let character = String(Array(label)[offset])
        guard column + DisplayWidth.of(character) <= width else { return }
        buffer.put(character, x: x + column, y: y, style: Style(bold: style.bold, reverse: style.reverse, underline: true, dim: style.dim, color: style.color))
    }
}
