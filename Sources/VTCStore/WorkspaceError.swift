import VTCModel
import VTCCodec
import VTCTexts

/// Why a workspace could not be opened or could not do what was asked, as
/// one line for the user that names the file or the event concerned.
public enum WorkspaceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Reading or writing the log, a draft or an export failed.
    case log(LogError)
    /// `policy.json` has problems; each is listed with where it is.
    case policy(path: String, [PolicyProblem])
    /// `roster.json` has problems; each is listed with where it is.
    case roster(path: String, [RosterFile.Problem])
    /// The roster does not name the acting user.
    case notInRoster(user: String, rosterPath: String)
    /// The operating system could not say who runs the program.
    case unknownUser(uid: UInt32)
    /// The state would not accept an event (the trial apply found a problem); nothing was written.
    case refused(EventType, String)
    /// An export file name that is not a plain file name.
    case invalidFileName(String)

    public var description: String {
        switch self {
        case .log(let error):
            error.description
        case .policy(let path, let problems):
            "\(path): " + problems.map(\.description).joined(separator: "; ")
        case .roster(let path, let problems):
            "\(path): " + problems.map { Texts(.en).message(.rosterProblem($0)) }.joined(separator: "; ")
        case .notInRoster(let user, let rosterPath):
            "you (\(user)) are not in the roster \(rosterPath); ask an admin to add you"
        case .unknownUser(let uid):
            "cannot find the user name of uid \(uid) in the password database"
        case .refused(let type, let message):
            "nothing was written: the \(type.rawValue) event was refused: \(message)"
        case .invalidFileName(let name):
            "\"\(name)\" cannot be used as a file name (use letters, digits, '.', '-' and '_')"
        }
    }
}
