import Glibc
import VTCDomain

/// Writing to stdout. Text that came from a person is made safe for a
/// terminal first: control characters and escape sequences are shown, not obeyed.
enum Output {
    static func line(_ text: String) { write(text + "\n") }

    static func write(_ text: String) { write(text, to: STDOUT_FILENO) }

    /// Writes all of the text to a file descriptor, retrying short writes; a closed pipe ends quietly.
    static func write(_ text: String, to fd: Int32) {
        var copy = text
        copy.withUTF8 { buffer in
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
    }

    /// One JSON document on one line.
    static func json(_ value: JSONValue) { line(JSONWriter.encodeString(value)) }

    /// User text for a terminal: control characters (other than newline, when allowed) become `\u{…}` escapes.
    static func safe(_ text: String, multiLine: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v == 0x0A && multiLine) || !(v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\u{" + String(v, radix: 16) + "}"
            }
        }
        return result
    }
}
