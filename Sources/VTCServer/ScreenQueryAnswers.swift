import VTCCodec
import VTCModel
import VTCProtocol

/// The terminal UI's questions (`ScreenQueries`), answered with the same model functions embedded mode runs
/// (`StateQueries`), over the whole state for the connection's user: every count and selection is of what
/// `Access.check` lets the user see, so a client holds what its screens show. The state is taken on the
/// core's queue (a copy that later writes do not change) and the answer computed on the connection's own
/// queue, so that writes never wait for a coordinator's week or list.
extension ServerCore {
    func screenAnswer(_ request: Request, for access: UserAccess) -> @Sendable () -> Reply {
        let queries = StateQueries(state: workspace.state, user: access, roster: workspace.roster, cache: listCaches.cache(for: access),
                                   queues: followUpQueues)
        // The index of every incident is brought up to date here, on the queue, for the home's counts and the list of
        // a user who sees much of the region (`StateQueries.home(at:everyIncident:)`, `list(…everyIncident:)`).
        let everyIncident: IncidentIndex? = switch request {
        case .home, .list: queries.state.selectsFromEveryIncident(for: access) ? queryIndex.index(of: queries.state) : nil
        default: nil
        }
        return {
            switch request {
            case .home(let at):
                return .home(queries.home(at: at, everyIncident: everyIncident))
            case .list(let query, let at, let window, let kept):
                return .selection(queries.list(query, at: at, window: window, keeping: kept, everyIncident: everyIncident))
            case .followUps(let at, let rows):
                return .followUps(queries.followUpQueue(at: at, rows: rows ?? 0..<Int.max))
            case .week(let week, let units, let at, let page):
                let data = queries.week(week, units: units, at: at, page: page)
                let (outline, part) = data.outline(in: queries.state)
                var snapshot: [UInt8] = []
                var writer = BinaryWriter { snapshot += $0 }
                part.writeSnapshot(to: &writer)
                writer.finish()
                return .week(outline, openActions: data.openActions.map(\.action.id), snapshot: snapshot)
            case .statistics(let period, let units):
                return .statistics(queries.statistics(period, units: units))
            default:
                return .protocolError("not a screen's question")
            }
        }
    }
}

/// The list caches of the users who listed last. Each holds its user's index (of a user who sees less than a quarter
/// of the region), or the rows of the index of every incident the user may see, with the texts searched, so only a
/// few are kept.
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
