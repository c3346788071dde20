import VTCModel
import VTCTexts
import TerminalKit

/// What a screen shows at its bottom while the user acts on something: nothing,
/// a pick list of what to act on, or a form whose submission is one event
/// (view → pick → form → confirm). The detail, week and follow-up queue
/// screens share it, so each says only what its lists and forms mean.
///
/// `Pick` is what a pick list's options stand for; `Purpose` what a form is for.
struct Dialog<Pick: Equatable & Sendable, Purpose: Equatable & Sendable>: Equatable, Sendable {
    enum Shown: Equatable, Sendable {
        case nothing
        case picking(PickList, Pick)
        case form(Purpose, InlineForm)
    }

    private(set) var shown: Shown = .nothing

    var isOpen: Bool { shown != .nothing }

    mutating func pick(_ list: PickList, for pick: Pick) { shown = .picking(list, pick) }
    mutating func open(_ purpose: Purpose, _ form: InlineForm) { shown = .form(purpose, form) }
    mutating func close() { shown = .nothing }

    /// Handles a key while open. After an option of a pick list is chosen,
    /// `chosen` gives the form to open (nil closes the dialog); a submitted
    /// form goes to `payload`, which gives its event or says what is wrong
    /// (and may change the form, as a question before a confirmation does).
    mutating func handle(_ key: Key, _ context: AppContext,
                         chosen: ((Pick, Int) -> (Purpose, InlineForm)?)? = nil,
                         payload: (Purpose, inout InlineForm) -> Result<EventPayload, FormProblem>) -> ScreenRequest? {
        switch shown {
        case .nothing:
            return nil
        case .picking(var list, let pick):
            switch list.handle(key) {
            case .cancel:
                close()
            case .chosen(let index):
                if let (purpose, form) = chosen?(pick, index) { open(purpose, form) } else { close() }
            case nil:
                shown = .picking(list, pick)
                return ScreenInput.noOption(list.unmatchedLetter, context)
            }
            return nil
        case .form(let purpose, var form):
            switch form.handle(key) {
            case .cancel:
                close()
                return nil
            case .submit:
                switch payload(purpose, &form) {
                case .success(let event):
                    close()
                    return .append([event], then: nil)
                case .failure(let problem):
                    form.message = problem.message
                    shown = .form(purpose, form)
                    return nil
                }
            case nil:
                shown = .form(purpose, form)
                return ScreenInput.noOption(form.fields.unmatchedLetter, context)
            }
        }
    }

    /// Rows the dialog takes at the bottom of the screen's area.
    var height: Int {
        switch shown {
        case .nothing: 0
        case .picking(let list, _): list.height
        case .form(_, let form): form.height
        }
    }

    /// The keys of the open dialog, or nil when it is closed and the screen's own keys apply.
    func helpEntries(_ t: Texts) -> [HelpEntry]? {
        switch shown {
        case .nothing:
            nil
        case .picking:
            [HelpEntry("Enter", t[.helpOpen], priority: 9), HelpEntry("Esc", t[.helpCancel], priority: 9)]
        case .form:
            [HelpEntry("F10", t[.helpSave], priority: 10), HelpEntry("Tab", t[.helpNextField], priority: 8),
             HelpEntry("Esc", t[.helpCancel], priority: 9)]
        }
    }

    /// Draws `lines` from `top` in what the dialog leaves of `area`, and the dialog along its
    /// bottom; the cursor when a form is open.
    func render(below lines: DetailLines, top: Int, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        buffer.fill(area)
        lines.render(into: &buffer, rect: Rect(x: area.x, y: area.y, width: area.width, height: max(0, area.height - height)), top: top)
        return render(into: &buffer, area: area)
    }

    /// Draws the dialog along the bottom of `area`; the cursor when a form is open.
    func render(into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        switch shown {
        case .nothing:
            return nil
        case .picking(let list, _):
            list.render(into: &buffer, area: area)
            return nil
        case .form(_, let form):
            return form.render(into: &buffer, area: area)
        }
    }
}
