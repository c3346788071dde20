import Foundation

/// What the terminal UI's screens ask of the data, each answer about what the
/// user may see: the home screen's numbers, the list's selection, the records
/// of the incidents on screen. Embedded mode answers from the state it holds
/// (`StateQueries`); a client of `vtc serve` asks the server, which answers
/// with the same functions over its state, so that the client holds what its
/// screens show and not what its user may see.
public protocol ScreenQueries: Sendable {
    /// The home screen's numbers at `now`; nil when they cannot be had (a server that does not answer).
    func home(at now: Timestamp) -> HomeCounts?
    /// The incidents `query` selects at `now`, in its order: how many, the ids of those at the positions `window`
    /// names (all when nil), where `kept` now is among them, and how many the user may see at all.
    func list(_ query: IncidentQuery, at now: Timestamp, window: ListWindow?, keeping kept: UUID?) -> IncidentSelection
    /// The rows of the follow-up queue at `now` that `rows` asks for (rows past its end left out), and how long the
    /// queue is: the open items the user answers for, most urgent first (`FollowUpQueueEntry.queue`).
    func followUpQueue(at now: Timestamp, rows: Range<Int>) -> FollowUpQueuePage
    /// The period's counts in the units beside the same period in the two years before (`Statistics.compared`);
    /// nil when the user may not read the statistics of one of the units.
    func statistics(_ period: StatisticsPeriod, units: [String]) -> PeriodComparison?
    /// The week screen's report and open actions for the units at `now` (`WeekScreenData`): with `page`, each of the
    /// report's lists its first `page` entries beside its full length; without, the whole report. (The export is not
    /// made of it in the client: the document is made where the report is, `OpenedWorkspace.weekDocument`.)
    func week(_ week: ISOWeek, units: [String], at now: Timestamp, page: Int?) -> WeekScreenData
    /// The records of those of these incidents the user may see, by id.
    func incidents(_ ids: [UUID]) -> [UUID: IncidentRecord]
    /// Why the user may not see this incident, when it is there to be refused: embedded mode holds every
    /// incident and says why; a server does not say whether an incident it does not show exists.
    func refusalToSee(_ id: UUID) -> AccessRefusal?
}

extension ScreenQueries {
    /// The record of one incident, if the user may see it.
    public func incident(_ id: UUID) -> IncidentRecord? { incidents([id])[id] }
}

extension ScreenQueries {
    /// Every incident `query` selects at `now`, in its order.
    public func list(_ query: IncidentQuery, at now: Timestamp) -> IncidentSelection {
        list(query, at: now, window: nil, keeping: nil)
    }
}

/// The positions of a selection a list asks the ids of: the rows around those on screen, so that a client of a
/// server is sent a screenful or a few, not a region's selection, and asks for the next window as it scrolls.
public struct ListWindow: Hashable, Sendable {
    public let offset: Int
    public let limit: Int

    public init(offset: Int, limit: Int) {
        self.offset = max(0, offset)
        self.limit = max(0, limit)
    }

    /// `limit` positions with `position` in the middle, or as near it as the start allows.
    public init(around position: Int, limit: Int) {
        self.init(offset: position - limit / 2, limit: limit)
    }

    /// The positions of a selection of `count` incidents that the window holds.
    public func positions(in count: Int) -> Range<Int> {
        min(offset, count)..<min(count, offset + min(limit, Int.max - offset))
    }
}

/// A list selection: how many incidents are selected, the ids of those in the window asked for (from `offset`, in
/// order), where the incident to keep selected now is, and how many incidents the user may see (the M of "N of M").
public struct IncidentSelection: Equatable, Sendable {
    public let count: Int
    public let offset: Int
    public let ids: SelectedIDs
    public let keptPosition: Int?
    public let visibleTotal: Int

    public init(count: Int, offset: Int, ids: SelectedIDs, keptPosition: Int?, visibleTotal: Int) {
        self.count = count
        self.offset = offset
        self.ids = ids
        self.keptPosition = keptPosition
        self.visibleTotal = visibleTotal
    }

    /// The whole selection `ids`, cut to `window` (all of it when nil), with where `kept` is.
    public init(selecting ids: SelectedIDs, window: ListWindow?, keeping kept: UUID?, visibleTotal: Int) {
        let positions = window?.positions(in: ids.count) ?? 0..<ids.count
        self.init(count: ids.count, offset: positions.lowerBound, ids: ids.window(positions),
                  keptPosition: kept.flatMap(ids.firstIndex(of:)), visibleTotal: visibleTotal)
    }

    /// The id at `position` of the selection; nil outside the window sent.
    public func id(at position: Int) -> UUID? {
        ids.indices.contains(position - offset) ? ids[position - offset] : nil
    }

    /// Whether the window holds every position of `positions`.
    public func holds(_ positions: Range<Int>) -> Bool {
        positions.isEmpty || (positions.lowerBound >= offset && positions.upperBound <= offset + ids.count)
    }

    public static let none = IncidentSelection(count: 0, offset: 0, ids: SelectedIDs([]), keptPosition: nil, visibleTotal: 0)
}

/// The ids of a selection in order: rows of an index (not copied out of it,
/// so that a filter key on a region's list costs one pass), or ids as a server sent them.
public struct SelectedIDs: RandomAccessCollection, Equatable, Sendable {
    private enum Storage: Sendable {
        case rows(ArraySlice<IncidentIndex.Row>, of: [UUID])
        case ids([UUID])
    }
    private let storage: Storage

    public init(_ ids: [UUID]) { storage = .ids(ids) }
    public init(rows: [IncidentIndex.Row], of index: IncidentIndex) { storage = .rows(rows[...], of: index.ids) }

    public static func == (a: SelectedIDs, b: SelectedIDs) -> Bool { a.elementsEqual(b) }

    /// The ids at `positions`, without copying rows out of an index.
    public func window(_ positions: Range<Int>) -> SelectedIDs {
        switch storage {
        case .rows(let rows, let ids):
            SelectedIDs(storage: .rows(rows[(rows.startIndex + positions.lowerBound)..<(rows.startIndex + positions.upperBound)], of: ids))
        case .ids(let ids): positions == ids.indices ? self : SelectedIDs(Array(ids[positions]))
        }
    }

    private init(storage: Storage) { self.storage = storage }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .rows(let rows, _): rows.count
        case .ids(let ids): ids.count
        }
    }

    public subscript(position: Int) -> UUID {
        switch storage {
        case .rows(let rows, let ids): ids[Int(rows[rows.startIndex + position])]
        case .ids(let ids): ids[position]
        }
    }

    /// Where the incident is in the selection: for rows of an index, its row is found among the index's ids and
    /// then among the rows, so that keeping the selected incident through a filter key compares row numbers.
    public func firstIndex(of id: UUID) -> Int? {
        switch storage {
        case .rows(let rows, let ids):
            ids.firstIndex(of: id).flatMap { rows.firstIndex(of: IncidentIndex.Row($0)) }.map { $0 - rows.startIndex }
        case .ids(let ids): ids.firstIndex(of: id)
        }
    }
}
