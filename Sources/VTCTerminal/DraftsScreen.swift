import Foundation
import VTCModel
import VTCStore
import TerminalKit

/// Offered on start when the user has registrations that were not saved:
/// resume one, discard one, or leave them for later.
struct DraftsScreen: Screen {
    private(set) var drafts: [Draft]
    private(set) var selected = 0
    /// True after `d`: a draft is unsaved work, so the next `d` discards it and any other key keeps it.
    private(set) var confirmingDiscard = false

    init(_ drafts: [Draft]) {
        self.drafts = drafts
    }

    func title(_ context: AppContext) -> String { context.texts[.draftsTitle] }

    func helpEntries(_ context: AppContext) -> [HelpEntry] {
        let texts = context.texts
        return [
            HelpEntry("Enter", texts[.resumeKeyLabel], priority: 9),
            HelpEntry("d", texts[.discardKeyLabel], priority: 8),
            HelpEntry("↑↓", texts[.moveKeyLabel], priority: 3),
            HelpEntry("Esc", texts[.laterKeyLabel], priority: 7),
        ]
    }

    mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        guard !drafts.isEmpty else { return .back }
        let confirmed = confirmingDiscard
        confirmingDiscard = false
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(drafts.count - 1, selected + 1)
        case .enter: return .replace(RegisterScreen(resuming: drafts[selected], context))
        case .character("d"), .delete:
            guard confirmed else {
                confirmingDiscard = true
                return nil
            }
            let id = drafts.remove(at: selected).id
            selected = min(selected, max(0, drafts.count - 1))
            return drafts.isEmpty ? .sequence([.discardDraft(id: id), .back]) : .discardDraft(id: id)
        default: break
        }
        return nil
    }

    mutating func refresh(_ context: AppContext) {}

    func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        let texts = context.texts
        let width = area.width - 4
        var y = area.y + 1
        for line in SafeText.wrap(texts.message(.draftsWaiting(drafts.count)), toWidth: width) {
            buffer.put(line, x: area.x + 2, y: y, style: .bold)
            y += 1
        }
        y += 1
        for (index, draft) in drafts.enumerated() where y < area.y + area.height {
            let style: Style = index == selected ? .reverse : .plain
            buffer.fill(Rect(x: area.x + 2, y: y, width: width, height: 1), style: style)
            buffer.put(SafeText.truncate(DraftsScreen.summary(draft, context), toWidth: width - 2), x: area.x + 3, y: y, style: style)
            y += 1
        }
        if confirmingDiscard {
            for (offset, line) in SafeText.wrap(texts[.confirmDiscardDraft], toWidth: width).reversed().enumerated() {
                buffer.put(line, x: area.x + 2, y: area.y + area.height - 1 - offset, style: Style(bold: true, color: .warning))
            }
        }
        return nil
    }

    /// When the draft was last changed, its kind, and the start of its description.
    static func summary(_ draft: Draft, _ context: AppContext) -> String {
        let texts = context.texts
        let kind = draft.fields[RegistrationField.kind.rawValue]?.string.flatMap(EpisodeKind.init(rawValue:)).map { texts.label($0) }
        let description = (draft.fields[RegistrationField.description.rawValue]?.string ?? "")
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let updated = texts.message(.dateTime(draft.updatedAt.expressed(in: context.policy.zone)))
        return [updated, kind ?? texts[.notChosen], description.isEmpty ? texts[.draftWithoutDescription] : description]
            .joined(separator: " · ")
    }
}
