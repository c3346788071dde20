import VTCModel
import VTCTexts

/// Every field an inline form can hold, so that a form's values are read by
/// name the compiler checks. A registration's own fields are named by their
/// `RegistrationField` and built from it (`InlineForm.entry(for:…)`), so the
/// amend and absence forms say nothing the registration does not.
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

extension InlineForm {
    /// The entry for one field of a registration, holding `value`: a choice for
    /// the fields with fixed options, several lines for the description, one line otherwise.
    static func entry(for field: RegistrationField, _ value: FieldValue, _ t: Texts,
                      understood: (@Sendable (String) -> String?)? = nil) -> Entry {
        func options<T: RawRepresentable & CaseIterable>(_: T.Type, _ label: (T) -> String) -> [(value: String, label: String)]
            where T.RawValue == String {
            T.allCases.map { ($0.rawValue, label($0)) }
        }
        let id = FormField.registration(field)
        let label = t.label(field)
        switch field {
        case .severity:
            return choice(id, label, Severity.all.map { (String($0.rawValue), t.label($0)) }, selected: value.formText)
        case .kind: return choice(id, label, options(EpisodeKind.self, t.label), selected: value.formText)
        case .involvement: return choice(id, label, options(Involvement.self, t.label), selected: value.formText)
        case .counterpart: return choice(id, label, options(Counterpart.self, t.label), selected: value.formText)
        case .injury: return choice(id, label, options(Injury.self, t.label), selected: value.formText)
        case .description: return area(id, label, value.formText ?? "")
        default: return text(id, label, value.formText ?? "", understood: understood)
        }
    }

    /// What the form holds for a registration's field, as the registration keeps it
    /// (a blank line is no value; a severity is a number).
    func value(of field: RegistrationField) -> FieldValue {
        let typed = text(.registration(field))
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
