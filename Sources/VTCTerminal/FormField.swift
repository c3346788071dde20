import VTCModel
import VTCTexts
import TerminalKit

/// Every field a form can hold, so that a form's values are read by
/// name the compiler checks. A registration's own fields are named by their
/// `RegistrationField` and built from it (`FormFields.entry(for:…)`), so the
/// register page and the amend and absence forms say nothing twice.
public enum FormField: Hashable, Sendable {
    case registration(RegistrationField)
    case note
    case reason
    case outcome
    case when
    case title
    case owner
    case due
    case unit
    case incidents
    case date
    case summary
    case supervisionForm
    case evaluation
}

/// The fields of a form, keyed by `FormField`.
typealias FormFields = FormModel<FormField>

extension FormModel where ID == FormField {
    /// The entry for one field of a registration, holding `value`, `width` cells wide (the
    /// description `height` rows high): a choice for the fields with fixed options (the unit
    /// among those the user may register in), a check box for the yes/no fields, several lines
    /// for the description, one line otherwise. The register page and the amend and absence
    /// forms take their registration fields from here.
    static func entry(for field: RegistrationField, _ value: FieldValue, _ context: AppContext,
                      width: Int, height: Int) -> Entry {
        let t = context.texts
        func options<T: RawRepresentable & CaseIterable>(_: T.Type, _ label: (T) -> String) -> [(String, String)]
            where T.RawValue == String {
            T.allCases.map { ($0.rawValue, label($0)) }
        }
        func choice(_ options: [(String, String)]) -> Input {
            .choice(ChoiceField(options: options.map { ChoiceField.Option(value: $0.0, label: $0.1) },
                                selected: value.formText, arrows: .horizontal))
        }
        let input: Input = switch field {
        case .unit: choice(RegisterForm.registrableUnits(context).map { ($0, $0) })
        case .severity: choice(Severity.all.map { (String($0.rawValue), t.label($0)) })
        case .kind: choice(options(EpisodeKind.self, t.label))
        case .involvement: choice(options(Involvement.self, t.label))
        case .counterpart: choice(options(Counterpart.self, t.label))
        case .injury: choice(options(Injury.self, t.label))
        case .description: .area(TextArea(text: value.formText ?? "", width: width, height: height))
        case .firstAid, .defusingHeld, .wantsLeaderTalk, .wantsPsychologist, .policeReport:
            .check(CheckField(label: checkLabel(field, t), isChecked: value == .bool(true)))
        case .occurredAt, .location, .citizenRef, .firstAbsenceDay, .absenceDays:
            .text(TextField(text: value.formText ?? "", width: width))
        }
        return Entry(id: .registration(field), label: t.label(field), input: input, understood: understanding(field, context))
    }

    /// How a typed time field is read, for showing the moment or day beside it; nil for other fields.
    static func understanding(_ field: RegistrationField, _ context: AppContext) -> (@Sendable (String) -> String?)? {
        switch field {
        case .occurredAt: UnderstoodTime.moment(context)
        case .firstAbsenceDay: UnderstoodTime.day(.absence, context)
        default: nil
        }
    }

    private static func checkLabel(_ field: RegistrationField, _ texts: Texts) -> String {
        switch field {
        case .wantsLeaderTalk: texts[.leaderTalkChoice]
        case .wantsPsychologist: texts[.psychologistChoice]
        case .policeReport: texts[.policeReportChoice]
        default: texts.label(field)
        }
    }

    /// What the form holds for a registration's field, as the registration keeps it
    /// (a blank line is no value; a severity is a number).
    func value(of field: RegistrationField) -> FieldValue {
        let id = FormField.registration(field)
        if case .check(let check) = entry(id)?.input { return .bool(check.isChecked) }
        let typed = text(id)
        switch field {
        case .severity, .absenceDays: return Int(typed.filter { !$0.isWhitespace }).map(FieldValue.int) ?? .null
        case .description: return .string(typed)
        default: return ScreenInput.optional(typed).map(FieldValue.string) ?? .null
        }
    }
}

private extension FieldValue {
    /// The value as a form field shows it.
    var formText: String? {
        switch self {
        case .null: nil
        case .bool(let flag): String(flag)
        case .int(let number): String(number)
        case .string(let text): text
        }
    }
}
