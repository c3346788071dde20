/// Case-insensitive word search that keeps Danish letters apart (æ is not ae, å
/// is not a) and treats composed and decomposed letters alike.
enum TextSearch {
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
    }

    static func matches(_ words: [String], in fields: [String]) -> Bool {
        let haystack = fields.map { $0.lowercased() }
        return words.allSatisfy { word in haystack.contains { containsCharacters($0, word) } }
    }

    /// Compares by Character, so that `å` written as one scalar or as `a` + ring matches either way.
    private static func containsCharacters(_ text: String, _ word: String) -> Bool {
        let (t, w) = (Array(text), Array(word))
        guard !w.isEmpty, w.count <= t.count else { return w.isEmpty }
        return (0...(t.count - w.count)).contains { start in
            (0..<w.count).allSatisfy { t[start + $0] == w[$0] }
        }
    }
}
