import Foundation
import VTCModel
import VTCTexts

/// `vtc week` as plain text or Markdown, in the user's language.
struct WeekReportText {
    let texts: Texts
    let policy: Policy

    func render(_ r: WeekReport, markdown: Bool) -> String {
        let time = IncidentText(texts: texts, policy: policy)
        var out: [String] = []
        func title(_ raw: String) {
            if markdown { return out.append("# " + WeekReportMarkdown.cell(raw)) }
            let text = Output.safe(raw)
            let lines = Output.hanging(text, first: "", indent: "")
            out += lines
            out.append(String(repeating: "=", count: lines.map(\.count).max() ?? 0))
        }
        func section(_ heading: String, _ header: [String], _ rows: [[String]]) {
            out.append("")
            out.append(markdown ? "## \(heading) (\(rows.count))" : "\(heading) (\(rows.count))")
            if rows.isEmpty { return out.append(texts.commandLine(.noneListed)) }
            if markdown {
                out.append("| " + header.joined(separator: " | ") + " |")
                out.append("|" + header.map { _ in " --- |" }.joined())
                out += rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
            } else {
                var table = TextTable(header)
                rows.forEach { table.add($0) }
                out.append(table.render())
            }
        }
        title(texts[.weekReport] + " – " + texts.message(.week(r.week)) + " – " + r.units.joined(separator: ", "))
        let short = { (r: IncidentRecord) in String(r.id.lowercasedString.prefix(8)) }
        let incidentHeader = ["id", texts.label(RegistrationField.occurredAt), texts.label(RegistrationField.unit),
                              texts.label(RegistrationField.kind), "VTC", texts.label(RegistrationField.citizenRef)]
        func incidentRow(_ i: IncidentRecord) -> [String] {
            [short(i), time.time(i.facts.occurredAt), i.facts.unit, texts.label(i.facts.kind), String(i.facts.severity.rawValue),
             i.facts.citizenRef ?? ""]
        }
        section(texts[.newIncidents], incidentHeader, r.newIncidents.map(incidentRow))
        let followUpHeader = ["id", texts.label(RegistrationField.unit), "VTC", texts[.followUp], texts[.due]]
        func followUpRow(_ e: WeekReport.FollowUpEntry) -> [String] {
            [short(e.incident), e.incident.facts.unit, String(e.incident.facts.severity.rawValue), texts.label(e.item.kind),
             time.time(e.item.due)]
        }
        section(texts[.overdueFollowUp], followUpHeader, r.overdueFollowUp.map(followUpRow))
        section(texts[.openFollowUp], followUpHeader, r.openFollowUp.map(followUpRow))
        section(texts[.unacknowledgedIncidents], incidentHeader, r.unacknowledged.map(incidentRow))
        let today = r.asOf.local.date
        func actionRows(_ actions: [ActionRecord]) -> [[String]] {
            actions.map { [String($0.action.id.lowercasedString.prefix(8)), $0.action.unit, $0.action.title, $0.action.owner,
                           $0.action.due.iso, IncidentJSON.actionStatus($0, today: today)] }
        }
        section(texts[.actionsOpened], texts.actionColumns, actionRows(r.actionsOpened))
        section(texts[.actionsDue], texts.actionColumns, actionRows(r.actionsDue))
        section(texts[.actionsClosed], texts.actionColumns, actionRows(r.actionsClosed))
        section(texts[.supervisionSessionsHeld], texts.supervisionColumns, r.supervisionSessions.map { s in
            [String(s.session.id.lowercasedString.prefix(8)), s.session.unit, s.session.date.iso, texts.label(s.session.form),
             String(s.session.incidents.count), s.session.evaluation.map(String.init) ?? "", s.session.note ?? ""]
        })
        section(texts.commandLine(.recurringCitizens), [texts.label(RegistrationField.unit), texts.label(RegistrationField.citizenRef), texts[.count]],
                r.recurringCitizens.map { [$0.unit, $0.citizenRef, String($0.episodes)] })
        section(texts.commandLine(.severityTrend), [texts[.week]] + Severity.all.map { "VTC \($0.rawValue)" } + [texts[.total]],
                r.severityTrend.map { w in [w.week.iso] + w.counts.map(String.init) + [String(w.total)] })
        return out.joined(separator: "\n")
    }

    /// A Markdown table cell: the one way user text is made inert in Markdown (HTML, links, pipes escaped).
    private func cell(_ text: String) -> String { WeekReportMarkdown.cell(text) }
}
