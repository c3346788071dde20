import Foundation

/// What `vtc list`'s table shows of one incident at a time, and nothing more: a coordinator's list is
/// thousands of rows, and through `vtc serve` these travel instead of the incidents' whole records
/// (follow-up with outcomes, notes, history), which the table never reads.
public struct IncidentRow: Hashable, Sendable {
    public let id: UUID
    /// The day it occurred, in the policy's zone.
    public let occurred: CalendarDate
    public let unit: String
    public let kind: EpisodeKind
    public let severity: Severity
    public let citizenRef: String?
    public let isAcknowledged: Bool
    /// Follow-up items open, and open and past due, at the row's time.
    public let openFollowUps: Int
    public let overdueFollowUps: Int

    public init(id: UUID, occurred: CalendarDate, unit: String, kind: EpisodeKind, severity: Severity, citizenRef: String?,
                isAcknowledged: Bool, openFollowUps: Int, overdueFollowUps: Int) {
        self.id = id
        self.occurred = occurred
        self.unit = unit
        self.kind = kind
        self.severity = severity
        self.citizenRef = citizenRef
        self.isAcknowledged = isAcknowledged
        self.openFollowUps = openFollowUps
        self.overdueFollowUps = overdueFollowUps
    }

    /// The row of a record at `now`, its day in `zone`. Inlined, so that a row taken from a record in place reads
    /// the fields it needs and copies no record (a retain of each of its strings and arrays).
    @inline(__always)
    public init(_ record: IncidentRecord, at now: Timestamp, zone: Zone) {
        var open = 0, overdue = 0
        for item in record.followUps {
            switch item.status(at: now) {
            case .open: open += 1
            case .overdue: overdue += 1
            case .done, .declined, .notRelevant: break
            }
        }
        self.init(id: record.id, occurred: zone.local(record.facts.occurredAt).date, unit: record.facts.unit,
                  kind: record.facts.kind, severity: record.facts.severity, citizenRef: record.facts.citizenRef,
                  isAcknowledged: record.acknowledgement != nil, openFollowUps: open, overdueFollowUps: overdue)
    }
}

extension IncidentQuery {
    /// The rows of the incidents the query selects, in its order: `run(on:for:at:)`'s records, each as its row
    /// at `now` in the state's zone. Embedded mode's `vtc list` table; the server answers `list_rows` with the
    /// same rows of its selection.
    public func rows(on state: VTCState, for user: UserAccess, at now: Timestamp) -> [IncidentRow] {
        run(on: state, for: user, at: now).map { IncidentRow($0, at: now, zone: state.policy.zone) }
    }
}

extension VTCState {
    /// The rows of `selection`'s incidents, in the query's order: what `IncidentQuery.rows` gives on the
    /// user's view, selected as `selection` selects (for a user who sees much, from `everyIncident`'s index),
    /// with no record copied.
    public func rows(_ query: IncidentQuery, at now: Timestamp, for user: UserAccess,
                     everyIncident: (VTCState) -> IncidentIndex) -> [IncidentRow] {
        let zone = policy.zone
        let places = selectedPlaces(query, at: now, for: user, everyIncident: everyIncident)
        // Each record lent through the buffer, not copied.
        return incidents.values.withUnsafeBufferPointer { records in
            places.map { IncidentRow(records[$0], at: now, zone: zone) }
        }
    }
}
