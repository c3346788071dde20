import VTCModel
import VTCTexts

/// Checks of text typed into the screens' forms, with the catalog's messages.
enum ScreenInput {
    /// The message for the first problem of `text` in the field labelled `field`, or nil when it may be written:
    /// no control characters, no line breaks in single-line text, no CPR number, not blank when required.
    static func problem(_ text: String, field: String, multiLine: Bool = false, required: Bool = false,
                        texts: Texts) -> String? {
        if required, isBlank(text) { return texts.message(.input(.empty(field: field))) }
        if let problem = InputRules.checkText(text, field: field, multiLine: multiLine) {
            return texts.message(.input(problem))
        }
        if InputRules.containsCPRNumber(text) { return texts.message(.input(.cprNumber(field: field))) }
        return nil
    }

    /// The status line for a letter typed into a pick list or choice that none of its options has.
    static func noOption(_ letter: Character?, _ context: AppContext) -> ScreenRequest? {
        letter.map { .status(context.texts.message(.noOptionForLetter(String($0)))) }
    }

    static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }

    /// nil for blank text, so that an empty note is not written as "".
    static func optional(_ text: String) -> String? { isBlank(text) ? nil : text }

    /// The refusal message of a request, or nil when it is allowed; a read-only log refuses every write.
    static func refusal(_ request: AccessRequest, _ context: AppContext) -> String? {
        if context.isReadOnly { return context.texts[.readOnlyBanner] }
        if case .refused(let refusal) = Access.check(context.user, request) {
            return context.texts.message(.refused(refusal))
        }
        return nil
    }
}
