/// Why an operation on the data folder failed; `description` is the one-line
/// message shown to the user, naming the file and the cause.
public enum LogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed: `action` is e.g. "append to", "open", "create".
    case system(action: String, path: String, errno: Int32)
    /// The log has a bad line; it is open read-only and every write is refused.
    case damaged(path: String, LogProblem)
    /// The line would be longer than `LogFormat.maximumLineLength`; nothing was written.
    case lineTooLong(path: String, length: Int)
    /// The data folder cannot be determined (no option, no environment).
    case noDataFolder(String)
    /// The line the writer built is one its own reader would refuse; nothing was written.
    case refusedByReader(path: String, LogProblem)
    /// A file is not what it should be (a draft that does not parse, a name that cannot be used).
    case invalidFile(path: String, reason: String)
    /// A store failed or refused: a database (`location` names it without secrets), or any log that other
    /// writers kept appending to before this one could. Nothing the operation was asked to write is acknowledged.
    case store(action: String, location: String, reason: String)

    public var description: String {
        switch self {
        case .system(let action, let path, let code):
            "cannot \(action) \(path): \(describe(errno: code))"
        case .damaged(let path, let problem):
            "cannot append to \(path): the log is damaged at line \(problem.line) (\(problem.kind.rawValue): \(problem.detail)); it is open read-only"
        case .lineTooLong(let path, let length):
            "cannot append to \(path): the line would be \(length) bytes, more than the maximum of \(LogFormat.maximumLineLength)"
        case .noDataFolder(let reason):
            "cannot find the data folder: \(reason)"
        case .refusedByReader(let path, let problem):
            "nothing was written to \(path): the line would be refused when read (\(problem.kind.rawValue): \(problem.detail))"
        case .invalidFile(let path, let reason):
            "\(path): \(reason)"
        case .store(let action, let location, let reason):
            "cannot \(action) \(location): \(reason)"
        }
    }
}

/// One thing wrong with one line of the log.
public struct LogProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case invalidJSON = "invalid JSON"
        case tooLong = "line too long"
        case header = "bad header"
        case schema = "schema"
        /// The chain holds but the event does not decode or breaks today's rules: skipped, writes go on.
        case setAside = "set aside"
        /// The log is shorter than a line the state checkpoint or a witness names.
        case truncated = "truncated"
        /// The log holds other bytes than a line the state checkpoint or a witness names.
        case rewritten = "rewritten"
        case sequence = "sequence"
        case hashMismatch = "hash mismatch"
        case tornTail = "torn tail"
    }

    /// 1-based line number in the file.
    public var line: Int
    public var kind: Kind
    public var detail: String

    /// `detail` may quote text from the file: control characters are escaped and it is
    /// shortened, so that the problem stays one line and safe to show on a terminal.
    public init(line: Int, kind: Kind, detail: String) {
        self.line = line
        self.kind = kind
        self.detail = LogProblem.printable(detail)
    }

    static let maximumDetailLength = 300

    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if out.unicodeScalars.count >= maximumDetailLength {
                out += "…"
                break
            }
            switch scalar.value {
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public var description: String { "line \(line): \(kind.rawValue): \(detail)" }
}
