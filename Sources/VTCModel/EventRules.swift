/// What is wrong with an event or a registration, in words: the field (its
/// JSON key) and why. One line, safe to show.
public struct RuleViolation: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}

/// The one set of limits on what the log holds. Every form, command,
/// `Workspace.append` and the log reader ask these functions, so that the
/// writer never writes what the reader would refuse.
///
/// Two levels:
/// - `violation(in:)`: rules a line must keep whenever it is read, needing
///   nothing but the event (ranges, dates that contradict each other). The
///   reader sets aside a line that breaks one (docs/log-format.md).
/// - `violation(inNew:…)`: those plus the rules for what a person enters
///   now, which depend on the clock and the roster (nothing in the future,
///   an action's owner in the roster, a due date not long past) and on the
///   text rules of `InputRules`. Old lines are not held to these.
public enum EventRules {
    /// Days of absence one episode can be registered with: ten years, more than any sick leave lasts.
    public static let absenceDays = 0...3650
    /// How far in the future an episode may be said to have happened: clocks differ a little.
    public static let clockSkewSeconds: Int64 = 300
    /// How far in the past a new preventive action's due date may lie: an action decided at a
    /// meeting may be recorded a few weeks late, with the date the meeting set.
    public static let actionDueDaysInThePast = 31

    // MARK: - Rules every line keeps

    public static func violation(in payload: EventPayload) -> RuleViolation? {
        switch payload {
        case .registered(_, let r):
            return violation(in: r)
        case .amended(_, let changes):
            for change in changes where change.field == .absenceDays {
                if case .int(let days) = change.new, !absenceDays.contains(days) { return absenceDaysViolation(days) }
            }
            return nil
        case .absenceUpdated(_, _, let days):
            return absenceDays.contains(days) ? nil : absenceDaysViolation(days)
        case .supervisionHeld(let s):
            if let e = s.evaluation, !(1...5).contains(e) { return RuleViolation(field: "evaluation", reason: "must be 1–5, got \(e)") }
            return nil
        case .followUpRecorded, .acknowledged, .noteAdded, .amgDiscussed, .actionOpened, .actionClosed, .withdrawn:
            return nil
        }
    }

    /// A registration's facts, on their own: absence days in range, absence
    /// not starting before the episode's day (as written, in its own offset).
    public static func violation(in r: Registration) -> RuleViolation? {
        if let days = r.absenceDays, !absenceDays.contains(days) { return absenceDaysViolation(days) }
        if let first = r.firstAbsenceDay, first < r.occurredAt.local.date {
            return RuleViolation(field: RegistrationField.firstAbsenceDay.rawValue,
                                 reason: "\(first.iso) is before the episode (\(r.occurredAt.local.date.iso))")
        }
        return nil
    }

    private static func absenceDaysViolation(_ days: Int) -> RuleViolation {
        RuleViolation(field: RegistrationField.absenceDays.rawValue,
                      reason: "must be \(absenceDays.lowerBound)–\(absenceDays.upperBound) days, got \(days)")
    }

    // MARK: - Rules for what is entered now

    /// A registration as a person gives it now (new, or as it reads after an amendment).
    public static func violation(inNew r: Registration, now: Timestamp) -> RuleViolation? {
        if let v = violation(in: r) { return v }
        if let v = text(r.unit, .unit, multiLine: false) ?? r.location.flatMap({ text($0, .location, multiLine: false) })
            ?? r.citizenRef.flatMap({ text($0, .citizenRef, multiLine: false) }) ?? text(r.description, .description, multiLine: true) {
            return v
        }
        if r.occurredAt.epochSeconds > now.epochSeconds + clockSkewSeconds {
            return RuleViolation(field: RegistrationField.occurredAt.rawValue, reason: "\(r.occurredAt.rfc3339) is in the future")
        }
        if (r.absenceDays ?? 0) > 0, r.firstAbsenceDay == nil {
            return RuleViolation(field: RegistrationField.absenceDays.rawValue, reason: "absence days need a first absence day")
        }
        return nil
    }

    /// An event's payload as a person enters it now: the rules every line keeps, the text rules,
    /// and those that need the clock (`now`, in the policy's zone) and the roster.
    public static func violation(inNew payload: EventPayload, now: Timestamp, roster: Roster) -> RuleViolation? {
        if let v = violation(in: payload) { return v }
        switch payload {
        case .registered(_, let r):
            return violation(inNew: r, now: now)
        case .amended(_, let changes):
            for change in changes {
                if case .string(let s) = change.new,
                   let v = text(s, field: change.field.rawValue, multiLine: change.field == .description, required: false) {
                    return v
                }
            }
            return nil
        case .followUpRecorded(_, let f):
            if f.on.epochSeconds > now.epochSeconds + clockSkewSeconds {
                return RuleViolation(field: "on", reason: "\(f.on.rfc3339) is in the future")
            }
            return f.note.flatMap { text($0, field: "note", multiLine: true, required: false) }
        case .acknowledged(_, let note), .actionClosed(_, let note):
            return note.flatMap { text($0, field: "note", multiLine: true, required: false) }
        case .noteAdded(_, let s):
            return text(s, field: "text", multiLine: true)
        case .withdrawn(_, let s):
            return text(s, field: "reason", multiLine: true)
        case .absenceUpdated:
            return nil
        case .amgDiscussed(_, _, let s):
            return text(s, field: "summary", multiLine: true)
        case .actionOpened(let a):
            if let v = text(a.title, field: "title", multiLine: false) ?? text(a.unit, field: "unit", multiLine: false) { return v }
            if !roster.isSingleUser {
                guard roster.access(for: a.owner) != nil else {
                    return RuleViolation(field: "owner", reason: "\"\(a.owner)\" is not in the roster")
                }
                guard roster.units.contains(a.unit) else {
                    return RuleViolation(field: "unit", reason: "\"\(a.unit)\" is not a unit of the roster")
                }
            } else if let v = text(a.owner, field: "owner", multiLine: false) {
                return v
            }
            let earliest = now.local.date.adding(days: -actionDueDaysInThePast)
            if a.due < earliest {
                return RuleViolation(field: "due", reason: "\(a.due.iso) is more than \(actionDueDaysInThePast) days in the past")
            }
            return nil
        case .supervisionHeld(let s):
            return text(s.unit, field: "unit", multiLine: false) ?? s.note.flatMap { text($0, field: "note", multiLine: true, required: false) }
        }
    }

    private static func text(_ s: String, _ field: RegistrationField, multiLine: Bool) -> RuleViolation? {
        text(s, field: field.rawValue, multiLine: multiLine, required: field == .unit || field == .description)
    }

    private static func text(_ s: String, field: String, multiLine: Bool, required: Bool = true) -> RuleViolation? {
        if required, s.allSatisfy(\.isWhitespace) { return RuleViolation(field: field, reason: "must not be empty") }
        if let problem = InputRules.checkText(s, field: field, multiLine: multiLine) {
            return RuleViolation(field: field, reason: problem.reason)
        }
        if InputRules.containsCPRNumber(s) { return RuleViolation(field: field, reason: "looks like a CPR number; name a citizen by their local reference") }
        return nil
    }
}
