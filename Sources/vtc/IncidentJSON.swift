import VTCModel
import VTCCodec

/// The JSON shapes of `--format json` output (documented in docs/cli.md):
/// snake_case keys, the identifiers of DOMAIN.md, times in RFC 3339.
enum IncidentJSON {
    /// With `history`, the incident's events are included.
    static func incident(_ r: IncidentRecord, at now: Timestamp, history: [Event]? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(r.id.lowercasedString)),
            ("registered_at", .string(r.registeredAt.rfc3339)),
            ("registrant", .string(r.registrant)),
        ]
        fields += r.facts.jsonFields
        fields += [
            ("acknowledgement", r.acknowledgement.map { a in
                .object([("by", .string(a.by)), ("at", .string(a.at.rfc3339)), ("note", text(a.note))])
            } ?? .null),
            ("follow_up", .array(r.followUps.map { followUp($0, at: now) })),
            ("notes", .array(r.notes.map { n in
                .object([("by", .string(n.by)), ("at", .string(n.at.rfc3339)), ("text", .string(n.text))])
            })),
            ("amg_discussions", .array(r.amgDiscussions.map { d in
                .object([("date", .string(d.date.iso)), ("summary", .string(d.summary)), ("by", .string(d.by))])
            })),
            ("withdrawal", r.withdrawal.map { w in
                .object([("by", .string(w.by)), ("at", .string(w.at.rfc3339)), ("reason", .string(w.reason))])
            } ?? .null),
        ]
        if let history { fields.append(("history", .array(history.map(\.json)))) }
        return .object(fields)
    }

    static func followUp(_ item: FollowUpItem, at now: Timestamp) -> JSONValue {
        .object([
            ("kind", .string(item.kind.rawValue)),
            ("due", .string(item.due.rfc3339)),
            ("status", .string(item.status(at: now).rawValue)),
            ("responsible", .string(item.responsible.rawValue)),
            ("stays_open", .bool(item.staysOpen)),
            ("called_for", .bool(item.calledFor)),
            ("outcome", item.outcome.map { o in
                .object([
                    ("outcome", .string(o.record.outcome.rawValue)), ("on", .string(o.record.on.rfc3339)),
                    ("note", text(o.record.note)), ("by", .string(o.by)), ("at", .string(o.at.rfc3339)),
                ])
            } ?? .null),
        ])
    }

    static func action(_ r: ActionRecord, today: CalendarDate) -> JSONValue {
        .object([
            ("id", .string(r.action.id.lowercasedString)),
            ("unit", .string(r.action.unit)),
            ("title", .string(r.action.title)),
            ("owner", .string(r.action.owner)),
            ("due", .string(r.action.due.iso)),
            ("incidents", .array(r.action.incidents.map { .string($0.lowercasedString) })),
            ("status", .string(actionStatus(r, today: today))),
            ("opened_by", .string(r.openedBy)),
            ("opened_at", .string(r.openedAt.rfc3339)),
            ("closure", r.closure.map { c in
                .object([("by", .string(c.by)), ("at", .string(c.at.rfc3339)), ("note", text(c.note))])
            } ?? .null),
        ])
    }

    /// `open`, `overdue` (open and past its due day) or `closed`.
    static func actionStatus(_ r: ActionRecord, today: CalendarDate) -> String {
        r.isClosed ? "closed" : r.isOverdue(on: today) ? "overdue" : "open"
    }

    static func supervision(_ r: SupervisionRecord) -> JSONValue {
        let s = r.session
        return .object([
            ("id", .string(s.id.lowercasedString)),
            ("unit", .string(s.unit)),
            ("date", .string(s.date.iso)),
            ("form", .string(s.form.rawValue)),
            ("incidents", .array(s.incidents.map { .string($0.lowercasedString) })),
            ("evaluation", s.evaluation.map { .int(Int64($0)) } ?? .null),
            ("note", text(s.note)),
            ("recorded_by", .string(r.recordedBy)),
        ])
    }

    private static func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
}
