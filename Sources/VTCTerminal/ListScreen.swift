import Foundation
import VTCModel
import VTCTexts
import TerminalKit

/// Every incident the user may see, as a table, newest or most urgent first,
/// narrowed by severity, unit, period, open/overdue/unacknowledged follow-up
/// and a free-text search. The selection is asked of `context.queries` (embedded:
/// an `IncidentIndex` of the visible incidents, built when the log grows, so that a
/// filter or order key is one pass over its columns; through a server: the
/// server's selection). The screen holds the ids of a window of rows around the
/// selected one, asks for the next window as it scrolls, and drawing asks for the
/// records of the rows on screen only, so that a region's selection never travels whole.
public struct ListScreen: Screen {
    public enum Period: CaseIterable, Sendable {
        case all
        case thisWeek
        case last30Days
        case thisHalfYear
        case thisYear
    }

    public private(set) var severities: Set<Severity> = []
    /// nil: every unit the user may see.
    public private(set) var unit: String?
    public private(set) var period: Period = .all
    public private(set) var onlyOpen = false
    public private(set) var onlyOverdue = false
    public private(set) var onlyUnacknowledged = false
    public private(set) var order: IncidentQuery.Order = .newestFirst
    /// The search text the shown rows are filtered by.
    public private(set) var searchText = ""
    /// The search field while it is open at the bottom.
    private var searchField: TextField?
    /// The selection shown: how many, the ids of a window of rows around the selected one, and how many the user
    /// may see; asked of `context.queries` on each filter or search key and when the log grows, and for another
    /// window when the selected row leaves this one.
    private var shown = IncidentSelection.none
    /// The query `shown` answers and the time it was asked at, which a window scrolled to is asked of again.
    private var asked: (query: IncidentQuery, at: Timestamp)?
    /// The ids of the rows in the window held: every row of a list of fewer than `windowRows`.
    public var ids: [UUID] { Array(shown.ids) }
    /// How many incidents are selected (the N of "N of M").
    public var count: Int { shown.count }
    /// Incidents the user may see at all (the M of "N of M").
    public var visibleTotal: Int { shown.visibleTotal }
    /// The rows asked for around the selected one: many screenfuls, so that only a long scroll asks again.
    static let windowRows = 256
    public private(set) var selection: ListSelection
    private let units: [String]
    private var computed: RefreshStamp?

    /// `pageHeight` is how far PgUp/PgDn move until the first resize says how tall the terminal is.
    public init(context: AppContext, pageHeight: Int = 16) {
        units = context.roster.units.filter { context.user.belongs(to: $0) }
        selection = ListSelection(count: 0, pageHeight: pageHeight)
        refresh(context)
    }

    /// The incident on the selected row; nil while the rows are being replaced and the row is gone.
    public var selectedID: UUID? { shown.id(at: selection.selected) }

    public func title(_ context: AppContext) -> String { context.texts[.incidents] }

    public func helpEntries(_ context: AppContext) -> [HelpEntry] {
        let t = context.texts
        if searchField != nil {
            return [HelpEntry("Enter", t[.search], priority: 9), HelpEntry("Esc", t[.helpCancel], priority: 9),
                    HelpEntry("↑↓", t[.helpScroll], priority: 5)]
        }
        // A leader's daily round comes first: unacknowledged, overdue, most urgent first.
        return [
            HelpEntry("Enter", t[.helpOpen], priority: 10),
            HelpEntry("/", t[.search], priority: 9),
            HelpEntry("k", t[.helpUnacknowledged], priority: 8),
            HelpEntry("d", t[.filterOverdue], priority: 8),
            HelpEntry("o", t[.helpSort], priority: 7),
            HelpEntry("u", t.label(RegistrationField.unit), priority: 6),
            HelpEntry("1–5", t[.helpSeverityFilter], priority: 5),
            HelpEntry("p", t[.period], priority: 4),
            HelpEntry("a", t[.filterOpen], priority: 3),
            HelpEntry("0", t[.helpClearSeverity], priority: 2),
        ]
    }

    public mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        if case .resize(let size) = key {
            selection.pageHeight = max(1, size.height - ListScreen.rowsAroundTable)
            return nil
        }
        if var field = searchField {
            switch key {
            case .enter:
                searchField = nil
            case .escape:
                searchField = nil
                search("", context)
            default:
                if field.handle(key) {
                    searchField = field
                    search(field.text, context)
                } else if selection.handle(key) {
                    followSelection(context)
                }
            }
            return nil
        }
        if selection.handle(key) {
            followSelection(context)
            return nil
        }
        switch key {
        case .enter:
            guard let id = selectedID else { return nil }
            return .push(DetailScreen(incident: id))
        case .escape:
            return .back
        case .character("/"):
            searchField = TextField(text: searchText, width: 40)
        case .character(let c) where ("1"..."5").contains(c):
            let severity = Severity(rawValue: Int(String(c))!)!
            if severities.contains(severity) { severities.remove(severity) } else { severities.insert(severity) }
            refilter(context)
        case .character("0"):
            severities = []
            refilter(context)
        case .character("u"):
            let next = unit.flatMap { units.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            unit = next < units.count ? units[next] : nil
            refilter(context)
        case .character("p"):
            let all = Period.allCases
            period = all[(all.firstIndex(of: period)! + 1) % all.count]
            refilter(context)
        case .character("a"):
            onlyOpen.toggle()
            refilter(context)
        case .character("d"):
            onlyOverdue.toggle()
            refilter(context)
        case .character("k"):
            onlyUnacknowledged.toggle()
            refilter(context)
        case .character("o"):
            // A new order is read from its start: the most urgent or the newest first.
            order = order == .newestFirst ? .mostUrgentFirst : .newestFirst
            refilter(context)
            selection.select(0)
            followSelection(context)
        default:
            return nil
        }
        return nil
    }

    public mutating func refresh(_ context: AppContext) {
        guard computed != RefreshStamp(context) else { return }
        computed = RefreshStamp(context)
        refilter(context)
    }

    /// The rows shown in a table of `height` rows under its header, built for those rows only; a table taller than
    /// the window held asks for a window of its rows.
    func visibleRows(_ context: AppContext, height: Int) -> [(index: Int, row: TableRow)] {
        let positions = selection.visibleRows(height: height)
        let page = shown.holds(positions) || asked == nil ? shown
            : context.queries.list(asked!.query, at: asked!.at, window: ListWindow(offset: positions.lowerBound, limit: positions.count),
                                   keeping: nil)
        let ids = positions.map { page.id(at: $0) }
        let records = context.queries.incidents(ids.compactMap { $0 })
        return zip(positions, ids).compactMap { index, id in
            id.flatMap { records[$0] }.map { (index, ListScreen.row(for: $0, context)) }
        }
    }

    public func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        guard area.height > 2, area.width > 10 else { return nil }
        let t = context.texts
        buffer.fill(area)
        let count = t.message(.countOf(shown: shown.count, total: visibleTotal))
        let countWidth = DisplayWidth.of(count)
        buffer.put(SafeText.truncate(filterSummary(context), toWidth: area.width - countWidth - 2), x: area.x, y: area.y,
                   style: .role(.muted))
        buffer.put(count, x: area.x + area.width - countWidth, y: area.y, style: .bold)

        let searchRows = searchField != nil || !searchText.isEmpty ? 1 : 0
        let tableRect = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - searchRows)
        let rows = visibleRows(context, height: tableRect.height - 1)
        let byIndex = Dictionary(uniqueKeysWithValues: rows.map { ($0.index, $0.row) })
        Table.render(columns: ListScreen.columns(context), selection: selection, into: &buffer, rect: tableRect) { index in
            byIndex[index] ?? TableRow([])
        }
        if rows.isEmpty {
            buffer.put(SafeText.truncate(t[.noMatchingIncidents], toWidth: area.width), x: area.x, y: tableRect.y + 1,
                       style: .role(.muted))
        }
        guard searchRows == 1 else { return nil }
        let y = area.y + area.height - 1
        let prompt = t[.search] + ": "
        let promptWidth = buffer.put(prompt, x: area.x, y: y, style: .bold)
        if var field = searchField {
            field.width = max(1, area.width - promptWidth)
            return field.render(into: &buffer, x: area.x + promptWidth, y: y, style: .underline)
        }
        buffer.put(searchText, x: area.x + promptWidth, y: y, maxWidth: area.width - promptWidth)
        return nil
    }

    /// Rows the list takes besides the table's rows: the shell's frame, the filter line, the header.
    static let rowsAroundTable = 8

    /// Each column as wide as the widest label it can hold, in the language on screen, so that a column
    /// is shown whole or left out (involvement first) but never cut.
    static func columns(_ context: AppContext) -> [TableColumn] {
        let t = context.texts
        func whole(_ header: String, _ values: [String], priority: Int) -> TableColumn { TableColumn.whole(header, values, priority: priority) }
        return [
            TableColumn(t.label(RegistrationField.occurredAt), minWidth: 16, maxWidth: 16, priority: 10),
            UnitColumn.column(context, priority: 6),
            TableColumn(t[.columnSeverity], minWidth: 5, maxWidth: 5, priority: 9),
            whole(t.label(RegistrationField.kind), EpisodeKind.allCases.map(t.label), priority: 7),
            whole(t.label(RegistrationField.involvement), Involvement.allCases.map(t.label), priority: 3),
            TableColumn(t[.followUp], minWidth: 14, maxWidth: 16, priority: 8),
            whole(t[.columnAcknowledged], [t[.yes], t[.no]], priority: 5),
        ]
    }

    static func row(for record: IncidentRecord, _ context: AppContext) -> TableRow {
        let t = context.texts
        let facts = record.facts
        let statuses = record.followUps.map { $0.status(at: context.now) }
        let overdue = statuses.filter { $0 == .overdue }.count
        let open = statuses.filter { $0 == .open }.count
        let followUp = overdue > 0 ? t.message(.overdueItems(overdue)) : open > 0 ? t.message(.openItems(open)) : t[.followUpComplete]
        return TableRow([
            LocalTimeText.format(facts.occurredAt, in: context.policy.zone),
            context.roster.shortName(of: facts.unit),
            t.label(facts.severity),
            t.label(facts.kind),
            t.label(facts.involvement),
            followUp,
            record.acknowledgement == nil ? t[.no] : t[.yes],
        ], style: overdue > 0 ? Style(bold: true, color: .danger) : .plain)
    }

    static func label(_ period: Period, _ t: Texts) -> String {
        switch period {
        case .all: t[.all]
        case .thisWeek: t[.periodThisWeek]
        case .last30Days: t[.periodLast30Days]
        case .thisHalfYear: t[.periodThisHalfYear]
        case .thisYear: t[.periodThisYear]
        }
    }

    /// The filters in force and the order; what is not narrowed is left out, so that the line fits 80 columns.
    private func filterSummary(_ context: AppContext) -> String {
        let t = context.texts
        var parts: [String] = []
        if !severities.isEmpty { parts.append("VTC " + severities.sorted().map { String($0.rawValue) }.joined(separator: ",")) }
        if let unit { parts.append(context.roster.shortName(of: unit)) }
        if period != .all { parts.append(t[.period] + ": " + ListScreen.label(period, t)) }
        if onlyOpen { parts.append(t[.filterOpen]) }
        if onlyOverdue { parts.append(t[.filterOverdue]) }
        if onlyUnacknowledged { parts.append(t[.notAcknowledged]) }
        parts.append(order == .newestFirst ? t[.sortNewestFirst] : t[.sortMostUrgentFirst])
        if !searchText.isEmpty { parts.insert(t[.search] + ": “" + searchText + "”", at: 0) }
        if parts.count == 1 { parts.insert(t[.all], at: 0) }
        return parts.joined(separator: " · ")
    }

    /// The moment the period starts, on the local clock of the policy's zone.
    static func start(of period: Period, now: Timestamp, zone: Zone) -> Timestamp? {
        let today = zone.local(now).date
        func midnight(_ date: CalendarDate) -> Timestamp { zone.timestamp(for: LocalDateTime(date: date, secondOfDay: 0)) }
        switch period {
        case .all: return nil
        case .thisWeek: return ISOWeek(containing: today).start(in: zone)
        case .last30Days: return zone.adding(days: -30, to: now)
        case .thisHalfYear: return midnight(StatisticsPeriod(.halfYear, containing: today).firstDay)
        case .thisYear: return midnight(CalendarDate(year: today.year, month: 1, day: 1)!)
        }
    }

    /// Selects the rows passing every filter and the search text, in order, keeping the selected incident.
    private mutating func refilter(_ context: AppContext) {
        let query = IncidentQuery(
            units: unit.map { [$0] }, since: ListScreen.start(of: period, now: context.now, zone: context.policy.zone),
            severities: severities.isEmpty ? nil : severities, withOpenFollowUp: onlyOpen,
            withOverdueFollowUp: onlyOverdue, notAcknowledged: onlyUnacknowledged,
            text: searchText.isEmpty ? nil : searchText, order: order)
        let kept = selectedID
        asked = (query, context.now)
        shown = context.queries.list(query, at: context.now, window: ListWindow(around: selection.selected, limit: Self.windowRows),
                                     keeping: kept)
        selection.setCount(shown.count)
        if let position = shown.keptPosition { selection.select(position) }
        followSelection(context)
    }

    /// Asks for the window around the selected row when the rows on screen have left the one held.
    private mutating func followSelection(_ context: AppContext) {
        guard let asked, !shown.holds(selection.visibleRows(height: selection.pageHeight)) || shown.id(at: selection.selected) == nil,
              shown.count > 0 else { return }
        shown = context.queries.list(asked.query, at: asked.at, window: ListWindow(around: selection.selected, limit: Self.windowRows),
                                     keeping: nil)
    }

    /// Searches for `text`: the queries narrow the result of its longest prefix searched already.
    private mutating func search(_ text: String, _ context: AppContext) {
        searchText = text
        refilter(context)
    }
}

extension ListScreen: CapturesTypedKeys {
    /// While a form or the search field is open, `q`, `?` and Esc belong to it.
    public var capturesTypedKeys: Bool { searchField != nil }
}
