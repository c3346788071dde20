import Foundation

/// What the AMG looks at in its weekly meeting, for one ISO week (local time)
/// and a set of units. Follow-up and acknowledgement are taken as they stood
/// at the end of the week, or now if the week is not over; withdrawn incidents are left out.
public struct WeekReport: Hashable, Sendable {
    /// One follow-up item and its incident. The incident is read from the
    /// state's table when asked for, so that a region's thousands of entries
    /// do not each carry a copy of their incident.
    public struct FollowUpEntry: Hashable, Sendable {
        private let records: [IncidentRecord]
        private let place: Int
        public let item: FollowUpItem

        init(records: [IncidentRecord], place: Int, item: FollowUpItem) {
            self.records = records
            self.place = place
            self.item = item
        }

        public var incident: IncidentRecord { records[place] }

        public static func == (a: FollowUpEntry, b: FollowUpEntry) -> Bool { a.incident == b.incident && a.item == b.item }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(incident.id)
            hasher.combine(item)
        }
    }

    /// The week's headline numbers, as the lists would count them.
    public struct Numbers: Hashable, Sendable {
        public var new: Int
        public var open: Int
        public var overdue: Int
        public var unacknowledged: Int

        public init(new: Int = 0, open: Int = 0, overdue: Int = 0, unacknowledged: Int = 0) {
            self.new = new
            self.open = open
            self.overdue = overdue
            self.unacknowledged = unacknowledged
        }
    }

    public struct SeverityWeek: Hashable, Sendable {
        public let week: ISOWeek
        /// Indexed by severity − 1.
        public let counts: [Int]

        public init(week: ISOWeek, counts: [Int]) {
            self.week = week
            self.counts = counts
        }

        public func count(_ severity: Severity) -> Int { counts[severity.rawValue - 1] }
        public var total: Int { counts.reduce(0, +) }
    }

    /// A citizen reference (a unit's own resident code) in several recent episodes:
    /// a signal to revisit that citizen's risk assessment and plan.
    public struct RecurringCitizen: Hashable, Sendable {
        public let unit: String
        public let citizenRef: String
        public let incidents: [UUID]
        public init(unit: String, citizenRef: String, incidents: [UUID]) {
            self.unit = unit
            self.citizenRef = citizenRef
            self.incidents = incidents
        }

        public var episodes: Int { incidents.count }
    }

    public static let trendWeeks = 12

    /// How many entries each of the report's lists has in the whole report: a page of it (`page`) holds
    /// the first entries of each list, and these its full lengths.
    public struct Lengths: Hashable, Sendable {
        public var newIncidents: Int
        public var openFollowUp: Int
        public var overdueFollowUp: Int
        public var unacknowledged: Int
        public var actionsOpened: Int
        public var actionsDue: Int
        public var actionsClosed: Int
        public var supervisionSessions: Int
        public var recurringCitizens: Int

        public init(newIncidents: Int, openFollowUp: Int, overdueFollowUp: Int, unacknowledged: Int, actionsOpened: Int,
                    actionsDue: Int, actionsClosed: Int, supervisionSessions: Int, recurringCitizens: Int) {
            self.newIncidents = newIncidents
            self.openFollowUp = openFollowUp
            self.overdueFollowUp = overdueFollowUp
            self.unacknowledged = unacknowledged
            self.actionsOpened = actionsOpened
            self.actionsDue = actionsDue
            self.actionsClosed = actionsClosed
            self.supervisionSessions = supervisionSessions
            self.recurringCitizens = recurringCitizens
        }

        /// Every length, in the order the report declares its lists.
        public var all: [Int] {
            [newIncidents, openFollowUp, overdueFollowUp, unacknowledged, actionsOpened, actionsDue, actionsClosed,
             supervisionSessions, recurringCitizens]
        }
    }

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
    /// The lengths of the lists in the whole report; more than the lists hold in a page of it (`page`).
    public let lengths: Lengths

    /// The lengths of the lists this report holds.
    var listed: Lengths {
        Lengths(newIncidents: newIncidents.count, openFollowUp: openFollowUp.count, overdueFollowUp: overdueFollowUp.count,
                unacknowledged: unacknowledged.count, actionsOpened: actionsOpened.count, actionsDue: actionsDue.count,
                actionsClosed: actionsClosed.count, supervisionSessions: supervisionSessions.count,
                recurringCitizens: recurringCitizens.count)
    }

    /// What belongs to a week for a set of units: one decision per incident, shared by the report and its numbers.
    private struct Scope {
        let start: Int64
        let end: Int64
        let asOf: Timestamp
        let units: Set<String>

        /// Throws the refusal for the first unit the user may not read.
        init(week: ISOWeek, units: [String], zone: Zone, user: UserAccess, now: Timestamp) throws(AccessRefusal) {
            for unit in units {
                if case .refused(let refusal) = Access.check(user, .readUnit(unit: unit)) { throw refusal }
            }
            (start, end) = (week.start(in: zone).epochSeconds, week.end(in: zone).epochSeconds)
            asOf = Timestamp(epochSeconds: min(now.epochSeconds, end)).expressed(in: zone)
            self.units = Set(units)
        }

        func during(_ t: Timestamp) -> Bool { (start..<end).contains(t.epochSeconds) }
        /// Asked with the record's fields, not the record: a region's week asks it of every incident, and passing the
        /// record made a copy of each.
        func covers(unit: String, withdrawn: Bool) -> Bool { !withdrawn && units.contains(unit) }
        /// Registered by `asOf`.
        func knows(_ record: borrowing IncidentRecord) -> Bool { record.registeredAt.epochSeconds <= asOf.epochSeconds }
        func isPending(_ item: FollowUpItem) -> Bool { item.outcome.map { $0.at.epochSeconds > asOf.epochSeconds } ?? true }
        func isOverdue(dueAt seconds: Int64) -> Bool { asOf.epochSeconds > seconds }
        func isUnacknowledged(_ record: borrowing IncidentRecord) -> Bool {
            record.acknowledgement.map { $0.at.epochSeconds > asOf.epochSeconds } ?? true
        }
    }

    /// The headline numbers alone, without building the lists: what the home screen shows.
    public static func numbers(week: ISOWeek, units: [String], state: VTCState, user: UserAccess,
                               now: Timestamp) throws(AccessRefusal) -> Numbers {
        let scope = try Scope(week: week, units: units, zone: state.policy.zone, user: user, now: now)
        var numbers = Numbers()
        for record in state.incidents.values where scope.covers(unit: record.facts.unit, withdrawn: record.isWithdrawn) {
            if scope.during(record.registeredAt) { numbers.new += 1 }
            guard scope.knows(record) else { continue }
            if scope.isUnacknowledged(record) { numbers.unacknowledged += 1 }
            for item in record.followUps where scope.isPending(item) {
                if scope.isOverdue(dueAt: item.due.epochSeconds) { numbers.overdue += 1 } else { numbers.open += 1 }
            }
        }
        return numbers
    }

    /// The report, each list its first `page` entries in the report's order (all of them unless said), the lengths,
    /// numbers and trend those of the whole week: a region's week can name 165 000 overdue items, which the week
    /// screen does not show line by line. Throws the refusal for the first unit the user may not read.
    public init(week: ISOWeek, units: [String], state: VTCState, user: UserAccess, now: Timestamp, page: Int = .max,
                recurringEpisodes: Int = 3, recurringWindowDays: Int = 30) throws(AccessRefusal) {
        let zone = state.policy.zone
        let scope = try Scope(week: week, units: units, zone: zone, user: user, now: now)
        let (end, asOf, unitSet) = (scope.end, scope.asOf, scope.units)
        // Records are read in place, through the buffer, and copied only into the lists: a region's week walks
        // 200 000 of them, and a copy of each costs more than the rest of the walk.
        let records = state.incidents.values
        let places = records.withUnsafeBufferPointer { buffer in
            buffer.indices.filter { scope.covers(unit: buffer[$0].facts.unit, withdrawn: buffer[$0].isWithdrawn) }
        }

        self.week = week
        self.units = units
        self.asOf = asOf
        let new = records.withUnsafeBufferPointer { buffer in
            places.filter { scope.during(buffer[$0].registeredAt) }.map { buffer[$0] }.sorted(by: IncidentQuery.newerFirst)
        }
        newIncidents = Array(new.prefix(page))

        // Pending items as their due time and place, sorted (the earliest due first, ties in the records' order), and
        // made entries only for the pages.
        var pending: [(due: Int64, place: Int, index: Int)] = []
        records.withUnsafeBufferPointer { buffer in
            for place in places where scope.knows(buffer[place]) {
                for (index, item) in buffer[place].followUps.enumerated() where scope.isPending(item) {
                    pending.append((item.due.epochSeconds, place, index))
                }
            }
        }
        pending.sort { ($0.due, $0.place, $0.index) < ($1.due, $1.place, $1.index) }
        let overdue = pending.filter { scope.isOverdue(dueAt: $0.due) }
        let open = pending.filter { !scope.isOverdue(dueAt: $0.due) }
        func entries(_ items: ArraySlice<(due: Int64, place: Int, index: Int)>) -> [FollowUpEntry] {
            items.map { FollowUpEntry(records: records, place: $0.place, item: records[$0.place].followUps[$0.index]) }
        }
        overdueFollowUp = entries(overdue.prefix(page))
        openFollowUp = entries(open.prefix(page))
        let unacknowledgedPlaces = records.withUnsafeBufferPointer { buffer in
            places.filter { scope.knows(buffer[$0]) && scope.isUnacknowledged(buffer[$0]) }
        }
        unacknowledged = unacknowledgedPlaces.prefix(page).map { records[$0] }

        let actions = state.actionOrder.compactMap { state.actions[$0] }.filter { unitSet.contains($0.action.unit) }
        let opened = actions.filter { scope.during($0.openedAt) }
        let due = actions.filter { week.contains($0.action.due) }
        let closed = actions.filter { $0.closure.map { scope.during($0.at) } ?? false }
        let sessions = state.supervisionSessions.filter { unitSet.contains($0.session.unit) && week.contains($0.session.date) }
        (actionsOpened, actionsDue, actionsClosed) = (Array(opened.prefix(page)), Array(due.prefix(page)), Array(closed.prefix(page)))
        supervisionSessions = Array(sessions.prefix(page))

        var firstTrendWeek = week
        for _ in 0..<WeekReport.trendWeeks { firstTrendWeek = firstTrendWeek.previous }
        let trendSpan = firstTrendWeek.start(in: zone).epochSeconds..<end
        var counts: [ISOWeek: [Int]] = [:]
        records.withUnsafeBufferPointer { buffer in
            for place in places where trendSpan.contains(buffer[place].facts.occurredAt.epochSeconds) {
                let occurred = ISOWeek(containing: buffer[place].facts.occurredAt, in: zone)
                counts[occurred, default: Array(repeating: 0, count: Severity.all.count)][buffer[place].facts.severity.rawValue - 1] += 1
            }
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
        records.withUnsafeBufferPointer { buffer in
            for place in places where (windowStart..<end).contains(buffer[place].facts.occurredAt.epochSeconds) {
                guard let ref = buffer[place].facts.citizenRef, !ref.isEmpty else { continue }
                byCitizen[buffer[place].facts.unit, default: [:]][ref, default: []].append(buffer[place])
            }
        }
        let recurring = byCitizen.flatMap { unit, refs in
            refs.filter { $0.value.count >= recurringEpisodes }.map { ref, records in
                RecurringCitizen(unit: unit, citizenRef: ref,
                                 incidents: records.sorted { $0.facts.occurredAt < $1.facts.occurredAt }.map(\.id))
            }
        }.sorted { a, b in
            a.episodes != b.episodes ? a.episodes > b.episodes : (a.unit, a.citizenRef) < (b.unit, b.citizenRef)
        }
        recurringCitizens = Array(recurring.prefix(page))
        lengths = Lengths(newIncidents: new.count, openFollowUp: open.count, overdueFollowUp: overdue.count,
                          unacknowledged: unacknowledgedPlaces.count, actionsOpened: opened.count, actionsDue: due.count,
                          actionsClosed: closed.count, supervisionSessions: sessions.count, recurringCitizens: recurring.count)
    }
}
