import Foundation
import VTCModel
import VTCTexts
import TerminalKit

/// `vtc week` as plain text: the same document as the Markdown export (`WeekReportDocument`),
/// laid out for a terminal, in the user's language.
struct WeekReportText {
    let texts: Texts
    let policy: Policy

    func render(_ report: WeekReport) -> String {
        var out: [String] = []
        func underlined(_ raw: String, with mark: Character) {
            let lines = Output.hanging(Output.safe(raw), first: "", indent: "")
            out += lines
            out.append(String(repeating: mark, count: lines.map(\.count).max() ?? 0))
        }
        for block in WeekReportDocument.blocks(report, texts: texts, zone: policy.zone) {
            switch block {
            case .title(let text): underlined(text, with: "=")
            case .paragraph(let text): out += Output.hanging(Output.safe(text), first: "", indent: "")
            case .heading(let text):
                out.append("")
                underlined(text, with: "-")
            case .subheading(let text):
                out.append("")
                out.append(Output.safe(text) + ":")
            case .table(let header, let rows, _):
                var table = PlainTable(header)
                table.maximumWidth = 60
                rows.forEach { table.add($0) }
                out.append(table.render(width: Output.terminalWidth))
            case .items(let items):
                for item in items { out += Output.hanging(Output.safe(item.joined(separator: " – ")), first: "- ", indent: "  ") }
            case .nothing(let text): out.append(Output.safe(text))
            }
        }
        return out.joined(separator: "\n")
    }
}
