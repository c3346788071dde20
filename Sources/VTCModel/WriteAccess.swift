import Foundation

/// What a user must be allowed (`Access.check`) to write an event: the
/// same requests the command line and the screens check before they write,
/// so that a server can hold every writer, however made, to them.
extension VTCState {
    /// The access the payload needs, or a refusal worded as the state words
    /// it when the payload is about an incident or action the user may not
    /// see: to them it does not exist.
    public func writeAccess(for payload: EventPayload, by user: UserAccess) -> Result<AccessRequest, StateProblem.Refusal> {
        func incident(_ id: UUID, _ request: (IncidentRecord) -> AccessRequest) -> Result<AccessRequest, StateProblem.Refusal> {
            guard let record = incidents[id],
                  Access.check(user, .see(unit: record.facts.unit, registrant: record.registrant)).isAllowed else {
                return .failure(StateProblem.Refusal(type: payload.type, message: "unknown incident \(id.lowercasedString)"))
            }
            return .success(request(record))
        }
        switch payload {
        case .registered(_, let facts):
            return .success(.register(unit: facts.unit))
        case .amended(let id, _):
            return incident(id) { .amend(unit: $0.facts.unit, registrant: $0.registrant) }
        case .followUpRecorded(let id, let outcome):
            return incident(id) { record in
                if outcome.kind == .amgDiscussion { return .recordAMGDiscussion(unit: record.facts.unit) }
                let responsible = record.followUp(outcome.kind)?.responsible ?? policy.rule(for: outcome.kind)?.responsible ?? .leader
                return .recordFollowUp(unit: record.facts.unit, responsible: responsible)
            }
        case .acknowledged(let id, _):
            return incident(id) { .acknowledge(unit: $0.facts.unit) }
        case .noteAdded(let id, _):
            return incident(id) { .addNote(unit: $0.facts.unit) }
        case .absenceUpdated(let id, _, _):
            return incident(id) { .updateAbsence(unit: $0.facts.unit, registrant: $0.registrant) }
        case .amgDiscussed(let id, _, _):
            return incident(id) { .recordAMGDiscussion(unit: $0.facts.unit) }
        case .withdrawn(let id, _):
            return incident(id) { .withdraw(unit: $0.facts.unit, registrant: $0.registrant) }
        case .actionOpened(let action):
            return .success(.manageActions(unit: action.unit))
        case .actionClosed(let id, _):
            guard let action = actions[id], Access.check(user, .readUnit(unit: action.action.unit)).isAllowed else {
                return .failure(StateProblem.Refusal(type: payload.type, message: "unknown action \(id.lowercasedString)"))
            }
            return .success(.manageActions(unit: action.action.unit))
        case .supervisionHeld(let session):
            return .success(.recordSupervision(unit: session.unit))
        }
    }
}

extension StateProblem {
    /// Why an event is not written, as the state words it.
    public struct Refusal: Error, Hashable, Sendable {
        public var type: EventType
        public var message: String
    }
}
