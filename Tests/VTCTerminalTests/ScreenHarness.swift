import Foundation
import VTCModel
import VTCTexts
@testable import TerminalKit
@testable import VTCTerminal

/// The world of a screen test: writes are recorded, and appends applied to
/// the state as events by the user at `now` (then every screen refreshed),
/// as the data folder would.
struct RecordingWorld: AppWorld {
    var appended: [[EventPayload]] = []
    var exports: [(fileName: String, contents: String)] = []

    mutating func write(_ write: StoreWrite, _ state: inout AppState) -> WriteOutcome {
        switch write {
        case .append(let payloads):
            appended.append(payloads)
            let context = state.context
            var domain = context.state
            let (earlier, known) = (context.history, domain.eventCount)
            let added = payloads.map { Event(at: context.now, actor: context.user.user, payload: $0) }
            for event in added { domain.apply(event) }
            state.context.state = domain
            state.context.history = HistoryReader { positions in
                let old = positions.filter { $0 <= known }
                guard let before = earlier.events(at: old) else { return nil }
                return before + positions.filter { $0 > known }.map { added[$0 - known - 1] }
            }
            state.refreshScreens()
        case .exportWeek(let week, let units, let at):
            // The document as the data folder's workspace makes it, by the one function.
            let context = state.context
            guard let document = WeekReportMarkdown.document(week, units: units, state: context.state, user: context.user, at: at,
                                                             texts: context.texts, head: context.logHead) else { break }
            exports.append((WeekReportMarkdown.fileName(for: week, texts: context.texts), String(decoding: document, as: UTF8.self)))
        case .saveDraft, .discardDraft:
            break
        }
        return .done
    }

    mutating func poll(_ state: inout AppState) {}
}

/// What the harness keeps: the application's state, the recording world, and
/// every status line the screens showed.
struct HarnessState {
    var app: AppState
    var world = RecordingWorld()
    var statuses: [String] = []

    var stack: [any Screen] { app.stack }
    var context: AppContext { app.context }
    var top: any Screen { app.top }
    var appended: [[EventPayload]] { world.appended }
    var exports: [(fileName: String, contents: String)] { world.exports }
}

/// Screens driven by the application's own update (`AppShell.update`) with a
/// recording world instead of a data folder. Draws a title row, the screen's
/// area, a status row and the help line, like the shell's frame.
enum ScreenHarness {
    static func simulator(_ screen: any Screen, _ context: AppContext, width: Int = 80, height: Int = 24)
        -> Simulator<HarnessState, AppEffect> {
        var app = AppState(context: context, stack: [screen], size: TerminalSize(width: width, height: height))
        app.minimumSize = TerminalSize(width: 0, height: 0)  // screens are tested at every size
        return Simulator(program, initial: HarnessState(app: app), width: width, height: height)
    }

    static let program = Program<HarnessState, AppEffect>(
        update: { state, key in
            var state = state
            let (app, effect) = AppShell.update(state.app, key)
            state.app = app
            if let effect { _ = AppShell.perform(effect, &state.app, world: &state.world) }
            if let status = state.app.status { state.statuses.append(status.text) }
            return (state, effect)
        },
        render: { state, buffer in
            let area = Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 3)
            buffer.put(SafeText.truncate(state.top.title(state.context), toWidth: buffer.width), x: 0, y: 0, style: .bold)
            let cursor = state.top.render(state.context, into: &buffer, area: area)
            buffer.put(state.statuses.last ?? "", x: 0, y: buffer.height - 2, maxWidth: buffer.width)
            HelpLine.render(state.top.helpEntries(state.context), into: &buffer, y: buffer.height - 1)
            return cursor
        })
}
