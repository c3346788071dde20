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
    /// The incidents `query` selects at `now`, in its order, and how many the user may see at all.
    func list(_ query: IncidentQuery, at now: Timestamp) -> IncidentSelection
    /// The rows of the follow-up queue at `now` that `rows` asks for (rows past its end left out), and how long the
    /// queue is: the open items the user answers for, most urgent first (`FollowUpQueueEntry.queue`).
    func followUpQueue(at now: Timestamp, rows: Range<Int>) -> FollowUpQueuePage
    /// The period's counts in the units beside the same period in the two years before (`Statistics.compared`);
    /// nil when the user may not read the statistics of one of the units.
    func statistics(_ period: StatisticsPeriod, units: [String]) -> PeriodComparison?
    /// The week screen's report and open actions for the units at `now` (`WeekScreenData`): with `page`, each of the
    /// report's lists its first `page` entries beside its full length; without, the whole report (the export).
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

/// A list selection: the ids of the incidents selected, in order, and how
/// many incidents the user may see (the M of "N of M").
public struct IncidentSelection: Sendable {
    public let ids: SelectedIDs
    public let visibleTotal: Int

    public init(ids: SelectedIDs, visibleTotal: Int) {
        self.ids = ids
        self.visibleTotal = visibleTotal
    }

    public static let none = IncidentSelection(ids: SelectedIDs([]), visibleTotal: 0)
}

/// The ids of a selection in order: rows of an index (not copied out of it,
/// so that a filter key on a region's list costs one pass), or ids as a server sent them.
public struct SelectedIDs: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case rows([IncidentIndex.Row], of: [UUID])
        case ids([UUID])
    }
    private let storage: Storage

    public init(_ ids: [UUID]) { storage = .ids(ids) }
    public init(rows: [IncidentIndex.Row], of index: IncidentIndex) { storage = .rows(rows, of: index.ids) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .rows(let rows, _): rows.count
        case .ids(let ids): ids.count
        }
    }

    public subscript(position: Int) -> UUID {
        switch storage {
        case .rows(let rows, let ids): ids[Int(rows[position])]
        case .ids(let ids): ids[position]
        }
    }

    /// Where the incident is in the selection: for rows of an index, its row is found among the index's ids and
    /// then among the rows, so that keeping the selected incident through a filter key compares row numbers.
    public func firstIndex(of id: UUID) -> Int? {
        switch storage {
        case .rows(let rows, let ids): ids.firstIndex(of: id).flatMap { rows.firstIndex(of: IncidentIndex.Row($0)) }
        case .ids(let ids): ids.firstIndex(of: id)
        }
    }
}
