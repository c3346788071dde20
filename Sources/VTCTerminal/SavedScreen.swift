import Foundation
import VTCModel
import VTCTexts
import TerminalKit

/// Shown after a registration reached the log: thanks, what was registered,
/// the follow-up now due with its due times, and, when the facts call for
/// it, the action card (police report, compensation, work accident, whom to contact).
struct SavedScreen: Screen {
    let incident: UUID
    private var scroll = PageScroll(size: TerminalSize(width: 80, height: 21), rowsAround: SavedScreen.rowsAround)

    init(incident: UUID) {
        self.incident = incident
    }

    func title(_ context: AppContext) -> String { context.texts[.savedTitle] }

    func helpEntries(_ context: AppContext) -> [HelpEntry] {
        [HelpEntry("Enter", context.texts[.toMenuLabel], priority: 9), HelpEntry("↑↓", context.texts[.scrollKeyLabel], priority: 3)]
    }

    mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        switch key {
        case .resize(let size): scroll.resize(to: size)
        case .enter: return .back
        default:
            let shown = self  // the lines as they stand, while the scroll position changes
            scroll.handle(key) { width in shown.lines(context, width: width - 4).count }
        }
        return nil
    }

    mutating func refresh(_ context: AppContext) {}

    /// The title bar, the status line and the help line.
    static let rowsAround = 3

    /// The action card is for episodes that may lead to a police report, a
    /// compensation claim or a work-accident report.
    static func needsActionCard(_ facts: Registration) -> Bool {
        [.physicalViolence, .threat].contains(facts.kind) || facts.injury != .none
            || facts.severity.rawValue >= 3 || facts.policeReport
    }

    struct Line: Equatable {
        var text: String
        var style: Style
        var indent: Int
    }

    func lines(_ context: AppContext, width: Int) -> [Line] {
        let texts = context.texts
        guard let record = context.queries.incident(incident) else { return [] }
        let facts = record.facts
        var lines: [Line] = []
        /// A bullet's wrapped lines hang under its text, not under the bullet.
        func add(_ text: String, style: Style = .plain, indent: Int = 0) {
            let hang = text.hasPrefix("• ") ? 2 : 0
            for (number, line) in SafeText.wrap(text, toWidth: width - indent - hang).enumerated() {
                lines.append(Line(text: line, style: style, indent: indent + (number == 0 ? 0 : hang)))
            }
        }
        add("✓ " + texts[.savedThanks], style: Style(bold: true, color: .success))
        add("")
        add([texts.label(facts.kind), texts.label(facts.severity), facts.unit,
             texts.message(.dateTime(facts.occurredAt.expressed(in: context.policy.zone)))].joined(separator: " · "),
            style: .bold)
        add(facts.description, indent: 2)
        let due = record.followUps.filter { $0.calledFor && $0.outcome == nil }
        if !due.isEmpty {
            add("")
            add(texts[.followUpNowDue], style: Style(bold: true, color: .accent))
            for item in due {
                let moment = item.due.expressed(in: context.policy.zone)
                add("• " + texts.label(item.kind) + " – " + texts.message(.dueBy(moment)) + " (" + texts.label(item.responsible) + ")",
                    indent: 2)
            }
        }
        if SavedScreen.needsActionCard(facts) {
            add("")
            add(texts[.actionCardTitle], style: Style(bold: true, color: .warning))
            for key in [TextKey.actionCardPolice, .actionCardCompensation, .actionCardInsurance] { add("• " + texts[key], indent: 2) }
            let leaders = context.roster.users.filter { $0.has(.leader, in: facts.unit) }.map(\.name)
            add("• " + texts.message(.contactLeaders(leaders)), indent: 2)
        }
        return lines
    }

    func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        let all = lines(context, width: area.width - 4)
        let top = min(scroll.top, max(0, all.count - area.height))
        for (row, line) in all.dropFirst(top).prefix(area.height).enumerated() {
            buffer.put(line.text, x: area.x + 2 + line.indent, y: area.y + row, maxWidth: area.width - 4 - line.indent, style: line.style)
        }
        if top + area.height < all.count { buffer.put("▼", x: area.x + area.width - 2, y: area.y + area.height - 1, style: .dim) }
        return nil
    }
}
