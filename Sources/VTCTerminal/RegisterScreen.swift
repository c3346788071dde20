import Foundation
import VTCModel
import VTCCodec
import VTCTexts
import VTCStore
import TerminalKit

/// The register form: one episode, every field on one scrolling page in the
/// order of `RegistrationField` — a full-page layout of the same `FormModel`
/// the inline forms draw in a box. Focus starts on the kind, since the time
/// and unit have defaults. Each field is checked as the user leaves it; every
/// change is kept as a draft; Ctrl-S or F10 saves.
public struct RegisterScreen: Screen, CapturesTypedKeys, KeepsDraft {
    /// Content-changing keys after which the draft is written even without leaving the field.
    static let keystrokesPerDraft = 12
    /// The longest label (`First day of absence`), the focus mark before it and a problem mark after it.
    static let labelWidth = 25
    /// Rows under the form for the focused field's help or what is wrong.
    static let messageRows = 3

    enum ExitChoice: CaseIterable {
        case keep
        case discard
        case continueEditing

        var label: TextKey {
            switch self {
            case .keep: .keepDraftChoice
            case .discard: .discardDraftChoice
            case .continueEditing: .continueChoice
            }
        }
    }

    /// The draft's id, which is also the id the incident gets: a draft saved
    /// again after its registration reached the log is refused as a duplicate.
    public let id: UUID
    var form: RegisterForm
    var problems: [RegistrationField: String] = [:]
    /// Why a key was refused in the focused field (a control character typed
    /// or pasted); it stays until the field is left, so a paste cannot hide it.
    var refusal: String?
    /// The field left last, whose problem stays in view until it is fixed.
    var lastLeft: RegistrationField?
    /// Something was typed or chosen (or the form came from a draft).
    var hasContent = false
    var changedSinceDraft = false
    var editsSinceDraft = 0
    /// The Esc question and the choice marked in it.
    var exitPrompt: ExitChoice?

    public init(_ context: AppContext, id: UUID = UUID()) {
        self.id = id
        form = RegisterForm(context)
    }

    public init(resuming draft: Draft, _ context: AppContext) {
        id = draft.id
        form = RegisterForm(draft: draft.fields, context)
        hasContent = true
        if let name = draft.fields["focus"]?.string, let field = RegistrationField(rawValue: name) {
            form.fields.focus(on: .registration(field))
        }
    }

    var focus: RegistrationField { form.focus }

    public var capturesTypedKeys: Bool { true }

    public func draftToKeep(_ context: AppContext) -> ScreenRequest? {
        hasContent ? .saveDraft(id: id, fields: draftFields) : nil
    }

    var draftFields: JSONValue {
        guard case .object(var pairs) = form.draftFields else { return form.draftFields }
        pairs.append(("focus", .string(focus.rawValue)))
        return .object(pairs)
    }

    public func title(_ context: AppContext) -> String { context.texts[.registerTitle] }

    public func helpEntries(_ context: AppContext) -> [HelpEntry] {
        let texts = context.texts
        // While the Esc question is open, its keys and not the form's.
        if exitPrompt != nil {
            return [HelpEntry("↑↓", texts[.moveKeyLabel], priority: 8), HelpEntry("Enter", texts[.chooseKeyLabel], priority: 9),
                    HelpEntry("Esc", texts[.continueChoice], priority: 9)]
        }
        var entries = [
            HelpEntry("Ctrl-S", texts[.saveKeyLabel], priority: 10),
            HelpEntry("Tab", texts[.nextFieldLabel], priority: 8),
            HelpEntry("S-Tab", texts[.previousFieldLabel], priority: 5),
            HelpEntry("Esc", texts[.cancelKeyLabel], priority: 9),
            HelpEntry("F10", texts[.saveKeyLabel], priority: 1),
        ]
        switch focus {
        case .kind, .unit, .involvement, .counterpart, .injury:
            entries.insert(HelpEntry("←→", texts[.chooseKeyLabel], priority: 7), at: 2)
        case .severity:
            entries.insert(HelpEntry("1-5", texts[.chooseKeyLabel], priority: 7), at: 2)
        case .firstAid, .defusingHeld, .wantsLeaderTalk, .wantsPsychologist, .policeReport:
            entries.insert(HelpEntry("Space", texts[.toggleKeyLabel], priority: 7), at: 2)
        default:
            break
        }
        return entries
    }

    public mutating func refresh(_ context: AppContext) {}

    // MARK: - Keys

    public mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        if exitPrompt != nil { return answerExitPrompt(key, context) }
        switch key {
        case .ctrl("s"), .function(10):
            return save(context)
        case .escape:
            guard hasContent else { return .back }
            exitPrompt = .keep
            return nil
        case .tab:
            return move(by: 1, context)
        case .backTab:
            return move(by: -1, context)
        case .up, .down:
            if focus == .description, form.fields.edit(key) { return nil }
            return move(by: key == .up ? -1 : 1, context)
        case .enter where focus != .description:
            return move(by: 1, context)
        default:
            return edit(key, context)
        }
    }

    /// Gives the key to the focused field (a digit names a severity); counts changes and asks
    /// for a draft every few of them.
    private mutating func edit(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        let before = form.draftFields
        if focus == .severity, case .character(let digit) = key, let grade = digit.wholeNumberValue.flatMap(Severity.init(rawValue:)) {
            form.fields.set(.registration(.severity), choice: String(grade.rawValue))
        } else if !form.fields.edit(key) {
            switch form.fields.focusedInput {
            case .text, .area: refuse(key, context)
            // A severity is named by its digit; its labels' letters are no loss to mention.
            case .choice where focus != .severity: if let letter = form.fields.unmatchedLetter { return ScreenInput.noOption(letter, context) }
            default: break
            }
        }
        guard form.draftFields != before else { return nil }
        hasContent = true
        changedSinceDraft = true
        editsSinceDraft += 1
        if problems[focus] != nil { problems[focus] = form.problem(focus, context, isSaving: false) }
        guard editsSinceDraft >= RegisterScreen.keystrokesPerDraft else { return nil }
        return keepDraft()
    }

    /// Says why a key typed into a text field was not taken: a control
    /// character, or a character a terminal would not show as itself.
    private mutating func refuse(_ key: Key, _ context: AppContext) {
        let scalar: UInt32
        switch key {
        case .character(let character):
            guard let first = character.unicodeScalars.first(where: { !SafeText.isAcceptableInput(Character($0)) }) else { return }
            scalar = first.value
        case .ctrl(let letter):
            guard let ascii = letter.asciiValue else { return }
            scalar = UInt32(ascii) - 0x60
        default:
            return
        }
        refusal = context.texts.message(.input(.controlCharacter(field: focus.rawValue, scalar: scalar)))
    }

    /// Leaves the focused field (checking it) for the next or previous one.
    private mutating func move(by step: Int, _ context: AppContext) -> ScreenRequest? {
        let left = focus
        guard form.fields.moveFocus(by: step, wrapping: false) else { return nil }
        refusal = nil
        problems[left] = form.problem(left, context, isSaving: false)
        if problems[left] != nil { lastLeft = left }
        return changedSinceDraft ? keepDraft() : nil
    }

    private mutating func keepDraft() -> ScreenRequest {
        changedSinceDraft = false
        editsSinceDraft = 0
        return .saveDraft(id: id, fields: draftFields)
    }

    /// Checks every field; saves when all are right, otherwise goes to the first that is not.
    private mutating func save(_ context: AppContext) -> ScreenRequest? {
        for field in RegistrationField.allCases { problems[field] = form.problem(field, context, isSaving: true) }
        if let first = RegistrationField.allCases.first(where: { problems[$0] != nil }) {
            form.fields.focus(on: .registration(first))
            lastLeft = nil
            return nil
        }
        guard let registration = form.registration(context) else { return nil }
        return .append([.registered(incident: id, registration)],
                       then: .sequence([.discardDraft(id: id), .replace(SavedScreen(incident: id))]))
    }

    private mutating func answerExitPrompt(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        let choices = ExitChoice.allCases
        var chosen: ExitChoice?
        switch key {
        case .left, .up, .backTab:
            exitPrompt = choices[(choices.firstIndex(of: exitPrompt!)! + choices.count - 1) % choices.count]
        case .right, .down, .tab:
            exitPrompt = choices[(choices.firstIndex(of: exitPrompt!)! + 1) % choices.count]
        case .enter:
            chosen = exitPrompt
        case .escape:
            chosen = .continueEditing
        case .character(let letter):
            chosen = choices.first { choice in
                context.texts[choice.label].first.map { $0.lowercased() == letter.lowercased() } ?? false
            }
        default:
            break
        }
        guard let chosen else { return nil }
        exitPrompt = nil
        switch chosen {
        case .keep:
            return .sequence([.saveDraft(id: id, fields: draftFields), .back, .status(context.texts[.draftKept])])
        case .discard:
            return .sequence([.discardDraft(id: id), .back, .status(context.texts[.draftDiscarded])])
        case .continueEditing:
            return nil
        }
    }

    // MARK: - Drawing

    /// One field's place on the page: its first row and how many rows it takes.
    struct Placement: Equatable {
        var field: RegistrationField
        var row: Int
        var height: Int
    }

    func layout(_ context: AppContext) -> [Placement] {
        var row = 0
        return RegistrationField.allCases.map { field in
            let height: Int = switch field {
            case .description: RegisterForm.descriptionHeight
            case .severity: max(1, severityWording(context).count)
            default: 1
            }
            defer { row += height }
            return Placement(field: field, row: row, height: height)
        }
    }

    private func severityWording(_ context: AppContext) -> [String] {
        guard let grade = form.fields.choice(.registration(.severity)).flatMap({ Int($0) }).flatMap(Severity.init(rawValue:)) else {
            return []
        }
        let wording = context.policy.wording(of: grade)
        let text = context.texts.wording(wording)
        return SafeText.wrap(text, toWidth: RegisterForm.inputWidth - RegisterScreen.severityChoiceWidth - 2)
    }

    static let severityChoiceWidth = 11

    public func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        let texts = context.texts
        let viewport = max(1, area.height - RegisterScreen.messageRows - 1)
        let placements = layout(context)
        let focused = placements.first { $0.field == focus }!
        let total = placements.last.map { $0.row + $0.height } ?? 0
        let top = min(max(0, focused.row + focused.height - viewport), max(0, total - viewport))
        let labelX = area.x + 1
        let valueX = area.x + RegisterScreen.labelWidth
        var cursor: CursorPosition?
        for placement in placements {
            let y = area.y + placement.row - top
            guard y >= area.y, y + placement.height <= area.y + viewport else { continue }
            let isFocused = placement.field == focus
            drawLabel(placement.field, isFocused: isFocused, context, into: &buffer, x: labelX, y: y)
            let fieldCursor = drawValue(placement.field, isFocused: isFocused, context, into: &buffer, x: valueX, y: y)
            if isFocused { cursor = fieldCursor }
        }
        if top > 0 { buffer.put("▲", x: area.x + area.width - 2, y: area.y, style: .dim) }
        if top + viewport < total { buffer.put("▼", x: area.x + area.width - 2, y: area.y + viewport - 1, style: .dim) }
        let messageY = area.y + viewport
        buffer.horizontalRule(x: area.x, y: messageY, length: area.width, style: .dim)
        drawMessage(context, into: &buffer, x: labelX, y: messageY + 1, width: area.width - 2)
        if let choice = exitPrompt {
            drawExitPrompt(choice, texts, into: &buffer, area: area)
            return nil
        }
        return cursor
    }

    private func drawLabel(_ field: RegistrationField, isFocused: Bool, _ context: AppContext,
                           into buffer: inout CellBuffer, x: Int, y: Int) {
        let texts = context.texts
        let label: String? = switch field {
        case .firstAid: texts[.immediateHelpHeading]
        case .wantsLeaderTalk: texts[.wishesHeading]
        case .defusingHeld, .wantsPsychologist, .policeReport: nil
        default: texts.label(field)
        }
        var style: Style = isFocused ? Style(bold: true, color: .accent) : .plain
        if problems[field] != nil { style = Style(bold: true, color: .danger) }
        // The marks stand beside the label, never on it: `▸` for focus before, `!` for a problem after.
        if isFocused { buffer.put("▸", x: x, y: y, style: style) }
        let labelWidth = label.map { buffer.put($0, x: x + 2, y: y, maxWidth: RegisterScreen.labelWidth - 5, style: style) } ?? 0
        if problems[field] != nil { buffer.put("!", x: x + 2 + labelWidth + 1, y: y, style: style) }
    }

    /// Draws a field's value and returns where the cursor goes when it has focus.
    private func drawValue(_ field: RegistrationField, isFocused: Bool, _ context: AppContext,
                           into buffer: inout CellBuffer, x: Int, y: Int) -> CursorPosition {
        switch form.fields.entry(.registration(field))?.input {
        case .text(let text):
            let cursor = text.render(into: &buffer, x: x, y: y, style: .underline)
            if field == .absenceDays {
                buffer.put(context.texts[.absenceDaysUnit], x: x + text.width + 1, y: y)
            } else if !isFocused, problems[field] == nil, let shown = FormFields.understanding(field, context)?(text.text) {
                buffer.put("→ " + shown, x: x + text.width + 1, y: y, style: .dim)
            }
            return cursor
        case .area(let area):
            return area.render(into: &buffer, x: x, y: y, style: .underline)
        case .choice(let choice):
            let width = field == .severity ? RegisterScreen.severityChoiceWidth : 30
            choice.render(into: &buffer, x: x, y: y, width: width, focused: isFocused, placeholder: context.texts[.notChosen],
                          style: isFocused ? .bold : .plain)
            if field == .severity {
                for (offset, line) in severityWording(context).enumerated() {
                    buffer.put(line, x: x + width + 2, y: y + offset, style: .dim)
                }
            }
            return CursorPosition(x: x + (isFocused ? 2 : 0), y: y)
        case .check(let check):
            return check.render(into: &buffer, x: x, y: y, width: RegisterForm.inputWidth, style: isFocused ? .bold : .plain)
        case nil:
            return CursorPosition(x: x, y: y)
        }
    }

    /// What is wrong (the refused key, the focused field, the field just left), else the focused field's help.
    private func drawMessage(_ context: AppContext, into buffer: inout CellBuffer, x: Int, y: Int, width: Int) {
        let texts = context.texts
        let problem = refusal ?? problems[focus] ?? lastLeft.flatMap { problems[$0] }
        var help = texts.help(focus)
        if focus == .occurredAt { help += " " + texts[.occurredExamples] }
        if focus == .firstAbsenceDay { help += " " + texts[.dayExamples] }
        let style = problem == nil ? Style.dim : Style(bold: true, color: .danger)
        // A choice's letters come first: they are what the user presses.
        let letters = problem == nil ? letterHint.map { SafeText.wrap($0, toWidth: width) } ?? [] : []
        let lines = letters + SafeText.wrap(problem ?? help, toWidth: width)
        for (row, line) in lines.prefix(RegisterScreen.messageRows).enumerated() {
            buffer.put(line, x: x, y: y + row, maxWidth: width, style: row < letters.count ? .plain : style)
        }
    }

    /// `[F]ysisk vold · [T]russel · …`: the letters of a focused choice (not the severity,
    /// which takes its digits, nor a unit that is the only one).
    private var letterHint: String? {
        guard focus != .severity, case .choice(let choice) = form.fields.focusedInput, choice.options.count > 1 else { return nil }
        return choice.letterHint
    }

    private func drawExitPrompt(_ marked: ExitChoice, _ texts: Texts, into buffer: inout CellBuffer, area: Rect) {
        let width = min(area.width - 4, 60)
        // The question wraps inside the box rather than being cut.
        let question = SafeText.wrap(texts[.unsavedPrompt], toWidth: width - 4)
        let height = 4 + question.count + ExitChoice.allCases.count
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        buffer.fill(box)
        let inside = buffer.box(box, style: .bold)
        for (row, line) in question.enumerated() {
            buffer.put(line, x: inside.x + 1, y: inside.y + row, maxWidth: inside.width - 2, style: .bold)
        }
        for (row, choice) in ExitChoice.allCases.enumerated() {
            let label = texts[choice.label]
            let y = inside.y + question.count + 1 + row
            let style: Style = choice == marked ? .reverse : .plain
            buffer.fill(Rect(x: inside.x + 1, y: y, width: inside.width - 2, height: 1), style: style)
            buffer.put(String(label.prefix(1)), x: inside.x + 2, y: y, style: Style(bold: true, reverse: choice == marked, underline: true))
            buffer.put(String(label.dropFirst()), x: inside.x + 3, y: y, maxWidth: inside.width - 5, style: style)
        }
    }
}
