import Foundation

extension VTCState {
    /// A state that holds only what these events are about: the incidents,
    /// actions and supervision sessions they name (those that exist; the
    /// actions in no particular order, which trying events does not look at). Trying
    /// the events on it refuses exactly what trying them on the whole state
    /// would, since applying an event looks at nothing else; and it costs as
    /// much as the events, not as much as a region's state, which a copy of
    /// the whole state for every write would.
    public func trial(for payloads: [EventPayload]) -> VTCState {
        var incidentIDs = Set<UUID>(), actionIDs = Set<UUID>(), sessionIDs = Set<UUID>()
        for payload in payloads {
            if let id = payload.incident { incidentIDs.insert(id) }
            switch payload {
            case .actionOpened(let action):
                actionIDs.insert(action.id)
                incidentIDs.formUnion(action.incidents)
            case .actionClosed(let id, _):
                actionIDs.insert(id)
            case .supervisionHeld(let session):
                sessionIDs.insert(session.id)
                incidentIDs.formUnion(session.incidents)
            default: break
            }
        }
        let records = incidentIDs.compactMap { incidents[$0] }.sorted { $0.history.first ?? 0 < $1.history.first ?? 0 }
        var episodes = CitizenEpisodeIndex()
        for record in records where !record.isWithdrawn { episodes.insert(record.id, record.facts) }
        // Looked up, not filtered: a region holds tens of thousands of actions, and every write comes here.
        let knownActions = actionIDs.filter { actions[$0] != nil }
        return VTCState(policy: policy, incidents: IncidentTable(records)!,
                        actions: Dictionary(uniqueKeysWithValues: knownActions.map { ($0, actions[$0]!) }),
                        actionOrder: Array(knownActions),
                        supervisionSessions: sessionIDs.compactMap { supervisionIndex[$0] }.sorted().map { supervisionSessions[$0] },
                        problems: [], eventCount: eventCount, citizenEpisodes: episodes)
    }
}
