import Foundation
import VTCModel

/// Writes CSV as RFC 4180 says: CRLF line ends, and a field is quoted when it
/// holds a comma, a quote, CR or LF (quotes doubled inside). Text stays UTF-8.
///
/// A field that a spreadsheet would take for a formula (it starts with `=`,
/// `+`, `-`, `@`, a tab or CR) gets a leading `'`, as OWASP recommends against
/// CSV injection; invisible and text-direction characters are written out as
/// `\u{202e}` (`InputRules.showingInvisible`).
public enum CSVWriter {
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ raw: String) -> String {
        var text = InputRules.showingInvisible(raw)
        if let first = text.utf8.first, formulaStarts.contains(first) { text = "'" + text }
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `=`, `+`, `-`, `@`, tab and CR: what starts a formula in Excel, LibreOffice and Google Sheets.
    private static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]
}
