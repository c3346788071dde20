import Foundation

/// The incidents one user may see, as small columns in newest-first order, so
/// that a list filter is one pass over a few bytes per incident instead of a
/// run of `IncidentQuery` over the records. Built once per state (and user);
/// "now" is a parameter of each selection, so the clock moving needs no rebuild.
/// Selections give exactly what `IncidentQuery.run` gives for the same query.
public struct IncidentIndex: Sendable {
    /// The row of an incident: its place in newest-first order.
    public typealias Row = Int32

    /// By row.
    public let ids: [UUID]
    let occurred: [Int64]
    let severity: [UInt8]
    /// Position of the kind in `EpisodeKind.allCases`.
    let kind: [UInt8]
    /// Into `unitNames`.
    let unit: [UInt32]
    let unitNames: [String]
    let acknowledged: RowSet
    /// The earliest due time among the follow-up items without an outcome; `Int64.max` when none is open.
    let earliestOpenDue: [Int64]
    /// Rows most urgent first. Sorting by the earliest open due time puts the overdue
    /// (due before now) before the open (due at or after now) before the rest whatever
    /// "now" is, so this order is computed once.
    let urgencyOrder: [Row]
    public let text: IncidentTextIndex

    public var count: Int { ids.count }

    public init(_ state: VTCState, for user: UserAccess) {
        var visible: [IncidentRecord] = []
        visible.reserveCapacity(state.incidents.count)
        for record in state.incidents.values where !record.isWithdrawn
            && Access.check(user, .see(unit: record.facts.unit, registrant: record.registrant)).isAllowed {
            visible.append(record)
        }
        let newestFirst = visible.indices.map { NewestFirstKey(visible[$0], index: $0) }.sorted(by: NewestFirstKey.precedes)
        let records = newestFirst.map { visible[$0.index] }
        visible = []

        ids = records.map(\.id)
        occurred = records.map { $0.facts.occurredAt.epochSeconds }
        severity = records.map { UInt8($0.facts.severity.rawValue) }
        let kinds = EpisodeKind.allCases
        kind = records.map { record in UInt8(kinds.firstIndex(of: record.facts.kind)!) }
        var unitNumbers: [String: UInt32] = [:]
        var names: [String] = []
        unit = records.map { record in
            if let number = unitNumbers[record.facts.unit] { return number }
            let number = UInt32(names.count)
            unitNumbers[record.facts.unit] = number
            names.append(record.facts.unit)
            return number
        }
        unitNames = names
        acknowledged = RowSet(count: records.count) { records[$0].acknowledgement != nil }
        let dues = records.map { record in
            record.followUps.lazy.filter { $0.outcome == nil }.map(\.due.epochSeconds).min() ?? Int64.max
        }
        earliestOpenDue = dues
        let severity = severity
        urgencyOrder = (0..<Row(records.count)).sorted { a, b in
            let (i, j) = (Int(a), Int(b))
            if dues[i] != dues[j] { return dues[i] < dues[j] }
            if severity[i] != severity[j] { return severity[i] > severity[j] }
            return a < b
        }
        text = IncidentTextIndex(records)
    }

    /// The rows passing every filter of `query` at `now`, in the query's order. The text
    /// is matched by `text.search` unless `textMatches` gives its result already.
    public func select(_ query: IncidentQuery, at now: Timestamp, textMatches: RowSet? = nil) -> [Row] {
        let words = query.text.map(TextSearch.words) ?? []
        let matches = words.isEmpty ? nil : textMatches ?? text.search(query.text!)
        let units = query.units.map { wanted in unitNames.map { wanted.contains($0) } }
        var kinds: UInt32 = 0
        for (position, kind) in EpisodeKind.allCases.enumerated() where query.kinds?.contains(kind) ?? true {
            kinds |= 1 << position
        }
        let severities = query.severities.map { $0.reduce(UInt32(0)) { $0 | 1 << $1.rawValue } } ?? UInt32.max
        let since = query.since?.epochSeconds ?? Int64.min
        let until = query.until?.epochSeconds ?? Int64.max
        let now = now.epochSeconds
        let (open, overdue, unacknowledged) = (query.withOpenFollowUp, query.withOverdueFollowUp, query.notAcknowledged)

        func passes(_ row: Int) -> Bool {
            let due = earliestOpenDue[row]
            return severities & (1 << severity[row]) != 0
                && kinds & (1 << kind[row]) != 0
                && occurred[row] >= since && occurred[row] < until
                && (!open || due != Int64.max)
                && (!overdue || now > due)
                && (!unacknowledged || !acknowledged.contains(row))
                && (units?[Int(unit[row])] ?? true)
                && (matches?.contains(row) ?? true)
        }
        switch query.order {
        case .newestFirst:
            return (0..<Row(count)).filter { passes(Int($0)) }
        case .mostUrgentFirst:
            return urgencyOrder.filter { passes(Int($0)) }
        }
    }

    /// The row of the incident `id`, if the user may see it.
    public func row(of id: UUID) -> Row? { ids.firstIndex(of: id).map(Row.init) }
}

/// A set of rows as one bit each.
public struct RowSet: Sendable, Equatable {
    private(set) var words: [UInt64]

    init(count: Int, where member: (Int) -> Bool) {
        words = Array(repeating: 0, count: (count + 63) / 64)
        for row in 0..<count where member(row) { words[row >> 6] |= 1 << UInt64(row & 63) }
    }

    init(words: [UInt64]) { self.words = words }

    public func contains(_ row: Int) -> Bool { words[row >> 6] & (1 << UInt64(row & 63)) != 0 }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
}
