import Foundation
import Glibc

/// Where a PostgreSQL log is and who connects to it, from a libpq-style URI:
/// `postgresql://[user@][host][:port][,host2[:port2]…]/dbname[?param=value&…]`.
/// A host that starts with `/` is a folder holding the server's Unix socket
/// (`.s.PGSQL.<port>`); `?host=/run/postgresql` names one the same way.
/// A password is never taken from the URI: only from `PGPASSWORD` or the
/// password file (`PGPASSFILE`, else `~/.pgpass`), so that it never shows in
/// a command line or a process list.
public struct PostgresAddress: Hashable, Sendable, CustomStringConvertible {
    public struct Host: Hashable, Sendable {
        /// A host name, or a folder holding the Unix socket when it starts with `/`.
        public var name: String
        public var port: Int
        public var isSocketFolder: Bool { name.hasPrefix("/") }
        /// The socket's path, for a socket folder.
        public var socketPath: String { name + "/.s.PGSQL.\(port)" }
    }

    public var hosts: [Host]
    public var user: String
    public var database: String
    /// Only a server that accepts writes will do (`target_session_attrs=read-write`): after a failover,
    /// the promoted standby is found among the hosts, and the old primary, if it comes back as a standby, is passed over.
    public var requiresReadWrite: Bool
    /// Seconds to wait for each host (`connect_timeout`); 0: the default of 10.
    public var connectTimeout: Int

    /// The URI as given, with nothing secret in it (it holds no password): for messages.
    public let description: String

    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func isURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Parses `uri`; defaults come from `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE` as libpq takes them,
    /// then the libpq defaults (the Debian socket folder, port 5432, the operating-system user).
    public init(_ uri: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                osUser: String) throws(Problem) {
        guard let schemeEnd = uri.range(of: "://"), PostgresAddress.isURI(uri) else {
            throw Problem(description: "\(PostgresAddress.withoutUserInfo(uri)): not a postgresql:// URI")
        }
        var rest = Substring(uri[schemeEnd.upperBound...])
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var authority = rest
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            path = rest[rest.index(after: slash)...]
        }
        var user: String?
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if userInfo.contains(":") {
                throw Problem(description: "\(PostgresAddress.withoutUserInfo(uri)): a password in the URI is refused (it would show in the process list); put it in PGPASSFILE or PGPASSWORD")
            }
            user = try PostgresAddress.decoded(userInfo)
            authority = authority[authority.index(after: at)...]
        }
        description = PostgresAddress.withoutUserInfo(uri)
        var hostNames: [String] = []
        var ports: [String] = []
        if !authority.isEmpty {
            for part in authority.split(separator: ",", omittingEmptySubsequences: false) {
                // A [v6] literal keeps its colons; a port follows the last one outside brackets.
                if let colon = part.lastIndex(of: ":"), !part[colon...].contains("]") {
                    hostNames.append(try PostgresAddress.decoded(part[..<colon]))
                    ports.append(String(part[part.index(after: colon)...]))
                } else {
                    hostNames.append(try PostgresAddress.decoded(part))
                    ports.append("")
                }
            }
        }
        var database = path.isEmpty ? nil : try PostgresAddress.decoded(path)
        var readWrite = false
        var timeout = 0
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let key = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            let value = try PostgresAddress.decoded(pair.split(separator: "=", maxSplits: 1).dropFirst().first ?? "")
            switch key {
            case "host": hostNames = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            case "port": ports = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            case "user": user = value
            case "dbname": database = value
            case "target_session_attrs":
                guard ["any", "read-write"].contains(value) else {
                    throw Problem(description: "\(description): target_session_attrs must be any or read-write")
                }
                readWrite = value == "read-write"
            case "connect_timeout":
                guard let seconds = Int(value), seconds >= 0 else {
                    throw Problem(description: "\(description): connect_timeout must be a whole number of seconds")
                }
                timeout = seconds
            case "application_name": break
            case "sslmode":
                guard ["disable", "allow", "prefer"].contains(value) else {
                    throw Problem(description: "\(description): sslmode=\(value) is not supported (connections are made without TLS; use a Unix socket or a private network)")
                }
            case "password", "passfile":
                throw Problem(description: "\(description): \(key) in the URI is refused; use PGPASSFILE or PGPASSWORD")
            default:
                throw Problem(description: "\(description): unknown parameter \(key)")
            }
        }
        if hostNames.isEmpty || hostNames == [""] {
            hostNames = (environment["PGHOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "/var/run/postgresql")
                .split(separator: ",").map(String.init)
        }
        if ports.allSatisfy(\.isEmpty), let port = environment["PGPORT"], !port.isEmpty { ports = [port] }
        var hosts: [Host] = []
        for (index, name) in hostNames.enumerated() {
            let portText = ports.count == 1 ? ports[0] : (index < ports.count ? ports[index] : "")
            guard let port = portText.isEmpty ? 5432 : Int(portText), (1...65535).contains(port) else {
                throw Problem(description: "\(description): port \(portText) is not a port number")
            }
            hosts.append(Host(name: name.isEmpty ? "/var/run/postgresql" : name, port: port))
        }
        self.hosts = hosts
        self.user = user ?? environment["PGUSER"].flatMap { $0.isEmpty ? nil : $0 } ?? osUser
        self.database = database ?? environment["PGDATABASE"].flatMap { $0.isEmpty ? nil : $0 } ?? self.user
        requiresReadWrite = readWrite
        connectTimeout = timeout
    }

    /// The password for `host`, from `PGPASSWORD`, else the first matching line of the password file
    /// (`PGPASSFILE`, else `~/.pgpass`; `hostname:port:database:username:password`, `*` matches anything,
    /// a socket folder matches `localhost` or its path); nil when there is none (peer or trust authentication).
    public func password(for host: Host, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.pgpass" }
        guard let file, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let names = host.isSocketFolder ? ["localhost", host.name] : [host.name]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = PostgresAddress.passwordFileFields(line)
            guard fields.count == 5 else { continue }
            func matches(_ field: String, _ values: [String]) -> Bool { field == "*" || values.contains(field) }
            if matches(fields[0], names), matches(fields[1], [String(host.port)]), matches(fields[2], [database]),
               matches(fields[3], [user]) {
                return fields[4]
            }
        }
        return nil
    }

    /// Splits a password-file line on `:`, where `\:` and `\\` stand for themselves.
    private static func passwordFileFields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var escaped = false
        for character in line {
            if escaped {
                field.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    private static func decoded(_ text: Substring) throws(Problem) -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw Problem(description: "\(text): bad %-encoding")
        }
        return decoded
    }

    /// The URI without what stands before `@` (a user, or a refused password).
    private static func withoutUserInfo(_ uri: String) -> String {
        guard let schemeEnd = uri.range(of: "://") else { return uri }
        let rest = uri[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return uri }
        return String(uri[..<schemeEnd.upperBound]) + String(rest[rest.index(after: at)...])
    }
}
