import Foundation

/// Everything known about one registered episode: the facts as amended,
/// the follow-up owed and given, and every event that touched it.
public struct IncidentRecord: Hashable, Sendable {
    public let id: UUID
    public let registeredAt: Timestamp
    public let registrant: String
    public internal(set) var facts: Registration
    /// In the order of `FollowUpKind.allCases`.
    public internal(set) var followUps: [FollowUpItem]
    public internal(set) var acknowledgement: Acknowledgement? {
        get { acknowledgementBox?.value }
        set { acknowledgementBox = newValue.map(Box.init) }
    }
    public internal(set) var notes: [IncidentNote]
    public internal(set) var amgDiscussions: [AMGDiscussion]
    public internal(set) var withdrawal: Withdrawal? {
        get { withdrawalBox?.value }
        set { withdrawalBox = newValue.map(Box.init) }
    }
    // Boxed, like a follow-up item's outcome: in a region's state most
    // incidents have neither, and inline each would take 48 bytes of every record.
    private var acknowledgementBox: Box<Acknowledgement>?
    private var withdrawalBox: Box<Withdrawal>?
    /// Where the events applied to this incident are, in log order: their
    /// positions (from 1) in the sequence of events the state was built from,
    /// which in a log is `seq` − 1. `HistoryReader` reads them back; keeping
    /// positions rather than copies keeps a region's state small.
    public internal(set) var history: [Int]

    init(id: UUID, registration event: Event, facts: Registration, position: Int) {
        self.init(id: id, registeredAt: event.at, registrant: event.actor, facts: facts, followUps: [],
                  acknowledgement: nil, notes: [], amgDiscussions: [], withdrawal: nil, history: [position])
    }

    package init(id: UUID, registeredAt: Timestamp, registrant: String, facts: Registration, followUps: [FollowUpItem],
         acknowledgement: Acknowledgement?, notes: [IncidentNote], amgDiscussions: [AMGDiscussion],
         withdrawal: Withdrawal?, history: [Int]) {
        self.id = id
        self.registeredAt = registeredAt
        self.registrant = registrant
        self.facts = facts
        self.followUps = followUps
        acknowledgementBox = acknowledgement.map(Box.init)
        self.notes = notes
        self.amgDiscussions = amgDiscussions
        withdrawalBox = withdrawal.map(Box.init)
        self.history = history
    }

    public var isWithdrawn: Bool { withdrawal != nil }

    public func followUp(_ kind: FollowUpKind) -> FollowUpItem? { followUps.first { $0.kind == kind } }

    /// Replaces the derived items by `calledFor`, keeping every recorded outcome.
    mutating func rederive(calledFor: [FollowUpItem]) {
        var merged: [FollowUpItem] = []
        merged.reserveCapacity(calledFor.count)
        var fresh = calledFor[...]
        var old = followUps[...]
        for kind in FollowUpKind.allCases {
            let previous = old.first?.kind == kind ? old.popFirst() : nil
            if fresh.first?.kind == kind, var item = fresh.popFirst() {
                item.outcome = previous?.outcome
                merged.append(item)
            } else if var kept = previous, kept.outcome != nil {
                kept.calledFor = false
                merged.append(kept)
            }
        }
        followUps = merged
    }

    /// Records an outcome; an item the facts never called for is added for it.
    mutating func record(_ outcome: RecordedOutcome, uncalledItem: () -> FollowUpItem) {
        let kind = outcome.record.kind
        if let index = followUps.firstIndex(where: { $0.kind == kind }) {
            followUps[index].outcome = outcome
            return
        }
        var item = uncalledItem()
        item.calledFor = false
        item.outcome = outcome
        let position = followUps.firstIndex { $0.kind.order > kind.order } ?? followUps.endIndex
        followUps.insert(item, at: position)
    }
}

public struct Acknowledgement: Hashable, Sendable {
    public var by: String
    public var at: Timestamp
    public var note: String?

    package init(by: String, at: Timestamp, note: String? = nil) {
        self.by = by
        self.at = at
        self.note = note
    }
}

public struct IncidentNote: Hashable, Sendable {
    public var by: String
    public var at: Timestamp
    public var text: String

    package init(by: String, at: Timestamp, text: String) {
        self.by = by
        self.at = at
        self.text = text
    }
}

public struct AMGDiscussion: Hashable, Sendable {
    public var date: CalendarDate
    public var summary: String
    public var by: String

    package init(date: CalendarDate, summary: String, by: String) {
        self.date = date
        self.summary = summary
        self.by = by
    }
}

public struct Withdrawal: Hashable, Sendable {
    public var by: String
    public var at: Timestamp
    public var reason: String

    package init(by: String, at: Timestamp, reason: String) {
        self.by = by
        self.at = at
        self.reason = reason
    }
}

extension FollowUpKind {
    /// Position in `allCases`, the order items are kept and shown in.
    var order: Int { FollowUpKind.allCases.firstIndex(of: self)! }
}
