import VTCModel
/// The AMG's week as a Markdown document, for the week screen's export and
/// `vtc week --format markdown`. It names incidents by time, unit, severity,
/// kind and citizen reference only: descriptions and notes stay in the log.
public enum WeekReportMarkdown {
    /// `uge-2026-W47.md` in Danish, `week-2026-W47.md` in English.
    public static func fileName(for week: ISOWeek, texts: Texts) -> String {
        texts[.exportFilePrefix] + "-" + week.iso + ".md"
    }

    public static func render(_ report: WeekReport, texts t: Texts, zone: Zone) -> String {
        func time(_ moment: Timestamp) -> String { LocalTimeText.format(moment, in: zone) }
        var out: [String] = []
        out.append("# " + t[.weekReport] + " – " + t.message(.week(report.week)))
        out.append("")
        out.append(t[.units] + ": " + cell(report.units.joined(separator: ", ")) + ". " + report.week.monday.iso + " – "
                   + report.week.sunday.iso + ". " + t[.asOf] + " " + time(report.asOf) + ".")

        out.append(contentsOf: heading(t[.weekNumbers]))
        out.append("| | " + t[.count] + " |")
        out.append("| --- | ---: |")
        let numbers: [(TextKey, Int)] = [
            (.newIncidents, report.newIncidents.count), (.openFollowUp, report.openFollowUp.count),
            (.overdueFollowUp, report.overdueFollowUp.count), (.unacknowledgedIncidents, report.unacknowledged.count),
            (.actionsOpened, report.actionsOpened.count), (.actionsDue, report.actionsDue.count),
            (.actionsClosed, report.actionsClosed.count), (.supervisionSessionsHeld, report.supervisionSessions.count),
        ]
        for (key, count) in numbers { out.append("| " + t[key] + " | \(count) |") }

        let incidentHeader = [t.label(RegistrationField.occurredAt), t.label(RegistrationField.unit), t[.columnSeverity],
                              t.label(RegistrationField.kind), t.label(RegistrationField.citizenRef)]
        func incidentRow(_ record: IncidentRecord) -> [String] {
            [time(record.facts.occurredAt), record.facts.unit, t.label(record.facts.severity), t.label(record.facts.kind),
             record.facts.citizenRef ?? "—"]
        }
        out.append(contentsOf: heading(t[.newIncidents]))
        out.append(contentsOf: table(incidentHeader, report.newIncidents.map(incidentRow), none: t[.none]))

        let followUpHeader = [t[.due], t[.followUp], t.label(RegistrationField.unit), t[.columnSeverity], t[.markdownIncidentTime]]
        func followUpRow(_ entry: WeekReport.FollowUpEntry) -> [String] {
            [time(entry.item.due), t.label(entry.item.kind), entry.incident.facts.unit, t.label(entry.incident.facts.severity),
             time(entry.incident.facts.occurredAt)]
        }
        out.append(contentsOf: heading(t[.overdueFollowUp]))
        out.append(contentsOf: table(followUpHeader, report.overdueFollowUp.map(followUpRow), none: t[.none]))
        out.append(contentsOf: heading(t[.openFollowUp]))
        out.append(contentsOf: table(followUpHeader, report.openFollowUp.map(followUpRow), none: t[.none]))
        out.append(contentsOf: heading(t[.unacknowledgedIncidents]))
        out.append(contentsOf: table(incidentHeader, report.unacknowledged.map(incidentRow), none: t[.none]))

        out.append(contentsOf: heading(t[.actions]))
        for (key, actions) in [(TextKey.actionsOpened, report.actionsOpened), (.actionsDue, report.actionsDue),
                               (.actionsClosed, report.actionsClosed)] {
            out.append("")
            out.append("### " + t[key])
            out.append("")
            if actions.isEmpty { out.append(t[.none]) }
            for record in actions {
                var line = "- " + cell(record.action.title) + " – " + cell(record.action.owner) + " – "
                    + t.message(.actionDueOn(record.action.due.iso)) + " – " + cell(record.action.unit)
                if let closure = record.closure {
                    line += " – " + t[.actionsClosed] + " " + time(closure.at) + (closure.note.map { ": " + cell($0) } ?? "")
                }
                out.append(line)
            }
        }

        out.append(contentsOf: heading(t[.supervisionSessionsHeld]))
        if report.supervisionSessions.isEmpty { out.append(t[.none]) }
        for record in report.supervisionSessions {
            let session = record.session
            var line = "- " + session.date.iso + " – " + cell(session.unit) + " – " + t.label(session.form)
            if let evaluation = session.evaluation { line += " – " + t.message(.evaluationOutOf5(evaluation)) }
            if let note = session.note { line += " – " + cell(note) }
            out.append(line)
        }

        out.append(contentsOf: heading(t.message(.recurringCitizens(minimumEpisodes: 3, days: 30))))
        if report.recurringCitizens.isEmpty { out.append(t[.none]) }
        for citizen in report.recurringCitizens {
            out.append("- " + cell(citizen.unit) + " – " + cell(citizen.citizenRef) + " – " + t.message(.incidentCount(citizen.episodes)))
        }

        out.append(contentsOf: heading(t[.severityTrend]))
        out.append(contentsOf: table([t[.week]] + Severity.all.map(t.label) + [t[.total]],
                                     report.severityTrend.map { week in
                                         [week.week.iso] + week.counts.map(String.init) + [String(week.total)]
                                     }, none: t[.none], numeric: true))
        return out.joined(separator: "\n") + "\n"
    }

    private static func heading(_ text: String) -> [String] { ["", "## " + text, ""] }

    private static func table(_ header: [String], _ rows: [[String]], none: String, numeric: Bool = false) -> [String] {
        guard !rows.isEmpty else { return [none] }
        let rule = header.indices.map { numeric && $0 > 0 ? "---:" : "---" }
        return (["| " + header.joined(separator: " | ") + " |", "| " + rule.joined(separator: " | ") + " |"]
            + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" })
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
