internal import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be started, as one line for the user.
public struct TerminalStartError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// The one place that talks to ncurses: it sets the terminal up, turns
/// ncurses input into `Key`s, copies cell buffers to the screen (only the cells
/// that changed) and puts the terminal back with `restore()`.
/// Use it from one thread only.
public final class NcursesTerminal: TerminalDevice {
    private let screen: OpaquePointer
    /// False on terminals without colours and when `NO_COLOR` is set: roles are
    /// then drawn as bold, underline and dim.
    public let usesColor: Bool
    private var previous: CellBuffer?
    private var cursorShown: Bool?
    private var restored = false
    public private(set) var size: TerminalSize

    /// False when `NO_COLOR` is set to anything but the empty string (no-color.org).
    public static var environmentAllowsColor: Bool {
        guard let value = getenv("NO_COLOR") else { return true }
        return value.pointee == 0
    }

    /// Starts curses mode on the given terminal (standard input and output
    /// unless told otherwise; `terminalType` overrides `$TERM`). Colours are
    /// used when `allowColor` and the terminal has them. Install
    /// `TerminalSignals` first, so ncurses does not take SIGTERM for itself.
    /// Refuses to start without a terminal; the program checks this before it opens (or creates) a data folder.
    public static func requireTerminal(input: Int32 = 0, output: Int32 = 1) throws {
        guard isatty(input) == 1, isatty(output) == 1 else {
            throw TerminalStartError(description: "vtc: standard input and output must be a terminal")
        }
    }

    public init(input: Int32 = 0, output: Int32 = 1, terminalType: String? = nil, allowColor: Bool = NcursesTerminal.environmentAllowsColor) throws {
        try NcursesTerminal.requireTerminal(input: input, output: output)
        setlocale(LC_ALL, "")
        // Danish letters need a UTF-8 locale even when LANG is unset.
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        guard let outputFile = fdopen(output, "w"), let inputFile = fdopen(input, "r"),
              let screen = newterm(terminalType, outputFile, inputFile) else {
            let term = terminalType ?? getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw TerminalStartError(description: "vtc: cannot start the terminal (TERM=\(term))")
        }
        self.screen = screen
        raw()
        noecho()
        nonl()
        keypad(vtc_stdscr(), true)
        set_escdelay(25)
        vtc_disable_flow_control(input)
        def_prog_mode()
        usesColor = allowColor && has_colors()
        if usesColor {
            start_color()
            use_default_colors()
            for role in ColorRole.allCases where role != .normal {
                init_pair(Int16(role.rawValue), NcursesTerminal.foreground(for: role), -1)
            }
        }
        size = TerminalSize(width: Int(vtc_cols()), height: Int(vtc_lines()))
        curs_set(0)
        cursorShown = false
    }

    deinit {
        restore()
    }

    /// Leaves curses mode and gives the terminal back as it was. Safe to call
    /// more than once.
    public func restore() {
        guard !restored else { return }
        restored = true
        endwin()
        delscreen(screen)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !restored else { return nil }
        wtimeout(vtc_stdscr(), Int32(clamping: timeoutMilliseconds))
        while true {
            var character: wint_t = 0
            let result = wget_wch(vtc_stdscr(), &character)
            if result == vtc_err() { return nil }
            let key: Key?
            if result == vtc_key_code_yes() {
                let code = Int32(bitPattern: UInt32(character))
                if code == vtc_key_resize() {
                    size = TerminalSize(width: Int(vtc_cols()), height: Int(vtc_lines()))
                    previous = nil
                    return .resize(size)
                }
                key = NcursesKeys.key(forKeyCode: code)
            } else {
                key = Key.fromCharacter(UInt32(character))
            }
            if let key { return key }
        }
    }

    public func present(_ buffer: CellBuffer, cursor: CursorPosition?) {
        guard !restored else { return }
        let window = vtc_stdscr()
        if previous.map({ $0.width != buffer.width || $0.height != buffer.height }) ?? true {
            werase(window)
            previous = nil
        }
        for y in 0..<min(buffer.height, size.height) {
            for x in 0..<min(buffer.width, size.width) {
                let cell = buffer[x, y]
                if cell.isContinuation || previous?[x, y] == cell { continue }
                draw(cell, x: x, y: y, in: window)
            }
        }
        previous = buffer
        if let cursor, cursor.x >= 0, cursor.x < size.width, cursor.y >= 0, cursor.y < size.height {
            if cursorShown != true { curs_set(1) }
            cursorShown = true
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            if cursorShown != false { curs_set(0) }
            cursorShown = false
        }
        wrefresh(window)
    }

    private func draw(_ cell: Cell, x: Int, y: Int, in window: UnsafeMutablePointer<WINDOW>?) {
        let style = usesColor ? cell.style : cell.style.monochrome
        var attributes = vtc_a_normal()
        if style.bold { attributes |= vtc_a_bold() }
        if style.reverse { attributes |= vtc_a_reverse() }
        if style.underline { attributes |= vtc_a_underline() }
        if style.dim || (style.color == .muted && vtc_colors() < 16) { attributes |= vtc_a_dim() }
        let pair = Int16(style.color.rawValue)
        let characters = NcursesTerminal.wideCharacters(for: cell)
        let libraryWidth = Int(vtc_wcwidth(characters[0]))
        if libraryWidth == cell.width {
            put(characters, attributes: attributes, pair: pair, x: x, y: y, in: window)
        } else if libraryWidth == 1 {
            // The C library counts this emoji as narrow: draw it in the first
            // cell and blank the second, so the rest of the row stays in place.
            put(characters, attributes: attributes, pair: pair, x: x, y: y, in: window)
            put([wchar_t(32)], attributes: attributes, pair: pair, x: x + 1, y: y, in: window)
        } else {
            // Unknown to the C library (or the locale): a stand-in of the same width.
            put([wchar_t(63)], attributes: attributes, pair: pair, x: x, y: y, in: window)
            if cell.width == 2 { put([wchar_t(32)], attributes: attributes, pair: pair, x: x + 1, y: y, in: window) }
        }
    }

    private func put(_ characters: [wchar_t], attributes: attr_t, pair: Int16, x: Int, y: Int, in window: UnsafeMutablePointer<WINDOW>?) {
        var complex = cchar_t()
        setcchar(&complex, characters + [0], attributes, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }

    /// The base scalar and the combining scalars that follow it (as many as
    /// one ncurses cell holds). Emoji sequences keep only their base and its
    /// modifiers before the first joiner, which every terminal draws alike.
    private static func wideCharacters(for cell: Cell) -> [wchar_t] {
        var scalars = cell.character.unicodeScalars.makeIterator()
        var characters = [wchar_t(bitPattern: scalars.next()?.value ?? 0x20)]
        while characters.count < Int(vtc_ccharw_max()), let next = scalars.next(), next.value != 0x200D {
            let wide = wchar_t(bitPattern: next.value)
            guard vtc_wcwidth(wide) == 0 else { break }
            characters.append(wide)
        }
        return characters
    }

    private static func foreground(for role: ColorRole) -> Int16 {
        switch role {
        case .normal: return -1
        case .accent: return Int16(COLOR_CYAN)
        case .success: return Int16(COLOR_GREEN)
        case .warning: return Int16(COLOR_YELLOW)
        case .danger: return Int16(COLOR_RED)
        case .muted: return vtc_colors() >= 16 ? 8 : -1
        }
    }
}

/// ncurses key codes (`KEY_*`, reported with `KEY_CODE_YES`) as `Key`s.
public enum NcursesKeys {
    /// The key for an ncurses key code, or nil for codes vtc has no use for.
    /// `KEY_RESIZE` is answered by the terminal, which knows the new size.
    public static func key(forKeyCode code: Int32) -> Key? {
        if let key = named[code] { return key }
        let first = vtc_key_f(1)
        let last = vtc_key_f(24)
        if code >= first, code <= last { return .function(Int(code - vtc_key_f0())) }
        return nil
    }

    private static let named: [Int32: Key] = [
        vtc_key_up(): .up,
        vtc_key_down(): .down,
        vtc_key_left(): .left,
        vtc_key_right(): .right,
        vtc_key_home(): .home,
        vtc_key_end(): .end,
        vtc_key_ppage(): .pageUp,
        vtc_key_npage(): .pageDown,
        vtc_key_ic(): .insert,
        vtc_key_dc(): .delete,
        vtc_key_backspace(): .backspace,
        vtc_key_enter(): .enter,
        vtc_key_btab(): .backTab,
    ]
}
