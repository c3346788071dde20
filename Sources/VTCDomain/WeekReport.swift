import Foundation

/// What the AMG looks at in its weekly meeting, for one ISO week (local time)
/// and a set of units. Follow-up and acknowledgement are taken as they stood
/// at the end of the week, or now if the week is not over; withdrawn incidents are left out.
public struct WeekReport: Hashable, Sendable {
    public struct FollowUpEntry: Hashable, Sendable {
        public let incident: IncidentRecord
        public let item: FollowUpItem
    }

    public struct SeverityWeek: Hashable, Sendable {
        public let week: ISOWeek
        /// Indexed by severity − 1.
        public let counts: [Int]

        public func count(_ severity: Severity) -> Int { counts[severity.rawValue - 1] }
        public var total: Int { counts.reduce(0, +) }
    }

    /// A citizen reference (a unit's own resident code) in several recent episodes:
    /// a signal to revisit that citizen's risk assessment and plan.
    public struct RecurringCitizen: Hashable, Sendable {
        public let unit: String
        public let citizenRef: String
        public let incidents: [UUID]
        public var episodes: Int { incidents.count }
    }

    public static let trendWeeks = 12

    public let week: ISOWeek
    public let units: [String]
    /// The moment follow-up and acknowledgement are taken at.
    public let asOf: Timestamp
    /// Registered during the week, newest first.
    public let newIncidents: [IncidentRecord]
    /// Open and not yet due at `asOf`, the earliest due first.
    public let openFollowUp: [FollowUpEntry]
    /// Open and past due at `asOf`, the longest overdue first.
    public let overdueFollowUp: [FollowUpEntry]
    /// Registered by `asOf` and not acknowledged by then, the oldest first.
    public let unacknowledged: [IncidentRecord]
    public let actionsOpened: [ActionRecord]
    /// Due on a day of the week, whether closed or not.
    public let actionsDue: [ActionRecord]
    public let actionsClosed: [ActionRecord]
    /// Counts per severity by when the episodes occurred: the 12 weeks before and this week, oldest first.
    public let severityTrend: [SeverityWeek]
    /// Held on a day of the week.
    public let supervisionSessions: [SupervisionRecord]
    /// References in `recurringEpisodes` or more episodes in the `recurringWindowDays` days before the week ends.
    public let recurringCitizens: [RecurringCitizen]

    /// Throws the refusal for the first unit the user may not read.
    public init(week: ISOWeek, units: [String], state: VTCState, user: UserAccess, now: Timestamp,
                recurringEpisodes: Int = 3, recurringWindowDays: Int = 30) throws(AccessRefusal) {
        for unit in units {
            if case .refused(let refusal) = Access.check(user, .readUnit(unit: unit)) { throw refusal }
        }
        let zone = state.policy.zone
        let (start, end) = (week.start(in: zone).epochSeconds, week.end(in: zone).epochSeconds)
        let asOf = Timestamp(epochSeconds: min(now.epochSeconds, end)).expressed(in: zone)
        let unitSet = Set(units)
        let incidents = state.incidentsInRegistrationOrder.filter { !$0.isWithdrawn && unitSet.contains($0.facts.unit) }
        let known = incidents.filter { $0.registeredAt.epochSeconds <= asOf.epochSeconds }
        func during(_ t: Timestamp) -> Bool { (start..<end).contains(t.epochSeconds) }

        self.week = week
        self.units = units
        self.asOf = asOf
        newIncidents = incidents.filter { during($0.registeredAt) }.sorted(by: IncidentQuery.newerFirst)

        let pending = known.flatMap { record in
            record.followUps
                .filter { item in item.outcome.map { $0.at.epochSeconds > asOf.epochSeconds } ?? true }
                .map { FollowUpEntry(incident: record, item: $0) }
        }.sorted { $0.item.due.epochSeconds < $1.item.due.epochSeconds }
        overdueFollowUp = pending.filter { asOf.epochSeconds > $0.item.due.epochSeconds }
        openFollowUp = pending.filter { asOf.epochSeconds <= $0.item.due.epochSeconds }
        unacknowledged = known.filter { record in
            record.acknowledgement.map { $0.at.epochSeconds > asOf.epochSeconds } ?? true
        }

        let actions = state.actionOrder.compactMap { state.actions[$0] }.filter { unitSet.contains($0.action.unit) }
        actionsOpened = actions.filter { during($0.openedAt) }
        actionsDue = actions.filter { week.contains($0.action.due) }
        actionsClosed = actions.filter { $0.closure.map { during($0.at) } ?? false }
        supervisionSessions = state.supervisionSessions.filter { unitSet.contains($0.session.unit) && week.contains($0.session.date) }

        var counts: [ISOWeek: [Int]] = [:]
        for record in incidents {
            let occurred = ISOWeek(containing: record.facts.occurredAt, in: zone)
            counts[occurred, default: Array(repeating: 0, count: Severity.all.count)][record.facts.severity.rawValue - 1] += 1
        }
        var trendWeek = week
        var trend: [SeverityWeek] = []
        for _ in 0...WeekReport.trendWeeks {
            trend.append(SeverityWeek(week: trendWeek, counts: counts[trendWeek] ?? Array(repeating: 0, count: Severity.all.count)))
            trendWeek = trendWeek.previous
        }
        severityTrend = trend.reversed()

        let windowStart = zone.adding(days: -recurringWindowDays, to: week.end(in: zone)).epochSeconds
        var byCitizen: [String: [String: [IncidentRecord]]] = [:]
        for record in incidents {
            guard let ref = record.facts.citizenRef, !ref.isEmpty,
                  (windowStart..<end).contains(record.facts.occurredAt.epochSeconds) else { continue }
            byCitizen[record.facts.unit, default: [:]][ref, default: []].append(record)
        }
        recurringCitizens = byCitizen.flatMap { unit, refs in
            refs.filter { $0.value.count >= recurringEpisodes }.map { ref, records in
                RecurringCitizen(unit: unit, citizenRef: ref,
                                 incidents: records.sorted { $0.facts.occurredAt < $1.facts.occurredAt }.map(\.id))
            }
        }.sorted { a, b in
            a.episodes != b.episodes ? a.episodes > b.episodes : (a.unit, a.citizenRef) < (b.unit, b.citizenRef)
        }
    }
}
