import VTCModel
import Foundation

/// Why a JSON object is not a valid event; names the key at fault.
public struct EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public var key: String
    public var reason: String
    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }
    public var description: String { "\(key): \(reason)" }
}

extension Event {
    /// The event's keys in the order they are written. The log puts `seq`
    /// and `prev` before them on the line.
    public var jsonFields: [(String, JSONValue)] {
        [
            ("format", .int(Int64(Event.formatVersion))),
            ("id", .string(id.lowercasedString)),
            ("at", .string(at.rfc3339)),
            ("actor", .string(actor)),
            ("type", .string(payload.type.rawValue)),
            ("data", payload.json),
        ]
    }

    public var json: JSONValue { .object(jsonFields) }

    /// Reads an event from a parsed line. Keys other than the event's own
    /// (such as the log's `seq` and `prev`) are ignored here.
    public init(json: JSONValue) throws(EventDecodingError) {
        let o = JSONObjectReader(json, path: "")
        let format = try o.int("format")
        guard format == Int64(Event.formatVersion) else {
            throw EventDecodingError(key: "format", reason: "unknown format version \(format)")
        }
        let typeName = try o.string("type")
        guard let type = EventType(rawValue: typeName) else {
            throw EventDecodingError(key: "type", reason: "unknown event type \"\(typeName)\"")
        }
        self.init(
            id: try o.uuid("id"),
            at: try o.timestamp("at"),
            actor: try o.string("actor"),
            payload: try EventPayload(type: type, data: try o.object("data"))
        )
    }
}

extension EventPayload {
    public var json: JSONValue {
        switch self {
        case .registered(let incident, let r):
            return .object([("incident", .string(incident.lowercasedString))] + r.jsonFields)
        case .amended(let incident, let changes):
            return .object([
                ("incident", .string(incident.lowercasedString)),
                ("changes", .array(changes.map { c in
                    .object([("field", .string(c.field.rawValue)), ("old", c.old.json), ("new", c.new.json)])
                })),
            ])
        case .followUpRecorded(let incident, let f):
            return .object([
                ("incident", .string(incident.lowercasedString)),
                ("kind", .string(f.kind.rawValue)),
                ("outcome", .string(f.outcome.rawValue)),
                ("on", .string(f.on.rfc3339)),
                ("note", optional(f.note)),
            ])
        case .acknowledged(let incident, let note):
            return .object([("incident", .string(incident.lowercasedString)), ("note", optional(note))])
        case .noteAdded(let incident, let text):
            return .object([("incident", .string(incident.lowercasedString)), ("text", .string(text))])
        case .absenceUpdated(let incident, let firstDay, let days):
            return .object([
                ("incident", .string(incident.lowercasedString)),
                ("first_absence_day", .string(firstDay.iso)),
                ("absence_days", .int(Int64(days))),
            ])
        case .amgDiscussed(let incident, let date, let summary):
            return .object([
                ("incident", .string(incident.lowercasedString)),
                ("date", .string(date.iso)),
                ("summary", .string(summary)),
            ])
        case .actionOpened(let a):
            return .object([
                ("action", .string(a.id.lowercasedString)),
                ("unit", .string(a.unit)),
                ("title", .string(a.title)),
                ("owner", .string(a.owner)),
                ("due", .string(a.due.iso)),
                ("incidents", .array(a.incidents.map { .string($0.lowercasedString) })),
            ])
        case .actionClosed(let action, let note):
            return .object([("action", .string(action.lowercasedString)), ("note", optional(note))])
        case .supervisionHeld(let s):
            return .object([
                ("session", .string(s.id.lowercasedString)),
                ("unit", .string(s.unit)),
                ("date", .string(s.date.iso)),
                ("form", .string(s.form.rawValue)),
                ("incidents", .array(s.incidents.map { .string($0.lowercasedString) })),
                ("evaluation", s.evaluation.map { .int(Int64($0)) } ?? .null),
                ("note", optional(s.note)),
            ])
        case .withdrawn(let incident, let reason):
            return .object([("incident", .string(incident.lowercasedString)), ("reason", .string(reason))])
        }
    }

    init(type: EventType, data o: JSONObjectReader) throws(EventDecodingError) {
        switch type {
        case .registered:
            self = .registered(incident: try o.uuid("incident"), try Registration(reading: o))
        case .amended:
            let incident = try o.uuid("incident")
            var changes: [FieldChange] = []
            for (i, item) in try o.array("changes").enumerated() {
                let c = JSONObjectReader(item, path: o.path + "changes[\(i)].")
                let name = try c.string("field")
                guard let field = RegistrationField(rawValue: name) else { throw c.error("field", "unknown field \"\(name)\"") }
                changes.append(FieldChange(field: field, old: try c.fieldValue("old"), new: try c.fieldValue("new")))
            }
            self = .amended(incident: incident, changes: changes)
        case .followUpRecorded:
            self = .followUpRecorded(incident: try o.uuid("incident"), FollowUpRecord(
                kind: try o.enumeration("kind"), outcome: try o.enumeration("outcome"),
                on: try o.timestamp("on"), note: try o.optionalString("note")))
        case .acknowledged:
            self = .acknowledged(incident: try o.uuid("incident"), note: try o.optionalString("note"))
        case .noteAdded:
            self = .noteAdded(incident: try o.uuid("incident"), text: try o.string("text"))
        case .absenceUpdated:
            self = .absenceUpdated(incident: try o.uuid("incident"), firstDay: try o.date("first_absence_day"),
                                   days: try o.count("absence_days"))
        case .amgDiscussed:
            self = .amgDiscussed(incident: try o.uuid("incident"), date: try o.date("date"), summary: try o.string("summary"))
        case .actionOpened:
            self = .actionOpened(PreventiveAction(
                id: try o.uuid("action"), unit: try o.string("unit"), title: try o.string("title"),
                owner: try o.string("owner"), due: try o.date("due"), incidents: try o.uuids("incidents")))
        case .actionClosed:
            self = .actionClosed(action: try o.uuid("action"), note: try o.optionalString("note"))
        case .supervisionHeld:
            let evaluation = try o.optionalInt("evaluation")
            if let e = evaluation, !(1...5).contains(e) { throw o.error("evaluation", "must be 1–5, got \(e)") }
            self = .supervisionHeld(SupervisionSession(
                id: try o.uuid("session"), unit: try o.string("unit"), date: try o.date("date"),
                form: try o.enumeration("form"), incidents: try o.uuids("incidents"),
                evaluation: evaluation, note: try o.optionalString("note")))
        case .withdrawn:
            self = .withdrawn(incident: try o.uuid("incident"), reason: try o.string("reason"))
        }
    }
}

extension Registration {
    /// The registration's keys in the order they are written (the `--json` input of `vtc register` uses the same keys).
    public var jsonFields: [(String, JSONValue)] {
        RegistrationField.allCases.map { ($0.rawValue, value(of: $0).json) }
    }

    init(reading o: JSONObjectReader) throws(EventDecodingError) {
        self.init(
            occurredAt: try o.timestamp("occurred_at"),
            unit: try o.string("unit"),
            location: try o.optionalString("location"),
            kind: try o.enumeration("kind"),
            severity: try o.severity("severity"),
            involvement: try o.enumeration("involvement"),
            counterpart: try o.enumeration("counterpart"),
            citizenRef: try o.optionalString("citizen_ref"),
            injury: try o.enumeration("injury"),
            firstAbsenceDay: try o.optionalDate("first_absence_day"),
            absenceDays: try o.optionalInt("absence_days"),
            description: try o.string("description"),
            firstAid: try o.bool("first_aid"),
            defusingHeld: try o.bool("defusing_held"),
            wantsLeaderTalk: try o.bool("wants_leader_talk"),
            wantsPsychologist: try o.bool("wants_psychologist"),
            policeReport: try o.bool("police_report")
        )
        if let days = absenceDays, days < 0 { throw o.error("absence_days", "must not be negative, got \(days)") }
    }
}

extension FieldValue {
    public var json: JSONValue {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let n): .int(Int64(n))
        case .string(let s): .string(s)
        }
    }
}

private func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

/// Typed reads from a JSON object, each failing with the key's path and what was wrong.
struct JSONObjectReader {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    func error(_ key: String, _ reason: String) -> EventDecodingError { EventDecodingError(key: path + key, reason: reason) }

    private func required(_ key: String) throws(EventDecodingError) -> JSONValue {
        guard case .object = value else { throw EventDecodingError(key: path.isEmpty ? "line" : String(path.dropLast()), reason: "is not an object") }
        guard let v = value[key] else { throw error(key, "missing") }
        return v
    }

    func string(_ key: String) throws(EventDecodingError) -> String {
        guard let s = try required(key).string else { throw error(key, "must be a string") }
        return s
    }

    func optionalString(_ key: String) throws(EventDecodingError) -> String? {
        guard let v = value[key], !v.isNull else { return nil }
        guard let s = v.string else { throw error(key, "must be a string or null") }
        return s
    }

    func int(_ key: String) throws(EventDecodingError) -> Int64 {
        guard let n = try required(key).int else { throw error(key, "must be an integer") }
        return n
    }

    func count(_ key: String) throws(EventDecodingError) -> Int {
        let n = try int(key)
        guard n >= 0, n <= 100_000 else { throw error(key, "must be 0 or more, got \(n)") }
        return Int(n)
    }

    func optionalInt(_ key: String) throws(EventDecodingError) -> Int? {
        guard let v = value[key], !v.isNull else { return nil }
        // A range, not `abs`: the absolute value of Int.min traps.
        guard let n = v.int, (-1_000_000...1_000_000).contains(n) else { throw error(key, "must be an integer or null") }
        return Int(n)
    }

    func bool(_ key: String) throws(EventDecodingError) -> Bool {
        guard let b = try required(key).bool else { throw error(key, "must be true or false") }
        return b
    }

    func object(_ key: String) throws(EventDecodingError) -> JSONObjectReader {
        let v = try required(key)
        guard case .object = v else { throw error(key, "must be an object") }
        return JSONObjectReader(v, path: path + key + ".")
    }

    func array(_ key: String) throws(EventDecodingError) -> [JSONValue] {
        guard let a = try required(key).array else { throw error(key, "must be an array") }
        return a
    }

    func uuid(_ key: String) throws(EventDecodingError) -> UUID {
        let s = try string(key)
        guard let id = UUID(uuidString: s) else { throw error(key, "is not a UUID: \"\(s)\"") }
        return id
    }

    func uuids(_ key: String) throws(EventDecodingError) -> [UUID] {
        var ids: [UUID] = []
        for (i, item) in try array(key).enumerated() {
            guard let s = item.string, let id = UUID(uuidString: s) else { throw error("\(key)[\(i)]", "is not a UUID") }
            ids.append(id)
        }
        return ids
    }

    func timestamp(_ key: String) throws(EventDecodingError) -> Timestamp {
        let s = try string(key)
        guard let t = Timestamp(rfc3339: s) else { throw error(key, "is not an RFC 3339 time with offset: \"\(s)\"") }
        return t
    }

    func date(_ key: String) throws(EventDecodingError) -> CalendarDate {
        let s = try string(key)
        guard let d = CalendarDate(iso: s) else { throw error(key, "is not a date YYYY-MM-DD: \"\(s)\"") }
        return d
    }

    func optionalDate(_ key: String) throws(EventDecodingError) -> CalendarDate? {
        guard let s = try optionalString(key) else { return nil }
        guard let d = CalendarDate(iso: s) else { throw error(key, "is not a date YYYY-MM-DD: \"\(s)\"") }
        return d
    }

    func severity(_ key: String) throws(EventDecodingError) -> Severity {
        let n = try int(key)
        guard let s = Int(exactly: n).flatMap(Severity.init(rawValue:)) else { throw error(key, "must be 1–5, got \(n)") }
        return s
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ key: String) throws(EventDecodingError) -> E where E.RawValue == String {
        let s = try string(key)
        guard let e = E(rawValue: s) else {
            throw error(key, "unknown value \"\(s)\" (expected one of: \(E.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return e
    }

    func fieldValue(_ key: String) throws(EventDecodingError) -> FieldValue {
        switch try required(key) {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let n):
            guard let small = Int(exactly: n) else { throw error(key, "integer out of range") }
            return .int(small)
        case .string(let s): return .string(s)
        default: throw error(key, "must be null, a boolean, an integer or a string")
        }
    }
}
