import Foundation
import VTCModel
import VTCCodec
import VTCTexts
import VTCStore
import TerminalKit

/// The fields of the register form as typed, how they are kept as a draft,
/// how each is checked, and the registration they make.
struct RegisterForm: Equatable, Sendable {
    static let inputWidth = 52
    static let descriptionHeight = 4
    static let checkFields: [RegistrationField] = [.firstAid, .defusingHeld, .wantsLeaderTalk, .wantsPsychologist, .policeReport]
    /// The fields typed on one line.
    static let typedFields: [RegistrationField] = [.occurredAt, .location, .citizenRef, .firstAbsenceDay, .absenceDays]

    var textFields: [RegistrationField: TextField]
    var description: TextArea
    var unit: ChoiceField<String>
    var kind: ChoiceField<EpisodeKind>
    var severity: ChoiceField<Severity>
    var involvement: ChoiceField<Involvement>
    var counterpart: ChoiceField<Counterpart>
    var injury: ChoiceField<Injury>
    var checks: [RegistrationField: CheckField]

    /// An empty form: now, the user's first unit, the usual defaults; kind and severity not chosen.
    init(_ context: AppContext) {
        let labels = context.texts
        textFields = Dictionary(uniqueKeysWithValues: RegisterForm.typedFields.map { ($0, TextField(width: RegisterForm.width(of: $0))) })
        textFields[.occurredAt] = TextField(text: LocalTimeText.format(context.now, in: context.state.policy.zone),
                                       width: RegisterForm.width(of: .occurredAt))
        description = TextArea(width: RegisterForm.inputWidth, height: RegisterForm.descriptionHeight)
        let units = RegisterForm.registrableUnits(context)
        unit = ChoiceField(options: units.map { ChoiceField<String>.Option(value: $0, label: $0) }, selected: units.first, arrows: .horizontal)
        kind = ChoiceField(options: EpisodeKind.allCases.map { ChoiceField<EpisodeKind>.Option(value: $0, label: labels.label($0)) }, arrows: .horizontal)
        severity = ChoiceField(options: Severity.all.map { ChoiceField<Severity>.Option(value: $0, label: labels.label($0)) }, arrows: .horizontal)
        involvement = ChoiceField(options: Involvement.allCases.map { ChoiceField<Involvement>.Option(value: $0, label: labels.label($0)) },
                                  selected: .direct, arrows: .horizontal)
        counterpart = ChoiceField(options: Counterpart.allCases.map { ChoiceField<Counterpart>.Option(value: $0, label: labels.label($0)) },
                                  selected: .citizen, arrows: .horizontal)
        injury = ChoiceField(options: Injury.allCases.map { ChoiceField<Injury>.Option(value: $0, label: labels.label($0)) },
                             selected: Injury.none, arrows: .horizontal)
        checks = Dictionary(uniqueKeysWithValues: RegisterForm.checkFields.map { ($0, CheckField(label: RegisterForm.checkLabel($0, labels))) })
    }

    /// The units where the user may register, in roster order.
    static func registrableUnits(_ context: AppContext) -> [String] {
        context.roster.units.filter { context.may(.register(unit: $0)) }
    }

    static func width(of field: RegistrationField) -> Int {
        switch field {
        case .occurredAt, .firstAbsenceDay: 20
        case .absenceDays: 5
        default: inputWidth
        }
    }

    static func checkLabel(_ field: RegistrationField, _ texts: Texts) -> String {
        switch field {
        case .wantsLeaderTalk: texts[.leaderTalkChoice]
        case .wantsPsychologist: texts[.psychologistChoice]
        case .policeReport: texts[.policeReportChoice]
        default: texts.label(field)
        }
    }

    // MARK: - Draft

    /// The fields as typed, keyed by their registration field names.
    var draftFields: JSONValue {
        func text(_ field: RegistrationField) -> JSONValue { .string(textFields[field]?.text ?? "") }
        func choice<V: RawRepresentable>(_ value: V?) -> JSONValue where V.RawValue == String {
            value.map { JSONValue.string($0.rawValue) } ?? .null
        }
        var pairs: [(String, JSONValue)] = []
        for field in RegistrationField.allCases {
            let value: JSONValue = switch field {
            case .occurredAt, .location, .citizenRef, .firstAbsenceDay, .absenceDays: text(field)
            case .unit: unit.selectedValue.map(JSONValue.string) ?? .null
            case .kind: choice(kind.selectedValue)
            case .severity: severity.selectedValue.map { JSONValue.int(Int64($0.rawValue)) } ?? .null
            case .involvement: choice(involvement.selectedValue)
            case .counterpart: choice(counterpart.selectedValue)
            case .injury: choice(injury.selectedValue)
            case .description: .string(description.text)
            case .firstAid, .defusingHeld, .wantsLeaderTalk, .wantsPsychologist, .policeReport: .bool(checks[field]?.isChecked ?? false)
            }
            pairs.append((field.rawValue, value))
        }
        return .object(pairs)
    }

    /// The form as a draft left it; a value that does not fit its field keeps the default.
    init(draft fields: JSONValue, _ context: AppContext) {
        self.init(context)
        for field in RegisterForm.typedFields {
            if let text = fields[field.rawValue]?.string {
                textFields[field] = TextField(text: text, width: RegisterForm.width(of: field))
            }
        }
        if let text = fields[RegistrationField.description.rawValue]?.string {
            description = TextArea(text: text, width: RegisterForm.inputWidth, height: RegisterForm.descriptionHeight)
        }
        func string(_ field: RegistrationField) -> String? { fields[field.rawValue]?.string }
        if let value = string(.unit), unit.options.contains(where: { $0.value == value }) { unit.select(value) }
        if let value = string(.kind).flatMap(EpisodeKind.init(rawValue:)) { kind.select(value) }
        if let value = fields[RegistrationField.severity.rawValue]?.int.flatMap({ Severity(rawValue: Int($0)) }) { severity.select(value) }
        if let value = string(.involvement).flatMap(Involvement.init(rawValue:)) { involvement.select(value) }
        if let value = string(.counterpart).flatMap(Counterpart.init(rawValue:)) { counterpart.select(value) }
        if let value = string(.injury).flatMap(Injury.init(rawValue:)) { injury.select(value) }
        for field in RegisterForm.checkFields {
            if let checked = fields[field.rawValue]?.bool { checks[field]?.isChecked = checked }
        }
    }

    // MARK: - Checks

    /// What is wrong with one field, in words; nil when it is fine. A choice
    /// not yet made counts only on saving: the user may pass it and come back.
    func problem(_ field: RegistrationField, _ context: AppContext, isSaving: Bool) -> String? {
        let texts = context.texts
        let zone = context.state.policy.zone
        func typed(_ field: RegistrationField) -> String { (textFields[field]?.text ?? "").trimmingCharacters(in: .whitespaces) }
        func singleLine(_ text: String) -> String? {
            if let problem = InputRules.checkText(text, field: field.rawValue, multiLine: false) { return texts.message(.input(problem)) }
            if InputRules.containsCPRNumber(text) { return texts.message(.input(.cprNumber(field: field.rawValue))) }
            return nil
        }
        switch field {
        case .occurredAt:
            if case .failure(let problem) = OccurredInput.moment(typed(field), now: context.now, zone: zone) {
                return texts.message(.timeInput(field, problem))
            }
        case .unit: return isSaving && unit.selectedValue == nil ? texts.message(.chooseOne(field)) : nil
        case .kind: return isSaving && kind.selectedValue == nil ? texts.message(.chooseOne(field)) : nil
        case .severity: return isSaving && severity.selectedValue == nil ? texts.message(.chooseOne(field)) : nil
        case .location, .citizenRef:
            return singleLine(typed(field))
        case .firstAbsenceDay:
            let text = typed(field)
            if !text.isEmpty, case .failure(let problem) = OccurredInput.day(text, now: context.now, zone: zone, window: .absence) {
                return texts.message(.timeInput(field, problem))
            }
        case .absenceDays:
            let text = typed(field)
            if !text.isEmpty, RegisterForm.days(text) == nil { return texts.message(.notANumberOfDays(text)) }
            if text.isEmpty != typed(.firstAbsenceDay).isEmpty, problem(.firstAbsenceDay, context, isSaving: isSaving) == nil {
                return texts.message(.absenceIncomplete)
            }
        case .description:
            let text = description.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { return texts.message(.input(.empty(field: field.rawValue))) }
            if let problem = InputRules.checkText(text, field: field.rawValue, multiLine: true) { return texts.message(.input(problem)) }
            if InputRules.containsCPRNumber(text) { return texts.message(.input(.cprNumber(field: field.rawValue))) }
        case .involvement, .counterpart, .injury, .firstAid, .defusingHeld, .wantsLeaderTalk, .wantsPsychologist, .policeReport:
            return nil
        }
        return nil
    }

    /// The full moment or day a typed time field was read as, for showing beside it; nil for
    /// other fields, and while the field is empty or has a problem.
    func understood(_ field: RegistrationField, _ context: AppContext) -> String? {
        let text = textFields[field]?.text ?? ""
        switch field {
        case .occurredAt: return UnderstoodTime.moment(context)(text)
        case .firstAbsenceDay: return UnderstoodTime.day(.absence, context)(text)
        default: return nil
        }
    }

    /// `[F]ysisk vold · [T]russel · …`: the letters of a focused choice (severity takes its digits).
    func letterHint(_ field: RegistrationField) -> String? {
        switch field {
        case .unit: unit.options.count > 1 ? unit.letterHint : nil
        case .kind: kind.letterHint
        case .involvement: involvement.letterHint
        case .counterpart: counterpart.letterHint
        case .injury: injury.letterHint
        default: nil
        }
    }

    private static func days(_ text: String) -> Int? {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let days = Int(text), EventRules.absenceDays.contains(days) else { return nil }
        return days
    }

    /// The registration the form makes; nil while any field has a problem.
    func registration(_ context: AppContext) -> Registration? {
        guard RegistrationField.allCases.allSatisfy({ problem($0, context, isSaving: true) == nil }),
              let unit = unit.selectedValue, let kind = kind.selectedValue, let severity = severity.selectedValue,
              case .success(let occurredAt) = OccurredInput.moment(textFields[.occurredAt]?.text ?? "", now: context.now,
                                                                   zone: context.state.policy.zone) else { return nil }
        func optional(_ field: RegistrationField) -> String? {
            let text = (textFields[field]?.text ?? "").trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        let firstAbsenceDay = optional(.firstAbsenceDay).flatMap { text in
            try? OccurredInput.day(text, now: context.now, zone: context.state.policy.zone, window: .absence).get()
        }
        func checked(_ field: RegistrationField) -> Bool { checks[field]?.isChecked ?? false }
        return Registration(
            occurredAt: occurredAt, unit: unit, location: optional(.location), kind: kind, severity: severity,
            involvement: involvement.selectedValue ?? .direct, counterpart: counterpart.selectedValue ?? .citizen,
            citizenRef: optional(.citizenRef), injury: injury.selectedValue ?? Injury.none,
            firstAbsenceDay: firstAbsenceDay, absenceDays: optional(.absenceDays).flatMap(RegisterForm.days),
            description: description.text.trimmingCharacters(in: .whitespacesAndNewlines),
            firstAid: checked(.firstAid), defusingHeld: checked(.defusingHeld), wantsLeaderTalk: checked(.wantsLeaderTalk),
            wantsPsychologist: checked(.wantsPsychologist), policeReport: checked(.policeReport))
    }
}
