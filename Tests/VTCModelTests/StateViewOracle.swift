import Foundation
@testable import VTCModel

/// The view as it was first written: every incident, action and supervision
/// session of the region walked, with `Access.check` for each. What
/// `VTCState.view(for:)` must equal, however it finds them.
enum StateViewOracle {
    static func view(of state: VTCState, for user: UserAccess) -> VTCState {
        func readsUnit(_ unit: String) -> Bool { Access.check(user, .readUnit(unit: unit)).isAllowed }
        let records = state.incidents.values.filter {
            Access.check(user, .see(unit: $0.facts.unit, registrant: $0.registrant)).isAllowed
        }
        var episodes = CitizenEpisodeIndex()
        for record in records where !record.isWithdrawn { episodes.insert(record.id, record.facts) }
        let actionOrder = state.actionOrder.filter { id in state.actions[id].map { readsUnit($0.action.unit) } ?? false }
        return VTCState(policy: state.policy, incidents: IncidentTable(records)!,
                        actions: state.actions.filter { readsUnit($0.value.action.unit) }, actionOrder: actionOrder,
                        supervisionSessions: state.supervisionSessions.filter { readsUnit($0.session.unit) },
                        problems: [], eventCount: state.eventCount, citizenEpisodes: episodes)
    }

    /// Users of every kind for the units `RandomEvents` writes in (and one it never does), under the names it acts as.
    static let users: [UserAccess] = ["anna", "leder1", "koordinator", "Søren Ærø", "nobody"].flatMap { name in
        [
            [:],
            [.staff: .units(["Bo Nord"])],
            [.leader: .units(["Bo Syd"])],
            [.amg: .units(["Bo Nord", "Bo Syd"])],
            [.coordinator: .allUnits],
            [.admin: .allUnits],
            [.leader: .units(["Elsewhere"]), .staff: .allUnits],
            [.staff: .units(["Bo Syd"]), .amg: .units(["Bo Nord"])],
        ].map { UserAccess(user: name, roles: $0) }
    }
}
