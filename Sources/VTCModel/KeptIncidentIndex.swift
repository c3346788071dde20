/// The index of every incident of a state, kept between list queries so that a query costs what it selects and
/// returns, not what its user may see. It is built again only when the state has taken events since (an append,
/// an amendment, a withdrawal: the event count moved) or is another state altogether (`forget`).
public struct KeptIncidentIndex: Sendable {
    private var kept: (eventCount: Int, index: IncidentIndex)?

    public init() {}

    /// The index of every incident of `state`, which must be the state this keeper was last asked about, or
    /// that state with events applied since, or any state after `forget`.
    public mutating func index(of state: VTCState) -> IncidentIndex {
        if let kept, kept.eventCount == state.eventCount { return kept.index }
        let index = IncidentIndex(everyIncidentOf: state)
        kept = (state.eventCount, index)
        return index
    }

    /// For a state that is not the last one with events applied (a log read again).
    public mutating func forget() { kept = nil }
}
