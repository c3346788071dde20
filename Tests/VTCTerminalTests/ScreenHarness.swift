import Foundation
import VTCModel
@testable import TerminalKit
@testable import VTCTerminal

/// What the harness keeps: the screen stack, the context, and every request
/// the screens made that a test may want to look at.
struct HarnessState {
    var stack: [any Screen]
    var context: AppContext
    var appended: [[EventPayload]] = []
    var exports: [(fileName: String, contents: String)] = []
    var statuses: [String] = []

    var top: any Screen { stack[stack.count - 1] }
}

/// Wraps screens and a context into a `Program` for `Simulator`, carrying out
/// the requests a shell would, minimally: push and back, appends applied to
/// the state as events by the user at `now` (then every screen refreshed),
/// status lines and exports recorded. Draws a title row, the screen's area,
/// a status row and the help line, like the shell's frame.
enum ScreenHarness {
    static func simulator(_ screen: any Screen, _ context: AppContext, width: Int = 80, height: Int = 24)
        -> Simulator<HarnessState, ScreenRequest> {
        Simulator(program, initial: HarnessState(stack: [screen], context: context), width: width, height: height)
    }

    static let program = Program<HarnessState, ScreenRequest>(
        update: { state, key in
            var state = state
            var top = state.stack.removeLast()
            let request = top.handle(key, state.context)
            state.stack.append(top)
            if let request { carryOut(request, &state) }
            return (state, request)
        },
        render: { state, buffer in
            let area = Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 3)
            buffer.put(SafeText.truncate(state.top.title(state.context), toWidth: buffer.width), x: 0, y: 0, style: .bold)
            let cursor = state.top.render(state.context, into: &buffer, area: area)
            buffer.put(state.statuses.last ?? "", x: 0, y: buffer.height - 2, maxWidth: buffer.width)
            HelpLine.render(state.top.helpEntries(state.context), into: &buffer, y: buffer.height - 1)
            return cursor
        })

    static func carryOut(_ request: ScreenRequest, _ state: inout HarnessState) {
        switch request {
        case .push(let screen): state.stack.append(screen)
        case .replace(let screen): state.stack[state.stack.count - 1] = screen
        case .back: if state.stack.count > 1 { state.stack.removeLast() }
        case .append(let payloads, let then):
            state.appended.append(payloads)
            var domain = state.context.state
            let (earlier, known) = (state.context.history, domain.eventCount)
            let added = payloads.map { Event(at: state.context.now, actor: state.context.user.user, payload: $0) }
            for event in added { domain.apply(event) }
            state.context.state = domain
            state.context.history = HistoryReader { positions in
                let old = positions.filter { $0 <= known }
                guard let before = earlier.events(at: old) else { return nil }
                return before + positions.filter { $0 > known }.map { added[$0 - known - 1] }
            }
            for index in state.stack.indices { state.stack[index].refresh(state.context) }
            if let last = payloads.last { state.statuses.append(state.context.texts.message(.saved(last))) }
            if let then { carryOut(then, &state) }
        case .sequence(let requests): for request in requests { carryOut(request, &state) }
        case .status(let text): state.statuses.append(text)
        case .export(let fileName, let contents): state.exports.append((fileName, contents))
        case .open, .saveDraft, .discardDraft, .quit: break
        }
    }
}
