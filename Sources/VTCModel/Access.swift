/// Something a user asks to see or do. An incident is named by its unit and
/// registrant, which is all that access depends on.
public enum AccessRequest: Hashable, Sendable {
    case register(unit: String)
    /// See an incident and its follow-up.
    case see(unit: String, registrant: String)
    case amend(unit: String, registrant: String)
    case withdraw(unit: String, registrant: String)
    case updateAbsence(unit: String, registrant: String)
    case acknowledge(unit: String)
    /// Record an outcome of a follow-up item; `responsible` is the item's role from the policy.
    case recordFollowUp(unit: String, responsible: Role)
    case addNote(unit: String)
    case recordAMGDiscussion(unit: String)
    case manageActions(unit: String)
    case recordSupervision(unit: String)
    /// See every incident of a unit, the AMG's week and its actions and supervision.
    case readUnit(unit: String)
    case readStatistics(unit: String)
    case manageRoster
    case managePolicy
}

public enum AccessDecision: Hashable, Sendable {
    case allowed
    case refused(AccessRefusal)

    public var isAllowed: Bool { self == .allowed }
}

/// Why a request was refused: the role that would have allowed it, or that
/// only the registrant may do it.
public enum AccessRefusal: Error, Hashable, Sendable {
    /// `unit` is nil for roles that are not tied to one unit (managing the roster and policy).
    case needsRole(Role, unit: String?)
    case onlyRegistrant
}

/// The one place that decides who may see and do what (rules in docs/roster.md).
public enum Access {
    public static func check(_ user: UserAccess, _ request: AccessRequest) -> AccessDecision {
        func needs(_ role: Role, in unit: String) -> AccessDecision {
            user.has(role, in: unit) ? .allowed : .refused(.needsRole(role, unit: unit))
        }
        func readsUnit(_ unit: String) -> Bool { [.leader, .amg, .coordinator].contains { user.has($0, in: unit) } }

        switch request {
        case .register(let unit):
            return user.belongs(to: unit) ? .allowed : .refused(.needsRole(.staff, unit: unit))
        case .see(let unit, let registrant):
            return registrant == user.user || readsUnit(unit) ? .allowed : .refused(.needsRole(.leader, unit: unit))
        case .amend(_, let registrant):
            return registrant == user.user ? .allowed : .refused(.onlyRegistrant)
        case .withdraw(let unit, let registrant), .updateAbsence(let unit, let registrant):
            return registrant == user.user ? .allowed : needs(.leader, in: unit)
        case .acknowledge(let unit), .addNote(let unit):
            return needs(.leader, in: unit)
        case .recordFollowUp(let unit, let responsible):
            return needs(responsible, in: unit)
        case .recordAMGDiscussion(let unit), .manageActions(let unit), .recordSupervision(let unit):
            return needs(.amg, in: unit)
        case .readUnit(let unit), .readStatistics(let unit):
            return readsUnit(unit) ? .allowed : .refused(.needsRole(.leader, unit: unit))
        case .manageRoster, .managePolicy:
            return user.hasAnywhere(.admin) ? .allowed : .refused(.needsRole(.admin, unit: nil))
        }
    }

}
