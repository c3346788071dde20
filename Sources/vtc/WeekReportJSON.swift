import VTCModel
import VTCCodec

/// `vtc week --format json` (documented in docs/cli.md).
enum WeekReportJSON {
    static func report(_ r: WeekReport) -> JSONValue {
        let today = r.asOf.local.date
        return .object([
            ("week", .string(r.week.iso)),
            ("units", .array(r.units.map(JSONValue.string))),
            ("as_of", .string(r.asOf.rfc3339)),
            ("new_incidents", .array(r.newIncidents.map(summary))),
            ("overdue_follow_up", .array(r.overdueFollowUp.map { entry($0, at: r.asOf) })),
            ("open_follow_up", .array(r.openFollowUp.map { entry($0, at: r.asOf) })),
            ("unacknowledged", .array(r.unacknowledged.map(summary))),
            ("actions_opened", .array(r.actionsOpened.map { IncidentJSON.action($0, today: today) })),
            ("actions_due", .array(r.actionsDue.map { IncidentJSON.action($0, today: today) })),
            ("actions_closed", .array(r.actionsClosed.map { IncidentJSON.action($0, today: today) })),
            ("supervision_sessions", .array(r.supervisionSessions.map(IncidentJSON.supervision))),
            ("recurring_citizens", .array(r.recurringCitizens.map { c in
                .object([("unit", .string(c.unit)), ("citizen_ref", .string(c.citizenRef)),
                         ("incidents", .array(c.incidents.map { .string($0.lowercasedString) }))])
            })),
            ("severity_trend", .array(r.severityTrend.map { w in
                .object([("week", .string(w.week.iso)), ("counts", .array(w.counts.map { .int(Int64($0)) }))])
            })),
        ])
    }

    static func summary(_ r: IncidentRecord) -> JSONValue {
        .object([
            ("id", .string(r.id.lowercasedString)),
            ("occurred_at", .string(r.facts.occurredAt.rfc3339)),
            ("registered_at", .string(r.registeredAt.rfc3339)),
            ("unit", .string(r.facts.unit)),
            ("kind", .string(r.facts.kind.rawValue)),
            ("severity", .int(Int64(r.facts.severity.rawValue))),
            ("citizen_ref", r.facts.citizenRef.map(JSONValue.string) ?? .null),
            ("registrant", .string(r.registrant)),
        ])
    }

    static func entry(_ e: WeekReport.FollowUpEntry, at: Timestamp) -> JSONValue {
        .object([
            ("incident", .string(e.incident.id.lowercasedString)),
            ("unit", .string(e.incident.facts.unit)),
            ("severity", .int(Int64(e.incident.facts.severity.rawValue))),
            ("kind", .string(e.item.kind.rawValue)),
            ("due", .string(e.item.due.rfc3339)),
            ("responsible", .string(e.item.responsible.rawValue)),
        ])
    }
}
