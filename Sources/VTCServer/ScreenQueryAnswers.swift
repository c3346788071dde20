import VTCCodec
import VTCModel
import VTCProtocol

/// The terminal UI's questions (`ScreenQueries`), answered on the core's
/// queue with the same model functions embedded mode runs, over the whole
/// state for the connection's user: every count and selection is of what
/// `Access.check` lets the user see, so a client holds what its screens show.
extension ServerCore {
    func home(for access: UserAccess, at now: Timestamp) -> Reply {
        let state = workspace.state
        return .home(HomeCounts(state: state, user: access, roster: workspace.roster, now: now) { query in
            state.selection(query, at: now, for: access) { self.queryIndex.index(of: $0) }.count
        })
    }

    /// The week screen's data is computed here; the snapshot bytes of the part it names are written by the work
    /// returned, off the queue, as a view's are.
    func week(_ week: ISOWeek, units: [String], at now: Timestamp, for access: UserAccess) -> @Sendable () -> Reply {
        let data = WeekScreenData(week: week, units: units, state: workspace.state, user: access, now: now)
        let (outline, part) = data.outline(in: workspace.state)
        let openActions = data.openActions.map(\.action.id)
        return {
            var snapshot: [UInt8] = []
            var writer = BinaryWriter { snapshot += $0 }
            part.writeSnapshot(to: &writer)
            writer.finish()
            return .week(outline, openActions: openActions, snapshot: snapshot)
        }
    }

    func list(_ query: IncidentQuery, at now: Timestamp, for access: UserAccess) -> Reply {
        let state = workspace.state
        let selected = state.selection(query, at: now, for: access) { queryIndex.index(of: $0) }
        return .selection(ids: selected.map(\.id), visibleTotal: visibleCounts.count(for: access, in: state))
    }
}

/// How many incidents each user may see, kept while the state has taken no
/// events: the list asks on every key, and a coordinator's count walks the region.
struct VisibleCounts {
    private var eventCount = -1
    private var counts: [UserAccess: Int] = [:]

    mutating func count(for user: UserAccess, in state: VTCState) -> Int {
        if eventCount != state.eventCount { (eventCount, counts) = (state.eventCount, [:]) }
        if let count = counts[user] { return count }
        let count = state.listableCount(for: user)
        counts[user] = count
        return count
    }
}
