import VTCModel
/// The AMG's week (`WeekReportDocument`) as a Markdown document, for the week screen's
/// export and `vtc week --format markdown`; user text is made inert.
public enum WeekReportMarkdown {
    /// `uge-2026-W47.md` in Danish, `week-2026-W47.md` in English.
    public static func fileName(for week: ISOWeek, texts: Texts) -> String {
        texts[.exportFilePrefix] + "-" + week.iso + ".md"
    }

    /// The week's document for `user`: the report of the units at `now` over what `user` may see (`WeekReport`),
    /// rendered. The one way the week screen's export and `vtc week --format markdown` are made, by embedded mode
    /// and by `vtc serve`, which sends a client these bytes and not the report (a region's week names some 170 000
    /// follow-up items). nil when the user may not read one of the units.
    public static func document(_ week: ISOWeek, units: [String], state: VTCState, user: UserAccess, at now: Timestamp,
                                texts: Texts, head: String?) -> [UInt8]? {
        guard let report = try? WeekReport(week: week, units: units, state: state, user: user, now: now) else { return nil }
        return Array(render(report, texts: texts, zone: state.policy.zone, head: head).utf8)
    }

    /// The document, ending with the log's head when it is known, so that the minutes the AMG files
    /// elsewhere witness the log (`vtc verify --witness`).
    public static func render(_ report: WeekReport, texts: Texts, zone: Zone, head: String?) -> String {
        var out: [String] = []
        for block in WeekReportDocument.blocks(report, texts: texts, zone: zone) {
            switch block {
            case .title(let text): out.append("# " + cell(text))
            case .paragraph(let text): out.append(cell(text))
            case .heading(let text): out += ["", "## " + cell(text), ""]
            case .subheading(let text): out += ["", "### " + cell(text), ""]
            case .table(let header, let rows, let numeric):
                let rule = header.indices.map { numeric && $0 > 0 ? "---:" : "---" }
                out.append("| " + header.map(cell).joined(separator: " | ") + " |")
                out.append("| " + rule.joined(separator: " | ") + " |")
                out += rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
            case .items(let items): out += items.map { "- " + $0.map(cell).joined(separator: " – ") }
            case .nothing(let text): out.append(cell(text))
            }
        }
        if let head { out += ["", texts.commandLine(.logHead("`\(head)`"))] }
        return out.joined(separator: "\n") + "\n"
    }

    /// Text from users made inert in Markdown: one line, control characters
    /// replaced, and the characters that start links, emphasis, code, HTML or break a table escaped.
    public static func cell(_ text: String) -> String {
        var out = ""
        for scalar in InputRules.showingInvisible(text).unicodeScalars {
            let value = scalar.value
            if value == 0x0A || value == 0x0D || value == 0x09 || value == 0x2028 || value == 0x2029 {
                out.append(" ")
            } else if value < 0x20 || (0x7F...0x9F).contains(value) {
                out.append("\u{FFFD}")
            } else if "\\|*_`[]<>#!~".unicodeScalars.contains(scalar) {
                out.append("\\")
                out.unicodeScalars.append(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
