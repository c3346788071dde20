/// The index of every incident of a state, kept between list queries so that a query costs what it selects and
/// returns, not what its user may see. When the state has taken events since, the index is brought up to date
/// with the records they added or changed (`IncidentTable.changes`: a registration adds one; an amendment,
/// acknowledgement, follow-up, note or withdrawal changes its incident, and the follow-up derived again for
/// other episodes of the same citizen changes those); it is built anew only for another state altogether, or
/// when so many records changed that building costs less.
public struct KeptIncidentIndex: Sendable {
    private var kept: (changes: (line: IncidentChanges.Line, count: Int), index: IncidentIndex)?

    public init() {}

    /// The index of every incident of `state`, which must be the state this keeper was last asked about, that
    /// state with events applied since, or another state altogether (one read anew).
    public mutating func index(of state: VTCState) -> IncidentIndex {
        let changes = state.incidents.changes
        // Taken out, so that the index is updated in place: its columns of text are then moved, not copied.
        guard var current = kept.take(), let changed = changes.places(since: current.changes) else {
            let index = IncidentIndex(everyIncidentOf: state)
            kept = ((changes.line, changes.count), index)
            return index
        }
        if !changed.isEmpty {
            // Each change moves every column once; a build reads and sorts every record.
            if changed.count <= current.index.count / 16 + 64 {
                current.index.update(to: state, changing: changed)
            } else {
                current.index = IncidentIndex(everyIncidentOf: state)
            }
        }
        current.changes = (changes.line, changes.count)
        kept = current
        return current.index
    }
}
