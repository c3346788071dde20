import Glibc
import TerminalKit
import VTCCodec
import VTCModel

/// Writing to stdout. Text that came from a person is made safe for a
/// terminal first: control characters and escape sequences are shown, not obeyed.
enum Output {
    static func line(_ text: String) { write(text + "\n") }

    /// The width of the terminal stdout writes to; nil when it is not a terminal (a pipe or a file).
    static var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    static func write(_ text: String) { write(text, to: STDOUT_FILENO) }

    /// Writes all of the text to a file descriptor, retrying short writes; a closed pipe ends quietly.
    static func write(_ text: String, to fd: Int32) {
        var copy = text
        copy.withUTF8 { write($0, to: fd) }
    }

    /// Bytes made elsewhere (a document a server made) written to stdout as they are.
    static func write(bytes: [UInt8]) { bytes.withUnsafeBufferPointer { write($0, to: STDOUT_FILENO) } }

    private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to fd: Int32) {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }

    /// A line of text broken at spaces into lines of at most `width` cells (none when there is no width).
    static func wrap(_ line: some StringProtocol, width: Int?) -> [String] {
        guard let width else { return [String(line)] }
        return SafeText.wrap(line, toWidth: width)
    }

    /// Text after a first-line prefix, wrapped to the terminal; later lines (and paragraphs) start with `indent`.
    static func hanging(_ text: String, first: String, indent: String) -> [String] {
        let width = terminalWidth.map { max($0 - DisplayWidth.of(first), 20) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap($0, width: width) }
        return lines.enumerated().map { ($0.offset == 0 ? first : indent) + $0.element }
    }

    /// One JSON document on one line.
    static func json(_ value: JSONValue) { line(escapingInvisible(JSONWriter.encodeString(value))) }

    /// JSON text with every invisible or text-direction character written as a `\uXXXX` escape: the
    /// same string to a JSON reader, but nothing that reorders what a terminal or an editor shows.
    /// (They can stand only inside strings, where the escape means the same character.)
    static func escapingInvisible(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { InputRules.isInvisible($0.value) }) else { return json }
        var escaped = ""
        for scalar in json.unicodeScalars {
            if InputRules.isInvisible(scalar.value) {
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// User text for a terminal, made safe by the one sanitiser the terminal UI uses too (`SafeText`):
    /// control characters shown in caret notation, text-direction and invisible characters as `\u{202e}`.
    /// With `multiLine`, line breaks are kept.
    static func safe(_ text: String, multiLine: Bool = false) -> String {
        guard multiLine else { return SafeText.sanitize(text) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(SafeText.sanitize).joined(separator: "\n")
    }
}
