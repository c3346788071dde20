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
        case .controlCharacter(let field, _), .lineBreakInSingleLine(let field), .cprNumber(let field),
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

/// `U+0007`: how a refused character is named, the same in every language.
func unicodeName(_ scalar: UInt32) -> String {
    let hex = String(scalar, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
