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
    public internal(set) var ids: [UUID]
    var occurred: [Int64]
    var severity: [UInt8]
    /// Position of the kind in `EpisodeKind.allCases`.
    var kind: [UInt8]
    /// Into `unitNames`.
    var unit: [UInt32]
    var unitNames: [String]
    var acknowledged: RowSet
    /// The earliest due time among the follow-up items without an outcome; `Int64.max` when none is open.
    var earliestOpenDue: [Int64]
    /// Rows most urgent first. Sorting by the earliest open due time puts the overdue
    /// (due before now) before the open (due at or after now) before the rest whatever
    /// "now" is, so this order is computed once.
    var urgencyOrder: [Row]
    /// By row, the incident's place in the state's incident table.
    var places: [Int32]
    /// By place in the incident table, the incident's row; -1 for an incident that is not in the index.
    var rowOfPlace: [Row]
    /// The text of every row, for searching; only an index built `searchable` has it.
    public var text: IncidentTextIndex {
        precondition(isSearchable, "the text of an IncidentIndex built without it")
        return rowText
    }
    var rowText: IncidentTextIndex
    public let isSearchable: Bool

    public var count: Int { ids.count }

    /// The index of what `user` may see in `state`. Only a `searchable` index keeps the
    /// rows' text (descriptions, notes, and the bits that say where a word may occur), which a
    /// selection without words never reads (docs/benchmarks.md: what it costs).
    public init(_ state: VTCState, for user: UserAccess, searchable: Bool = true) {
        self.init(state, seenBy: user, searchable: searchable)
    }

    /// The index of every incident in `state`, whoever may see it: what `vtc serve` keeps for every user's list
    /// queries, which keep of its selections what their user may see (`IncidentQuery.run(on:in:for:at:)`).
    public init(everyIncidentOf state: VTCState, searchable: Bool = true) {
        self.init(state, seenBy: nil, searchable: searchable)
    }

    /// nil `user`: every incident.
    private init(_ state: VTCState, seenBy user: UserAccess?, searchable: Bool) {
        isSearchable = searchable
        // The records are read once, in the dictionary's own order (reading memory in
        // sequence), by every processor at once, each sorting what it read; the sorted
        // parts are then merged.
        let records = state.incidents.values
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount, max(1, records.count / 4096))
        let bounds = (0...chunks).map { records.count * $0 / chunks }
        var parts = [Gathered?](repeating: nil, count: chunks)
        parts.withUnsafeMutableBufferPointer { parts in
            nonisolated(unsafe) let parts = parts
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var part = Gathered(user: user, searchable: searchable)
                for place in bounds[chunk]..<bounds[chunk + 1] { part.add(records[place], at: Int32(place)) }
                part.keys.sort(by: NewestFirstKey.precedes)
                parts[chunk] = part
            }
        }
        let gathered = Gathered(joining: &parts, for: user, searchable: searchable)
        let rows = gathered.newestFirst()

        ids = rows.map { gathered.ids[$0] }
        places = rows.map { gathered.places[$0] }
        rowOfPlace = Self.rows(ofPlaces: places, in: records.count)
        occurred = rows.map { gathered.occurred[$0] }
        severity = rows.map { gathered.severity[$0] }
        kind = rows.map { gathered.kind[$0] }
        unit = rows.map { gathered.shortFields[$0 * 3 + 2] }
        unitNames = gathered.shortTexts
        acknowledged = RowSet(count: rows.count) { gathered.acknowledged[rows[$0]] }
        let dues = rows.map { gathered.earliestOpenDue[$0] }
        earliestOpenDue = dues
        let severity = severity
        urgencyOrder = (0..<Row(rows.count)).sorted { Self.moreUrgent($0, $1, dues: dues, severity: severity) }
        rowText = !searchable ? IncidentTextIndex(descriptions: [], notes: [], shortFields: [], shortTexts: [], presence: [],
                                                  plain: RowSet(words: [])) : IncidentTextIndex(
            descriptions: rows.map { gathered.descriptions[$0] }, notes: rows.map { gathered.notes[$0] },
            shortFields: rows.flatMap { gathered.shortFields[($0 * 3)..<($0 * 3 + 3)] }, shortTexts: gathered.shortTexts,
            presence: rows.map { gathered.presence[$0] }, plain: RowSet(count: rows.count) { gathered.plain[rows[$0]] })
    }

    /// The inverse of `places`, for a table of `count` incidents.
    static func rows(ofPlaces places: [Int32], in count: Int) -> [Row] {
        var rows = [Row](repeating: -1, count: count)
        for (row, place) in places.enumerated() { rows[Int(place)] = Row(row) }
        return rows
    }

    /// Whether row `a` comes before row `b` in `urgencyOrder`, by these columns.
    static func moreUrgent(_ a: Row, _ b: Row, dues: [Int64], severity: [UInt8]) -> Bool {
        let (i, j) = (Int(a), Int(b))
        if dues[i] != dues[j] { return dues[i] < dues[j] }
        if severity[i] != severity[j] { return severity[i] > severity[j] }
        return a < b
    }

    /// The rows passing every filter of `query` at `now`, in the query's order, of those in `rows` (all when nil). The
    /// text is matched by `text.search` unless `textMatches` gives its result already.
    public func select(_ query: IncidentQuery, at now: Timestamp, textMatches: RowSet? = nil, within rows: RowSet? = nil) -> [Row] {
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
                && (rows?.contains(row) ?? true)
        }
        switch query.order {
        case .newestFirst:
            return (0..<Row(count)).filter { passes(Int($0)) }
        case .mostUrgentFirst:
            return urgencyOrder.filter { passes(Int($0)) }
        }
    }

    /// The places in `state`'s incident table of the incidents that `query` selects at `now` and `user` may see,
    /// in the query's order; `state` is the one this index (of more than the user may see) was built for. No
    /// record is copied, and `Access.check` is asked once for each unit and registrant.
    public func places(selectedBy query: IncidentQuery, at now: Timestamp, seenBy user: UserAccess, in state: VTCState) -> [Int] {
        withVisibility(to: user, in: state) { maySee in
            select(query, at: now).compactMap { row in maySee(Int(row)) ? Int(places[Int(row)]) : nil }
        }
    }

    /// The rows of this index of every incident of `state` that `user` may see, each decided by `Access.check`, which
    /// is asked once for each unit and registrant.
    public func rows(seenBy user: UserAccess, in state: VTCState) -> RowSet {
        withVisibility(to: user, in: state) { maySee in RowSet(count: count, where: maySee) }
    }

    /// Runs `body` with a test of whether `user` may see the incident of a row of this index of `state`'s incidents:
    /// `Access.check` is asked once for each unit and registrant, and the registrant is read through the table's
    /// buffer, which borrows the record instead of copying it (a retain of each of its strings and arrays, for each
    /// of a region's rows).
    private func withVisibility<T>(to user: UserAccess, in state: VTCState, _ body: (_ maySee: (Int) -> Bool) -> T) -> T {
        var known: [SeeKey: Bool] = [:]
        return state.incidents.values.withUnsafeBufferPointer { records in
            body { row in
                let registrant = records[Int(places[row])].registrant
                let key = SeeKey(unit: unit[row], registrant: BytewiseKey(registrant))
                if let visible = known[key] { return visible }
                let visible = Access.check(user, .see(unit: unitNames[Int(unit[row])], registrant: registrant)).isAllowed
                known[key] = visible
                return visible
            }
        }
    }

    private struct SeeKey: Hashable {
        let unit: UInt32
        let registrant: BytewiseKey
    }

    /// The row of the incident `id`, if the user may see it.
    public func row(of id: UUID) -> Row? { ids.firstIndex(of: id).map(Row.init) }
}

/// What the index keeps of the records one processor read, in the order read.
struct Gathered {
    /// Sorted newest first within each part; the other arrays are in the order read.
    var keys: [NewestFirstKey] = []
    var ids: [UUID] = []
    /// Places in the incident table.
    var places: [Int32] = []
    var occurred: [Int64] = []
    var severity: [UInt8] = []
    /// Position of the kind in `EpisodeKind.allCases`.
    var kind: [UInt8] = []
    var acknowledged: [Bool] = []
    var earliestOpenDue: [Int64] = []
    var descriptions: [String] = []
    var notes: [[String]] = []
    /// Place, citizen reference and unit, three per record, into `shortTexts`.
    var shortFields: [UInt32] = []
    var shortTexts: [String] = []
    var presence: [UInt64] = []
    var plain: [Bool] = []

    /// Where each joined part starts in `keys`.
    private var partStarts: [Int] = []
    private var shortNumbers: [BytewiseKey: UInt32] = [:]
    private var maySee: [SeeKey: Bool] = [:]
    /// nil: every incident is kept.
    private let user: UserAccess?
    /// Whether the text of each record is kept.
    private let searchable: Bool
    private let kinds = EpisodeKind.allCases

    private struct SeeKey: Hashable {
        let unit: BytewiseKey
        let registrant: BytewiseKey
    }

    init(user: UserAccess?, searchable: Bool) {
        self.user = user
        self.searchable = searchable
    }

    /// Numbers the short texts as `shortTexts` already does, going on from there: the records gathered to update an index.
    init(continuing shortTexts: [String], searchable: Bool) {
        self.init(user: nil, searchable: searchable)
        for text in shortTexts { _ = number(of: text) }
    }

    /// Adds the record at `place` in the incident table, if it is not withdrawn and the user may see it.
    mutating func add(_ record: IncidentRecord, at place: Int32) {
        guard !record.isWithdrawn else { return }
        let facts = record.facts
        if let user {
            let key = SeeKey(unit: BytewiseKey(facts.unit), registrant: BytewiseKey(record.registrant))
            let visible: Bool
            if let known = maySee[key] {
                visible = known
            } else {
                visible = Access.check(user, .see(unit: facts.unit, registrant: record.registrant)).isAllowed
                maySee[key] = visible
            }
            guard visible else { return }
        }
        keys.append(NewestFirstKey(record, index: keys.count))
        ids.append(record.id)
        places.append(place)
        occurred.append(facts.occurredAt.epochSeconds)
        severity.append(UInt8(facts.severity.rawValue))
        kind.append(UInt8(kinds.firstIndex(of: facts.kind)!))
        acknowledged.append(record.acknowledgement != nil)
        var due = Int64.max
        for item in record.followUps where !item.hasOutcome { due = min(due, item.due.epochSeconds) }
        earliestOpenDue.append(due)
        for text in [facts.location ?? "", facts.citizenRef ?? "", facts.unit] { shortFields.append(number(of: text)) }
        guard searchable else { return }
        let noteTexts = record.notes.isEmpty ? [] : record.notes.map(\.text)
        descriptions.append(facts.description)
        notes.append(noteTexts)
        var bits: UInt64 = 0
        var isPlain = PlainText.scan(facts.description, into: &bits)
        for note in noteTexts { isPlain = PlainText.scan(note, into: &bits) && isPlain }
        presence.append(bits)
        plain.append(isPlain)
    }

    private mutating func number(of text: String) -> UInt32 {
        let key = BytewiseKey(text)
        if let number = shortNumbers[key] { return number }
        let number = UInt32(shortTexts.count)
        shortNumbers[key] = number
        shortTexts.append(text)
        return number
    }

    /// The indices of `keys` newest first, when `keys` is sorted newest first within each part.
    func newestFirst() -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(keys.count)
        var runs = partStarts.indices.map { part in
            partStarts[part]..<(part + 1 < partStarts.count ? partStarts[part + 1] : keys.count)
        }
        while true {
            var best: Int?
            for run in runs.indices where !runs[run].isEmpty {
                if let current = best, !NewestFirstKey.precedes(keys[runs[run].lowerBound], keys[runs[current].lowerBound]) {
                    continue
                }
                best = run
            }
            guard let run = best else { return merged }
            merged.append(keys[runs[run].lowerBound].index)
            runs[run] = runs[run].dropFirst()
        }
    }

    /// The parts one after the other, their short texts numbered anew.
    /// Takes the parts one by one, releasing each once it is copied, so that the parts and their join are never all in memory.
    init(joining parts: inout [Gathered?], for user: UserAccess?, searchable: Bool) {
        self.user = user
        self.searchable = searchable
        for index in parts.indices {
            let part = parts[index]!
            parts[index] = nil
            let offset = keys.count
            partStarts.append(offset)
            keys += part.keys.map { NewestFirstKey($0, index: $0.index + offset) }
            ids += part.ids
            places += part.places
            occurred += part.occurred
            severity += part.severity
            kind += part.kind
            acknowledged += part.acknowledged
            earliestOpenDue += part.earliestOpenDue
            descriptions += part.descriptions
            notes += part.notes
            presence += part.presence
            plain += part.plain
            let renumbered = part.shortTexts.map { number(of: $0) }
            shortFields += part.shortFields.map { renumbered[Int($0)] }
        }
    }
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
