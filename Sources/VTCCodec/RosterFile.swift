import VTCModel
/// Reads `roster.json` (format in docs/roster.md). Every problem found is
/// reported, each with where it is, so that an administrator fixes the file in one go.
public enum RosterFile {
    /// The value that gives a role in every unit of the roster.
    public static let allUnitsMarker = "*"

    /// A unit as roster.json lists it: its name alone, or `{"name": …, "short": …}` with a short
    /// name for narrow columns. The one place both the reader and every writer (the demo) take it from.
    public static func unitEntry(name: String, short: String?) -> JSONValue {
        guard let short else { return .string(name) }
        return .object([("name", .string(name)), ("short", .string(short))])
    }

    /// One mistake in a roster file. `path` says where, e.g. `users[2].roles.leader[0]`.
    public struct Problem: Error, Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            case invalidJSON(String)
            case expected(JSONKind)
            case missingField(String)
            case unknownField(String)
            case duplicateField(String)
            case unknownRole(String)
            case unknownUnit(String)
            case duplicateUnit(String)
            case duplicateShortName(String)
            case reservedUnitName(String)
            case emptyUnit
            case emptyUserID
            case duplicateUser(String, firstAt: String)
            case noRoles
            case invalidText(InputRules.Problem)
        }

        public enum JSONKind: String, Hashable, Sendable {
            case object, array, string
            case unitList = "unit_list"
        }

        public let path: String
        public let kind: Kind

        public init(path: String, kind: Kind) {
            self.path = path
            self.kind = kind
        }

    }

    /// All the problems of a roster file, in file order.
    public struct Failure: Error, Equatable, Sendable {
        public let problems: [Problem]
    }

    public static func parse(_ bytes: some Collection<UInt8>) throws(Failure) -> Roster {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw Failure(problems: [Problem(path: "roster", kind: .invalidJSON(error.description))])
        }
        var reader = Reader()
        let roster = reader.roster(json)
        guard reader.problems.isEmpty, let roster else { throw Failure(problems: reader.problems) }
        return roster
    }
}

private struct Reader {
    typealias Problem = RosterFile.Problem
    var problems: [Problem] = []

    mutating func report(_ path: String, _ kind: Problem.Kind) { problems.append(Problem(path: path, kind: kind)) }

    /// The fields of an object, each once; reports missing, unknown and repeated fields.
    mutating func fields(_ value: JSONValue, at path: String, required: [String], optional: [String]) -> [String: JSONValue]? {
        guard case .object(let pairs) = value else {
            report(path, .expected(.object))
            return nil
        }
        var fields: [String: JSONValue] = [:]
        for (key, field) in pairs {
            if !(required + optional).contains(key) {
                report(path, .unknownField(key))
            } else if fields[key] != nil {
                report(path, .duplicateField(key))
            } else {
                fields[key] = field
            }
        }
        for key in required where fields[key] == nil { report(path, .missingField(key)) }
        return fields
    }

    mutating func text(_ value: JSONValue, at path: String) -> String? {
        guard let text = value.string else {
            report(path, .expected(.string))
            return nil
        }
        if let problem = InputRules.checkText(text, field: path, multiLine: false, maximumBytes: 200) {
            report(path, .invalidText(problem))
            return nil
        }
        return text
    }

    mutating func roster(_ json: JSONValue) -> Roster? {
        guard let top = fields(json, at: "roster", required: ["units", "users"], optional: []) else { return nil }
        let listed = top["units"].map { unitList($0) } ?? []
        let units = listed.map(\.name)
        let known = Set(units)
        var users: [UserAccess] = []
        var firstPath: [String: String] = [:]
        if let list = top["users"] {
            if let entries = list.array {
                for (index, entry) in entries.enumerated() {
                    let path = "users[\(index)]"
                    guard let user = user(entry, at: path, units: known) else { continue }
                    if let earlier = firstPath[user.user] {
                        report(path + ".user", .duplicateUser(user.user, firstAt: earlier))
                    } else {
                        firstPath[user.user] = path
                        users.append(user)
                    }
                }
            } else {
                report("users", .expected(.array))
            }
        }
        var shortNames: [String: String] = [:]
        for unit in listed { if let short = unit.short { shortNames[unit.name] = short } }
        return Roster(units: units, users: users, shortNames: shortNames)
    }

    mutating func unitList(_ value: JSONValue) -> [(name: String, short: String?)] {
        guard let entries = value.array else {
            report("units", .expected(.array))
            return []
        }
        var units: [(name: String, short: String?)] = []
        for (index, entry) in entries.enumerated() {
            let path = "units[\(index)]"
            var name: String?
            var short: String?
            if case .object = entry {
                guard let fields = fields(entry, at: path, required: ["name"], optional: ["short"]) else { continue }
                name = fields["name"].flatMap { text($0, at: path + ".name") }
                short = fields["short"].flatMap { text($0, at: path + ".short") }
                if let given = short, given.allSatisfy(\.isWhitespace) {
                    report(path + ".short", .emptyUnit)
                    short = nil
                } else if let given = short, units.contains(where: { $0.short == given || $0.name == given }) {
                    report(path + ".short", .duplicateShortName(given))
                    short = nil
                }
            } else {
                name = text(entry, at: path)
            }
            guard let unit = name else { continue }
            if unit.allSatisfy(\.isWhitespace) {
                report(path, .emptyUnit)
            } else if unit == RosterFile.allUnitsMarker {
                report(path, .reservedUnitName(unit))
            } else if units.contains(where: { $0.name == unit }) {
                report(path, .duplicateUnit(unit))
            } else {
                units.append((unit, short))
            }
        }
        return units
    }

    mutating func user(_ value: JSONValue, at path: String, units: Set<String>) -> UserAccess? {
        guard let fields = fields(value, at: path, required: ["user", "roles"], optional: ["name"]) else { return nil }
        let before = problems.count
        var id = fields["user"].flatMap { text($0, at: path + ".user") }
        if let given = id, given.allSatisfy(\.isWhitespace) {
            report(path + ".user", .emptyUserID)
            id = nil
        }
        let name = fields["name"].flatMap { text($0, at: path + ".name") }
        var roles: [Role: UnitScope] = [:]
        if let rolesValue = fields["roles"] {
            if case .object(let pairs) = rolesValue {
                let beforeRoles = problems.count
                for (key, scopeValue) in pairs {
                    let rolePath = path + ".roles." + key
                    guard let role = Role(rawValue: key) else {
                        report(path + ".roles", .unknownRole(key))
                        continue
                    }
                    guard roles[role] == nil else {
                        report(path + ".roles", .duplicateField(key))
                        continue
                    }
                    if let scope = scope(scopeValue, at: rolePath, units: units) { roles[role] = scope }
                }
                if problems.count == beforeRoles, roles.values.allSatisfy(\.isEmpty) { report(path + ".roles", .noRoles) }
            } else {
                report(path + ".roles", .expected(.object))
            }
        }
        guard let id, problems.count == before else { return nil }
        return UserAccess(user: id, name: name, roles: roles)
    }

    mutating func scope(_ value: JSONValue, at path: String, units: Set<String>) -> UnitScope? {
        if value.string == RosterFile.allUnitsMarker { return .allUnits }
        guard let entries = value.array else {
            report(path, .expected(.unitList))
            return nil
        }
        var scope: Set<String> = []
        for (index, entry) in entries.enumerated() {
            let entryPath = "\(path)[\(index)]"
            guard let unit = text(entry, at: entryPath) else { continue }
            if units.contains(unit) {
                scope.insert(unit)
            } else {
                report(entryPath, .unknownUnit(unit))
            }
        }
        return .units(scope)
    }
}
