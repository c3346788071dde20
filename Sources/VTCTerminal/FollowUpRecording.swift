import Foundation
import VTCModel

/// The inline form that records the outcome of one follow-up item, shared by
/// the detail screen and the follow-up queue: outcome, when (now unless
/// changed) and a note, which is the reason when the item is not relevant.
/// The leader's acknowledgement and the AMG's discussion are written as the
/// events of their own, so the incident shows who acknowledged and what the AMG said.
struct FollowUpRecording: Equatable, Sendable {
    let incident: UUID
    let kind: FollowUpKind

    /// The form as it opens: done, now, no note.
    func form(_ context: AppContext) -> InlineForm {
        let texts = context.texts
        let outcomes: [FollowUpOutcome] = kind == .acknowledgement ? [.done] : FollowUpOutcome.allCases
        var entries: [InlineForm.Entry] = [
            InlineForm.choice(.outcome, texts[.outcomeField], outcomes.map { ($0.rawValue, texts.label($0)) },
                              selected: FollowUpOutcome.done.rawValue),
        ]
        if kind != .acknowledgement {
            entries.append(InlineForm.text(.when, texts[.whenField],
                                           LocalTimeText.format(context.now, in: context.policy.zone),
                                           understood: UnderstoodTime.moment(context)))
        }
        entries.append(InlineForm.text(.note, texts[.noteField]))
        return InlineForm(title: texts.label(kind), entries: entries)
    }

    /// The payload the form's values stand for, or the message saying what is wrong.
    func payload(_ form: InlineForm, _ context: AppContext) -> Result<EventPayload, FormProblem> {
        let texts = context.texts
        let zone = context.policy.zone
        let outcome = form.fields.choice(.outcome).flatMap(FollowUpOutcome.init(rawValue:)) ?? .done
        let note = form.fields.text(.note)
        let noteRequired = outcome == .notRelevant || (kind == .amgDiscussion && outcome == .done)
        let noteLabel = outcome == .notRelevant ? texts[.reason] : kind == .amgDiscussion ? texts[.summaryField] : texts[.noteField]
        if let problem = ScreenInput.problem(note, field: noteLabel, required: noteRequired, texts: texts) {
            return .failure(FormProblem(problem))
        }
        if kind == .acknowledgement {
            return .success(.acknowledged(incident: incident, note: ScreenInput.optional(note)))
        }
        let whenText = form.fields.text(.when)
        // The register form's reader: `i går 22:10` and `22.11 08:00` as well as the full form.
        let when: Timestamp
        switch OccurredInput.moment(whenText, now: context.now, zone: zone) {
        case .success(let moment): when = moment
        case .failure(.inTheFuture): return .failure(FormProblem(texts[.timeInFuture]))
        case .failure: return .failure(FormProblem(texts.message(.invalidTime(whenText))))
        }
        if kind == .amgDiscussion, outcome == .done {
            return .success(.amgDiscussed(incident: incident, date: zone.local(when).date, summary: note))
        }
        let record = FollowUpRecord(kind: kind, outcome: outcome, on: when.expressed(in: zone), note: ScreenInput.optional(note))
        return .success(.followUpRecorded(incident: incident, record))
    }
}

/// A form value that cannot be written, with the message that says why.
struct FormProblem: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}
