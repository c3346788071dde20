extension IncidentQuery {
    /// True when every word of `text` occurs, in any case, in the incident's
    /// searchable text: the same test `run` applies, for screens that narrow
    /// an earlier result as the user types instead of running the whole query.
    public static func matches(text: String, _ record: IncidentRecord) -> Bool {
        let words = TextSearch.words(text)
        return words.isEmpty || TextSearch.matches(words, in: searchableText(of: record))
    }
}
