import VTCTexts
import TerminalKit

/// Draws the frame round the screen on top: the title bar, the banners, the
/// screen's area, the status line and the help line; the key overlay on top
/// of it all; or, in a window that is too small, only a request to enlarge it.
enum AppFrame {
    static let titleStyle = Style(reverse: true)
    static let readOnlyStyle = Style(bold: true, reverse: true, color: .danger)
    static let bannerStyle = Style(bold: true, color: .warning)
    /// A banner may wrap onto this many rows before it is cut.
    static let bannerRows = 2

    static func render(_ state: AppState, into buffer: inout CellBuffer) -> CursorPosition? {
        let context = state.context
        if state.isTooSmall(TerminalSize(width: buffer.width, height: buffer.height)) {
            renderTooSmall(context.texts, into: &buffer)
            return nil
        }
        renderTitle(state, into: &buffer)
        var y = 1
        for (index, banner) in context.banners.enumerated() {
            let style = index == 0 && context.isReadOnly ? readOnlyStyle : bannerStyle
            for line in SafeText.wrap(banner, toWidth: buffer.width - 2).prefix(bannerRows) {
                buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: style)
                buffer.put(line, x: 1, y: y, maxWidth: buffer.width - 2, style: style)
                y += 1
            }
        }
        let area = Rect(x: 0, y: y, width: buffer.width, height: max(0, buffer.height - 2 - y))
        let cursor = state.top.render(context, into: &buffer, area: area)
        renderStatus(state.status, into: &buffer, y: buffer.height - 2)
        HelpLine.render(helpEntries(state), into: &buffer, y: buffer.height - 1)
        if state.showsKeys {
            renderKeys(state, into: &buffer, area: area)
            return nil
        }
        return cursor
    }

    /// The help line: the screen's keys and the shell's own.
    static func helpEntries(_ state: AppState) -> [HelpEntry] {
        let texts = state.context.texts
        var entries = state.top.helpEntries(state.context)
        entries.append(HelpEntry("F1", texts[.helpKeyLabel], priority: 50))
        let capturing = (state.top as? any CapturesTypedKeys)?.capturesTypedKeys ?? false
        if !capturing {
            // Esc goes back too, as the guide says; the line keeps its room for the screen's keys.
            entries.append(state.stack.count > 1 ? HelpEntry("q", texts[.backKeyLabel], priority: 40)
                                                 : HelpEntry("q", texts[.quitKeyLabel], priority: 40))
        }
        return entries
    }

    private static func renderTitle(_ state: AppState, into buffer: inout CellBuffer) {
        let context = state.context
        let texts = context.texts
        let home = state.stack.count == 1
        let left = home ? texts[.appTitle] : state.top.title(context)
        let right = [context.user.name, unitLabel(context), texts.message(.shortDateTime(context.now))].joined(separator: " · ")
        buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: 1), style: titleStyle)
        let rightWidth = min(DisplayWidth.of(SafeText.sanitize(right)), buffer.width - 24)
        let shownRight = SafeText.truncate(right, toWidth: rightWidth)
        let leftWidth = buffer.width - DisplayWidth.of(shownRight) - 4
        buffer.put(SafeText.truncate(left, toWidth: leftWidth), x: 1, y: 0, style: Style(bold: true, reverse: true))
        buffer.put(shownRight, x: buffer.width - 1 - DisplayWidth.of(shownRight), y: 0, style: titleStyle)
    }

    /// The unit the user works in, or the first of them and how many more.
    private static func unitLabel(_ context: AppContext) -> String {
        let units = context.roster.units.filter { context.user.belongs(to: $0) }
        switch units.count {
        case 0: return "–"
        case 1: return context.roster.shortName(of: units[0])
        default: return "\(context.roster.shortName(of: units[0])) +\(units.count - 1)"
        }
    }

    private static func renderStatus(_ status: StatusLine?, into buffer: inout CellBuffer, y: Int) {
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1))
        guard let status else { return }
        let style = status.isError ? Style(bold: true, color: .danger) : Style(color: .success)
        buffer.put(SafeText.truncate(status.text, toWidth: buffer.width - 2), x: 1, y: y, style: style)
    }

    private static func renderTooSmall(_ texts: Texts, into buffer: inout CellBuffer) {
        let message = texts.message(.windowTooSmall(width: buffer.width, height: buffer.height))
        let lines = SafeText.wrap(message, toWidth: max(1, buffer.width - 2))
        let top = max(0, (buffer.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (buffer.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + offset, style: .bold)
        }
    }

    /// Every key of the screen on top and of the shell, in a box over the screen.
    private static func renderKeys(_ state: AppState, into buffer: inout CellBuffer, area: Rect) {
        let texts = state.context.texts
        var entries = helpEntries(state)
        entries.append(HelpEntry("Ctrl-C", texts[.quitKeepingDraftLabel]))
        let keyWidth = entries.map { DisplayWidth.of(SafeText.sanitize($0.key)) }.max() ?? 0
        let width = min(area.width - 4, max(40, keyWidth + 3 + (entries.map { DisplayWidth.of(SafeText.sanitize($0.label)) }.max() ?? 0) + 4))
        let height = min(area.height, entries.count + 4)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        buffer.fill(box)
        let inside = buffer.box(box, title: texts[.keysHeading], style: .bold)
        for (row, entry) in entries.prefix(max(0, inside.height - 2)).enumerated() {
            buffer.put(entry.key, x: inside.x + 1, y: inside.y + row, style: Style(bold: true, color: .accent))
            buffer.put(entry.label, x: inside.x + 3 + keyWidth, y: inside.y + row, maxWidth: inside.width - keyWidth - 4)
        }
        buffer.put(texts[.closeHelpHint], x: inside.x + 1, y: inside.y + inside.height - 1, maxWidth: inside.width - 2, style: .dim)
    }
}
