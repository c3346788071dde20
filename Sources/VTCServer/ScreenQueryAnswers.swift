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

    /// A list is selected as embedded mode selects it, through an index of what the user may see that is kept
    /// (for the last few users who listed) while the state takes no events, with the texts searched: a typed
    /// character narrows the last result.
    func list(_ query: IncidentQuery, at now: Timestamp, for access: UserAccess) -> Reply {
        let queries = StateQueries(state: workspace.state, user: access, roster: workspace.roster, cache: listCaches.cache(for: access))
        let selection = queries.list(query, at: now)
        return .selection(ids: Array(selection.ids), visibleTotal: selection.visibleTotal)
    }
}

/// The list caches of the users who listed last. Each holds its user's index (a coordinator's of a region:
/// 30–40 MB), so only a few are kept.
struct ListCaches {
    static let kept = 4
    private var caches: [(user: UserAccess, cache: ListCache)] = []

    mutating func cache(for user: UserAccess) -> ListCache {
        if let place = caches.firstIndex(where: { $0.user == user }) {
            caches.append(caches.remove(at: place))
        } else {
            caches.append((user, ListCache()))
            if caches.count > Self.kept { caches.removeFirst() }
        }
        return caches[caches.count - 1].cache
    }
}
