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

    public func run(on state: VTCState, for user: UserAccess, at now: Timestamp) -> [IncidentRecord] {
        let words = TextSearch.words(text ?? "")
        let records = state.incidents.values
        // Places and small keys, not records, until the end: copying and moving records retains and releases every field.
        let keys = records.indices.lazy.filter { admits(records[$0], for: user, at: now, words: words) }
            .map { NewestFirstKey(records[$0], index: $0) }
        switch order {
        case .newestFirst:
            return keys.sorted(by: NewestFirstKey.precedes).map { records[$0.index] }
        case .mostUrgentFirst:
            let keyed = keys.map { (urgency: Urgency(of: records[$0.index], at: now), key: $0) }
            return keyed.sorted { a, b in
                a.urgency != b.urgency ? a.urgency < b.urgency : NewestFirstKey.precedes(a.key, b.key)
            }.map { records[$0.key.index] }
        }
    }

    /// How many incidents `run` would give, without gathering or sorting them.
    public func count(on state: VTCState, for user: UserAccess, at now: Timestamp) -> Int {
        let words = TextSearch.words(text ?? "")
        return state.incidents.values.reduce(0) { $0 + (admits($1, for: user, at: now, words: words) ? 1 : 0) }
    }

    private func admits(_ record: IncidentRecord, for user: UserAccess, at now: Timestamp, words: [String]) -> Bool {
        let facts = record.facts
        guard !record.isWithdrawn,
              Access.check(user, .see(unit: facts.unit, registrant: record.registrant)).isAllowed,
              units?.contains(facts.unit) ?? true,
              since.map({ facts.occurredAt.epochSeconds >= $0.epochSeconds }) ?? true,
              until.map({ facts.occurredAt.epochSeconds < $0.epochSeconds }) ?? true,
              severities?.contains(facts.severity) ?? true,
              kinds?.contains(facts.kind) ?? true,
              !notAcknowledged || record.acknowledgement == nil
        else { return false }
        if withOverdueFollowUp && !record.followUps.contains(where: { $0.status(at: now) == .overdue }) { return false }
        if withOpenFollowUp && !record.followUps.contains(where: { $0.status(at: now).isOpen }) { return false }
        return words.isEmpty || TextSearch.matches(words, in: IncidentQuery.searchableText(of: record))
    }

    static func searchableText(of record: IncidentRecord) -> [String] {
        let facts = record.facts
        return [facts.description, facts.location ?? "", facts.citizenRef ?? "", facts.unit] + record.notes.map(\.text)
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

    init(_ key: NewestFirstKey, index: Int) {
        (occurred, registered, id) = (key.occurred, key.registered, key.id)
        self.index = index
    }

    static func precedes(_ a: NewestFirstKey, _ b: NewestFirstKey) -> Bool {
        if a.occurred != b.occurred { return a.occurred > b.occurred }
        if a.registered != b.registered { return a.registered > b.registered }
        return a.id.uuidString < b.id.uuidString
    }
}

/// How urgent an incident's follow-up is; smaller is more urgent.
struct Urgency: Comparable {
    /// 0: has overdue follow-up, 1: has open follow-up, 2: nothing open.
    let group: Int
    /// The earliest due time among the open items: the longest overdue, or the next due.
    let earliestDue: Int64
    let severity: Int

    init(of record: IncidentRecord, at now: Timestamp) {
        let open = record.followUps.filter { $0.status(at: now).isOpen }
        let dues = open.map(\.due.epochSeconds)
        group = open.contains { $0.status(at: now) == .overdue } ? 0 : open.isEmpty ? 2 : 1
        earliestDue = dues.min() ?? 0
        severity = record.facts.severity.rawValue
    }

    static func < (a: Urgency, b: Urgency) -> Bool {
        (a.group, a.earliestDue, -a.severity) < (b.group, b.earliestDue, -b.severity)
    }
}

/// Case-insensitive word search that keeps Danish letters apart (æ is not ae, å
/// is not a) and treats composed and decomposed letters alike.
enum TextSearch {
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
    }

    static func matches(_ words: [String], in fields: [String]) -> Bool {
        let haystack = fields.map { $0.lowercased() }
        return words.allSatisfy { word in haystack.contains { containsCharacters($0, word) } }
    }

    /// Compares by Character, so that `å` written as one scalar or as `a` + ring matches either way.
    private static func containsCharacters(_ text: String, _ word: String) -> Bool {
        let (t, w) = (Array(text), Array(word))
        guard !w.isEmpty, w.count <= t.count else { return w.isEmpty }
        return (0...(t.count - w.count)).contains { start in
            (0..<w.count).allSatisfy { t[start + $0] == w[$0] }
        }
    }
}
