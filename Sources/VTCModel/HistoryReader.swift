/// Reads back the events of an incident's history. The state keeps only
/// their positions; the events themselves stay where they are kept: the
/// log, or the array a state was replayed from.
public struct HistoryReader: Sendable {
    private let read: @Sendable (_ positions: [Int]) -> [Event]?

    /// `read` returns the events at these positions (from 1), or nil when they cannot be read.
    public init(_ read: @escaping @Sendable (_ positions: [Int]) -> [Event]?) { self.read = read }

    /// For a state replayed from `events`.
    public init(events: [Event]) {
        self.init { positions in
            positions.allSatisfy { $0 >= 1 && $0 <= events.count } ? positions.map { events[$0 - 1] } : nil
        }
    }

    /// The incident's events in log order; nil when they cannot be read back.
    public func events(of record: IncidentRecord) -> [Event]? { read(record.history) }

    /// The events at these positions (from 1); nil when one cannot be read back.
    public func events(at positions: [Int]) -> [Event]? { read(positions) }
}
