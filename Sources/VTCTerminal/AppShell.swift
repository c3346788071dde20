import TerminalKit

/// The application as a `Program`: routes keys to the screen on top (or to
/// the shell's own keys), carries out the screens' requests, and leaves what
/// needs the data folder to `AppRuntime` as effects.
public enum AppShell {
    /// Below this the frame shows only a request to enlarge the window.
    public static let minimumSize = TerminalSize(width: 80, height: 24)

    public static let program = Program<AppState, AppEffect>(
        update: { state, key in update(state, key) },
        render: { state, buffer in AppFrame.render(state, into: &buffer) },
        tick: { state in (state, .poll) },
        interrupt: { state, _ in (state, .carryOut(draftsToKeep(state))) }
    )

    static func update(_ state: AppState, _ key: Key) -> (AppState, AppEffect?) {
        var state = state
        if case .resize(let size) = key {
            state.size = size
            state.resizeScreens()
            return (state, nil)
        }
        if key == .ctrl("c") { return (state, .carryOut(draftsToKeep(state) + [.quit])) }
        if isTooSmall(state.size) { return (state, nil) }
        state.status = nil
        if state.showsKeys {
            state.showsKeys = false
            return (state, nil)
        }
        if key == .function(1) {
            state.showsKeys = true
            return (state, nil)
        }
        let capturing = (state.top as? any CapturesTypedKeys)?.capturesTypedKeys ?? false
        if !capturing {
            switch key {
            case .character("?"):
                state.showsKeys = true
                return (state, nil)
            case .character("q"), .escape:
                if state.stack.count > 1 { return carryOut(.back, state) }
                return key == .escape ? (state, nil) : carryOut(.quit, state)
            default:
                break
            }
        }
        let screensBeforeKey = state.stack
        var screen = state.top
        let request = screen.handle(key, state.context)
        state.stack[state.stack.count - 1] = screen
        guard let request else { return (state, nil) }
        let (next, effect) = carryOut(request, state)
        guard effect != nil else { return (next, nil) }
        var pending = next
        pending.screensBeforeWrite = screensBeforeKey
        return (pending, effect)
    }

    static func isTooSmall(_ size: TerminalSize) -> Bool {
        size.width < minimumSize.width || size.height < minimumSize.height
    }

    /// The drafts of every open screen that keeps one, as save requests.
    static func draftsToKeep(_ state: AppState) -> [ScreenRequest] {
        state.stack.compactMap { ($0 as? any KeepsDraft)?.draftToKeep(state.context) }
    }

    private static func carryOut(_ request: ScreenRequest, _ state: AppState) -> (AppState, AppEffect?) {
        var state = state
        switch carryOut([request], &state, runtime: nil) {
        case .done: return (state, nil)
        case .pending(let rest): return (state, .carryOut(rest))
        case .stop: return (state, .carryOut([.quit]))
        }
    }

    /// A screen about to be shown, told the terminal's size first.
    private static func sized(_ screen: any Screen, _ state: AppState) -> any Screen {
        var screen = screen
        _ = screen.handle(.resize(state.size), state.context)
        return screen
    }

    enum Outcome {
        case done
        /// The requests from the first one that needs the runtime on.
        case pending([ScreenRequest])
        case stop
    }

    /// Carries out requests in order. Without a runtime it stops at the first
    /// request that writes or quits and hands back the rest; with one it
    /// carries those out too, and stops at the first that fails.
    static func carryOut(_ requests: [ScreenRequest], _ state: inout AppState, runtime: AppRuntime?) -> Outcome {
        var queue = requests[...]
        while let request = queue.popFirst() {
            switch request {
            case .back:
                if state.stack.count > 1 { state.stack.removeLast() }
            case .open(.home):
                state.stack.removeSubrange(1...)
            case .open(let id):
                state.stack.append(sized(AppScreens.make(id, state.context), state))
            case .push(let screen):
                state.stack.append(sized(screen, state))
            case .replace(let screen):
                state.stack[state.stack.count - 1] = sized(screen, state)
            case .status(let text):
                state.status = StatusLine(text)
            case .sequence(let list):
                queue = list[...] + queue
            case .append, .saveDraft, .discardDraft, .export, .quit:
                guard let runtime else { return .pending([request] + Array(queue)) }
                if case .quit = request { return .stop }
                guard runtime.write(request, &state) else {
                    if case .append = request, let screens = state.screensBeforeWrite { state.stack = screens }
                    return .done
                }
                if case .append(_, let then?) = request { queue = [then] + queue }
            }
        }
        return .done
    }
}
