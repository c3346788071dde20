import Foundation
import Synchronization

/// The screens' questions answered from a state held here: embedded mode's
/// whole folder, or a test's. The list's index of what the user may see and
/// the results of the texts searched are kept in a `ListCache` between
/// questions while the state has taken no events, so that a filter key or a
/// typed character costs one pass over the index's columns.
public struct StateQueries: ScreenQueries {
    public let state: VTCState
    public let user: UserAccess
    public let roster: Roster
    private let cache: ListCache
    private let queues: FollowUpQueueCache

    public init(state: VTCState, user: UserAccess, roster: Roster, cache: ListCache, queues: FollowUpQueueCache = FollowUpQueueCache()) {
        self.state = state
        self.user = user
        self.roster = roster
        self.cache = cache
        self.queues = queues
    }

    public func home(at now: Timestamp) -> HomeCounts? {
        HomeCounts(state: state, user: user, roster: roster, now: now)
    }

    /// The home numbers as `vtc serve` counts them over its whole state: for a user who sees much of it the
    /// leader's counts are selected from `everyIncident`, the index of every incident the server keeps up to date,
    /// so that the first screen does not wait for an index of the user's own; for one who sees little, through the
    /// user's list index, which the list then finds built.
    public func home(at now: Timestamp, everyIncident: IncidentIndex?) -> HomeCounts {
        let count: (IncidentQuery) -> Int = if let everyIncident, state.selectsFromEveryIncident(for: user) {
            { state.selectedCount($0, at: now, for: user) { _ in everyIncident } }
        } else {
            { list($0, at: now).count }
        }
        return HomeCounts(state: state, user: user, roster: roster, now: now, selectedCount: count)
    }

    public func list(_ query: IncidentQuery, at now: Timestamp, window: ListWindow?, keeping kept: UUID?) -> IncidentSelection {
        list(query, at: now, window: window, keeping: kept, everyIncident: nil)
    }

    /// The list as `vtc serve` selects it over its whole state: for a user who sees much of it from `everyIncident`,
    /// the index of every incident the server keeps up to date, of which the cache keeps the rows the user may see,
    /// so that no index of the user's own is built (after every write); for one who sees little, through the user's
    /// list index.
    public func list(_ query: IncidentQuery, at now: Timestamp, window: ListWindow?, keeping kept: UUID?,
                     everyIncident: IncidentIndex?) -> IncidentSelection {
        let from = everyIncident.flatMap { state.selectsFromEveryIncident(for: user) ? $0 : nil }
        let (ids, visibleTotal) = cache.selection(query, at: now, in: state, for: user, everyIncident: from)
        return IncidentSelection(selecting: ids, window: window, keeping: kept, visibleTotal: visibleTotal)
    }

    public func followUpQueue(at now: Timestamp, rows: Range<Int>) -> FollowUpQueuePage {
        FollowUpQueuePage(queues.queue(in: state, for: user, at: now), rows: rows)
    }

    public func statistics(_ period: StatisticsPeriod, units: [String]) -> PeriodComparison? {
        (try? Statistics.compared([period], units: units, state: state, user: user))?.first
    }

    public func week(_ week: ISOWeek, units: [String], at now: Timestamp, page: Int?) -> WeekScreenData {
        WeekScreenData(week: week, units: units, state: state, user: user, now: now, page: page)
    }

    public func incidents(_ ids: [UUID]) -> [UUID: IncidentRecord] {
        var records: [UUID: IncidentRecord] = [:]
        for id in ids {
            guard let record = state.incidents[id],
                  Access.check(user, .see(unit: record.facts.unit, registrant: record.registrant)).isAllowed else { continue }
            records[id] = record
        }
        return records
    }

    public func refusalToSee(_ id: UUID) -> AccessRefusal? {
        guard let record = state.incidents[id],
              case .refused(let refusal) = Access.check(user, .see(unit: record.facts.unit, registrant: record.registrant)) else { return nil }
        return refusal
    }
}

/// The list's index of what one user may see in one state (or, for a server's
/// user who sees much, the rows of its index of every incident that the user may
/// see), the rows of each text searched since the search was last empty, each
/// text a prefix of the next (typing narrows the last result, deleting goes back
/// to one), and the last selection (a list scrolled asks for another window of it).
public final class ListCache: Sendable {
    private struct Kept {
        var eventCount: Int
        var user: UserAccess
        /// The user's own index; nil when the rows are of the index of every incident, which is handed in with each
        /// question and not kept here (the server updates it in place, which a copy kept here would make a copy of).
        var index: IncidentIndex?
        /// Of the index of every incident, the rows the user may see.
        var visible: RowSet?
        /// Where the last text's last word was found is kept for the last text only (a row's place each).
        var searches: [(text: String, matches: TextMatches)] = []
        var last: (query: IncidentQuery, at: Timestamp, rows: [IncidentIndex.Row])?
    }
    private let kept = Mutex<Kept?>(nil)

    public init() {}

    /// The ids `query` selects at `now` of what `user` may see, in its order, and how many the user may see: from
    /// `everyIncident`, the index of every incident of `state`, when given; else from the user's list index.
    func selection(_ query: IncidentQuery, at now: Timestamp, in state: VTCState, for user: UserAccess,
                   everyIncident: IncidentIndex? = nil) -> (ids: SelectedIDs, visibleTotal: Int) {
        kept.withLock { kept in
            if kept == nil || kept!.eventCount != state.eventCount || kept!.user != user || (kept!.index == nil) != (everyIncident != nil) {
                kept = if let everyIncident {
                    Kept(eventCount: state.eventCount, user: user, index: nil, visible: everyIncident.rows(seenBy: user, in: state))
                } else {
                    Kept(eventCount: state.eventCount, user: user, index: state.listIndex(for: user), visible: nil)
                }
            }
            let index = everyIncident ?? kept!.index!
            let visibleTotal = kept!.visible?.count ?? index.count
            if let last = kept!.last, last.query == query, last.at == now {
                return (SelectedIDs(rows: last.rows, of: index), visibleTotal)
            }
            let text = query.text ?? ""
            while let last = kept!.searches.last, !text.hasPrefix(last.text) { kept!.searches.removeLast() }
            if !text.isEmpty && kept!.searches.last?.text != text {
                let previous = kept!.searches.last?.matches
                let matches = index.text.search(text, within: previous?.rows ?? kept!.visible, after: previous)
                if !kept!.searches.isEmpty { kept!.searches[kept!.searches.count - 1].matches = previous!.withoutPlaces() }
                kept!.searches.append((text, matches))
            }
            let rows = index.select(query, at: now, textMatches: kept!.searches.last?.matches.rows, within: kept!.visible)
            kept!.last = (query, now, rows)
            return (SelectedIDs(rows: rows, of: index), visibleTotal)
        }
    }
}
