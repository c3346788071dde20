import VTCModel
import VTCCodec
/// Every string a user reads, in the user's language.
///
/// To add a string: add a case to `TextKey` (fixed text) or `Message` (text
/// with values in it); the compiler then asks for it in `TextsDanish.swift`
/// and `TextsEnglish.swift`, so no language can miss one.
public struct Texts: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private var catalog: any TextCatalog.Type {
        switch language {
        case .da: DanishTexts.self
        case .en: EnglishTexts.self
        }
    }

    public subscript(_ key: TextKey) -> String { catalog.text(key) }
    public func message(_ message: Message) -> String { catalog.message(message) }
    public func commandLine(_ text: CommandLineText) -> String { catalog.commandLine(text) }

    public func label(_ value: EpisodeKind) -> String { catalog.label(value) }
    /// The policy's wording of a severity grade, in this language.
    public func wording(_ value: SeverityWording) -> String { language == .da ? value.danish : value.english }
    public func label(_ value: Involvement) -> String { catalog.label(value) }
    public func label(_ value: Counterpart) -> String { catalog.label(value) }
    public func label(_ value: Injury) -> String { catalog.label(value) }
    public func label(_ value: FollowUpKind) -> String { catalog.label(value) }
    public func label(_ value: FollowUpStatus) -> String { catalog.label(value) }
    public func label(_ value: FollowUpOutcome) -> String { catalog.label(value) }
    public func label(_ value: Role) -> String { catalog.label(value) }
    public func label(_ value: SupervisionForm) -> String { catalog.label(value) }
    /// The short name of a severity, the same in both languages: "VTC 3".
    public func label(_ value: Severity) -> String { "VTC \(value.rawValue)" }
    public func label(_ field: RegistrationField) -> String { catalog.label(field) }
    public func help(_ field: RegistrationField) -> String { catalog.help(field) }

    /// One line of an incident's history as the user reads it: the event's name, and for a
    /// follow-up its kind and outcome (`Opfølgning registreret: Defusing – Udført`).
    public func describe(_ payload: EventPayload) -> String {
        let name = message(.eventName(payload.type))
        if case .followUpRecorded(_, let record) = payload {
            return name + ": " + label(record.kind) + " – " + label(record.outcome)
        }
        return name
    }
}

/// Fixed texts: common words for lists, weeks and statistics, banners, headings.
public enum TextKey: String, CaseIterable, Sendable {
    case appTitle
    case incident
    case incidents
    case registrant
    case followUp
    case notes
    case actions
    case supervision
    case status
    case due
    case acknowledged
    case notAcknowledged
    case withdrawn
    case noIncidents
    case all
    case search
    case period
    case since
    case until
    case sortNewestFirst
    case sortMostUrgentFirst
    case yes
    case no
    case week
    case month
    case quarter
    case halfYear
    case year
    case total
    case count
    case share
    case statistics
    case weekReport
    case newIncidents
    case openFollowUp
    case overdueFollowUp
    case unacknowledgedIncidents
    case actionsOpened
    case actionsDue
    case actionsClosed
    case supervisionSessionsHeld
    case bySeverity
    case byKind
    case byUnit
    case withAbsence
    case shareOfSeverity1
    case severity1Encouragement
    case comparedWith
    case readOnlyBanner
    // List, detail, follow-up queue, week and statistics screens (branch ui-screens):
    case columnSeverity
    case columnAcknowledged
    case allUnits
    case periodThisWeek
    case periodLast30Days
    case periodThisHalfYear
    case periodThisYear
    case filterOpen
    case filterOverdue
    case noMatchingIncidents
    case followUpComplete
    case helpOpen
    case helpSeverityFilter
    case helpClearSeverity
    case helpSort
    case helpScroll
    case helpSave
    case helpCancel
    case helpNextField
    case historySection
    case historyUnreadable
    case reason
    case noteField
    case whenField
    case outcomeField
    case actionAcknowledge
    case actionAddNote
    case actionAmend
    case actionAbsence
    case actionWithdraw
    case actionRecordFollowUp
    case chooseFollowUpItem
    case noOpenItemsForYou
    case alreadyAcknowledged
    case nothingChanged
    case timeInFuture
    case confirmWithdraw
    case actionStatusClosed
    case helpExport
    case helpSupervision
    case helpDiscussion
    case helpCloseAction
    case helpNewAction
    case helpUnacknowledged
    case confirmDiscardDraft
    case withdrawnBanner
    case followUpQueueTitle
    case queueEmpty
    case helpRecord
    case actionNewAction
    case actionCloseAction
    case actionRecordDiscussion
    case actionRecordSupervision
    case actionExport
    case weekNumbers
    case openActions
    case severityTrend
    case thisWeek
    case none
    case asOf
    case units
    case titleField
    case ownerField
    case dueDateField
    case linkedIncidentsField
    case dateField
    case summaryField
    case supervisionFormField
    case evaluationField
    case chooseAction
    case chooseIncident
    case noOpenActions
    case noIncidentsThisWeek
    case exportFilePrefix
    case noReadableUnits
    case helpPeriodLength
    case helpView
    case helpPreviousPeriod
    case helpNextPeriod
    case mostCommonSeverity
    case markdownIncidentTime

    // Terminal UI shell (branch ui-shell): frame, help, home, register form, saved screen, drafts.
    case keysHeading
    case helpKeyLabel
    case backKeyLabel
    case quitKeyLabel
    case quitKeepingDraftLabel
    case closeHelpHint
    case menuRegister
    case menuList
    case menuFollowUpQueue
    case menuWeek
    case menuStatistics
    case openKeyLabel
    case moveKeyLabel
    case myRegistrations
    case withOpenFollowUp
    case inMyUnitsAsLeader
    case amgThisWeek
    case registerTitle
    case immediateHelpHeading
    case wishesHeading
    case leaderTalkChoice
    case psychologistChoice
    case policeReportChoice
    case saveKeyLabel
    case nextFieldLabel
    case previousFieldLabel
    case toggleKeyLabel
    case chooseKeyLabel
    case cancelKeyLabel
    case notChosen
    case unsavedPrompt
    case keepDraftChoice
    case discardDraftChoice
    case continueChoice
    case draftKept
    case draftDiscarded
    case absenceDaysUnit
    case noUnitToRegister
    case savedTitle
    case savedThanks
    case followUpNowDue
    case actionCardTitle
    case actionCardPolice
    case actionCardCompensation
    case actionCardInsurance
    case toMenuLabel
    case scrollKeyLabel
    case draftsTitle
    case resumeKeyLabel
    case discardKeyLabel
    case laterKeyLabel
    case draftWithoutDescription
    case occurredExamples
    case dayExamples
}

/// Where a person sees the whole of a list the week screen shows the first page of.
public enum WeekListRest: Sendable {
    /// The list screen (new incidents).
    case list
    /// The follow-up queue, and the list filtered on overdue follow-up.
    case overdue
    /// The list filtered on unacknowledged incidents.
    case unacknowledged
    /// The week's export only.
    case export
}

/// Texts with values in them: validation messages, refusals, names of periods.
public enum Message: Equatable, Sendable {
    case input(InputRules.Problem)
    case severityOutOfRange(Int)
    case refused(AccessRefusal)
    case rosterProblem(RosterFile.Problem)
    case singleUserBanner(unit: String)
    case week(ISOWeek)
    case invalidWeek(String)
    case weekday(Int)
    case period(StatisticsPeriod)
    case incidentCount(Int)
    case overdueByDays(Int)
    case recurringCitizens(minimumEpisodes: Int, days: Int)
    // List, detail, follow-up queue, week and statistics screens (branch ui-screens):
    case countOf(shown: Int, total: Int)
    case overdueItems(Int)
    case openItems(Int)
    case invalidTime(String)
    case invalidDate(String)
    case invalidDays(String)
    case invalidIncidentNumbers(String)
    /// What an event did, for an incident's history.
    case eventName(EventType)
    case percent(Int)
    case weekTrendLine(total: Int, thisWeek: Int)
    case actionDueOn(String)
    case evaluationOutOf5(Int)
    /// How many entries of a week list the week screen leaves out, and where they all are.
    case weekListMore(Int, WeekListRest)

    // Terminal UI shell (branch ui-shell): frame, home, register form, saved screen, drafts.
    case windowTooSmall(width: Int, height: Int)
    case draftsWaiting(Int)
    case timeInput(RegistrationField, OccurredInput.Problem)
    case chooseOne(RegistrationField)
    case notANumberOfDays(String)
    case absenceIncomplete
    case notSaved(String)
    case exported(path: String)
    case logReadFailed(String)
    case contactLeaders([String])
    case dueBy(Timestamp)
    case dateTime(Timestamp)
    case noOptionForLetter(String)
    /// What a save wrote, in words, for the status line: `Recorded: Debriefing – Done`.
    case saved(EventPayload)
    /// A day with its weekday, as a form shows the day it understood: `onsdag 26.11.2025`.
    case longDate(CalendarDate)
    /// Date and time without the weekday, for the title bar.
    case shortDateTime(Timestamp)
}

/// What each language provides; one exhaustive `switch` per function.
protocol TextCatalog {
    static func text(_ key: TextKey) -> String
    static func message(_ message: Message) -> String
    static func commandLine(_ text: CommandLineText) -> String
    static func label(_ value: EpisodeKind) -> String
    static func label(_ value: Involvement) -> String
    static func label(_ value: Counterpart) -> String
    static func label(_ value: Injury) -> String
    static func label(_ value: FollowUpKind) -> String
    static func label(_ value: FollowUpStatus) -> String
    static func label(_ value: FollowUpOutcome) -> String
    static func label(_ value: Role) -> String
    static func label(_ value: SupervisionForm) -> String
    static func label(_ field: RegistrationField) -> String
    static func help(_ field: RegistrationField) -> String
}

extension InputRules.Problem {
    var field: String {
        switch self {
        case .controlCharacter(let field, _), .invisibleCharacter(let field, _), .lineBreakInSingleLine(let field), .cprNumber(let field),
             .empty(let field), .tooLong(let field, _):
            field
        }
    }
}

extension TextCatalog {
    /// A field named in a problem: its label when it is a registration field.
    static func fieldName(_ name: String) -> String {
        RegistrationField(rawValue: name).map { label($0) } ?? name
    }
}
