import Foundation

/// One line of the log: the only way state changes. Every event carries the
/// format version (on the line), its own id, when it was written, and who wrote it.
public struct Event: Hashable, Sendable {
    public static let formatVersion = 1

    public var id: UUID
    public var at: Timestamp
    public var actor: String
    public var payload: EventPayload

    public init(id: UUID = UUID(), at: Timestamp, actor: String, payload: EventPayload) {
        self.id = id
        self.at = at
        self.actor = actor
        self.payload = payload
    }
}

public enum EventPayload: Hashable, Sendable {
    case registered(incident: UUID, Registration)
    case amended(incident: UUID, changes: [FieldChange])
    case followUpRecorded(incident: UUID, FollowUpRecord)
    case acknowledged(incident: UUID, note: String?)
    case noteAdded(incident: UUID, text: String)
    case absenceUpdated(incident: UUID, firstDay: CalendarDate, days: Int)
    case amgDiscussed(incident: UUID, date: CalendarDate, summary: String)
    case actionOpened(PreventiveAction)
    case actionClosed(action: UUID, note: String?)
    case supervisionHeld(SupervisionSession)
    case withdrawn(incident: UUID, reason: String)

    /// The `type` written on the line.
    public var type: EventType {
        switch self {
        case .registered: .registered
        case .amended: .amended
        case .followUpRecorded: .followUpRecorded
        case .acknowledged: .acknowledged
        case .noteAdded: .noteAdded
        case .absenceUpdated: .absenceUpdated
        case .amgDiscussed: .amgDiscussed
        case .actionOpened: .actionOpened
        case .actionClosed: .actionClosed
        case .supervisionHeld: .supervisionHeld
        case .withdrawn: .withdrawn
        }
    }

    /// The incident this event is about, if it is about one.
    public var incident: UUID? {
        switch self {
        case .registered(let id, _), .amended(let id, _), .followUpRecorded(let id, _), .acknowledged(let id, _),
             .noteAdded(let id, _), .absenceUpdated(let id, _, _), .amgDiscussed(let id, _, _), .withdrawn(let id, _):
            id
        case .actionOpened, .actionClosed, .supervisionHeld:
            nil
        }
    }
}

public enum EventType: String, CaseIterable, Sendable, Hashable {
    case registered
    case amended
    case followUpRecorded = "follow_up_recorded"
    case acknowledged
    case noteAdded = "note_added"
    case absenceUpdated = "absence_updated"
    case amgDiscussed = "amg_discussed"
    case actionOpened = "action_opened"
    case actionClosed = "action_closed"
    case supervisionHeld = "supervision_held"
    case withdrawn
}

/// An outcome recorded for one follow-up item of an incident.
public struct FollowUpRecord: Hashable, Sendable {
    public var kind: FollowUpKind
    public var outcome: FollowUpOutcome
    /// When the follow-up happened (for `done`), or when the decision was made.
    public var on: Timestamp
    /// A short note; for `not_relevant` it is the reason and required.
    public var note: String?

    public init(kind: FollowUpKind, outcome: FollowUpOutcome, on: Timestamp, note: String? = nil) {
        self.kind = kind
        self.outcome = outcome
        self.on = on
        self.note = note
    }
}

/// A preventive action (*tiltag*) decided by the AMG or a leader.
public struct PreventiveAction: Hashable, Sendable {
    public var id: UUID
    public var unit: String
    public var title: String
    public var owner: String
    public var due: CalendarDate
    public var incidents: [UUID]

    public init(id: UUID = UUID(), unit: String, title: String, owner: String, due: CalendarDate, incidents: [UUID] = []) {
        self.id = id
        self.unit = unit
        self.title = title
        self.owner = owner
        self.due = due
        self.incidents = incidents
    }
}

/// A recurring supervision session, individual or in the group.
public struct SupervisionSession: Hashable, Sendable {
    public var id: UUID
    public var unit: String
    public var date: CalendarDate
    public var form: SupervisionForm
    public var incidents: [UUID]
    /// How useful it was, 1 (not at all) to 5 (very).
    public var evaluation: Int?
    public var note: String?

    public init(id: UUID = UUID(), unit: String, date: CalendarDate, form: SupervisionForm, incidents: [UUID] = [],
                evaluation: Int? = nil, note: String? = nil) {
        self.id = id
        self.unit = unit
        self.date = date
        self.form = form
        self.incidents = incidents
        self.evaluation = evaluation
        self.note = note
    }
}
