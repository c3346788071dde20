import Foundation
import VTCModel
import VTCCodec
import VTCTexts
import VTCStore
import TerminalKit

/// The register page's fields: one entry of the `FormModel` for each `RegistrationField`,
/// in its order, built as the amend and absence forms build theirs (`FormFields.entry(for:…)`);
/// how they are kept as a draft, how each is checked, and the registration they make.
struct RegisterForm: Equatable, Sendable {
    static let inputWidth = 52
    static let descriptionHeight = 4

    var fields: FormFields

    /// An empty form: now, the user's first unit, the usual defaults; kind and severity not
    /// chosen, and the focus on the kind, since the time and unit have defaults.
    init(_ context: AppContext) {
        let firstUnit = RegisterForm.registrableUnits(context).first
        func initial(_ field: RegistrationField) -> FieldValue {
            switch field {
            case .occurredAt: .string(LocalTimeText.format(context.now, in: context.policy.zone))
            case .unit: firstUnit.map(FieldValue.string) ?? .null
            case .involvement: .string(Involvement.direct.rawValue)
            case .counterpart: .string(Counterpart.citizen.rawValue)
            case .injury: .string(Injury.none.rawValue)
            default: .null
            }
        }
        fields = FormFields(RegistrationField.allCases.map { field in
            FormFields.entry(for: field, initial(field), context, width: RegisterForm.width(of: field),
                            height: RegisterForm.descriptionHeight)
        })
        fields.focus(on: .registration(.kind))
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

    /// The registration field with focus.
    var focus: RegistrationField {
        guard case .registration(let field) = fields.focusedID else { return .kind }
        return field
    }

    // MARK: - Draft

    /// The fields as typed, keyed by their registration field names: text as typed, a
    /// choice as its identifier (a severity as its number) or null, a check box as true or false.
    var draftFields: JSONValue {
        .object(RegistrationField.allCases.map { field in
            let value: JSONValue = switch fields.entry(.registration(field))?.input {
            case .text(let text): .string(text.text)
            case .area(let area): .string(area.text)
            case .choice(let choice) where field == .severity: choice.selectedValue.flatMap { Int64($0) }.map(JSONValue.int) ?? .null
            case .choice(let choice): choice.selectedValue.map(JSONValue.string) ?? .null
            case .check(let check): .bool(check.isChecked)
            case nil: .null
            }
            return (field.rawValue, value)
        })
    }

    /// The form as a draft left it; a value that does not fit its field keeps the default.
    init(draft saved: JSONValue, _ context: AppContext) {
        self.init(context)
        for field in RegistrationField.allCases {
            guard let value = saved[field.rawValue] else { continue }
            fields.set(.registration(field), text: value.string, choice: value.string ?? value.int.map { String($0) },
                       checked: value.bool)
        }
    }

    // MARK: - Checks

    /// What is wrong with one field, in words; nil when it is fine. A choice
    /// not yet made counts only on saving: the user may pass it and come back.
    func problem(_ field: RegistrationField, _ context: AppContext, isSaving: Bool) -> String? {
        let texts = context.texts
        let zone = context.policy.zone
        func typed(_ field: RegistrationField) -> String { text(field).trimmingCharacters(in: .whitespaces) }
        func unchosen(_ field: RegistrationField) -> Bool { fields.choice(.registration(field)) == nil }
        switch field {
        case .occurredAt:
            if case .failure(let problem) = OccurredInput.moment(typed(field), now: context.now, zone: zone) {
                return texts.message(.timeInput(field, problem))
            }
        case .unit, .kind, .severity: return isSaving && unchosen(field) ? texts.message(.chooseOne(field)) : nil
        case .location, .citizenRef:
            return ScreenInput.problem(typed(field), field: field.rawValue, texts: texts)
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
            return ScreenInput.problem(text(field).trimmingCharacters(in: .whitespacesAndNewlines), field: field.rawValue,
                                       multiLine: true, required: true, texts: texts)
        case .involvement, .counterpart, .injury, .firstAid, .defusingHeld, .wantsLeaderTalk, .wantsPsychologist, .policeReport:
            return nil
        }
        return nil
    }

    private static func days(_ text: String) -> Int? {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let days = Int(text), EventRules.absenceDays.contains(days) else { return nil }
        return days
    }

    private func text(_ field: RegistrationField) -> String { fields.text(.registration(field)) }

    /// The registration the form makes; nil while any field has a problem.
    func registration(_ context: AppContext) -> Registration? {
        func chosen<T: RawRepresentable>(_ field: RegistrationField) -> T? where T.RawValue == String {
            fields.choice(.registration(field)).flatMap(T.init(rawValue:))
        }
        guard RegistrationField.allCases.allSatisfy({ problem($0, context, isSaving: true) == nil }),
              let unit = fields.choice(.registration(.unit)), let kind: EpisodeKind = chosen(.kind),
              let severity = fields.choice(.registration(.severity)).flatMap({ Int($0) }).flatMap(Severity.init(rawValue:)),
              case .success(let occurredAt) = OccurredInput.moment(text(.occurredAt), now: context.now,
                                                                   zone: context.policy.zone) else { return nil }
        func optional(_ field: RegistrationField) -> String? {
            let typed = text(field).trimmingCharacters(in: .whitespaces)
            return typed.isEmpty ? nil : typed
        }
        let firstAbsenceDay = optional(.firstAbsenceDay).flatMap { text in
            try? OccurredInput.day(text, now: context.now, zone: context.policy.zone, window: .absence).get()
        }
        func checked(_ field: RegistrationField) -> Bool { fields.isChecked(.registration(field)) }
        return Registration(
            occurredAt: occurredAt, unit: unit, location: optional(.location), kind: kind, severity: severity,
            involvement: chosen(.involvement) ?? .direct, counterpart: chosen(.counterpart) ?? .citizen,
            citizenRef: optional(.citizenRef), injury: chosen(.injury) ?? Injury.none,
            firstAbsenceDay: firstAbsenceDay, absenceDays: optional(.absenceDays).flatMap(RegisterForm.days),
            description: text(.description).trimmingCharacters(in: .whitespacesAndNewlines),
            firstAid: checked(.firstAid), defusingHeld: checked(.defusingHeld), wantsLeaderTalk: checked(.wantsLeaderTalk),
            wantsPsychologist: checked(.wantsPsychologist), policeReport: checked(.policeReport))
    }
}
