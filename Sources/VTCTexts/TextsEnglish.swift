import VTCModel
import VTCCodec
/// English, for every locale that is not Danish.
enum EnglishTexts: TextCatalog {
    static func text(_ key: TextKey) -> String {
        switch key {
        case .appTitle: "VTC – violence, threats and harassment"
        case .incident: "Registration"
        case .incidents: "Registrations"
        case .registrant: "Registered by"
        case .followUp: "Follow-up"
        case .notes: "Notes"
        case .actions: "Actions"
        case .supervision: "Supervision"
        case .status: "Status"
        case .due: "Due"
        case .acknowledged: "Acknowledged"
        case .notAcknowledged: "Not acknowledged"
        case .withdrawn: "Withdrawn"
        case .noIncidents: "No registrations"
        case .all: "All"
        case .search: "Search"
        case .period: "Period"
        case .since: "From"
        case .until: "To"
        case .sortNewestFirst: "Newest first"
        case .sortMostUrgentFirst: "Most urgent first"
        case .yes: "Yes"
        case .no: "No"
        case .week: "Week"
        case .month: "Month"
        case .quarter: "Quarter"
        case .halfYear: "Half-year"
        case .year: "Year"
        case .total: "Total"
        case .count: "Count"
        case .share: "Share"
        case .statistics: "Statistics"
        case .weekReport: "AMG week overview"
        case .newIncidents: "New registrations"
        case .openFollowUp: "Open follow-up"
        case .overdueFollowUp: "Overdue follow-up"
        case .unacknowledgedIncidents: "Registrations not yet acknowledged by the leader"
        case .actionsOpened: "New actions"
        case .actionsDue: "Actions due this week"
        case .actionsClosed: "Closed actions"
        case .supervisionSessionsHeld: "Supervision held"
        case .bySeverity: "By severity"
        case .byKind: "By kind"
        case .byUnit: "By unit"
        case .withAbsence: "With absence"
        case .shareOfSeverity1: "Share of VTC 1 (minor episodes)"
        case .severity1Encouragement: "Many registrations of minor episodes are a sign of a healthy registration culture."
        case .comparedWith: "compared with"
        case .readOnlyBanner: "Read only: you can look, but not change anything."
        // List, detail, follow-up queue, week and statistics screens (branch ui-screens):
        case .columnSeverity: "Sev."
        case .columnAcknowledged: "Ack'd"
        case .allUnits: "All units"
        case .periodThisWeek: "This week"
        case .periodLast30Days: "Last 30 days"
        case .periodThisHalfYear: "This half-year"
        case .periodThisYear: "This year"
        case .filterOpen: "Open"
        case .filterOverdue: "Overdue"
        case .noMatchingIncidents: "No incidents match the filters."
        case .followUpComplete: "Complete"
        case .helpOpen: "Open"
        case .helpSeverityFilter: "Severity"
        case .helpClearSeverity: "All grades"
        case .helpSort: "Sort"
        case .helpScroll: "Scroll"
        case .helpSave: "Save"
        case .helpCancel: "Cancel"
        case .helpNextField: "Next field"
        case .historySection: "History"
        case .historyUnreadable: "The history could not be read back from the log; run vtc verify"
        case .reason: "Reason"
        case .noteField: "Note"
        case .whenField: "When"
        case .outcomeField: "Outcome"
        case .actionAcknowledge: "Acknowledge"
        case .actionAddNote: "Add note"
        case .actionAmend: "Amend"
        case .actionAbsence: "Absence"
        case .actionWithdraw: "Withdraw"
        case .actionRecordFollowUp: "Record follow-up"
        case .chooseFollowUpItem: "Choose the follow-up item"
        case .noOpenItemsForYou: "There is no open follow-up you can record."
        case .alreadyAcknowledged: "The registration is already acknowledged."
        case .nothingChanged: "Nothing was changed."
        case .timeInFuture: "The time lies in the future."
        case .confirmWithdraw: "Press Enter again to withdraw the registration – Esc cancels."
        case .actionStatusClosed: "Closed"
        case .helpExport: "Export"
        case .helpSupervision: "Supervision"
        case .helpDiscussion: "Discuss"
        case .helpCloseAction: "Close"
        case .helpNewAction: "Action"
        case .helpUnacknowledged: "Unacked"
        case .confirmDiscardDraft: "Discard this draft? Press d again to discard; any other key keeps it."
        case .withdrawnBanner: "WITHDRAWN"
        case .followUpQueueTitle: "My follow-up"
        case .queueEmpty: "No open follow-up – everything is followed up."
        case .helpRecord: "Record"
        case .actionNewAction: "New action"
        case .actionCloseAction: "Close action"
        case .actionRecordDiscussion: "AMG discussion"
        case .actionRecordSupervision: "New supervision"
        case .actionExport: "Export"
        case .weekNumbers: "The week in numbers"
        case .openActions: "Open actions"
        case .severityTrend: "Trend over the last 12 weeks"
        case .thisWeek: "this week"
        case .none: "None"
        case .asOf: "As of"
        case .units: "Units"
        case .titleField: "Title"
        case .ownerField: "Owner"
        case .dueDateField: "Due date"
        case .linkedIncidentsField: "Incidents (numbers)"
        case .dateField: "Date"
        case .summaryField: "Summary"
        case .supervisionFormField: "Kind of supervision"
        case .evaluationField: "Benefit 1–5"
        case .chooseAction: "Choose the action"
        case .chooseIncident: "Choose the incident"
        case .noOpenActions: "There are no open actions."
        case .noIncidentsThisWeek: "The week has no new incidents."
        case .exportFilePrefix: "week"
        case .noReadableUnits: "No role of yours gives access to the units' figures."
        case .helpPeriodLength: "Period length"
        case .helpView: "View"
        case .helpPreviousPeriod: "Previous period"
        case .helpNextPeriod: "Next period"
        case .mostCommonSeverity: "Most common severity"
        case .markdownIncidentTime: "Time of the episode"
        // Terminal UI shell (branch ui-shell).
        case .keysHeading: "Keys"
        case .helpKeyLabel: "Help"
        case .backKeyLabel: "Back"
        case .quitKeyLabel: "Quit"
        case .quitKeepingDraftLabel: "Quit at once (the draft is kept)"
        case .closeHelpHint: "Press any key to close."
        case .menuRegister: "Register an episode"
        case .menuList: "Browse registrations"
        case .menuFollowUpQueue: "Follow-up queue"
        case .menuWeek: "AMG week"
        case .menuStatistics: "Statistics"
        case .openKeyLabel: "Open"
        case .moveKeyLabel: "Move"
        case .myRegistrations: "My registrations"
        case .withOpenFollowUp: "of these with open follow-up"
        case .inMyUnitsAsLeader: "In my units (leader)"
        case .amgThisWeek: "AMG this week"
        case .registerTitle: "New registration"
        case .immediateHelpHeading: "Help given"
        case .wishesHeading: "Wishes"
        case .leaderTalkChoice: "A talk with my leader"
        case .psychologistChoice: "A talk with a psychologist"
        case .policeReportChoice: "Police report (wanted or made)"
        case .saveKeyLabel: "Save"
        case .nextFieldLabel: "Next field"
        case .previousFieldLabel: "Previous field"
        case .toggleKeyLabel: "Tick or untick"
        case .chooseKeyLabel: "Choose"
        case .cancelKeyLabel: "Close"
        case .notChosen: "(choose)"
        case .unsavedPrompt: "The registration is not saved yet. What would you like to do?"
        case .keepDraftChoice: "Keep as a draft and close"
        case .discardDraftChoice: "Discard it and close"
        case .continueChoice: "Continue writing"
        case .draftKept: "The draft is kept. You can continue it the next time you open vtc."
        case .draftDiscarded: "The draft is discarded."
        case .absenceDaysUnit: "days"
        case .noUnitToRegister: "You have no unit to register in."
        case .savedTitle: "Registration saved"
        case .savedThanks: "Thank you. Your registration is saved, and your leader can now see it."
        case .followUpNowDue: "Follow-up now due"
        case .actionCardTitle: "What you should know"
        case .actionCardPolice: "Police report: management decides whether the workplace reports the episode – but you may always report it to the police yourself."
        case .actionCardCompensation: "Crime-victim compensation: usually needs a police report within 72 hours; there are exceptions for care staff."
        case .actionCardInsurance: "Work accident and insurance: if the episode leads to absence, it is reported as a work accident (EASY) within 14 days of the first day of absence. Talk to your leader about the report and about insurance."
        case .toMenuLabel: "To the menu"
        case .scrollKeyLabel: "Scroll"
        case .draftsTitle: "Drafts"
        case .resumeKeyLabel: "Resume"
        case .discardKeyLabel: "Discard"
        case .laterKeyLabel: "Later"
        case .draftWithoutDescription: "(no description yet)"
        case .occurredExamples: "Write e.g. 14:30, yesterday 22:00, 22.11 14:30 or 2026-11-22 14:30."
        case .dayExamples: "Write e.g. today, yesterday, tomorrow, 22.11 or 2026-11-22."
        }
    }

    static func message(_ message: Message) -> String {
        switch message {
        case .input(let problem):
            return "\(fieldName(problem.field)): " + inputReason(problem)
        case .severityOutOfRange(let given):
            return "Severity must be a whole number from 1 to 5 (got \(given))."
        case .refused(.needsRole(let role, let unit?)):
            return "This needs the \(roleInText(role)) role for unit “\(unit)”."
        case .refused(.needsRole(let role, nil)):
            return "This needs the \(roleInText(role)) role."
        case .refused(.onlyRegistrant):
            return "Only the person who registered the episode can do this."
        case .rosterProblem(let problem):
            return "roster.json, \(problem.path): " + rosterProblem(problem.kind)
        case .singleUserBanner(let unit):
            return "Single-user mode: there is no roster.json, so you have every role in unit “\(unit)”."
        case .week(let week):
            return "Week \(week.week), \(week.year)"
        case .invalidWeek(let text):
            return "“\(text)” is not a valid week; write it like 2026-W05."
        case .weekday(let day):
            return ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][(day - 1 + 7) % 7]
        case .period(let period):
            switch period.granularity {
            case .month:
                let names = ["January", "February", "March", "April", "May", "June",
                             "July", "August", "September", "October", "November", "December"]
                return "\(names[period.index - 1]) \(period.year)"
            case .quarter: return "Q\(period.index) \(period.year)"
            case .halfYear: return "H\(period.index) \(period.year)"
            case .year: return "\(period.year)"
            }
        case .incidentCount(let count):
            return count == 1 ? "1 registration" : "\(count) registrations"
        case .overdueByDays(let days):
            return days < 1 ? "overdue" : days == 1 ? "1 day overdue" : "\(days) days overdue"
        case .recurringCitizens(let minimum, let days):
            return "Citizen references in \(minimum) or more episodes in the last \(days) days"
        // List, detail, follow-up queue, week and statistics screens (branch ui-screens):
        case .countOf(let shown, let total):
            return "\(shown) of \(total)"
        case .overdueItems(let count):
            return "! \(count) overdue"
        case .openItems(let count):
            return "\(count) open"
        case .invalidTime(let text):
            return "“\(text)” is not a valid time; write it like 14:05, yesterday 22:10, 20.11 14:05 or 2026-11-20 14:05."
        case .invalidDate(let text):
            return "“\(text)” is not a valid date; write it like today, 20.11 or 2026-11-20."
        case .invalidDays(let text):
            return "Days of absence must be a whole number from 0 up (got “\(text)”)."
        case .invalidIncidentNumbers(let text):
            return "“\(text)” are not numbers from the list of the week's new incidents (e.g. 1 3)."
        case .eventName(let type):
            switch type {
            case .registered: return "Registered"
            case .amended: return "Amended"
            case .followUpRecorded: return "Follow-up recorded"
            case .acknowledged: return "Acknowledged"
            case .noteAdded: return "Note added"
            case .absenceUpdated: return "Absence updated"
            case .amgDiscussed: return "Discussed by the AMG"
            case .actionOpened: return "Action opened"
            case .actionClosed: return "Action closed"
            case .supervisionHeld: return "Supervision held"
            case .withdrawn: return "Withdrawn"
            }
        case .percent(let value):
            return "\(value)%"
        case .weekTrendLine(let total, let thisWeek):
            return "\(total) in all, \(thisWeek) this week"
        case .actionDueOn(let date):
            return "due \(date)"
        case .evaluationOutOf5(let value):
            return "benefit \(value)/5"
        case .weekListMore(let count, let rest):
            switch rest {
            case .list: return "… and \(count) more: the list (l on the home screen) and the export (x) hold them all."
            case .overdue:
                return "… and \(count) more: the follow-up queue (f on the home screen), the list filtered on “Overdue” (d) and the export (x) hold them all."
            case .unacknowledged: return "… and \(count) more: the list filtered on “Unacked” (k) and the export (x) hold them all."
            case .export: return "… and \(count) more in the export (x)."
            }
        // Terminal UI shell (branch ui-shell).
        case .windowTooSmall(let width, let height):
            return "Please enlarge the window: vtc needs at least 80×24 characters, and has only \(width)×\(height)."
        case .draftsWaiting(let count):
            return count == 1
                ? "You have 1 registration that was not saved. Would you like to continue it?"
                : "You have \(count) registrations that were not saved. Would you like to continue one of them?"
        case .timeInput(let field, let problem):
            let name = label(field)
            let examples = field == .occurredAt ? text(.occurredExamples) : text(.dayExamples)
            switch problem {
            case .unrecognised(let typed):
                return typed.isEmpty ? "\(name): is required. \(examples)" : "\(name): “\(typed)” cannot be read as a \(field == .occurredAt ? "time" : "date"). \(examples)"
            case .noSuchDate(let typed):
                return "\(name): there is no date “\(typed)”."
            case .inTheFuture(let moment):
                return "\(name): \(localReading(moment)) is in the future; an episode can only be registered once it has happened."
            }
        case .chooseOne(let field):
            return "\(label(field)): choose one of the options (the arrows or the first letter)."
        case .notANumberOfDays(let typed):
            return "\(label(.absenceDays)): “\(typed)” is not a number of days; write a whole number from 0 to 365."
        case .absenceIncomplete:
            return "Absence: give both the first day of absence and the number of days – or leave both empty."
        case .notSaved(let reason):
            return "Not saved: \(reason)"
        case .exported(let path):
            return "Written to \(path)"
        case .logReadFailed(let reason):
            return "Cannot read new registrations: \(reason)"
        case .contactLeaders(let names):
            return names.isEmpty
                ? "Contact: talk to your leader about the episode and the help you need."
                : "Contact: your leader (\(names.joined(separator: ", "))) – about the episode and the help you need."
        case .dueBy(let moment):
            return "by \(localReading(moment))"
        case .dateTime(let moment):
            return "\(Self.message(.weekday(moment.local.date.isoWeekday))) \(localReading(moment))"
        case .noOptionForLetter(let letter):
            return "No option has the letter “\(letter)”; the letters are shown in [ ] or underlined."
        case .saved(let payload):
            switch payload {
            case .registered: return "The registration is saved."
            case .amended(_, let changes): return changes.count == 1 ? "Amended: 1 field." : "Amended: \(changes.count) fields."
            case .followUpRecorded(_, let record): return "Recorded: \(label(record.kind)) – \(label(record.outcome))."
            case .acknowledged: return "Acknowledged: the registration is read."
            case .noteAdded: return "The note is saved."
            case .absenceUpdated(_, let firstDay, let days):
                return "Absence saved: \(days) days from \(Self.message(.longDate(firstDay)))."
            case .amgDiscussed(_, let date, _): return "The AMG discussion is saved (\(Self.message(.longDate(date))))."
            case .actionOpened(let action): return "Action opened: \(action.title), due \(Self.message(.longDate(action.due)))."
            case .actionClosed: return "The action is closed."
            case .supervisionHeld(let session): return "Supervision session saved (\(Self.message(.longDate(session.date))))."
            case .withdrawn: return "The registration is withdrawn."
            }
        case .longDate(let date):
            return "\(Self.message(.weekday(date.isoWeekday))) \(date.iso)"
        case .shortDateTime(let moment):
            return localReading(moment)
        }
    }

    static func inputReason(_ problem: InputRules.Problem) -> String { problem.reason }

    /// `2026-11-22 14:30`, at the moment's written offset.
    private static func localReading(_ moment: Timestamp) -> String {
        let local = moment.local
        return "\(local.date.iso) \(pad2(local.hour)):\(pad2(local.minute))"
    }

    private static func roleInText(_ role: Role) -> String {
        switch role {
        case .staff: "staff"
        case .leader: "leader"
        case .amg: "AMG"
        case .coordinator: "coordinator"
        case .admin: "admin"
        }
    }

    private static func rosterProblem(_ kind: RosterFile.Problem.Kind) -> String {
        switch kind {
        case .invalidJSON(let reason): "is not valid JSON (\(reason))."
        case .expected(.object): "must be an object { … }."
        case .expected(.array): "must be a list [ … ]."
        case .expected(.string): "must be a text in quotes."
        case .expected(.unitList): "must be a list of units, or \"*\" for every unit."
        case .missingField(let name): "the field \"\(name)\" is missing."
        case .unknownField(let name): "unknown field \"\(name)\"."
        case .duplicateField(let name): "the field \"\(name)\" appears more than once."
        case .unknownRole(let name):
            "unknown role \"\(name)\"; the roles are \(Role.allCases.map(\.rawValue).joined(separator: ", "))."
        case .unknownUnit(let unit): "the unit “\(unit)” is not in the list \"units\"."
        case .duplicateUnit(let unit): "the unit “\(unit)” is listed already."
        case .duplicateShortName(let short): "the short name “\(short)” is another unit's already."
        case .reservedUnitName(let unit): "“\(unit)” cannot be used as the name of a unit."
        case .emptyUnit: "the unit's name is empty."
        case .emptyUserID: "the user id is empty."
        case .duplicateUser(let user, let firstAt): "the user “\(user)” is listed already at \(firstAt)."
        case .noRoles: "the user has no roles."
        case .invalidText(let problem): inputReason(problem)
        }
    }

    static func label(_ value: EpisodeKind) -> String {
        switch value {
        case .physicalViolence: "Physical violence"
        case .threat: "Threat"
        case .harassment: "Harassment"
        case .sexualHarassment: "Sexual harassment"
        case .propertyDamage: "Property damage"
        case .other: "Other"
        }
    }

    static func label(_ value: Involvement) -> String {
        switch value {
        case .direct: "Directly exposed"
        case .witness: "Witness"
        }
    }

    static func label(_ value: Counterpart) -> String {
        switch value {
        case .citizen: "Citizen"
        case .relative: "Relative"
        case .colleague: "Colleague"
        case .other: "Someone else"
        }
    }

    static func label(_ value: Injury) -> String {
        switch value {
        case .none: "No injury"
        case .physical: "Physical injury"
        case .psychological: "Psychological injury"
        case .both: "Physical and psychological injury"
        }
    }

    static func label(_ value: FollowUpKind) -> String {
        switch value {
        case .acknowledgement: "Leader has read and acknowledged"
        case .defusingOffer: "Offer of peer defusing"
        case .defusing: "Peer defusing held"
        case .debriefing: "Debriefing"
        case .supervisionOffer: "Offer of supervision"
        case .psychologistOffer: "Offer of psychologist"
        case .policeReportDecision: "Decision on police report"
        case .sickLeaveContact: "Contact during sick leave"
        case .easyReport: "Work-accident report (EASY)"
        case .deepAnalysis: "Deep analysis"
        case .amgDiscussion: "Discussed by the AMG"
        }
    }

    static func label(_ value: FollowUpStatus) -> String {
        switch value {
        case .open: "Open"
        case .overdue: "Overdue"
        case .done: "Done"
        case .declined: "Declined"
        case .notRelevant: "Not relevant"
        }
    }

    static func label(_ value: FollowUpOutcome) -> String {
        switch value {
        case .done: "Done"
        case .declined: "Declined by the employee"
        case .notRelevant: "Not relevant"
        }
    }

    static func label(_ value: Role) -> String {
        switch value {
        case .staff: "Staff"
        case .leader: "Leader"
        case .amg: "AMG"
        case .coordinator: "Coordinator"
        case .admin: "Administrator"
        }
    }

    static func label(_ value: SupervisionForm) -> String {
        switch value {
        case .individual: "Individual supervision"
        case .group: "Group supervision"
        }
    }

    static func label(_ field: RegistrationField) -> String {
        switch field {
        case .occurredAt: "Time"
        case .unit: "Unit"
        case .location: "Place"
        case .kind: "Kind"
        case .severity: "Severity"
        case .involvement: "Involvement"
        case .counterpart: "Counterpart"
        case .citizenRef: "Citizen reference"
        case .injury: "Injury"
        case .firstAbsenceDay: "First day of absence"
        case .absenceDays: "Days of absence"
        case .description: "Description"
        case .firstAid: "Psychological first aid"
        case .defusingHeld: "Defusing held"
        case .wantsLeaderTalk: "Wants a talk with the leader"
        case .wantsPsychologist: "Wants a psychologist"
        case .policeReport: "Reported to the police"
        }
    }

    static func help(_ field: RegistrationField) -> String {
        switch field {
        case .occurredAt: "When did the episode happen? Date and time."
        case .unit: "The unit where the episode happened."
        case .location: "Where in the unit, e.g. the common room or the citizen's home. May be left out."
        case .kind: "What happened? Choose the kind that fits best."
        case .severity: "How hard did the episode hit you? 1 is the mildest, 5 the most serious. Register the small episodes too."
        case .involvement: "Were you exposed yourself, or a witness? Witnesses may register too."
        case .counterpart: "Who did it come from?"
        case .citizenRef: "Use the unit's local resident code – never the citizen's name or CPR number. May be left out."
        case .injury: "Did you get a physical or psychological injury?"
        case .firstAbsenceDay: "Your first day of absence because of the episode. Leave out if you have not been absent."
        case .absenceDays: "How many days of absence so far."
        case .description: "Describe briefly what happened. Do not write names or CPR numbers."
        case .firstAid: "Did a colleague or leader give you psychological first aid right away?"
        case .defusingHeld: "Has peer defusing already been held during the shift?"
        case .wantsLeaderTalk: "Mark if you would like to talk with your leader about the episode."
        case .wantsPsychologist: "Mark if you want an offer of talks with a psychologist. You can also ask later."
        case .policeReport: "Has the episode been reported to the police? You always have the right to report it yourself."
        }
    }
}
