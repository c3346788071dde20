import Foundation
import VTCModel
import VTCTexts
import TerminalKit

/// The AMG's weekly meeting: the week's numbers, a 12-week trend per
/// severity, new incidents, overdue and unacknowledged follow-up, open
/// actions, supervision and recurring citizen references. From here the AMG
/// opens and closes actions, records that it discussed an incident and the
/// supervision held, and exports the week as Markdown. Each list shows its
/// first page (`WeekScreenData.pageSize`) and says how many more there are;
/// the numbers count the whole week, and the export holds every entry.
public struct WeekScreen: Screen {
    enum Purpose: Equatable, Sendable {
        case closeAction([UUID])
        case discussIncident([UUID])
    }

    enum Form: Equatable, Sendable {
        case newAction
        case closeAction(UUID)
        case discussion(UUID)
        case supervision
    }

    public private(set) var week: ISOWeek
    /// Each list its first page, with the whole report's lengths.
    public private(set) var report: WeekReport?
    /// Every open action of the units, whenever it was opened.
    public private(set) var openActions: [ActionRecord] = []
    /// The units whose week the user may read.
    public let units: [String]
    private(set) var dialog = Dialog<Purpose, Form>()
    private var scroll = PageScroll(size: TerminalSize(width: 80, height: 16), rowsAround: DetailScreen.rowsAround)
    private var computed: RefreshStamp?
    /// The moment the report was taken at, which the export is taken at too.
    private var takenAt: Timestamp
    /// The report laid out at the width last known: a region's pages and open actions are some 3 000 lines, longer to
    /// lay out than a key may take, so they are laid out when the report or the width changes, not at every key.
    private var laidOut: (width: Int, lines: DetailLines)?

    /// The week containing `now` unless another is given.
    public init(context: AppContext, week: ISOWeek? = nil) {
        self.week = week ?? ISOWeek(containing: context.now, in: context.policy.zone)
        units = context.roster.units.filter { context.may(.readUnit(unit: $0)) }
        takenAt = context.now
        recompute(context)
    }

    public func title(_ context: AppContext) -> String { context.texts[.weekReport] + " · " + context.texts.message(.week(week)) }

    public func helpEntries(_ context: AppContext) -> [HelpEntry] {
        let t = context.texts
        if let entries = dialog.helpEntries(t) { return entries }
        // Short labels, so that the AMG's every key fits the bottom line at 80 columns.
        var entries = [HelpEntry("←→", t[.week], priority: 9)]
        if !unitsAllowing({ .manageActions(unit: $0) }, context).isEmpty {
            entries += [HelpEntry("t", t[.helpNewAction], priority: 7), HelpEntry("l", t[.helpCloseAction], priority: 6)]
        }
        if !unitsAllowing({ .recordAMGDiscussion(unit: $0) }, context).isEmpty {
            entries.append(HelpEntry("m", t[.helpDiscussion], priority: 6))
        }
        if !unitsAllowing({ .recordSupervision(unit: $0) }, context).isEmpty {
            entries.append(HelpEntry("s", t[.helpSupervision], priority: 6))
        }
        entries += [HelpEntry("x", t[.helpExport], priority: 7), HelpEntry("↑↓", t[.helpScroll], priority: 3)]
        return entries
    }

    public mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        if case .resize(let size) = key {
            scroll.resize(to: size)
            // A screen is told its size as it opens: the lines are laid out again only for another width.
            if laidOut?.width != scroll.size.width { layOut(context) }
            return nil
        }
        guard dialog.isOpen else { return handleViewing(key, context) }
        let screen = self  // the dialog changes; what its events mean is read from the screen as it was
        return dialog.handle(key, context, chosen: { purpose, index in screen.form(after: purpose, index, context) },
                             payload: { kind, form in screen.payload(kind, form, context) })
    }

    public mutating func refresh(_ context: AppContext) {
        guard computed != RefreshStamp(context) else { return }
        recompute(context)
    }

    private mutating func recompute(_ context: AppContext) {
        computed = RefreshStamp(context)
        takenAt = context.now
        if units.isEmpty {
            (report, openActions) = (nil, [])
        } else {
            let data = context.queries.week(week, units: units, at: takenAt, page: WeekScreenData.pageSize)
            (report, openActions) = (data.report, data.openActions)
        }
        layOut(context)
    }

    private mutating func layOut(_ context: AppContext) {
        laidOut = (scroll.size.width, lines(context, width: scroll.size.width))
    }

    /// The report's lines at `width`: those laid out, unless the width is another.
    private func lines(atWidth width: Int, _ context: AppContext) -> DetailLines {
        if let laidOut, laidOut.width == width { return laidOut.lines }
        return lines(context, width: width)
    }

    public func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        dialog.render(below: lines(atWidth: area.width, context), top: scroll.top, into: &buffer, area: area)
    }

    // MARK: Keys

    private func unitsAllowing(_ request: (String) -> AccessRequest, _ context: AppContext) -> [String] {
        context.isReadOnly ? [] : units.filter { context.may(request($0)) }
    }

    /// The refusal for a unit the user reads but may not act in, or the read-only banner.
    private func refusal(_ request: (String) -> AccessRequest, _ context: AppContext) -> String {
        units.compactMap { ScreenInput.refusal(request($0), context) }.first ?? context.texts[.noReadableUnits]
    }

    private mutating func handleViewing(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        let t = context.texts
        let shown = self  // the lines as they stand, while the scroll position changes
        if scroll.handle(key, lineCount: { shown.lines(atWidth: $0, context).lines.count }) { return nil }
        switch key {
        case .left, .character("p"): showWeek(week.previous, context)
        case .right, .character("n"): showWeek(week.next, context)
        case .escape: return .back
        case .character("x"):
            // The export is the whole report as a document, made where the report is: through a server, a region's
            // week names some 170 000 follow-up items, and only the document's bytes come here.
            guard !units.isEmpty else { return .status(t[.noReadableUnits]) }
            return .exportWeek(week, units: units, at: takenAt)
        case .character("t"):
            let allowed = unitsAllowing({ .manageActions(unit: $0) }, context)
            guard !allowed.isEmpty else { return .status(refusal({ .manageActions(unit: $0) }, context)) }
            dialog.open(.newAction, newActionForm(allowed, context))
        case .character("l"):
            guard !unitsAllowing({ .manageActions(unit: $0) }, context).isEmpty else {
                return .status(refusal({ .manageActions(unit: $0) }, context))
            }
            let closable = openActions.filter { context.may(.manageActions(unit: $0.action.unit)) }
            guard !closable.isEmpty else { return .status(t[.noOpenActions]) }
            let options = closable.map { $0.action.title + " · " + $0.action.owner + " · " + t.message(.actionDueOn($0.action.due.iso)) }
            dialog.pick(PickList(title: t[.chooseAction], options: options), for: .closeAction(closable.map(\.action.id)))
        case .character("m"):
            guard !unitsAllowing({ .recordAMGDiscussion(unit: $0) }, context).isEmpty else {
                return .status(refusal({ .recordAMGDiscussion(unit: $0) }, context))
            }
            let incidents = (report?.newIncidents ?? []).filter { context.may(.recordAMGDiscussion(unit: $0.facts.unit)) }
            guard !incidents.isEmpty else { return .status(t[.noIncidentsThisWeek]) }
            let options = incidents.map { WeekScreen.incidentLine($0, context) }
            dialog.pick(PickList(title: t[.chooseIncident], options: options), for: .discussIncident(incidents.map(\.id)))
        case .character("s"):
            let allowed = unitsAllowing({ .recordSupervision(unit: $0) }, context)
            guard !allowed.isEmpty else { return .status(refusal({ .recordSupervision(unit: $0) }, context)) }
            dialog.open(.supervision, supervisionForm(allowed, context))
        default:
            return nil
        }
        return nil
    }

    private mutating func showWeek(_ newWeek: ISOWeek, _ context: AppContext) {
        week = newWeek
        scroll.toTop()
        recompute(context)
    }

    private func today(_ context: AppContext) -> CalendarDate { context.policy.zone.local(context.now).date }

    private func unitChoice(_ units: [String], _ t: Texts) -> InlineForm.Entry {
        InlineForm.choice(.unit, t.label(RegistrationField.unit), units.map { ($0, $0) }, selected: units.first)
    }

    private func newActionForm(_ allowed: [String], _ context: AppContext) -> InlineForm {
        let t = context.texts
        return InlineForm(title: t[.actionNewAction], entries: [
            unitChoice(allowed, t),
            InlineForm.text(.title, t[.titleField]),
            InlineForm.text(.owner, t[.ownerField], context.user.name),
            InlineForm.text(.due, t[.dueDateField], today(context).adding(days: 14).iso,
                            understood: UnderstoodTime.day(.due, context)),
            InlineForm.text(.incidents, t[.linkedIncidentsField]),
        ])
    }

    private func supervisionForm(_ allowed: [String], _ context: AppContext) -> InlineForm {
        let t = context.texts
        return InlineForm(title: t[.actionRecordSupervision], entries: [
            unitChoice(allowed, t),
            InlineForm.text(.date, t[.dateField], today(context).iso, understood: UnderstoodTime.day(.past, context)),
            InlineForm.choice(.supervisionForm, t[.supervisionFormField], SupervisionForm.allCases.map { ($0.rawValue, t.label($0)) },
                              selected: SupervisionForm.group.rawValue),
            InlineForm.choice(.evaluation, t[.evaluationField], (1...5).map { (String($0), String($0)) }, selected: nil),
            InlineForm.text(.note, t[.noteField]),
        ])
    }

    private func form(after purpose: Purpose, _ index: Int, _ context: AppContext) -> (Form, InlineForm) {
        let t = context.texts
        switch purpose {
        case .closeAction(let ids):
            return (.closeAction(ids[index]), InlineForm(title: t[.actionCloseAction], entries: [InlineForm.text(.note, t[.noteField])]))
        case .discussIncident(let ids):
            return (.discussion(ids[index]), InlineForm(title: t[.actionRecordDiscussion], entries: [
                InlineForm.text(.date, t[.dateField], today(context).iso, understood: UnderstoodTime.day(.past, context)),
                InlineForm.text(.summary, t[.summaryField]),
            ]))
        }
    }

    private func payload(_ kind: Form, _ form: InlineForm, _ context: AppContext) -> Result<EventPayload, FormProblem> {
        let t = context.texts
        func date(_ id: FormField) -> Result<CalendarDate, FormProblem> {
            let text = form.fields.text(id)
            return OccurredInput.day(text, now: context.now, zone: context.policy.zone, window: id == .due ? .due : .past)
                .mapError { _ in FormProblem(t.message(.invalidDate(text))) }
        }
        func check(_ id: FormField, _ label: String, required: Bool) -> FormProblem? {
            ScreenInput.problem(form.fields.text(id), field: label, required: required, texts: t).map(FormProblem.init)
        }
        switch kind {
        case .newAction:
            if let problem = check(.title, t[.titleField], required: true) ?? check(.owner, t[.ownerField], required: true) {
                return .failure(problem)
            }
            let numbersText = form.fields.text(.incidents)
            let candidates = report?.newIncidents ?? []
            let numbers = numbersText.split(whereSeparator: { $0 == " " || $0 == "," }).map { Int($0) }
            guard numbers.allSatisfy({ $0.map { $0 >= 1 && $0 <= candidates.count } ?? false }) else {
                return .failure(FormProblem(t.message(.invalidIncidentNumbers(numbersText))))
            }
            return date(.due).map { due in
                .actionOpened(PreventiveAction(unit: form.fields.choice(.unit) ?? units[0], title: form.fields.text(.title),
                                               owner: form.fields.text(.owner), due: due,
                                               incidents: numbers.map { candidates[$0! - 1].id }))
            }
        case .closeAction(let id):
            if let problem = check(.note, t[.noteField], required: false) { return .failure(problem) }
            return .success(.actionClosed(action: id, note: ScreenInput.optional(form.fields.text(.note))))
        case .discussion(let id):
            if let problem = check(.summary, t[.summaryField], required: true) { return .failure(problem) }
            return date(.date).map { .amgDiscussed(incident: id, date: $0, summary: form.fields.text(.summary)) }
        case .supervision:
            if let problem = check(.note, t[.noteField], required: false) { return .failure(problem) }
            return date(.date).map { day in
                .supervisionHeld(SupervisionSession(
                    unit: form.fields.choice(.unit) ?? units[0], date: day,
                    form: form.fields.choice(.supervisionForm).flatMap(SupervisionForm.init(rawValue:)) ?? .group,
                    evaluation: form.fields.choice(.evaluation).flatMap { Int($0) }, note: ScreenInput.optional(form.fields.text(.note))))
            }
        }
    }

    // MARK: Drawing

    static func incidentLine(_ record: IncidentRecord, _ context: AppContext) -> String {
        let t = context.texts
        let facts = record.facts
        return LocalTimeText.format(facts.occurredAt, in: context.policy.zone) + " · " + context.roster.shortName(of: facts.unit) + " · "
            + t.label(facts.severity) + " · " + t.label(facts.kind) + (facts.citizenRef.map { " · " + $0 } ?? "")
    }

    /// The 12 weeks before and this one, per severity: `VTC 3 ▁▂▅█…▃ 12 in all, 2 this week`.
    static func trendLines(_ report: WeekReport, _ t: Texts) -> [String] {
        let maximum = report.severityTrend.flatMap(\.counts).max() ?? 0
        return Severity.all.map { severity in
            let counts = report.severityTrend.map { $0.count(severity) }
            return t.label(severity) + "  " + Sparkline.line(counts, maximum: maximum) + "  "
                + t.message(.weekTrendLine(total: counts.reduce(0, +), thisWeek: counts.last ?? 0))
        }
    }

    func lines(_ context: AppContext, width: Int) -> DetailLines {
        var out = DetailLines(width: width)
        let t = context.texts
        guard let report else {
            out.paragraph(t[.noReadableUnits], style: .role(.muted))
            return out
        }
        let zone = context.policy.zone
        func time(_ moment: Timestamp) -> String { LocalTimeText.format(moment, in: zone) }
        out.paragraph(t.message(.week(week)) + " · " + week.monday.iso + " – " + week.sunday.iso + " · "
                      + units.joined(separator: ", "), style: .bold)
        out.heading(t[.weekNumbers])
        let lengths = report.lengths
        let numbers: [(TextKey, Int, Bool)] = [
            (.newIncidents, lengths.newIncidents, false),
            (.openFollowUp, lengths.openFollowUp, false),
            (.overdueFollowUp, lengths.overdueFollowUp, true),
            (.unacknowledgedIncidents, lengths.unacknowledged, true),
            (.actionsOpened, lengths.actionsOpened, false),
            (.actionsDue, lengths.actionsDue, false),
            (.actionsClosed, lengths.actionsClosed, false),
            (.supervisionSessionsHeld, lengths.supervisionSessions, false),
        ]
        /// One muted line under a list cut to its first page: how many more, and where they all are.
        func rest(_ shown: Int, of length: Int, _ place: WeekListRest) {
            if length > shown { out.paragraph(t.message(.weekListMore(length - shown, place)), style: .role(.muted)) }
        }
        let numberWidth = numbers.map { String($0.1).count }.max() ?? 1
        for (key, count, warns) in numbers {
            let marked = warns && count > 0
            out.paragraph((marked ? "! " : "  ") + SafeText.pad(String(count), toWidth: numberWidth, alignment: .right) + "  " + t[key],
                          style: marked ? Style(bold: true, color: .danger) : .plain)
        }
        out.heading(t[.severityTrend])
        for line in WeekScreen.trendLines(report, t) { out.paragraph(line) }

        out.heading(t[.newIncidents])
        if report.newIncidents.isEmpty { out.paragraph(t[.none], style: .role(.muted)) }
        for (number, record) in report.newIncidents.enumerated() {
            out.paragraph(String(number + 1) + ". " + WeekScreen.incidentLine(record, context))
        }
        rest(report.newIncidents.count, of: lengths.newIncidents, .list)
        out.heading(t[.overdueFollowUp])
        if report.overdueFollowUp.isEmpty { out.paragraph(t[.none], style: .role(.muted)) }
        for entry in report.overdueFollowUp {
            let facts = entry.incident.facts
            out.paragraph("! " + t.label(entry.item.kind) + " · " + t[.due] + " " + time(entry.item.due) + " · "
                          + t.label(facts.severity) + " · " + facts.unit
                          + (facts.citizenRef.map { " · " + $0 } ?? ""), style: Style(bold: true, color: .danger))
        }
        rest(report.overdueFollowUp.count, of: lengths.overdueFollowUp, .overdue)
        out.heading(t[.unacknowledgedIncidents])
        if report.unacknowledged.isEmpty { out.paragraph(t[.none], style: .role(.muted)) }
        for record in report.unacknowledged { out.paragraph(WeekScreen.incidentLine(record, context)) }
        rest(report.unacknowledged.count, of: lengths.unacknowledged, .unacknowledged)

        out.heading(t[.openActions])
        if openActions.isEmpty { out.paragraph(t[.none], style: .role(.muted)) }
        let today = zone.local(context.now).date
        for record in openActions {
            let overdue = record.isOverdue(on: today)
            out.paragraph((overdue ? "! " : "  ") + record.action.title + " · " + record.action.owner + " · "
                          + t.message(.actionDueOn(record.action.due.iso)) + " · " + record.action.unit
                          + (overdue ? " · " + t.label(FollowUpStatus.overdue).uppercased() : ""),
                          style: overdue ? Style(bold: true, color: .danger) : .plain)
        }
        out.heading(t[.supervisionSessionsHeld])
        if report.supervisionSessions.isEmpty { out.paragraph(t[.none], style: .role(.muted)) }
        for record in report.supervisionSessions {
            let session = record.session
            out.paragraph(session.date.iso + " · " + session.unit + " · " + t.label(session.form)
                          + (session.evaluation.map { " · " + t.message(.evaluationOutOf5($0)) } ?? "")
                          + (session.note.map { " · " + $0 } ?? ""))
        }
        rest(report.supervisionSessions.count, of: lengths.supervisionSessions, .export)
        out.heading(t.message(.recurringCitizens(minimumEpisodes: 3, days: 30)))
        if report.recurringCitizens.isEmpty { out.paragraph(t[.none], style: .role(.muted)) }
        for citizen in report.recurringCitizens {
            out.paragraph(citizen.unit + " · " + citizen.citizenRef + " · " + t.message(.incidentCount(citizen.episodes)))
        }
        rest(report.recurringCitizens.count, of: lengths.recurringCitizens, .export)
        return out
    }
}

extension WeekScreen: CapturesTypedKeys {
    /// While a form or the search field is open, `q`, `?` and Esc belong to it.
    public var capturesTypedKeys: Bool { dialog.isOpen }
}
