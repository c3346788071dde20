/// The language of everything a user reads.
public enum Language: String, CaseIterable, Sendable, Hashable {
    case da
    case en

    /// The language an explicit choice gives, or else the locale variables:
    /// the first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` decides, as in POSIX.
    /// A locale starting with `da` gives Danish; any other, or none, English.
    public static func select(explicit: Language? = nil, environment: [String: String]) -> Language {
        if let explicit { return explicit }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.hasPrefix("da") ? .da : .en
        }
        return .en
    }
}
