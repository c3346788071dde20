import Foundation

/// What one user may see of the state: what `vtc serve` sends a client, so
/// that the client never holds anything its user may not see and every
/// screen and command can run its usual code over it.
extension VTCState {
    /// The incidents the user may see (`Access.check` `.see`), with their
    /// follow-up exactly as derived from the whole state (a repeated citizen
    /// reference counts episodes the user cannot see), and the actions and
    /// supervision sessions of the units the user reads. Problems with
    /// events are left out: they can name events of any unit.
    public func view(for user: UserAccess) -> VTCState {
        let records = incidents.values.filter { Access.check(user, .see(unit: $0.facts.unit, registrant: $0.registrant)).isAllowed }
        var episodes = CitizenEpisodeIndex()
        for record in records where !record.isWithdrawn { episodes.insert(record.id, record.facts) }
        let actionOrder = actionOrder.filter { id in actions[id].map { readsUnit(user, $0.action.unit) } ?? false }
        return VTCState(policy: policy, incidents: IncidentTable(records)!,
                        actions: actions.filter { readsUnit(user, $0.value.action.unit) }, actionOrder: actionOrder,
                        supervisionSessions: supervisionSessions.filter { readsUnit(user, $0.session.unit) },
                        problems: [], eventCount: eventCount, citizenEpisodes: episodes)
    }

    /// Whether the user's view holds what this event is about: an incident
    /// the user may see, or an action or supervision session of a unit the user reads.
    public func viewIncludes(_ payload: EventPayload, for user: UserAccess) -> Bool {
        if let id = payload.incident {
            guard let record = incidents[id] else { return false }
            return Access.check(user, .see(unit: record.facts.unit, registrant: record.registrant)).isAllowed
        }
        switch payload {
        case .actionOpened(let action): return readsUnit(user, action.unit)
        case .actionClosed(let id, _): return actions[id].map { readsUnit(user, $0.action.unit) } ?? false
        case .supervisionHeld(let session): return readsUnit(user, session.unit)
        default: return false
        }
    }

    private func readsUnit(_ user: UserAccess, _ unit: String) -> Bool {
        Access.check(user, .readUnit(unit: unit)).isAllowed
    }
}
