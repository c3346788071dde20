import TerminalKit

/// The application as a `Program`: routes keys to the screen on top (or to
/// the shell's own keys) and resolves the screens' requests. Navigation is
/// resolved here, purely; what needs the data folder becomes an `AppEffect`
/// that an `AppWorld` performs once, and its outcome comes back through
/// `written`, which carries on with what followed the write.
public enum AppShell {
    /// Below this the frame shows only a request to enlarge the window.
    public static let minimumSize = TerminalSize(width: 80, height: 24)

    public static let program = Program<AppState, AppEffect>(
        update: { state, key in update(state, key) },
        render: { state, buffer in AppFrame.render(state, into: &buffer) },
        tick: { state in (state, .poll) },
        interrupt: { state, _ in resolve(draftsToKeep(state), state) }
    )

    static func update(_ state: AppState, _ key: Key) -> (AppState, AppEffect?) {
        var state = state
        if case .resize(let size) = key {
            state.size = size
            state.resizeScreens()
            return (state, nil)
        }
        if key == .ctrl("c") { return resolve(draftsToKeep(state) + [.quit], state) }
        if state.isTooSmall(state.size) { return (state, nil) }
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
                if state.stack.count > 1 { return resolve([.back], state) }
                return key == .escape ? (state, nil) : resolve([.quit], state)
            default:
                break
            }
        }
        let screensBeforeKey = state.stack
        var screen = state.top
        let request = screen.handle(key, state.context)
        state.stack[state.stack.count - 1] = screen
        guard let request else { return (state, nil) }
        var (next, effect) = resolve([request], state)
        if case .write = effect { next.screensBeforeWrite = screensBeforeKey }
        return (next, effect)
    }

    /// The drafts of every open screen that keeps one, as save requests.
    static func draftsToKeep(_ state: AppState) -> [ScreenRequest] {
        state.stack.compactMap { ($0 as? any KeepsDraft)?.draftToKeep(state.context) }
    }

    /// A screen about to be shown, told the terminal's size first.
    private static func sized(_ screen: any Screen, _ state: AppState) -> any Screen {
        var screen = screen
        _ = screen.handle(.resize(state.size), state.context)
        return screen
    }

    /// Carries out requests in order until the first that needs the world
    /// (a write, or quitting), and returns that as the effect, with the
    /// requests after it to carry on with once it is done.
    static func resolve(_ requests: [ScreenRequest], _ state: AppState) -> (AppState, AppEffect?) {
        var state = state
        var queue = requests[...]
        func write(_ write: StoreWrite, then: [ScreenRequest] = []) -> (AppState, AppEffect?) {
            (state, .write(write, then: then + queue))
        }
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
            case .append(let payloads, let then):
                return write(.append(payloads), then: then.map { [$0] } ?? [])
            case .saveDraft(let id, let fields):
                return write(.saveDraft(id: id, fields: fields))
            case .discardDraft(let id):
                return write(.discardDraft(id: id))
            case .exportWeek(let week, let units, let at):
                return write(.exportWeek(week, units: units, at: at))
            case .quit:
                return (state, .quit)
            }
        }
        return (state, nil)
    }

    /// A write's outcome: on success, what followed it; on failure the error,
    /// and after a failed append the screens as they were before the key, so
    /// that nothing typed is lost.
    static func written(_ write: StoreWrite, _ outcome: WriteOutcome, then: [ScreenRequest], _ state: AppState)
        -> (AppState, AppEffect?) {
        var state = state
        if let status = outcome.status { state.status = status }
        guard outcome.succeeded else {
            if case .append = write, let screens = state.screensBeforeWrite { state.stack = screens }
            return (state, nil)
        }
        // Every save is confirmed in words; a status the screen asks for next replaces it.
        if case .append(let payloads) = write, let last = payloads.last {
            state.status = StatusLine(state.context.texts.message(.saved(last)))
        }
        return resolve(then, state)
    }

    /// Performs an effect and every effect its outcome leads to, with `world`.
    public static func perform(_ effect: AppEffect, _ state: inout AppState, world: inout some AppWorld) -> LoopControl {
        defer { state.screensBeforeWrite = nil }
        var next: AppEffect? = effect
        while let effect = next {
            switch effect {
            case .quit:
                return .stop
            case .poll:
                world.poll(&state)
                next = nil
            case .write(let write, let then):
                let outcome = world.write(write, &state)
                (state, next) = written(write, outcome, then: then, state)
            }
        }
        return .proceed
    }
}
