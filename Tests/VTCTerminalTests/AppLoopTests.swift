#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TerminalKit

/// A note-taking screen just big enough to drive the harness: a text area,
/// Ctrl-S asks to save, Esc asks to quit, SIGTERM asks to save a draft.
enum NoteEffect: Equatable {
    case save(String)
    case saveDraft(String)
    case quit
}

struct NoteScreen {
    var area = TextArea(width: 20, height: 3)
    var ticks = 0
    var size = TerminalSize(width: 30, height: 6)

    static let program = Program<NoteScreen, NoteEffect>(
        update: { state, key in
            var state = state
            switch key {
            case .ctrl("s"): return (state, .save(state.area.text))
            case .escape: return (state, .quit)
            case .resize(let size): state.size = size
            default: state.area.handle(key)
            }
            return (state, nil)
        },
        render: { state, buffer in
            let inside = buffer.box(Rect(x: 0, y: 0, width: 22, height: 5), title: "Hvad skete der?")
            let cursor = state.area.render(into: &buffer, x: inside.x, y: inside.y)
            HelpLine.render([HelpEntry("Ctrl-S", "Gem", priority: 2), HelpEntry("Esc", "Luk", priority: 1)], into: &buffer, y: buffer.height - 1)
            return cursor
        },
        tick: { state in
            var state = state
            state.ticks += 1
            return (state, nil)
        },
        interrupt: { state, _ in (state, .saveDraft(state.area.text)) }
    )
}

/// Plays back a script of keys (nil: the read timed out) and records what the loop shows.
final class ScriptedDevice: TerminalDevice {
    var script: [Key?]
    var presented: [(dump: String, cursor: CursorPosition?)] = []
    var size = TerminalSize(width: 30, height: 6)
    var waitsForInput: [Int] = []

    init(_ script: [Key?]) {
        self.script = script
    }

    func readKey(timeoutMilliseconds: Int) -> Key? {
        waitsForInput.append(timeoutMilliseconds)
        guard !script.isEmpty else { return .escape }
        let next = script.removeFirst()
        if case .resize(let newSize)? = next { size = newSize }
        return next
    }

    func present(_ buffer: CellBuffer, cursor: CursorPosition?) {
        presented.append((buffer.dump(), cursor))
    }
}

@Suite struct SimulatorTests {
    @Test func keySequenceDrivesTheScreenAndTheDumpShowsIt() {
        var simulator = Simulator(NoteScreen.program, initial: NoteScreen(), width: 30, height: 6)
        simulator.type("Han råbte ad mig\nfra gangen")
        simulator.press(.ctrl("s"))
        #expect(simulator.dump() == """
        ┌─ Hvad skete der? ──┐
        │Han råbte ad mig    │
        │fra gangen          │
        │                    │
        └────────────────────┘
        Ctrl-S Gem  Esc Luk
        """)
        #expect(simulator.render().cursor == CursorPosition(x: 11, y: 2))
        #expect(simulator.effects == [.save("Han råbte ad mig\nfra gangen")])
    }

    @Test func ticksInterruptsAndResizesReachTheProgram() {
        var simulator = Simulator(NoteScreen.program, initial: NoteScreen())
        simulator.tick()
        simulator.resize(width: 100, height: 30)
        simulator.type("kladde")
        simulator.interrupt(.terminate)
        #expect(simulator.state.ticks == 1)
        #expect(simulator.state.size == TerminalSize(width: 100, height: 30))
        #expect(simulator.render().buffer.width == 100)
        #expect(simulator.effects == [.saveDraft("kladde")])
    }
}

@Suite struct AppLoopTests {
    func run(_ device: ScriptedDevice, signals: [TerminalSignal?] = []) -> (NoteScreen, [NoteEffect]) {
        var performed: [NoteEffect] = []
        var signals = signals
        let final = AppLoop.run(NoteScreen.program, initial: NoteScreen(), on: device, pollMilliseconds: 500,
                                pendingSignal: { signals.isEmpty ? nil : signals.removeFirst() }) { effect, _ in
            performed.append(effect)
            return effect == .quit ? .stop : .proceed
        }
        return (final, performed)
    }

    @Test func keysThatArriveTogetherAreDrawnOnce() {
        let device = ScriptedDevice(Key.typing("abc") + [nil, .ctrl("s"), .escape])
        let (final, performed) = run(device)
        #expect(final.area.text == "abc")
        #expect(performed == [.save("abc"), .quit])
        #expect(device.presented.count == 2)
        #expect(device.presented[1].dump.contains("│abc"))
        #expect(device.presented[1].cursor == CursorPosition(x: 4, y: 1))
        #expect(device.waitsForInput == [500, 0, 0, 0, 500, 0])
    }

    @Test func aTimeoutWithNothingToDrawIsATick() {
        let device = ScriptedDevice([nil, nil, .escape])
        let (final, _) = run(device)
        #expect(final.ticks == 2)
        #expect(device.presented.count == 3)
    }

    @Test func aSignalSavesTheDraftAndEndsTheLoop() {
        let device = ScriptedDevice(Key.typing("halv") + [nil])
        let (final, performed) = run(device, signals: [nil, nil, nil, nil, nil, .terminate])
        #expect(final.area.text == "halv")
        #expect(performed == [.saveDraft("halv")])
    }

    @Test func resizeRedrawsAtTheNewSize() {
        let device = ScriptedDevice([.resize(TerminalSize(width: 40, height: 8)), nil, .escape])
        let (final, _) = run(device)
        #expect(final.size == TerminalSize(width: 40, height: 8))
        #expect(device.presented.last?.dump.split(separator: "\n", omittingEmptySubsequences: false).count == 8)
    }
}

@Suite struct TerminalSignalTests {
    @Test func hangupInterruptAndTerminateSetTheFlagInsteadOfEndingTheProcess() {
        // Test runner threads block signals; unblock them here so `raise`
        // runs the handler before it returns.
        var signals = sigset_t()
        var previous = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGHUP)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }

        TerminalSignals.install()
        raise(SIGHUP)
        #expect(TerminalSignals.takePending() == .hangup)
        #expect(TerminalSignals.takePending() == nil)
        raise(SIGINT)
        #expect(TerminalSignals.takePending() == .interrupt)
        raise(SIGTERM)
        #expect(TerminalSignals.takePending() == .terminate)
    }
}
