import Foundation

/// A filtered, sorted list of incidents, as one user may see it. Withdrawn
/// incidents are left out; every result passes `Access.check(.see)`.
public struct IncidentQuery: Hashable, Sendable {
    public enum Order: String, CaseIterable, Sendable, Hashable {
        case newestFirst = "newest"
        /// Overdue follow-up first, the longest overdue on top; then open follow-up by
        /// the earliest due time; then the rest. Within each, higher severity first, then newest.
        case mostUrgentFirst = "urgent"
    }

    /// nil: every unit.
    public var units: Set<String>?
    /// From this moment on (inclusive), on the time the episode occurred.
    public var since: Timestamp?
    /// Before this moment (exclusive), on the time the episode occurred.
    public var until: Timestamp?
    /// nil: every severity.
    public var severities: Set<Severity>?
    /// nil: every kind.
    public var kinds: Set<EpisodeKind>?
    /// Only incidents with follow-up that is open or overdue.
    public var withOpenFollowUp: Bool
    /// Only incidents with overdue follow-up.
    public var withOverdueFollowUp: Bool
    public var notAcknowledged: Bool
    /// Words that must all occur, in any case, in the description, place,
    /// citizen reference, unit or notes.
    public var text: String?
    public var order: Order

    public init(units: Set<String>? = nil, since: Timestamp? = nil, until: Timestamp? = nil,
                severities: Set<Severity>? = nil, kinds: Set<EpisodeKind>? = nil, withOpenFollowUp: Bool = false,
                withOverdueFollowUp: Bool = false, notAcknowledged: Bool = false, text: String? = nil,
                order: Order = .newestFirst) {
        self.units = units
        self.since = since
        self.until = until
        self.severities = severities
        self.kinds = kinds
        self.withOpenFollowUp = withOpenFollowUp
        self.withOverdueFollowUp = withOverdueFollowUp
        self.notAcknowledged = notAcknowledged
        self.text = text
        self.order = order
    }

    /// The incidents the query selects, in its order: one selection over the
    /// user's `IncidentIndex` (with the rows' text only when there are words to
    /// search), the same the list screen makes.
    public func run(on state: VTCState, for user: UserAccess, at now: Timestamp) -> [IncidentRecord] {
        let index = IncidentIndex(state, for: user, searchable: !TextSearch.words(text ?? "").isEmpty)
        return index.select(self, at: now).map { state.incidents.values[Int(index.places[Int($0)])] }
    }

    /// The incidents the query selects from an index of more than the user may see (the region's, which
    /// `vtc serve` keeps between requests), those the user may see, in the query's order: the same as
    /// `run(on:for:at:)`, since every filter decides on one incident alone, and both orders are orders of
    /// all incidents, which keep their sequence in any part of them.
    public func run(on state: VTCState, in index: IncidentIndex, for user: UserAccess, at now: Timestamp) -> [IncidentRecord] {
        index.places(selectedBy: self, at: now, seenBy: user, in: state).map { state.incidents.values[$0] }
    }

    /// Newest occurrence first; ties by registration time, then id, so the order never depends on the log's order.
    static func newerFirst(_ a: IncidentRecord, _ b: IncidentRecord) -> Bool {
        NewestFirstKey.precedes(NewestFirstKey(a, index: 0), NewestFirstKey(b, index: 0))
    }
}

/// What "newest first" compares, with the record's place in the unsorted list.
struct NewestFirstKey {
    let occurred: Int64
    let registered: Int64
    let id: UUID
    let index: Int

    init(_ record: IncidentRecord, index: Int) {
        occurred = record.facts.occurredAt.epochSeconds
        registered = record.registeredAt.epochSeconds
        id = record.id
        self.index = index
    }

    init(occurred: Int64, registered: Int64, id: UUID, index: Int) {
        (self.occurred, self.registered, self.id, self.index) = (occurred, registered, id, index)
    }

    init(_ key: NewestFirstKey, index: Int) {
        (occurred, registered, id) = (key.occurred, key.registered, key.id)
        self.index = index
    }

    static func precedes(_ a: NewestFirstKey, _ b: NewestFirstKey) -> Bool {
        if a.occurred != b.occurred { return a.occurred > b.occurred }
        if a.registered != b.registered { return a.registered > b.registered }
        // Byte by byte: the order of the ids' text (hex digits sort as the values they write), without writing it.
        return withUnsafeBytes(of: a.id.uuid) { a in
            withUnsafeBytes(of: b.id.uuid) { b in memcmp(a.baseAddress!, b.baseAddress!, 16) < 0 }
        }
    }
}
