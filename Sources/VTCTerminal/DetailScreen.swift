import Foundation
import VTCModel
import VTCTexts
import VTCStore
import TerminalKit

/// One incident in full: its facts, follow-up with due times, notes and
/// history, and the actions the user's roles allow, each through a small
/// form at the bottom. Every action ends in one `.append`; the shell then
/// refreshes the screen with the new state.
public struct DetailScreen: Screen {
    /// What a form on this screen is for.
    enum Action: Equatable, Sendable {
        case record(FollowUpRecording)
        case note
        case amend
        case absence
        case withdraw
    }

    public let incident: UUID
    private var scroll = PageScroll(size: TerminalSize(width: 80, height: 16), rowsAround: DetailScreen.rowsAround)
    /// A pick list of follow-up items (the kinds it offers), or a form.
    private(set) var dialog = Dialog<[FollowUpKind], Action>()

    public init(incident: UUID) {
        self.incident = incident
    }

    public func title(_ context: AppContext) -> String {
        guard let record = visibleRecord(context) else { return context.texts[.incident] }
        return context.texts[.incident] + " · " + context.texts.label(record.facts.severity) + " · "
            + LocalTimeText.format(record.facts.occurredAt, in: context.policy.zone)
    }

    public func helpEntries(_ context: AppContext) -> [HelpEntry] {
        let t = context.texts
        if let entries = dialog.helpEntries(t) { return entries }
        var entries = [HelpEntry("↑↓", t[.helpScroll], priority: 6)]
        for (key, label) in actionKeys(t) where refusal(of: key, context) == nil {
            entries.append(HelpEntry(String(key), label, priority: 8))
        }
        return entries
    }

    public mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        if case .resize(let size) = key {
            scroll.resize(to: size)
            return nil
        }
        guard dialog.isOpen else { return handleViewing(key, context) }
        let screen = self  // the dialog changes; what its events mean is read from the screen as it was
        return dialog.handle(key, context, chosen: { kinds, index in
            let recording = FollowUpRecording(incident: screen.incident, kind: kinds[index])
            return (.record(recording), recording.form(context))
        }, payload: { action, form in screen.payload(action, &form, context) })
    }

    public mutating func refresh(_ context: AppContext) {
        if dialog.isOpen, visibleRecord(context)?.isWithdrawn ?? true { dialog.close() }
    }

    public func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        dialog.render(below: lines(context, width: area.width), top: scroll.top, into: &buffer, area: area)
    }

    /// Rows the detail takes besides its text: the shell's frame.
    static let rowsAround = 5

    // MARK: Keys

    private func actionKeys(_ t: Texts) -> [(key: Character, label: String)] {
        [("f", t[.actionRecordFollowUp]), ("k", t[.actionAcknowledge]), ("n", t[.actionAddNote]),
         ("e", t[.actionAmend]), ("a", t[.actionAbsence]), ("t", t[.actionWithdraw])]
    }

    /// Why the action of `key` cannot be offered, or nil when it can.
    private func refusal(of key: Character, _ context: AppContext) -> String? {
        guard let record = visibleRecord(context) else { return context.texts[.noIncidents] }
        if record.isWithdrawn { return context.texts[.withdrawn] }
        let (unit, registrant) = (record.facts.unit, record.registrant)
        switch key {
        case "f":
            if context.isReadOnly { return context.texts[.readOnlyBanner] }
            if !recordableKinds(record, context).isEmpty { return nil }
            let refused = record.followUps.lazy.compactMap { item -> String? in
                guard item.kind != .acknowledgement, item.status(at: context.now).isOpen else { return nil }
                return ScreenInput.refusal(AccessRequest.recording(item.kind, responsible: item.responsible, unit: unit), context)
            }.first
            return refused ?? context.texts[.noOpenItemsForYou]
        case "k":
            if let refusal = ScreenInput.refusal(.acknowledge(unit: unit), context) { return refusal }
            return record.acknowledgement == nil ? nil : context.texts[.alreadyAcknowledged]
        case "n": return ScreenInput.refusal(.addNote(unit: unit), context)
        case "e": return ScreenInput.refusal(.amend(unit: unit, registrant: registrant), context)
        case "a": return ScreenInput.refusal(.updateAbsence(unit: unit, registrant: registrant), context)
        case "t": return ScreenInput.refusal(.withdraw(unit: unit, registrant: registrant), context)
        default: return nil
        }
    }

    /// The open items this user may record, other than the acknowledgement (its own key).
    private func recordableKinds(_ record: IncidentRecord, _ context: AppContext) -> [FollowUpKind] {
        guard !context.isReadOnly else { return [] }
        return record.followUps.filter { item in
            item.kind != .acknowledgement && item.status(at: context.now).isOpen
                && context.may(AccessRequest.recording(item.kind, responsible: item.responsible, unit: record.facts.unit))
        }.map(\.kind)
    }

    private mutating func handleViewing(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        let t = context.texts
        let shown = self  // the lines as they stand, while the scroll position changes
        if scroll.handle(key, lineCount: { shown.lines(context, width: $0).lines.count }) { return nil }
        switch key {
        case .escape: return .back
        case .character(let c) where actionKeys(t).contains(where: { $0.key == c }):
            if let refusal = refusal(of: c, context) { return .status(refusal) }
            guard let record = visibleRecord(context) else { return nil }
            open(c, record, context)
            return nil
        default: return nil
        }
    }

    private mutating func open(_ key: Character, _ record: IncidentRecord, _ context: AppContext) {
        let t = context.texts
        let facts = record.facts
        switch key {
        case "f":
            let kinds = recordableKinds(record, context)
            let options = kinds.map { kind in
                let item = record.followUp(kind)!
                let marker = item.status(at: context.now) == .overdue ? "! " : "  "
                return marker + t.label(kind) + " · " + t[.due] + " "
                    + LocalTimeText.format(item.due, in: context.policy.zone)
            }
            dialog.pick(PickList(title: t[.chooseFollowUpItem], options: options), for: kinds)
        case "k":
            let recording = FollowUpRecording(incident: incident, kind: .acknowledgement)
            dialog.open(.record(recording), recording.form(context))
        case "n":
            dialog.open(.note, InlineForm(title: t[.actionAddNote], entries: [InlineForm.area(.note, t[.noteField])]))
        case "e":
            dialog.open(.amend, DetailScreen.amendForm(facts, context))
        case "a":
            let today = context.policy.zone.local(context.now).date
            dialog.open(.absence, InlineForm(title: t[.actionAbsence], entries: [
                InlineForm.entry(for: .firstAbsenceDay, .string((facts.firstAbsenceDay ?? today).iso), context),
                InlineForm.entry(for: .absenceDays, .int(facts.absenceDays ?? 1), context),
            ]))
        default:
            dialog.open(.withdraw, InlineForm(title: t[.actionWithdraw], entries: [InlineForm.text(.reason, t[.reason])]))
        }
    }

    /// What a registrant may amend here, in the form's order; the absence has its own form.
    static let amendable: [RegistrationField] = [.severity, .kind, .involvement, .counterpart, .injury, .location, .citizenRef,
                                                 .description]

    static func amendForm(_ facts: Registration, _ context: AppContext) -> InlineForm {
        InlineForm(title: context.texts[.actionAmend],
                   entries: amendable.map { InlineForm.entry(for: $0, facts.value(of: $0), context) })
    }

    // MARK: Submitting

    private func payload(_ action: Action, _ form: inout InlineForm, _ context: AppContext) -> Result<EventPayload, FormProblem> {
        let t = context.texts
        guard let record = visibleRecord(context) else { return .failure(FormProblem(t[.noIncidents])) }
        switch action {
        case .record(let recording):
            return recording.payload(form, context)
        case .note:
            let text = form.fields.text(.note)
            if let problem = ScreenInput.problem(text, field: t[.noteField], multiLine: true, required: true, texts: t) {
                return .failure(FormProblem(problem))
            }
            return .success(.noteAdded(incident: incident, text: text))
        case .amend:
            return amendment(form, record.facts, t).map { .amended(incident: incident, changes: $0) }
        case .absence:
            let dayText = form.fields.text(.registration(.firstAbsenceDay))
            guard case .success(let first) = OccurredInput.day(dayText, now: context.now, zone: context.policy.zone,
                                                               window: .absence) else {
                return .failure(FormProblem(t.message(.invalidDate(dayText))))
            }
            let daysText = form.fields.text(.registration(.absenceDays))
            guard let days = Int(daysText.filter { !$0.isWhitespace }), EventRules.absenceDays.contains(days) else {
                return .failure(FormProblem(t.message(.invalidDays(daysText))))
            }
            var updated = record.facts
            (updated.firstAbsenceDay, updated.absenceDays) = (first, days)
            if let violation = EventRules.violation(in: updated) { return .failure(FormProblem(violation.description)) }
            return .success(.absenceUpdated(incident: incident, firstDay: first, days: days))
        case .withdraw:
            let reason = form.fields.text(.reason)
            if let problem = ScreenInput.problem(reason, field: t[.reason], required: true, texts: t) {
                return .failure(FormProblem(problem))
            }
            guard form.awaitingConfirmation else {
                form.awaitingConfirmation = true
                return .failure(FormProblem(t[.confirmWithdraw]))
            }
            return .success(.withdrawn(incident: incident, reason: reason))
        }
    }

    /// The changed fields only, each with the value it had and the value it gets.
    func amendment(_ form: InlineForm, _ old: Registration, _ t: Texts) -> Result<[FieldChange], FormProblem> {
        var new = old
        for field in DetailScreen.amendable {
            let value = form.fields.value(of: field)
            if case .string(let text) = value, let problem = ScreenInput.problem(
                text, field: t.label(field), multiLine: field == .description, required: field == .description, texts: t) {
                return .failure(FormProblem(problem))
            }
            new = new.setting(field, to: value) ?? new
        }
        let changes = old.changes(to: new)
        return changes.isEmpty ? .failure(FormProblem(t[.nothingChanged])) : .success(changes)
    }

    // MARK: Drawing

    private func visibleRecord(_ context: AppContext) -> IncidentRecord? { context.queries.incident(incident) }

    func lines(_ context: AppContext, width: Int) -> DetailLines {
        var out = DetailLines(width: width)
        let t = context.texts
        guard let record = visibleRecord(context) else {
            let refusal = context.queries.refusalToSee(incident).map { t.message(.refused($0)) }
            out.paragraph(refusal ?? t[.noIncidents], style: .role(.muted))
            return out
        }
        let zone = context.policy.zone
        func time(_ moment: Timestamp) -> String { LocalTimeText.format(moment, in: zone) }
        func yesNo(_ value: Bool) -> String { value ? t[.yes] : t[.no] }
        let facts = record.facts
        if let withdrawal = record.withdrawal {
            out.paragraph(t[.withdrawnBanner] + " · " + withdrawal.by + " · " + time(withdrawal.at) + " · "
                          + t[.reason] + ": " + withdrawal.reason, style: Style(bold: true, color: .warning))
            out.blank()
        }
        let wording = context.policy.wording(of: facts.severity)
        let fields: [(RegistrationField, String)] = [
            (.occurredAt, time(facts.occurredAt)),
            (.unit, facts.unit),
            (.location, facts.location ?? "—"),
            (.kind, t.label(facts.kind)),
            (.severity, t.label(facts.severity) + " – " + t.wording(wording)),
            (.involvement, t.label(facts.involvement)),
            (.counterpart, t.label(facts.counterpart)),
            (.citizenRef, facts.citizenRef ?? "—"),
            (.injury, t.label(facts.injury)),
            (.firstAbsenceDay, facts.firstAbsenceDay?.iso ?? "—"),
            (.absenceDays, facts.absenceDays.map(String.init) ?? "—"),
            (.firstAid, yesNo(facts.firstAid)),
            (.defusingHeld, yesNo(facts.defusingHeld)),
            (.wantsLeaderTalk, yesNo(facts.wantsLeaderTalk)),
            (.wantsPsychologist, yesNo(facts.wantsPsychologist)),
            (.policeReport, yesNo(facts.policeReport)),
        ]
        let labels = fields.map { t.label($0.0) } + [t[.registrant], t[.acknowledged], t.label(RegistrationField.description)]
        // Labels are never cut at 80 columns: the longest (`Wants a talk with the leader`) takes 28.
        let labelWidth = min(labels.map { DisplayWidth.of($0) }.max() ?? 0, max(10, width * 2 / 5))
        for (field, value) in fields { out.field(t.label(field), value, labelWidth: labelWidth) }
        out.field(t[.registrant], record.registrant + " · " + time(record.registeredAt), labelWidth: labelWidth)
        if let ack = record.acknowledgement {
            out.field(t[.acknowledged], ack.by + " · " + time(ack.at) + (ack.note.map { " · " + $0 } ?? ""), labelWidth: labelWidth)
        } else {
            out.field(t[.acknowledged], t[.notAcknowledged], labelWidth: labelWidth, style: .bold)
        }
        out.field(t.label(RegistrationField.description), facts.description, labelWidth: labelWidth)

        out.heading(t[.followUp])
        for item in record.followUps {
            out.paragraph(DetailScreen.followUpLine(item, context), indent: 0, style: DetailScreen.followUpStyle(item, context.now))
            if let outcome = item.outcome {
                let note = outcome.record.note.map { ": " + $0 } ?? ""
                out.paragraph(t.label(outcome.record.outcome) + " " + time(outcome.record.on) + " · " + outcome.by + note, indent: 4)
            }
        }
        if !record.notes.isEmpty || !record.amgDiscussions.isEmpty {
            out.heading(t[.notes])
            for note in record.notes {
                out.paragraph(time(note.at) + " · " + note.by, style: .bold)
                out.paragraph(note.text, indent: 2)
            }
            for discussion in record.amgDiscussions {
                out.paragraph(discussion.date.iso + " · AMG · " + discussion.by, style: .bold)
                out.paragraph(discussion.summary, indent: 2)
            }
        }
        out.heading(t[.historySection])
        guard let history = context.history.events(of: record) else {
            out.paragraph(t[.historyUnreadable], style: .bold)
            return out
        }
        for event in history {
            out.paragraph(time(event.at) + "  " + event.actor + "  " + t.describe(event.payload), indent: 0)
            if case .amended(_, let changes) = event.payload {
                for change in changes {
                    out.paragraph(t.label(change.field) + ": " + DetailScreen.shown(change.old, change.field, t) + " → "
                                  + DetailScreen.shown(change.new, change.field, t),
                                  indent: 4)
                }
            }
        }
        return out
    }

    /// `! Debriefing · Due 2026-11-23 14:05 · 2 days overdue`: the `!` and the words mark an
    /// overdue item on a terminal without colours too. A role other than the leader's is named.
    static func followUpLine(_ item: FollowUpItem, _ context: AppContext) -> String {
        let t = context.texts
        let status = item.status(at: context.now)
        let marker = status == .overdue ? "! " : status == .open ? "○ " : "✓ "
        let statusText: String
        if status == .overdue {
            statusText = t.message(.overdueByDays(Int((context.now.epochSeconds - item.due.epochSeconds) / 86_400)))
        } else {
            statusText = t.label(status)
        }
        return marker + t.label(item.kind) + " · " + t[.due] + " " + LocalTimeText.format(item.due, in: context.policy.zone)
            + " · " + statusText + (item.responsible == .leader ? "" : " · " + t.label(item.responsible))
    }

    static func followUpStyle(_ item: FollowUpItem, _ now: Timestamp) -> Style {
        switch item.status(at: now) {
        case .overdue: Style(bold: true, color: .danger)
        case .open: .plain
        default: .role(.muted)
        }
    }

    /// A changed value as the user reads it: labels for chosen values, not their identifiers.
    private static func shown(_ value: FieldValue, _ field: RegistrationField, _ t: Texts) -> String {
        switch (field, value) {
        case (_, .null): return "—"
        case (_, .bool(let flag)): return flag ? t[.yes] : t[.no]
        case (.severity, .int(let number)): return Severity(rawValue: number).map(t.label) ?? String(number)
        case (_, .int(let number)): return String(number)
        case (.kind, .string(let raw)): return EpisodeKind(rawValue: raw).map(t.label) ?? raw
        case (.involvement, .string(let raw)): return Involvement(rawValue: raw).map(t.label) ?? raw
        case (.counterpart, .string(let raw)): return Counterpart(rawValue: raw).map(t.label) ?? raw
        case (.injury, .string(let raw)): return Injury(rawValue: raw).map(t.label) ?? raw
        case (_, .string(let text)): return text
        }
    }
}

extension DetailScreen: CapturesTypedKeys {
    /// While a form or the search field is open, `q`, `?` and Esc belong to it.
    public var capturesTypedKeys: Bool { dialog.isOpen }
}
