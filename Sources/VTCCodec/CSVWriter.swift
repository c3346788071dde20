import Foundation

/// Writes CSV as RFC 4180 says: CRLF line ends, and a field is quoted when it
/// holds a comma, a quote, CR or LF (quotes doubled inside). Text stays UTF-8.
public enum CSVWriter {
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
