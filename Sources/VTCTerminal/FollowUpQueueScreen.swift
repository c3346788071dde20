import Foundation
import VTCModel
import VTCTexts
import TerminalKit

/// Every open follow-up item the user answers for, most urgent first: the
/// items whose responsible role the user holds in the incident's unit, and
/// the offers made on the user's own registrations. Items are recorded in
/// place with the same form as on the detail screen; Enter opens the incident.
/// The queue is asked of `context.queries` (`FollowUpQueueEntry.queue`), and
/// drawing asks for the records of the rows on screen only.
public struct FollowUpQueueScreen: Screen {
    public typealias Entry = FollowUpQueueEntry

    public private(set) var entries: [Entry] = []
    public private(set) var selection: ListSelection
    /// The form that records an item; the queue has no pick list.
    private var dialog = Dialog<Never, FollowUpRecording>()
    private var computed: RefreshStamp?

    public init(context: AppContext, pageHeight: Int = 16) {
        selection = ListSelection(count: 0, pageHeight: pageHeight)
        refresh(context)
    }

    public func title(_ context: AppContext) -> String { context.texts[.followUpQueueTitle] }

    public func helpEntries(_ context: AppContext) -> [HelpEntry] {
        let t = context.texts
        if let entries = dialog.helpEntries(t) { return entries }
        var entries = [HelpEntry("Enter", t[.helpOpen], priority: 10)]
        if selectedEntry?.mayRecord == true { entries.append(HelpEntry("f", t[.helpRecord], priority: 9)) }
        entries.append(HelpEntry("↑↓", t[.helpScroll], priority: 5))
        return entries
    }

    public var selectedEntry: Entry? { entries.isEmpty ? nil : entries[selection.selected] }

    public mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        if case .resize(let size) = key {
            selection.pageHeight = max(1, size.height - ListScreen.rowsAroundTable)
            return nil
        }
        if dialog.isOpen {
            return dialog.handle(key, context, payload: { recording, form in recording.payload(form, context) })
        }
        if selection.handle(key) { return nil }
        switch key {
        case .escape:
            return .back
        case .enter:
            guard let entry = selectedEntry else { return nil }
            return .push(DetailScreen(incident: entry.incident))
        case .character("f"), .character(" "):
            guard let entry = selectedEntry, let record = context.queries.incident(entry.incident) else { return nil }
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
        let kept = selectedEntry
        entries = context.queries.followUpQueue(at: context.now)
        selection.setCount(entries.count)
        if let kept, let index = entries.firstIndex(where: { $0.incident == kept.incident && $0.kind == kept.kind }) {
            selection.select(index)
        }
        if case .form(let current, _) = dialog.shown,
           !entries.contains(where: { $0.incident == current.incident && $0.kind == current.kind }) {
            dialog.close()
        }
    }

    public func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        let t = context.texts
        buffer.fill(area)
        let formHeight = min(dialog.height, area.height)
        let tableRect = Rect(x: area.x, y: area.y, width: area.width, height: area.height - formHeight)
        let zone = context.policy.zone
        let shown = selection.visibleRows(height: tableRect.height - 1)
        let records = context.queries.incidents(shown.map { entries[$0].incident })
        Table.render(columns: FollowUpQueueScreen.columns(context), selection: selection, into: &buffer, rect: tableRect) { index in
            let entry = entries[index]
            guard let record = records[entry.incident] else { return TableRow([]) }
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
        if entries.isEmpty {
            buffer.put(SafeText.truncate(t[.queueEmpty], toWidth: area.width), x: area.x, y: area.y + 1, style: .role(.muted))
        }
        return dialog.render(into: &buffer, area: area)
    }

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
