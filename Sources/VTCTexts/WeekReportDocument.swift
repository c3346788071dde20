import VTCModel

/// One part of the AMG's week as a document, before it is written as Markdown or plain text.
public enum WeekReportBlock: Equatable, Sendable {
    case title(String)
    case paragraph(String)
    case heading(String)
    case subheading(String)
    /// `numeric`: every column after the first holds numbers.
    case table(header: [String], rows: [[String]], numeric: Bool)
    /// One line per item; each item's parts are written joined by ` – `.
    case items([[String]])
    /// Said where a section has nothing.
    case nothing(String)
}

/// The AMG's week, the one renderer behind the week screen's export and every format of
/// `vtc week` but JSON: what is said and in which order is decided here once, and
/// `WeekReportMarkdown` and the command line's text writer only lay it out. It names
/// incidents by time, unit, severity, kind and citizen reference: descriptions and notes stay in the log.
public enum WeekReportDocument {
    public static func blocks(_ report: WeekReport, texts t: Texts, zone: Zone) -> [WeekReportBlock] {
        func time(_ moment: Timestamp) -> String { LocalTimeText.format(moment, in: zone) }
        func table(_ header: [String], _ rows: [[String]], numeric: Bool = false) -> WeekReportBlock {
            rows.isEmpty ? .nothing(t[.none]) : .table(header: header, rows: rows, numeric: numeric)
        }
        func items(_ lines: [[String]]) -> WeekReportBlock { lines.isEmpty ? .nothing(t[.none]) : .items(lines) }
        var out: [WeekReportBlock] = [
            .title(t[.weekReport] + " – " + t.message(.week(report.week))),
            .paragraph(t[.units] + ": " + report.units.joined(separator: ", ") + ". " + report.week.monday.iso + " – "
                       + report.week.sunday.iso + ". " + t[.asOf] + " " + time(report.asOf) + "."),
        ]
        let numbers: [(TextKey, Int)] = [
            (.newIncidents, report.newIncidents.count), (.openFollowUp, report.openFollowUp.count),
            (.overdueFollowUp, report.overdueFollowUp.count), (.unacknowledgedIncidents, report.unacknowledged.count),
            (.actionsOpened, report.actionsOpened.count), (.actionsDue, report.actionsDue.count),
            (.actionsClosed, report.actionsClosed.count), (.supervisionSessionsHeld, report.supervisionSessions.count),
        ]
        out.append(.heading(t[.weekNumbers]))
        out.append(.table(header: ["", t[.count]], rows: numbers.map { [t[$0.0], String($0.1)] }, numeric: true))

        let incidentHeader = [t.label(RegistrationField.occurredAt), t.label(RegistrationField.unit), t[.columnSeverity],
                              t.label(RegistrationField.kind), t.label(RegistrationField.citizenRef)]
        func incidentRow(_ record: IncidentRecord) -> [String] {
            [time(record.facts.occurredAt), record.facts.unit, t.label(record.facts.severity), t.label(record.facts.kind),
             record.facts.citizenRef ?? "—"]
        }
        out.append(.heading(t[.newIncidents]))
        out.append(table(incidentHeader, report.newIncidents.map(incidentRow)))

        let followUpHeader = [t[.due], t[.followUp], t.label(RegistrationField.unit), t[.columnSeverity], t[.markdownIncidentTime]]
        func followUpRow(_ entry: WeekReport.FollowUpEntry) -> [String] {
            // The record is read once: each read of `incident` copies it out of the report's records.
            let facts = entry.incident.facts
            return [time(entry.item.due), t.label(entry.item.kind), facts.unit, t.label(facts.severity), time(facts.occurredAt)]
        }
        out.append(.heading(t[.overdueFollowUp]))
        out.append(table(followUpHeader, report.overdueFollowUp.map(followUpRow)))
        out.append(.heading(t[.openFollowUp]))
        out.append(table(followUpHeader, report.openFollowUp.map(followUpRow)))
        out.append(.heading(t[.unacknowledgedIncidents]))
        out.append(table(incidentHeader, report.unacknowledged.map(incidentRow)))

        out.append(.heading(t[.actions]))
        for (key, actions) in [(TextKey.actionsOpened, report.actionsOpened), (.actionsDue, report.actionsDue),
                               (.actionsClosed, report.actionsClosed)] {
            out.append(.subheading(t[key]))
            out.append(items(actions.map { record in
                var parts = [record.action.title, record.action.owner, t.message(.actionDueOn(record.action.due.iso)), record.action.unit]
                if let closure = record.closure {
                    parts.append(t[.actionsClosed] + " " + time(closure.at) + (closure.note.map { ": " + $0 } ?? ""))
                }
                return parts
            }))
        }

        out.append(.heading(t[.supervisionSessionsHeld]))
        out.append(items(report.supervisionSessions.map { record in
            let session = record.session
            return [session.date.iso, session.unit, t.label(session.form)]
                + (session.evaluation.map { [t.message(.evaluationOutOf5($0))] } ?? []) + (session.note.map { [$0] } ?? [])
        }))

        out.append(.heading(t.message(.recurringCitizens(minimumEpisodes: 3, days: 30))))
        out.append(items(report.recurringCitizens.map { [$0.unit, $0.citizenRef, t.message(.incidentCount($0.episodes))] }))

        out.append(.heading(t[.severityTrend]))
        out.append(table([t[.week]] + Severity.all.map(t.label) + [t[.total]],
                         report.severityTrend.map { week in [week.week.iso] + week.counts.map(String.init) + [String(week.total)] },
                         numeric: true))
        return out
    }
}
