#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TerminalKit

/// A pseudo-terminal: the ncurses layer runs on its terminal side, the test
/// reads what it draws and types keys on the other side.
final class PseudoTerminal {
    let controller: Int32
    let terminal: Int32

    init(width: Int, height: Int) throws {
        // posix_openpt and friends are not in the Glibc module; these are the
        // Linux ioctls they are made of (TIOCSPTLCK to unlock, TIOCGPTN for the number).
        controller = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard controller >= 0, ioctl(controller, 0x4004_5431, &unlock) == 0, ioctl(controller, 0x8004_5430, &number) == 0 else {
            throw TerminalStartError(description: "no pseudo-terminal")
        }
        terminal = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(terminal, UInt(TIOCSWINSZ), &size)
        _ = fcntl(controller, F_SETFL, fcntl(controller, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(terminal)
        close(controller)
    }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
    }

    /// Everything drawn since the last call.
    func output() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

@Suite(.serialized) struct NcursesTerminalTests {
    @Test func refusesToStartWithoutATerminal() {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        let error = #expect(throws: TerminalStartError.self) {
            try NcursesTerminal(input: ends[0], output: ends[1])
        }
        #expect(error?.description == "vtc: standard input and output must be a terminal")
    }

    func sampleBuffer() -> CellBuffer {
        var buffer = CellBuffer(width: 40, height: 10)
        buffer.put("Blåbærgrød på Ærø", x: 1, y: 1, style: .bold)
        buffer.put("\u{1B}]0;title\u{07}", x: 1, y: 2)
        buffer.put("日本", x: 1, y: 3, style: .role(.danger))
        buffer.put("❤️ok", x: 1, y: 4)
        return buffer
    }

    @Test func drawsTheBufferThenOnlyWhatChanged() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let terminal = try NcursesTerminal(input: pty.terminal, output: pty.terminal, terminalType: "xterm-256color", allowColor: false)
        defer { terminal.restore() }
        #expect(terminal.size == TerminalSize(width: 40, height: 10))
        #expect(!terminal.usesColor)

        var buffer = sampleBuffer()
        terminal.present(buffer, cursor: CursorPosition(x: 3, y: 1))
        let drawn = pty.output()
        #expect(drawn.contains("\u{1B}[0;1mBlåbærgrød på Ærø"))
        #expect(drawn.contains("^[]0;title^G"))
        #expect(!drawn.contains("\u{1B}]0;title"))
        // Without colours the danger role is bold and underlined.
        #expect(drawn.contains("\u{1B}[0;1;4m日本"))
        // glibc counts U+2764 as narrow though VS16 makes it a wide emoji here:
        // the second cell is blanked so "ok" stays where the buffer put it.
        #expect(drawn.contains("❤\u{FE0F} ok"))

        buffer.put("Ny", x: 1, y: 5)
        terminal.present(buffer, cursor: nil)
        let update = pty.output()
        #expect(update.contains("Ny"))
        #expect(!update.contains("Blåbærgrød"))
    }

    @Test func colourRolesUseColourPairsWhenAllowed() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let terminal = try NcursesTerminal(input: pty.terminal, output: pty.terminal, terminalType: "xterm-256color", allowColor: true)
        defer { terminal.restore() }
        #expect(terminal.usesColor)
        terminal.present(sampleBuffer(), cursor: nil)
        let drawn = pty.output()
        #expect(drawn.contains("\u{1B}[31m日本"))
        #expect(!drawn.contains("\u{1B}[0;1;4m日本"))
    }

    @Test func readsKeysEscapeAndResize() throws {
        let pty = try PseudoTerminal(width: 40, height: 10)
        let terminal = try NcursesTerminal(input: pty.terminal, output: pty.terminal, terminalType: "xterm-256color", allowColor: false)
        defer { terminal.restore() }

        pty.type("æ\u{13}\u{03}\r\u{7F}\u{1B}OA\u{1B}[6~")
        var keys: [Key] = []
        while keys.count < 7, let key = terminal.readKey(timeoutMilliseconds: 2000) {
            keys.append(key)
        }
        #expect(keys == [.character("æ"), .ctrl("s"), .ctrl("c"), .enter, .backspace, .up, .pageDown])
        #expect(terminal.readKey(timeoutMilliseconds: 0) == nil)

        pty.type("\u{1B}")
        #expect(terminal.readKey(timeoutMilliseconds: 2000) == .escape)

        // Deliver SIGWINCH to this thread so ncurses' handler has run before the
        // read; ncurses then reports the resize when the read's wait ends.
        var newSize = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(pty.terminal, UInt(TIOCSWINSZ), &newSize)
        var signals = sigset_t()
        var previous = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &signals, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        pthread_kill(pthread_self(), SIGWINCH)
        #expect(terminal.readKey(timeoutMilliseconds: 100) == .resize(TerminalSize(width: 80, height: 24)))
        #expect(terminal.size == TerminalSize(width: 80, height: 24))
    }
}
