import Foundation

/// A preventive action (*tiltag*) as opened, and how it was closed.
public struct ActionRecord: Hashable, Sendable {
    public let action: PreventiveAction
    public let openedBy: String
    public let openedAt: Timestamp
    public internal(set) var closure: ActionClosure?

    package init(action: PreventiveAction, openedBy: String, openedAt: Timestamp, closure: ActionClosure? = nil) {
        self.action = action
        self.openedBy = openedBy
        self.openedAt = openedAt
        self.closure = closure
    }

    public var isClosed: Bool { closure != nil }

    /// Open past its due date on `today` (the due date itself is still in time).
    public func isOverdue(on today: CalendarDate) -> Bool { closure == nil && today > action.due }
}

public struct ActionClosure: Hashable, Sendable {
    public var by: String
    public var at: Timestamp
    public var note: String?

    package init(by: String, at: Timestamp, note: String? = nil) {
        self.by = by
        self.at = at
        self.note = note
    }
}

/// A supervision session and who recorded it when.
public struct SupervisionRecord: Hashable, Sendable {
    public let session: SupervisionSession
    public let recordedBy: String
    public let recordedAt: Timestamp

    package init(session: SupervisionSession, recordedBy: String, recordedAt: Timestamp) {
        self.session = session
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// An event the state could not apply (it refers to something unknown or
/// withdrawn, repeats what was already done, or does not fit), or applied
/// with a doubt the message names. Replay never stops for one.
public struct StateProblem: Hashable, Sendable, CustomStringConvertible {
    public var event: UUID
    public var type: EventType
    public var message: String

    package init(event: UUID, type: EventType, message: String) {
        self.event = event
        self.type = type
        self.message = message
    }

    public var description: String { "event \(event.lowercasedString) (\(type.rawValue)): \(message)" }
}
