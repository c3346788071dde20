import VTCCodec
import VTCModel
import VTCStore

/// A `WorkspaceError` on the wire, so that a client reports exactly what
/// embedded mode would, with the same exit code.
enum WireError {
    static func fields(_ error: WorkspaceError) -> [(String, JSONValue)] {
        func s(_ text: String) -> JSONValue { .string(text) }
        switch error {
        case .log(.system(let action, let path, let code)):
            return [("error", s("system")), ("action", s(action)), ("path", s(path)), ("errno", .int(Int64(code)))]
        case .log(.damaged(let path, let problem)):
            return [("error", s("damaged")), ("path", s(path)), ("line", .int(Int64(problem.line))),
                    ("kind", s(problem.kind.rawValue)), ("detail", s(problem.detail))]
        case .log(.refusedByReader(let path, let problem)):
            return [("error", s("refused_by_reader")), ("path", s(path)), ("line", .int(Int64(problem.line))),
                    ("kind", s(problem.kind.rawValue)), ("detail", s(problem.detail))]
        case .log(.lineTooLong(let path, let length)):
            return [("error", s("line_too_long")), ("path", s(path)), ("length", .int(Int64(length)))]
        case .log(.noDataFolder(let reason)):
            return [("error", s("no_data_folder")), ("message", s(reason))]
        case .log(.invalidFile(let path, let reason)):
            return [("error", s("invalid_file")), ("path", s(path)), ("message", s(reason))]
        case .log(.store(let action, let location, let reason)):
            return [("error", s("store")), ("action", s(action)), ("path", s(location)), ("message", s(reason))]
        case .policy(let path, _), .roster(let path, _):
            return [("error", s("invalid_file")), ("path", s(path)), ("message", s(error.description))]
        case .notInRoster(let user, let rosterPath):
            return [("error", s("not_in_roster")), ("user", s(user)), ("path", s(rosterPath))]
        case .unknownUser(let uid):
            return [("error", s("unknown_user")), ("uid", .int(Int64(uid)))]
        case .refused(let type, let message):
            return [("error", s("refused")), ("event_type", s(type.rawValue)), ("message", s(message))]
        case .invalidFileName(let name):
            return [("error", s("invalid_file_name")), ("message", s(name))]
        }
    }

    static func error(_ h: JSONValue) throws(ProtocolError) -> WorkspaceError {
        func text(_ key: String) throws(ProtocolError) -> String {
            guard let value = h[key]?.string else { throw ProtocolError("failure without \(key)") }
            return value
        }
        func number(_ key: String) throws(ProtocolError) -> Int64 {
            guard let value = h[key]?.int else { throw ProtocolError("failure without \(key)") }
            return value
        }
        switch try text("error") {
        case "system":
            return .log(.system(action: try text("action"), path: try text("path"), errno: Int32(clamping: try number("errno"))))
        case "damaged", "refused_by_reader":
            guard let kind = LogProblem.Kind(rawValue: try text("kind")) else { throw ProtocolError("failure with an unknown kind of damage") }
            let problem = LogProblem(line: Int(clamping: try number("line")), kind: kind, detail: try text("detail"))
            return .log(try text("error") == "damaged" ? .damaged(path: try text("path"), problem)
                                                        : .refusedByReader(path: try text("path"), problem))
        case "line_too_long": return .log(.lineTooLong(path: try text("path"), length: Int(clamping: try number("length"))))
        case "no_data_folder": return .log(.noDataFolder(try text("message")))
        case "invalid_file": return .log(.invalidFile(path: try text("path"), reason: try text("message")))
        case "store": return .log(.store(action: try text("action"), location: try text("path"), reason: try text("message")))
        case "not_in_roster": return .notInRoster(user: try text("user"), rosterPath: try text("path"))
        case "unknown_user": return .unknownUser(uid: UInt32(clamping: try number("uid")))
        case "refused":
            guard let type = EventType(rawValue: try text("event_type")) else { throw ProtocolError("failure with an unknown event type") }
            return .refused(type, try text("message"))
        case "invalid_file_name": return .invalidFileName(try text("message"))
        case let other: throw ProtocolError("unknown failure \"\(other)\"")
        }
    }
}
