/// The units a role is held in: a list of units, or every unit of the roster
/// (for cross-unit roles such as coordinator and admin).
public enum UnitScope: Hashable, Sendable {
    case units(Set<String>)
    case allUnits

    public func contains(_ unit: String) -> Bool {
        switch self {
        case .allUnits: true
        case .units(let units): units.contains(unit)
        }
    }

    public var isEmpty: Bool {
        switch self {
        case .allUnits: false
        case .units(let units): units.isEmpty
        }
    }
}

/// One user's roles, each with the units it is held in: what `Access` decides from.
public struct UserAccess: Hashable, Sendable {
    public let user: String
    public let name: String
    public let roles: [Role: UnitScope]

    public init(user: String, name: String? = nil, roles: [Role: UnitScope]) {
        self.user = user
        self.name = name ?? user
        self.roles = roles.filter { !$0.value.isEmpty }
    }

    public func scope(of role: Role) -> UnitScope { roles[role] ?? .units([]) }

    public func has(_ role: Role, in unit: String) -> Bool { scope(of: role).contains(unit) }

    public func hasAnywhere(_ role: Role) -> Bool { roles[role] != nil }

    /// True when the user holds any role in the unit.
    public func belongs(to unit: String) -> Bool { roles.values.contains { $0.contains(unit) } }
}

/// Who may use `vtc` and in which roles and units, as read from `roster.json`;
/// or single-user mode, when there is no roster file.
public struct Roster: Hashable, Sendable {
    /// The unit of single-user mode when none is given.
    public static let defaultSingleUserUnit = "Min enhed"

    public let units: [String]
    /// The short names the roster gives units (`"short"` in roster.json), for narrow columns.
    public let shortNames: [String: String]
    public let users: [UserAccess]
    /// No roster file: whoever runs `vtc` holds every role in the one unit.
    /// The UI says so, because then nothing separates one person's data from another's.
    public let isSingleUser: Bool

    public init(units: [String], users: [UserAccess], shortNames: [String: String] = [:]) {
        self.units = units
        self.shortNames = shortNames
        self.users = users
        isSingleUser = false
    }

    private init(singleUnit unit: String) {
        units = [unit]
        shortNames = [:]
        users = []
        isSingleUser = true
    }

    /// A short name needs at least this many characters to be read as the unit's.
    public static let shortestPrefix = 4
    /// A name this short is shown whole.
    public static let shortEnough = 10

    /// The unit's name where a column is narrow: the roster's short name for it, else a name of
    /// at most `shortEnough` characters whole, else the shortest start of its name (at least `shortestPrefix` characters, no trailing space)
    /// that no other unit's name starts with; the whole name if no start is unique.
    public func shortName(of unit: String) -> String {
        if let short = shortNames[unit] { return short }
        if unit.count <= Roster.shortEnough { return unit }
        let others = units.filter { $0 != unit }
        let characters = Array(unit)
        for length in min(Roster.shortestPrefix, characters.count)...max(1, characters.count) {
            let prefix = String(characters.prefix(length))
            guard prefix.last != " " else { continue }
            if !others.contains(where: { $0.hasPrefix(prefix) }) { return prefix }
        }
        return unit
    }

    public static func singleUser(unit: String = Roster.defaultSingleUserUnit) -> Roster {
        Roster(singleUnit: unit)
    }

    /// The access of a user by id; nil when the roster does not know the user.
    /// In single-user mode every user id gets every role in the one unit.
    public func access(for user: String) -> UserAccess? {
        if isSingleUser {
            let scope = UnitScope.units(Set(units))
            return UserAccess(user: user, roles: Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, scope) }))
        }
        return users.first { $0.user == user }
    }
}
