import Foundation

/// A week report as the ids of what it names, with its counts: what `vtc serve` sends beside a state part
/// holding those incidents, actions and sessions, from which the client builds the same report again.
public struct WeekReportOutline: Equatable, Sendable {
    /// A follow-up item: its incident, and its place among the incident's items.
    public struct Item: Equatable, Sendable {
        public let incident: UUID
        public let index: Int

        public init(incident: UUID, index: Int) {
            self.incident = incident
            self.index = index
        }
    }

    public let week: ISOWeek
    public let units: [String]
    public let asOf: Timestamp
    public let newIncidents: [UUID]
    public let openFollowUp: [Item]
    public let overdueFollowUp: [Item]
    public let unacknowledged: [UUID]
    public let actionsOpened: [UUID]
    public let actionsDue: [UUID]
    public let actionsClosed: [UUID]
    /// Sessions by their id.
    public let supervisionSessions: [UUID]
    public let severityTrend: [WeekReport.SeverityWeek]
    public let recurringCitizens: [WeekReport.RecurringCitizen]
    /// The lengths of the whole report's lists, of which these are the first page.
    public let lengths: WeekReport.Lengths

    public init(week: ISOWeek, units: [String], asOf: Timestamp, newIncidents: [UUID], openFollowUp: [Item],
                overdueFollowUp: [Item], unacknowledged: [UUID], actionsOpened: [UUID], actionsDue: [UUID],
                actionsClosed: [UUID], supervisionSessions: [UUID], severityTrend: [WeekReport.SeverityWeek],
                recurringCitizens: [WeekReport.RecurringCitizen], lengths: WeekReport.Lengths) {
        self.week = week
        self.units = units
        self.asOf = asOf
        self.newIncidents = newIncidents
        self.openFollowUp = openFollowUp
        self.overdueFollowUp = overdueFollowUp
        self.unacknowledged = unacknowledged
        self.actionsOpened = actionsOpened
        self.actionsDue = actionsDue
        self.actionsClosed = actionsClosed
        self.supervisionSessions = supervisionSessions
        self.severityTrend = severityTrend
        self.recurringCitizens = recurringCitizens
        self.lengths = lengths
    }
}

/// What the week screen shows: the AMG's report for the units the user reads, and their open actions.
public struct WeekScreenData: Equatable, Sendable {
    /// How many entries of each list the week screen shows: a unit's week of new incidents, and a region's (a large
    /// Danish region registers about 10 000 episodes a year, some 200 a week), so that `m` and `t` pick among all of
    /// them; of a longer list the screen says how many more there are and where to see them.
    public static let pageSize = 300

    /// nil when the user may not read one of the units; with a page size, each list its first page.
    public let report: WeekReport?
    /// Not closed, the earliest due first.
    public let openActions: [ActionRecord]

    public init(report: WeekReport?, openActions: [ActionRecord]) {
        self.report = report
        self.openActions = openActions
    }

    /// The week screen's data for `user` in `state`: with `page`, each of the report's lists its first `page` entries
    /// beside its full length (`WeekReport(…, page:)`), else the whole report. Embedded mode and the server both answer
    /// with this.
    public init(week: ISOWeek, units: [String], state: VTCState, user: UserAccess, now: Timestamp, page: Int? = nil) {
        report = try? WeekReport(week: week, units: units, state: state, user: user, now: now, page: page ?? .max)
        let unitSet = Set(units)
        openActions = state.actionOrder.compactMap { state.actions[$0] }
            .filter { !$0.isClosed && unitSet.contains($0.action.unit) }
            .sorted { ($0.action.due, $0.action.title) < ($1.action.due, $1.action.title) }
    }

    /// The report's outline, and the part of `state` that holds what the report and the open actions name.
    public func outline(in state: VTCState) -> (WeekReportOutline?, VTCState) {
        guard let report else {
            return (nil, state.part(incidents: [], actions: openActions.map(\.action.id), supervisionSessions: []))
        }
        func item(_ entry: WeekReport.FollowUpEntry) -> WeekReportOutline.Item {
            WeekReportOutline.Item(incident: entry.incident.id, index: entry.incident.followUps.firstIndex(of: entry.item)!)
        }
        let outline = WeekReportOutline(
            week: report.week, units: report.units, asOf: report.asOf, newIncidents: report.newIncidents.map(\.id),
            openFollowUp: report.openFollowUp.map(item), overdueFollowUp: report.overdueFollowUp.map(item),
            unacknowledged: report.unacknowledged.map(\.id), actionsOpened: report.actionsOpened.map(\.action.id),
            actionsDue: report.actionsDue.map(\.action.id), actionsClosed: report.actionsClosed.map(\.action.id),
            supervisionSessions: report.supervisionSessions.map(\.session.id), severityTrend: report.severityTrend,
            recurringCitizens: report.recurringCitizens, lengths: report.lengths)
        let incidents = Set(outline.newIncidents + (outline.openFollowUp + outline.overdueFollowUp).map(\.incident) + outline.unacknowledged)
        let places = incidents.compactMap { state.incidents.place(of: $0) }.sorted()
        let actions = Set(outline.actionsOpened + outline.actionsDue + outline.actionsClosed + openActions.map(\.action.id))
        return (outline, state.part(incidents: places.map { state.incidents.values[$0] },
                                    actions: state.actionOrder.filter(actions.contains), supervisionSessions: report.supervisionSessions))
    }

    /// The data again from an outline and the part it came with; nil when the part lacks something the outline names.
    public init?(outline: WeekReportOutline?, openActions ids: [UUID], part: VTCState) {
        var actions: [ActionRecord] = []
        for id in ids {
            guard let action = part.actions[id] else { return nil }
            actions.append(action)
        }
        openActions = actions
        guard let outline else {
            report = nil
            return
        }
        guard let report = WeekReport(outline, in: part) else { return nil }
        self.report = report
    }
}

extension WeekReport {
    /// The report an outline describes, its records read from `part`; nil when the part lacks one, or when a list
    /// is longer than the length the outline gives it.
    init?(_ outline: WeekReportOutline, in part: VTCState) {
        let records = part.incidents.values
        func record(_ id: UUID) -> IncidentRecord? { part.incidents.place(of: id).map { records[$0] } }
        func entry(_ item: WeekReportOutline.Item) -> FollowUpEntry? {
            guard let place = part.incidents.place(of: item.incident), records[place].followUps.indices.contains(item.index) else { return nil }
            return FollowUpEntry(records: records, place: place, item: records[place].followUps[item.index])
        }
        func all<T, U>(_ values: [T], _ find: (T) -> U?) -> [U]? {
            var found: [U] = []
            for value in values {
                guard let one = find(value) else { return nil }
                found.append(one)
            }
            return found
        }
        let sessions = Dictionary(part.supervisionSessions.map { ($0.session.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard let newIncidents = all(outline.newIncidents, record), let openFollowUp = all(outline.openFollowUp, entry),
              let overdueFollowUp = all(outline.overdueFollowUp, entry), let unacknowledged = all(outline.unacknowledged, record),
              let actionsOpened = all(outline.actionsOpened, { part.actions[$0] }), let actionsDue = all(outline.actionsDue, { part.actions[$0] }),
              let actionsClosed = all(outline.actionsClosed, { part.actions[$0] }),
              let supervisionSessions = all(outline.supervisionSessions, { sessions[$0] }) else { return nil }
        week = outline.week
        units = outline.units
        asOf = outline.asOf
        self.newIncidents = newIncidents
        self.openFollowUp = openFollowUp
        self.overdueFollowUp = overdueFollowUp
        self.unacknowledged = unacknowledged
        self.actionsOpened = actionsOpened
        self.actionsDue = actionsDue
        self.actionsClosed = actionsClosed
        self.supervisionSessions = supervisionSessions
        severityTrend = outline.severityTrend
        recurringCitizens = outline.recurringCitizens
        lengths = outline.lengths
        guard zip(listed.all, lengths.all).allSatisfy({ $0 <= $1 }) else { return nil }
    }
}
