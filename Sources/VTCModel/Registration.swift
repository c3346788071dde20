/// The facts of one registration, as the registrant gave them and as later
/// amendments changed them. Who registered and when lives on the event.
public struct Registration: Hashable, Sendable {
    // Declared widest first, so that the one-byte fields share the padding at
    // the end: a region's state holds a third of a million of these.
    public var occurredAt: Timestamp
    public var unit: String
    public var location: String?
    public var citizenRef: String?
    public var description: String
    public var firstAbsenceDay: CalendarDate?
    public var absenceDays: Int?
    public var severity: Severity
    public var kind: EpisodeKind
    public var involvement: Involvement
    public var counterpart: Counterpart
    public var injury: Injury
    public var firstAid: Bool
    public var defusingHeld: Bool
    public var wantsLeaderTalk: Bool
    public var wantsPsychologist: Bool
    public var policeReport: Bool

    public init(
        occurredAt: Timestamp, unit: String, location: String? = nil, kind: EpisodeKind, severity: Severity,
        involvement: Involvement = .direct, counterpart: Counterpart = .citizen, citizenRef: String? = nil,
        injury: Injury = .none, firstAbsenceDay: CalendarDate? = nil, absenceDays: Int? = nil, description: String,
        firstAid: Bool = false, defusingHeld: Bool = false, wantsLeaderTalk: Bool = false,
        wantsPsychologist: Bool = false, policeReport: Bool = false
    ) {
        self.occurredAt = occurredAt
        self.unit = unit
        self.location = location
        self.kind = kind
        self.severity = severity
        self.involvement = involvement
        self.counterpart = counterpart
        self.citizenRef = citizenRef
        self.injury = injury
        self.firstAbsenceDay = firstAbsenceDay
        self.absenceDays = absenceDays
        self.description = description
        self.firstAid = firstAid
        self.defusingHeld = defusingHeld
        self.wantsLeaderTalk = wantsLeaderTalk
        self.wantsPsychologist = wantsPsychologist
        self.policeReport = policeReport
    }
}

/// Each field of a registration, named by its JSON key.
public enum RegistrationField: String, CaseIterable, Sendable, Hashable {
    case occurredAt = "occurred_at"
    case unit
    case location
    case kind
    case severity
    case involvement
    case counterpart
    case citizenRef = "citizen_ref"
    case injury
    case firstAbsenceDay = "first_absence_day"
    case absenceDays = "absence_days"
    case description
    case firstAid = "first_aid"
    case defusingHeld = "defusing_held"
    case wantsLeaderTalk = "wants_leader_talk"
    case wantsPsychologist = "wants_psychologist"
    case policeReport = "police_report"
}

/// A field's value as it appears in JSON: amendments carry old and new values of any field.
public enum FieldValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
}

/// One field changed by an amendment.
public struct FieldChange: Hashable, Sendable {
    public var field: RegistrationField
    public var old: FieldValue
    public var new: FieldValue

    public init(field: RegistrationField, old: FieldValue, new: FieldValue) {
        self.field = field
        self.old = old
        self.new = new
    }
}

extension Registration {
    public func value(of field: RegistrationField) -> FieldValue {
        func text(_ s: String?) -> FieldValue { s.map(FieldValue.string) ?? .null }
        switch field {
        case .occurredAt: return .string(occurredAt.rfc3339)
        case .unit: return .string(unit)
        case .location: return text(location)
        case .kind: return .string(kind.rawValue)
        case .severity: return .int(severity.rawValue)
        case .involvement: return .string(involvement.rawValue)
        case .counterpart: return .string(counterpart.rawValue)
        case .citizenRef: return text(citizenRef)
        case .injury: return .string(injury.rawValue)
        case .firstAbsenceDay: return text(firstAbsenceDay?.iso)
        case .absenceDays: return absenceDays.map(FieldValue.int) ?? .null
        case .description: return .string(description)
        case .firstAid: return .bool(firstAid)
        case .defusingHeld: return .bool(defusingHeld)
        case .wantsLeaderTalk: return .bool(wantsLeaderTalk)
        case .wantsPsychologist: return .bool(wantsPsychologist)
        case .policeReport: return .bool(policeReport)
        }
    }

    /// Sets one field from its JSON value; nil when the value does not fit the field.
    public func setting(_ field: RegistrationField, to value: FieldValue) -> Registration? {
        var r = self
        switch (field, value) {
        case (.occurredAt, .string(let s)): guard let t = Timestamp(rfc3339: s) else { return nil }; r.occurredAt = t
        case (.unit, .string(let s)): r.unit = s
        case (.location, .string(let s)): r.location = s
        case (.location, .null): r.location = nil
        case (.kind, .string(let s)): guard let k = EpisodeKind(rawValue: s) else { return nil }; r.kind = k
        case (.severity, .int(let n)): guard let s = Severity(rawValue: n) else { return nil }; r.severity = s
        case (.involvement, .string(let s)): guard let v = Involvement(rawValue: s) else { return nil }; r.involvement = v
        case (.counterpart, .string(let s)): guard let v = Counterpart(rawValue: s) else { return nil }; r.counterpart = v
        case (.citizenRef, .string(let s)): r.citizenRef = s
        case (.citizenRef, .null): r.citizenRef = nil
        case (.injury, .string(let s)): guard let v = Injury(rawValue: s) else { return nil }; r.injury = v
        case (.firstAbsenceDay, .string(let s)): guard let d = CalendarDate(iso: s) else { return nil }; r.firstAbsenceDay = d
        case (.firstAbsenceDay, .null): r.firstAbsenceDay = nil
        case (.absenceDays, .int(let n)): guard n >= 0 else { return nil }; r.absenceDays = n
        case (.absenceDays, .null): r.absenceDays = nil
        case (.description, .string(let s)): r.description = s
        case (.firstAid, .bool(let b)): r.firstAid = b
        case (.defusingHeld, .bool(let b)): r.defusingHeld = b
        case (.wantsLeaderTalk, .bool(let b)): r.wantsLeaderTalk = b
        case (.wantsPsychologist, .bool(let b)): r.wantsPsychologist = b
        case (.policeReport, .bool(let b)): r.policeReport = b
        default: return nil
        }
        return r
    }

    /// The changes that turn this registration into `other`, in field order.
    public func changes(to other: Registration) -> [FieldChange] {
        RegistrationField.allCases.compactMap { field in
            let (old, new) = (value(of: field), other.value(of: field))
            return old == new ? nil : FieldChange(field: field, old: old, new: new)
        }
    }
}
