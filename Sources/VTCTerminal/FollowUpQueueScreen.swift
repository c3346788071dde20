import Foundation
import VTCModel
import VTCTexts
import TerminalKit

/// Every open follow-up item the user answers for, most urgent first: the
/// items whose responsible role the user holds in the incident's unit, and
/// the offers made on the user's own registrations. Items are recorded in
/// place with the same form as on the detail screen; Enter opens the incident.
/// The queue is asked of `context.queries` (`FollowUpQueueEntry.queue`) a page
/// at a time: the screen holds its length and asks for the rows it draws and
/// their records, so that a coordinator's queue of a region is not held here.
public struct FollowUpQueueScreen: Screen {
    public typealias Entry = FollowUpQueueEntry

    /// How many items the queue has.
    public private(set) var total = 0
    public private(set) var selection: ListSelection
    /// The moment the queue was taken at: its rows are asked for with it, so that they are of one queue until the
    /// next refresh.
    private(set) var takenAt: Timestamp
    /// The item selected, kept through a refresh when it is still on the queue.
    private var selectedItem: Entry?
    /// The form that records an item; the queue has no pick list.
    private var dialog = Dialog<Never, FollowUpRecording>()
    private var computed: RefreshStamp?

    public init(context: AppContext, pageHeight: Int = 16) {
        selection = ListSelection(count: 0, pageHeight: pageHeight)
        takenAt = context.now
        refresh(context)
    }

    public func title(_ context: AppContext) -> String { context.texts[.followUpQueueTitle] }

    public func helpEntries(_ context: AppContext) -> [HelpEntry] {
        let t = context.texts
        if let entries = dialog.helpEntries(t) { return entries }
        var entries = [HelpEntry("Enter", t[.helpOpen], priority: 10)]
        if selectedEntry(context)?.mayRecord == true { entries.append(HelpEntry("f", t[.helpRecord], priority: 9)) }
        entries.append(HelpEntry("↑↓", t[.helpScroll], priority: 5))
        return entries
    }

    public func selectedEntry(_ context: AppContext) -> Entry? {
        total == 0 ? nil : rows(selection.selected..<(selection.selected + 1), context).entries.first
    }

    /// The rows of the queue as it was taken.
    func rows(_ rows: Range<Int>, _ context: AppContext) -> FollowUpQueuePage {
        context.queries.followUpQueue(at: takenAt, rows: rows)
    }

    public mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        if case .resize(let size) = key {
            selection.pageHeight = max(1, size.height - ListScreen.rowsAroundTable)
            return nil
        }
        if dialog.isOpen {
            return dialog.handle(key, context, payload: { recording, form in recording.payload(form, context) })
        }
        if selection.handle(key) {
            selectedItem = selectedEntry(context)
            return nil
        }
        switch key {
        case .escape:
            return .back
        case .enter:
            guard let entry = selectedEntry(context) else { return nil }
            return .push(DetailScreen(incident: entry.incident))
        case .character("f"), .character(" "):
            guard let entry = selectedEntry(context), let record = context.queries.incident(entry.incident) else { return nil }
            let request = AccessRequest.recording(entry.kind, responsible: entry.responsible, unit: record.facts.unit)
            if let refusal = ScreenInput.refusal(request, context) { return .status(refusal) }
            let recording = FollowUpRecording(incident: entry.incident, kind: entry.kind)
            dialog.open(recording, recording.form(context))
            return nil
        default:
            return nil
        }
    }

    public mutating func refresh(_ context: AppContext) {
        guard computed != RefreshStamp(context) else { return }
        computed = RefreshStamp(context)
        takenAt = context.now
        // The selected item and the one a form records are looked for among the rows around the selection: an item
        // moves by the items that came or went before it, a few at a time.
        let around = rows(max(0, selection.selected - Self.keptDistance)..<(selection.selected + Self.keptDistance), context)
        total = around.total
        selection.setCount(total)
        func row(of item: (incident: UUID, kind: FollowUpKind)) -> Int? {
            around.entries.firstIndex { $0.incident == item.incident && $0.kind == item.kind }.map { around.first + $0 }
        }
        if let kept = selectedItem, let row = row(of: (kept.incident, kept.kind)) { selection.select(row) }
        if case .form(let current, _) = dialog.shown, row(of: (current.incident, current.kind)) == nil {
            dialog.close()
        }
        selectedItem = selectedEntry(context)
    }

    public func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        let t = context.texts
        buffer.fill(area)
        let formHeight = min(dialog.height, area.height)
        let tableRect = Rect(x: area.x, y: area.y, width: area.width, height: area.height - formHeight)
        let zone = context.policy.zone
        let shown = rows(selection.visibleRows(height: tableRect.height - 1), context)
        let records = context.queries.incidents(shown.entries.map(\.incident))
        Table.render(columns: FollowUpQueueScreen.columns(context), selection: selection, into: &buffer, rect: tableRect) { index in
            guard let entry = shown.entry(at: index), let record = records[entry.incident] else { return TableRow([]) }
            let overdue = context.now.epochSeconds > entry.due.epochSeconds
            return TableRow([
                LocalTimeText.format(entry.due, in: zone),
                overdue ? "! " + t.label(FollowUpStatus.overdue) : t.label(FollowUpStatus.open),
                t.label(entry.kind),
                context.roster.shortName(of: record.facts.unit),
                t.label(record.facts.severity),
                LocalTimeText.format(record.facts.occurredAt, in: zone),
            ], style: overdue ? Style(bold: true, color: .danger) : .plain)
        }
        if total == 0 {
            buffer.put(SafeText.truncate(t[.queueEmpty], toWidth: area.width), x: area.x, y: area.y + 1, style: .role(.muted))
        }
        return dialog.render(into: &buffer, area: area)
    }

    /// How far from the selection a refresh looks for the selected item.
    static let keptDistance = 100

    static func columns(_ context: AppContext) -> [TableColumn] {
        let t = context.texts
        return [
            TableColumn(t[.due], minWidth: 16, maxWidth: 16, priority: 10),
            TableColumn.whole(t[.status], [t.label(FollowUpStatus.open), "! " + t.label(FollowUpStatus.overdue)], priority: 9),
            TableColumn.whole(t[.followUp], FollowUpKind.allCases.map(t.label), priority: 8),
            UnitColumn.column(context, priority: 6),
            TableColumn(t[.columnSeverity], minWidth: 5, maxWidth: 5, priority: 7),
            TableColumn(t.label(RegistrationField.occurredAt), minWidth: 16, maxWidth: 16, priority: 4),
        ]
    }
}

extension FollowUpQueueScreen: CapturesTypedKeys {
    /// While a form or the search field is open, `q`, `?` and Esc belong to it.
    public var capturesTypedKeys: Bool { dialog.isOpen }
}
