import ArgumentParser
import Foundation
import VTCModel
import VTCCodec

/// One option per field of a registration, shared by `register` (where
/// missing options take defaults) and `amend` (where only given options change).
struct RegistrationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("When it happened: \"now\", 22:10, \"yesterday 22:10\", \"26.11 08:00\" (the latest such time not in the future) or ISO 8601 (without an offset: Copenhagen time).", valueName: "DATETIME"))
    var occurred: String?
    @Option(help: ArgumentHelp("The unit (default: your unit, if the roster gives you exactly one).", valueName: "UNIT"))
    var unit: String?
    @Option(help: ArgumentHelp("Where on the unit it happened.", valueName: "TEXT"))
    var location: String?
    @Option(help: ArgumentHelp("physical_violence, threat, harassment, sexual_harassment, property_damage or other.", valueName: "KIND"))
    var kind: String?
    @Option(help: ArgumentHelp("How hard it hit you, 1 (unpleasant) to 5 (life-threatening).", valueName: "1…5"))
    var severity: String?
    @Option(help: ArgumentHelp("direct (default) or witness.", valueName: "direct|witness"))
    var involvement: String?
    @Option(help: ArgumentHelp("citizen (default), relative, colleague or other.", valueName: "WHO"))
    var counterpart: String?
    @Option(name: .customLong("citizen-ref"), help: ArgumentHelp("The unit's pseudonymous reference for the citizen (never a name or CPR number).", valueName: "REF"))
    var citizenRef: String?
    @Option(help: ArgumentHelp("none (default), physical, psychological or both.", valueName: "INJURY"))
    var injury: String?
    @Option(name: .customLong("first-absence-day"), help: ArgumentHelp("First day of absence: today, tomorrow, 26.11 (within the last 60 or next 30 days) or YYYY-MM-DD.", valueName: "DATE"))
    var firstAbsenceDay: String?
    @Option(name: .customLong("absence-days"), help: ArgumentHelp("Days of absence.", valueName: "N"))
    var absenceDays: String?
    @Option(help: ArgumentHelp("What happened, in your own words.", valueName: "TEXT"))
    var description: String?
    @Option(name: .customLong("description-file"), help: ArgumentHelp("Read the description from a file (\"-\" for stdin).", valueName: "FILE"))
    var descriptionFile: String?
    @Flag(name: .customLong("first-aid"), inversion: .prefixedNo, help: "Psychological first aid was given.")
    var firstAid: Bool?
    @Flag(name: .customLong("defusing-held"), inversion: .prefixedNo, help: "A collegial defusing was held the same shift.")
    var defusingHeld: Bool?
    @Flag(name: .customLong("wants-leader-talk"), inversion: .prefixedNo, help: "You would like a talk with your leader.")
    var wantsLeaderTalk: Bool?
    @Flag(name: .customLong("wants-psychologist"), inversion: .prefixedNo, help: "You would like an offer of a psychologist.")
    var wantsPsychologist: Bool?
    @Flag(name: .customLong("police-report"), inversion: .prefixedNo, help: "The episode has been or will be reported to the police.")
    var policeReport: Bool?

    var isEmpty: Bool { given.isEmpty && descriptionFile == nil }

    /// The fields the options set, as (field, raw text or flag) pairs, in field order.
    private var given: [(RegistrationField, String?, Bool?)] {
        let all: [(RegistrationField, String?, Bool?)] = [
            (.occurredAt, occurred, nil), (.unit, unit, nil), (.location, location, nil), (.kind, kind, nil),
            (.severity, severity, nil), (.involvement, involvement, nil), (.counterpart, counterpart, nil),
            (.citizenRef, citizenRef, nil), (.injury, injury, nil), (.firstAbsenceDay, firstAbsenceDay, nil),
            (.absenceDays, absenceDays, nil), (.description, description, nil), (.firstAid, nil, firstAid),
            (.defusingHeld, nil, defusingHeld), (.wantsLeaderTalk, nil, wantsLeaderTalk),
            (.wantsPsychologist, nil, wantsPsychologist), (.policeReport, nil, policeReport),
        ]
        return all.filter { $0.1 != nil || $0.2 != nil }
    }

    /// Applies the given options to `base`, checking each value.
    func apply(to base: Registration, now: Timestamp, zone: Zone, readFile: (String) throws(CLIFailure) -> String) throws(CLIFailure) -> Registration {
        if description != nil, descriptionFile != nil {
            throw .invalid(.bothDescriptionOptions)
        }
        var r = base
        for (field, text, flag) in given {
            let option = "--" + field.rawValue.replacingOccurrences(of: "_", with: "-")
            if let flag {
                r = r.setting(field, to: .bool(flag))!
                continue
            }
            guard let text else { continue }
            switch field {
            case .occurredAt: r.occurredAt = try InputParsing.dateTime(text, option: "--occurred", now: now, zone: zone)
            case .unit: r.unit = text
            case .location: r.location = text.isEmpty ? nil : text
            case .kind: r.kind = try InputParsing.identifier(text, option: option)
            case .severity: r.severity = try InputParsing.severity(text)
            case .involvement: r.involvement = try InputParsing.identifier(text, option: option)
            case .counterpart: r.counterpart = try InputParsing.identifier(text, option: option)
            case .citizenRef: r.citizenRef = text.isEmpty ? nil : text
            case .injury: r.injury = try InputParsing.identifier(text, option: option)
            case .firstAbsenceDay:
                r.firstAbsenceDay = try InputParsing.date(text, option: option, now: now, zone: zone, window: .absence)
            case .absenceDays: r.absenceDays = try InputParsing.count(text, option: option, range: EventRules.absenceDays)
            case .description: r.description = text
            default: break
            }
        }
        if let descriptionFile { r.description = try readFile(descriptionFile) }
        return r
    }
}

/// The checks every registration passes before it is written, however it was given.
enum RegistrationCheck {
    static func check(_ r: Registration, now: Timestamp) throws(CLIFailure) {
        _ = try InputParsing.text(r.unit, option: "--unit", multiLine: false)
        if let location = r.location { _ = try InputParsing.text(location, option: "--location", multiLine: false) }
        if let ref = r.citizenRef { _ = try InputParsing.text(ref, option: "--citizen-ref", multiLine: false) }
        _ = try InputParsing.text(r.description, option: "--description", multiLine: true)
        if r.occurredAt.epochSeconds > now.epochSeconds + 300 {
            throw .invalid(.inFuture(option: "--occurred", value: r.occurredAt.rfc3339))
        }
        if (r.absenceDays ?? 0) > 0, r.firstAbsenceDay == nil {
            throw .invalid(.absenceDaysNeedFirstDay(days: r.absenceDays ?? 0))
        }
        if r.firstAbsenceDay != nil, r.absenceDays == nil {
            throw .invalid(.firstDayNeedsAbsenceDays)
        }
    }
}

/// Reads one registration from a JSON object with the keys of the `registered` event's data.
enum RegistrationJSON {
    static let requiredKeys: [RegistrationField] = [.unit, .kind, .severity, .description]

    static func parse(_ bytes: [UInt8], now: Timestamp) throws(CLIFailure) -> Registration {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch { throw .invalid(.jsonInvalid(detail: error.description)) }
        guard case .object(let pairs) = json else { throw .invalid(.jsonNotAnObject) }
        var r = Registration(occurredAt: now, unit: "", kind: .other, severity: Severity.all[0], description: "")
        var seen: Set<RegistrationField> = []
        for (key, value) in pairs {
            guard let field = RegistrationField(rawValue: key) else {
                throw .invalid(.jsonUnknownKey(key, known: RegistrationField.allCases.map(\.rawValue)))
            }
            guard seen.insert(field).inserted else { throw .invalid(.jsonRepeatedKey(key)) }
            let fieldValue: FieldValue
            switch value {
            case .null: fieldValue = .null
            case .bool(let b): fieldValue = .bool(b)
            case .int(let n): fieldValue = Int(exactly: n).map(FieldValue.int) ?? .null
            case .string(let s): fieldValue = .string(s)
            default: throw .invalid(.jsonNotAScalar(key: key))
            }
            guard let updated = r.setting(field, to: fieldValue) else {
                throw .invalid(.jsonBadValue(field, value: JSONWriter.encodeString(value)))
            }
            r = updated
        }
        let missing = requiredKeys.filter { !seen.contains($0) }
        if !missing.isEmpty { throw .invalid(.jsonMissing(missing.map(\.rawValue))) }
        return r
    }
}
