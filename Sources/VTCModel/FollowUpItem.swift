/// One follow-up an incident is owed, derived from the policy and the facts,
/// and what was recorded about it.
public struct FollowUpItem: Hashable, Sendable {
    public var due: Timestamp
    public var kind: FollowUpKind
    public var responsible: Role
    public var staysOpen: Bool
    /// False when the facts do not (or no longer) call for the item but an
    /// outcome was recorded for it: what was done is never forgotten.
    public var calledFor: Bool
    /// Boxed: a region has millions of items, most without an outcome, and
    /// the box keeps each item a third of the size.
    private var recorded: Box<RecordedOutcome>?

    public var outcome: RecordedOutcome? {
        get { recorded?.value }
        set { recorded = newValue.map(Box.init) }
    }

    /// Whether an outcome is recorded; asked without copying the outcome (an index of a region asks millions of items).
    public var hasOutcome: Bool { recorded != nil }

    /// The outcome's box, for reading its fields without copying the whole outcome (a snapshot writes millions).
    package var outcomeBox: Box<RecordedOutcome>? { recorded }

    public init(kind: FollowUpKind, due: Timestamp, responsible: Role, staysOpen: Bool, calledFor: Bool = true,
                outcome: RecordedOutcome? = nil) {
        self.kind = kind
        self.due = due
        self.responsible = responsible
        self.staysOpen = staysOpen
        self.calledFor = calledFor
        recorded = outcome.map(Box.init)
    }

    /// Open until an outcome is recorded; overdue when open and `now` is past the due time.
    public func status(at now: Timestamp) -> FollowUpStatus {
        guard let recorded else { return now.epochSeconds > due.epochSeconds ? .overdue : .open }
        return switch recorded.value.record.outcome {
        case .done: .done
        case .declined: .declined
        case .notRelevant: .notRelevant
        }
    }
}

/// An outcome and who recorded it when.
public struct RecordedOutcome: Hashable, Sendable {
    public var record: FollowUpRecord
    public var by: String
    public var at: Timestamp

    public init(record: FollowUpRecord, by: String, at: Timestamp) {
        self.record = record
        self.by = by
        self.at = at
    }
}
