import Foundation

/// One open follow-up item on a user's queue.
public struct FollowUpQueueEntry: Equatable, Sendable {
    public let incident: UUID
    public let kind: FollowUpKind
    public let due: Timestamp
    public let responsible: Role
    /// False for an offer on the user's own registration that the leader records.
    public let mayRecord: Bool

    public init(incident: UUID, kind: FollowUpKind, due: Timestamp, responsible: Role, mayRecord: Bool) {
        self.incident = incident
        self.kind = kind
        self.due = due
        self.responsible = responsible
        self.mayRecord = mayRecord
    }

    /// The offers a registrant answers (accepts or declines) themselves.
    public static let offers: Set<FollowUpKind> = [.defusingOffer, .supervisionOffer, .psychologistOffer]

    /// Every open follow-up item the user answers for at `now`, most urgent first: the items whose
    /// responsible role the user holds in the incident's unit, and the offers made on the user's own
    /// registrations. Only incidents the user may see count, so the same queue comes from the user's
    /// view and from the whole state.
    public static func queue(in state: VTCState, for user: UserAccess, at now: Timestamp) -> [FollowUpQueueEntry] {
        func may(_ request: AccessRequest) -> Bool { Access.check(user, request).isAllowed }
        var found: [(entry: FollowUpQueueEntry, severity: Int)] = []
        for record in state.incidents.values where !record.isWithdrawn {
            let unit = record.facts.unit
            guard may(.see(unit: unit, registrant: record.registrant)) else { continue }
            for item in record.followUps where item.status(at: now).isOpen {
                let mayRecord = may(.recording(item.kind, responsible: item.responsible, unit: unit))
                let ownOffer = record.registrant == user.user && offers.contains(item.kind)
                guard mayRecord || ownOffer else { continue }
                found.append((FollowUpQueueEntry(incident: record.id, kind: item.kind, due: item.due, responsible: item.responsible,
                                                 mayRecord: mayRecord), record.facts.severity.rawValue))
            }
        }
        // The earliest due first puts every overdue item (longest overdue on top) before the open ones.
        return found.sorted { a, b in
            if a.entry.due.epochSeconds != b.entry.due.epochSeconds { return a.entry.due.epochSeconds < b.entry.due.epochSeconds }
            if a.severity != b.severity { return a.severity > b.severity }
            return (a.entry.incident.uuidString, a.entry.kind.rawValue) < (b.entry.incident.uuidString, b.entry.kind.rawValue)
        }.map(\.entry)
    }
}

extension AccessRequest {
    /// What recording the outcome of a follow-up item of this kind needs in the unit.
    public static func recording(_ kind: FollowUpKind, responsible: Role, unit: String) -> AccessRequest {
        switch kind {
        case .acknowledgement: .acknowledge(unit: unit)
        default: .recordFollowUp(unit: unit, responsible: responsible)
        }
    }
}
