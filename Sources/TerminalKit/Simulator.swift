/// Drives a `Program` without a terminal: feed it keys, then look at the
/// rendered buffer, the cursor and the effects the program asked for. Effects
/// are recorded, not carried out.
public struct Simulator<State, Effect> {
    public let program: Program<State, Effect>
    public private(set) var state: State
    public private(set) var effects: [Effect] = []
    public private(set) var size: TerminalSize

    public init(_ program: Program<State, Effect>, initial: State, width: Int = 80, height: Int = 24) {
        self.program = program
        state = initial
        size = TerminalSize(width: width, height: height)
    }

    public mutating func press(_ keys: Key...) {
        send(keys)
    }

    public mutating func send(_ keys: [Key]) {
        for key in keys { record(program.update(state, key)) }
    }

    /// Types text as keys (a line break is Enter).
    public mutating func type(_ text: String) {
        send(Key.typing(text))
    }

    /// The poll interval passed without a key.
    public mutating func tick() {
        record(program.tick(state))
    }

    public mutating func interrupt(_ signal: TerminalSignal) {
        record(program.interrupt(state, signal))
    }

    /// The terminal changed size: later renders use it, and the program gets the resize key.
    public mutating func resize(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        record(program.update(state, .resize(size)))
    }

    /// The screen as the program draws the current state, and the cursor.
    public func render() -> (buffer: CellBuffer, cursor: CursorPosition?) {
        var buffer = CellBuffer(width: size.width, height: size.height)
        let cursor = program.render(state, &buffer)
        return (buffer, cursor)
    }

    public func dump() -> String { render().buffer.dump() }

    private mutating func record(_ step: (State, Effect?)) {
        state = step.0
        if let effect = step.1 { effects.append(effect) }
    }
}
