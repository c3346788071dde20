import VTCModel
import Foundation

/// An event line of the log as the fast decoder reads it: `seq`, `prev`
/// (the 32 bytes its 64 hex digits stand for) and the event.
public struct FastLogLine: Hashable, Sendable {
    public var seq: Int64
    public var prev: SIMD32<UInt8>
    public var event: Event
}

/// Decodes an event line straight from its bytes into an `Event`, without
/// building a `JSONValue` tree, for lines exactly as `JSONWriter` writes them:
/// keys in the written order, no spaces, integers only, lowercase hex.
///
/// It only ever answers for lines it fully understands, and then with what
/// `JSONParser` + `Event(json:)` would give. Anything else — another key
/// order, an unknown or missing key, invalid UTF-8, a value the general path
/// would refuse — gives nil, and the caller uses the general path, which stays
/// the reference and says what is wrong.
public enum FastEventDecoder {
    public static func decodeLine(_ line: UnsafeBufferPointer<UInt8>) -> FastLogLine? {
        // Checked once for the whole line: every string cut out of it at its quotes is then valid too.
        guard UTF8Validation.isValid(line) else { return nil }
        var scanner = LineScanner(line)
        return scanner.line()
    }
}

/// A cursor over one line; every read returns nil at the first surprise.
private struct LineScanner {
    let b: UnsafeBufferPointer<UInt8>
    var at = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) { b = buffer }

    mutating func line() -> FastLogLine? {
        guard literal("{\"seq\":"), let seq = integer(),
              literal(",\"prev\":"), let prev = hash(),
              literal(",\"format\":"), let format = integer(), format == Int64(Event.formatVersion),
              literal(",\"id\":"), let id = uuid(),
              literal(",\"at\":"), let at = timestamp(),
              literal(",\"actor\":"), let actor = string(),
              literal(",\"type\":"), let type: EventType = enumeration(),
              literal(",\"data\":{"), let payload = payload(type),
              literal("}}"), self.at == b.count else { return nil }
        return FastLogLine(seq: seq, prev: prev, event: Event(id: id, at: at, actor: actor, payload: payload))
    }

    // MARK: - Payloads, keys in the order `EventPayload.json` writes them

    mutating func payload(_ type: EventType) -> EventPayload? {
        switch type {
        case .registered:
            guard literal("\"incident\":"), let incident = uuid(), let facts = registration() else { return nil }
            return .registered(incident: incident, facts)
        case .amended:
            guard literal("\"incident\":"), let incident = uuid(), literal(",\"changes\":["), let changes = changes() else { return nil }
            return .amended(incident: incident, changes: changes)
        case .followUpRecorded:
            guard literal("\"incident\":"), let incident = uuid(),
                  literal(",\"kind\":"), let kind: FollowUpKind = enumeration(),
                  literal(",\"outcome\":"), let outcome: FollowUpOutcome = enumeration(),
                  literal(",\"on\":"), let on = timestamp(),
                  literal(",\"note\":"), let note = optionalString() else { return nil }
            return .followUpRecorded(incident: incident, FollowUpRecord(kind: kind, outcome: outcome, on: on, note: note))
        case .acknowledged:
            guard literal("\"incident\":"), let incident = uuid(), literal(",\"note\":"), let note = optionalString() else { return nil }
            return .acknowledged(incident: incident, note: note)
        case .noteAdded:
            guard literal("\"incident\":"), let incident = uuid(), literal(",\"text\":"), let text = string() else { return nil }
            return .noteAdded(incident: incident, text: text)
        case .absenceUpdated:
            guard literal("\"incident\":"), let incident = uuid(),
                  literal(",\"first_absence_day\":"), let first = date(),
                  literal(",\"absence_days\":"), let days = integer(), (0...100_000).contains(days) else { return nil }
            return .absenceUpdated(incident: incident, firstDay: first, days: Int(days))
        case .amgDiscussed:
            guard literal("\"incident\":"), let incident = uuid(), literal(",\"date\":"), let date = date(),
                  literal(",\"summary\":"), let summary = string() else { return nil }
            return .amgDiscussed(incident: incident, date: date, summary: summary)
        case .actionOpened:
            guard literal("\"action\":"), let id = uuid(), literal(",\"unit\":"), let unit = string(),
                  literal(",\"title\":"), let title = string(), literal(",\"owner\":"), let owner = string(),
                  literal(",\"due\":"), let due = date(), literal(",\"incidents\":"), let incidents = uuids() else { return nil }
            return .actionOpened(PreventiveAction(id: id, unit: unit, title: title, owner: owner, due: due, incidents: incidents))
        case .actionClosed:
            guard literal("\"action\":"), let id = uuid(), literal(",\"note\":"), let note = optionalString() else { return nil }
            return .actionClosed(action: id, note: note)
        case .supervisionHeld:
            guard literal("\"session\":"), let id = uuid(), literal(",\"unit\":"), let unit = string(),
                  literal(",\"date\":"), let date = date(), literal(",\"form\":"), let form: SupervisionForm = enumeration(),
                  literal(",\"incidents\":"), let incidents = uuids(),
                  literal(",\"evaluation\":"), let evaluation = optionalInteger(in: 1...5),
                  literal(",\"note\":"), let note = optionalString() else { return nil }
            return .supervisionHeld(SupervisionSession(id: id, unit: unit, date: date, form: form, incidents: incidents,
                                                       evaluation: evaluation, note: note))
        case .withdrawn:
            guard literal("\"incident\":"), let incident = uuid(), literal(",\"reason\":"), let reason = string() else { return nil }
            return .withdrawn(incident: incident, reason: reason)
        }
    }

    mutating func registration() -> Registration? {
        guard literal(",\"occurred_at\":"), let occurredAt = timestamp(),
              literal(",\"unit\":"), let unit = string(),
              literal(",\"location\":"), let location = optionalString(),
              literal(",\"kind\":"), let kind: EpisodeKind = enumeration(),
              literal(",\"severity\":"), let severityValue = integer(), let severity = Severity(rawValue: Int(severityValue)),
              literal(",\"involvement\":"), let involvement: Involvement = enumeration(),
              literal(",\"counterpart\":"), let counterpart: Counterpart = enumeration(),
              literal(",\"citizen_ref\":"), let citizenRef = optionalString(),
              literal(",\"injury\":"), let injury: Injury = enumeration(),
              literal(",\"first_absence_day\":"), let firstAbsenceDay = optionalDate(),
              literal(",\"absence_days\":"), let absenceDays = optionalInteger(in: 0...1_000_000),
              literal(",\"description\":"), let description = string(),
              literal(",\"first_aid\":"), let firstAid = bool(),
              literal(",\"defusing_held\":"), let defusingHeld = bool(),
              literal(",\"wants_leader_talk\":"), let wantsLeaderTalk = bool(),
              literal(",\"wants_psychologist\":"), let wantsPsychologist = bool(),
              literal(",\"police_report\":"), let policeReport = bool() else { return nil }
        return Registration(
            occurredAt: occurredAt, unit: unit, location: location, kind: kind, severity: severity,
            involvement: involvement, counterpart: counterpart, citizenRef: citizenRef, injury: injury,
            firstAbsenceDay: firstAbsenceDay, absenceDays: absenceDays, description: description, firstAid: firstAid,
            defusingHeld: defusingHeld, wantsLeaderTalk: wantsLeaderTalk, wantsPsychologist: wantsPsychologist,
            policeReport: policeReport)
    }

    /// After `[`: the changes up to and including `]`.
    mutating func changes() -> [FieldChange]? {
        var changes: [FieldChange] = []
        if literal("]") { return changes }
        while true {
            guard literal("{\"field\":"), let field: RegistrationField = enumeration(),
                  literal(",\"old\":"), let old = fieldValue(),
                  literal(",\"new\":"), let new = fieldValue(), literal("}") else { return nil }
            changes.append(FieldChange(field: field, old: old, new: new))
            if literal("]") { return changes }
            guard literal(",") else { return nil }
        }
    }

    // MARK: - Values

    /// Compares the next bytes with `text` and steps over them if they match.
    @inline(__always)
    mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard b.count - at >= count,
              memcmp(b.baseAddress! + at, text.utf8Start, count) == 0 else { return false }
        at += count
        return true
    }

    /// `-?(0|[1-9][0-9]*)` of at most 18 digits (so it cannot overflow), not followed by a fraction or exponent.
    mutating func integer() -> Int64? {
        var i = at
        let negative = i < b.count && b[i] == 0x2D
        if negative { i += 1 }
        let start = i
        var value: Int64 = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
            value = value &* 10 &+ Int64(b[i] &- 0x30)
            i += 1
        }
        let digits = i - start
        guard digits >= 1, digits <= 18, !(digits > 1 && b[start] == 0x30) else { return nil }
        if i < b.count, b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 { return nil }
        at = i
        return negative ? -value : value
    }

    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// A string's bytes without its quotes, when it holds no escape and no control character.
    mutating func plainString() -> UnsafeBufferPointer<UInt8>? {
        guard at < b.count, b[at] == 0x22 else { return nil }
        let start = at + 1
        var i = start
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                at = i + 1
                return UnsafeBufferPointer(rebasing: b[start..<i])
            }
            if c == 0x5C || c < 0x20 { return nil }
            i += 1
        }
        return nil
    }

    mutating func string() -> String? {
        let saved = at
        if let plain = plainString() { return String(decoding: plain, as: UTF8.self) }
        at = saved
        return escapedString()
    }

    /// A string with escapes, decoded the way `JSONParser` does; nil where it would fail.
    mutating func escapedString() -> String? {
        guard at < b.count, b[at] == 0x22 else { return nil }
        at += 1
        var bytes: [UInt8] = []
        while at < b.count {
            let c = b[at]
            at += 1
            switch c {
            case 0x22:
                return String(decoding: bytes, as: UTF8.self)
            case 0x5C:
                guard at < b.count else { return nil }
                let e = b[at]
                at += 1
                switch e {
                case 0x22, 0x5C, 0x2F: bytes.append(e)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    bytes.append(contentsOf: UTF8.encode(scalar)!)
                default: return nil
                }
            default:
                guard c >= 0x20 else { return nil }
                bytes.append(c)
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard let value = fourHexDigits(b, at: at) else { return nil }
        at += 4
        return value
    }

    mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let first = hex4() else { return nil }
        if (0xD800...0xDBFF).contains(first) {
            guard literal("\\u"), let second = hex4(), (0xDC00...0xDFFF).contains(second) else { return nil }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        }
        return Unicode.Scalar(first)
    }

    /// `.some(nil)` for `null`, `.some(text)` for a string, nil otherwise.
    mutating func optionalString() -> String?? {
        if literal("null") { return .some(nil) }
        guard let s = string() else { return nil }
        return .some(s)
    }

    mutating func optionalInteger(in range: ClosedRange<Int>) -> Int?? {
        if literal("null") { return .some(nil) }
        guard let n = integer(), range.contains(Int(n)) else { return nil }
        return .some(Int(n))
    }

    mutating func optionalDate() -> CalendarDate?? {
        if literal("null") { return .some(nil) }
        guard let d = date() else { return nil }
        return .some(d)
    }

    /// 64 lowercase hex digits, as the 32 bytes they stand for.
    mutating func hash() -> SIMD32<UInt8>? {
        guard let s = plainString(), s.count == 64 else { return nil }
        var digest = SIMD32<UInt8>()
        for k in 0..<32 {
            guard let high = lowercaseHexDigit(s[2 * k]), let low = lowercaseHexDigit(s[2 * k + 1]) else { return nil }
            digest[k] = high << 4 | low
        }
        return digest
    }

    mutating func uuid() -> UUID? {
        guard let s = plainString() else { return nil }
        return UUID.parseLowercase(s)
    }

    mutating func uuids() -> [UUID]? {
        guard literal("[") else { return nil }
        var ids: [UUID] = []
        if literal("]") { return ids }
        while true {
            guard let id = uuid() else { return nil }
            ids.append(id)
            if literal("]") { return ids }
            guard literal(",") else { return nil }
        }
    }

    mutating func timestamp() -> Timestamp? {
        guard let s = plainString() else { return nil }
        return Timestamp.parse(s)
    }

    /// `YYYY-MM-DD`, as `CalendarDate(iso:)` reads it.
    mutating func date() -> CalendarDate? {
        guard let s = plainString(), s.count == 10, s[4] == 0x2D, s[7] == 0x2D else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                let d = Int(s[i]) - 48
                guard d >= 0, d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    mutating func enumeration<E: RawRepresentable>() -> E? where E.RawValue == String {
        guard let s = plainString() else { return nil }
        return E(rawValue: String(decoding: s, as: UTF8.self))
    }

    mutating func fieldValue() -> FieldValue? {
        if literal("null") { return .null }
        if let b = bool() { return .bool(b) }
        if at < b.count, b[at] == 0x22 {
            guard let s = string() else { return nil }
            return .string(s)
        }
        guard let n = integer() else { return nil }
        return .int(Int(n))
    }
}
