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
            { list($0, at: now).ids.count }
        }
        return HomeCounts(state: state, user: user, roster: roster, now: now, selectedCount: count)
    }

    public func list(_ query: IncidentQuery, at now: Timestamp) -> IncidentSelection {
        cache.selection(query, at: now, in: state, for: user)
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

/// The list's index of what one user may see in one state, and the rows of
/// each text searched since the search was last empty, each text a prefix of
/// the next: typing narrows the last result, deleting goes back to one.
public final class ListCache: Sendable {
    private struct Kept {
        var eventCount: Int
        var user: UserAccess
        var index: IncidentIndex
        var searches: [(text: String, matches: RowSet)] = []
    }
    private let kept = Mutex<Kept?>(nil)

    public init() {}

    func selection(_ query: IncidentQuery, at now: Timestamp, in state: VTCState, for user: UserAccess) -> IncidentSelection {
        kept.withLock { kept in
            if kept == nil || kept!.eventCount != state.eventCount || kept!.user != user {
                kept = Kept(eventCount: state.eventCount, user: user, index: state.listIndex(for: user))
            }
            let text = query.text ?? ""
            while let last = kept!.searches.last, !text.hasPrefix(last.text) { kept!.searches.removeLast() }
            if !text.isEmpty && kept!.searches.last?.text != text {
                kept!.searches.append((text, kept!.index.text.search(text, within: kept!.searches.last?.matches)))
            }
            let index = kept!.index
            let rows = index.select(query, at: now, textMatches: kept!.searches.last?.matches)
            return IncidentSelection(ids: SelectedIDs(rows: rows, of: index), visibleTotal: index.count)
        }
    }
}
