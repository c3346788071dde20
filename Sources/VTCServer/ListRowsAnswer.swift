import VTCModel
import VTCProtocol

extension ServerCore {
    /// `vtc list`'s table rows of the incidents the query selects for the user (`list_rows`): only incidents
    /// `Access.check` lets the user see, each as its `IncidentRow`, not its record. As the screens' answers,
    /// the state is taken here, on the core's queue, with the index of every incident brought up to date for a
    /// user who sees much of the region, and the rows are made on the connection's own queue.
    func rowsAnswer(_ query: IncidentQuery, at: Timestamp, for access: UserAccess) -> @Sendable () -> Reply {
        let state = workspace.state
        let everyIncident: IncidentIndex? = state.selectsFromEveryIncident(for: access) ? queryIndex.index(of: state) : nil
        return {
            .rows(state.rows(query, at: at, for: access) { everyIncident ?? IncidentIndex(everyIncidentOf: $0) })
        }
    }
}
