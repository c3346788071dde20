/// A screen as pure functions: keys (and clock ticks, and signals) turn the
/// state into a new state and perhaps an effect for the loop to carry out;
/// `render` draws a state into a cell buffer and says where the cursor goes.
/// The effect type belongs to the screens; the loop only passes effects on.
public struct Program<State, Effect>: Sendable {
    public var update: @Sendable (State, Key) -> (State, Effect?)
    public var render: @Sendable (State, inout CellBuffer) -> CursorPosition?
    /// Called when no key came within the poll interval (to look for new log entries).
    public var tick: @Sendable (State) -> (State, Effect?)
    /// Called once on SIGHUP, SIGINT or SIGTERM, to save a draft; the loop then ends.
    public var interrupt: @Sendable (State, TerminalSignal) -> (State, Effect?)

    public init(
        update: @escaping @Sendable (State, Key) -> (State, Effect?),
        render: @escaping @Sendable (State, inout CellBuffer) -> CursorPosition?,
        tick: @escaping @Sendable (State) -> (State, Effect?) = { state in (state, nil) },
        interrupt: @escaping @Sendable (State, TerminalSignal) -> (State, Effect?) = { state, _ in (state, nil) }
    ) {
        self.update = update
        self.render = render
        self.tick = tick
        self.interrupt = interrupt
    }
}

/// What the loop does after an effect has been carried out.
public enum LoopControl: Sendable {
    case proceed
    case stop
}

/// Where the loop reads keys from and shows buffers on: the ncurses terminal,
/// or a scripted device in tests.
public protocol TerminalDevice: AnyObject {
    var size: TerminalSize { get }
    /// The next key, or nil when none arrived within the timeout (0: do not wait).
    func readKey(timeoutMilliseconds: Int) -> Key?
    func present(_ buffer: CellBuffer, cursor: CursorPosition?)
}

public enum AppLoop {
    /// Runs `program` until an effect's `perform` says stop or a signal arrives,
    /// and returns the last state. Keys that are already waiting (a paste) are
    /// all applied before the screen is drawn again.
    public static func run<State, Effect>(
        _ program: Program<State, Effect>,
        initial: State,
        on device: some TerminalDevice,
        pollMilliseconds: Int = 500,
        pendingSignal: () -> TerminalSignal? = TerminalSignals.takePending,
        perform: (Effect, inout State) -> LoopControl
    ) -> State {
        var state = initial
        func apply(_ step: (State, Effect?)) -> LoopControl {
            state = step.0
            guard let effect = step.1 else { return .proceed }
            return perform(effect, &state)
        }
        func draw() {
            var buffer = CellBuffer(width: device.size.width, height: device.size.height)
            let cursor = program.render(state, &buffer)
            device.present(buffer, cursor: cursor)
        }
        draw()
        var drawn = true
        while true {
            if let signal = pendingSignal() {
                _ = apply(program.interrupt(state, signal))
                return state
            }
            if let key = device.readKey(timeoutMilliseconds: drawn ? pollMilliseconds : 0) {
                if apply(program.update(state, key)) == .stop { return state }
                drawn = false
            } else if drawn {
                if apply(program.tick(state)) == .stop { return state }
                draw()
            } else {
                draw()
                drawn = true
            }
        }
    }
}
