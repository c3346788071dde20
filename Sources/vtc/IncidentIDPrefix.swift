import Foundation

/// Resolves what a person typed for an id (an incident's, or an action's)
/// to the one id it names: the full id, or a unique prefix of at least
/// `minimumLength` characters, case-insensitive, dashes counted as written.
public enum IncidentIDPrefix {
    public static let minimumLength = 6

    public enum Problem: Error, Equatable, Sendable {
        case tooShort(String)
        case notFound(String)
        case ambiguous(String, matches: Int)
    }

    public static func resolve(_ typed: String, among ids: some Sequence<UUID>) -> Result<UUID, Problem> {
        let prefix = typed.lowercased()
        guard prefix.count >= minimumLength else { return .failure(.tooShort(typed)) }
        var found: UUID?
        var matches = 0
        for id in ids where id.lowercasedString.hasPrefix(prefix) {
            matches += 1
            if found == nil { found = id }
        }
        switch (found, matches) {
        case (let id?, 1): return .success(id)
        case (nil, _): return .failure(.notFound(typed))
        default: return .failure(.ambiguous(typed, matches: matches))
        }
    }
}
