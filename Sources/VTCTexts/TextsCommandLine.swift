import VTCModel
/// The command line's own texts: headings and column names of its tables,
/// and its one-line error messages. Values from the command line (option
/// names, what was typed) are passed in as given.
public enum CommandLineText: Equatable, Sendable {
    // Headings, column names and notices
    case history
    case recorded
    case recurringCitizens
    case severityTrend
    case noneListed
    case rosterFile(path: String)
    case noRosterFile(path: String)
    case checkpoint(String?)
    case logHead(String)
    case noHeadsInWitness(path: String)
    case logDamagedShowingBefore(line: Int, kind: String)
    case demoWritten(incidents: Int, events: Int, users: Int, folder: String)
    case createdDataFolder(path: String)
    /// What `vtc` understood when the user left out a year, a day or a time.
    case understood(option: String, typed: String, as: String)
    case column(CommandLineColumn)

    // Input that cannot be used
    case invalidDateTime(option: String, value: String)
    case invalidDate(option: String, value: String)
    case notOneOf(option: String, allowed: [String], value: String)
    case severityNotInRange(option: String, value: String)
    case severityRangeDownward(String)
    case numberNotInRange(option: String, range: ClosedRange<Int>, value: String)
    case text(option: String, InputRules.Problem)
    case inFuture(option: String, value: String)
    case absenceDaysNeedFirstDay(days: Int)
    case firstDayNeedsAbsenceDays
    case bothDescriptionOptions
    case jsonWithFieldOptions
    case jsonInvalid(detail: String)
    case jsonNotAnObject
    case jsonUnknownKey(String, known: [String])
    case jsonRepeatedKey(String)
    case jsonNotAScalar(key: String)
    case jsonBadValue(RegistrationField, value: String)
    case jsonMissing([String])
    case kindRequired(allowed: [String])
    case severityRequired
    case descriptionRequired
    case unitRequired(yours: [String])
    case unknownUnit(String, known: [String])
    case nothingToAmend
    case nothingChanges
    case notRelevantNeedsReason
    case reasonInsteadOfNote
    case reasonOnlyWithNotRelevant
    case invalidSeed(String)

    // Ids
    case idTooShort(IDKind, typed: String, minimum: Int)
    case idNotFound(IDKind, typed: String)
    case idAmbiguous(IDKind, typed: String, matches: Int)

    // Files, users and the log
    case notInRoster(user: String, rosterPath: String)
    case fileProblems(path: String, problems: [String])
    case cannotRead(path: String)
    case notUTF8(option: String, source: String)
    case cannotWrite(path: String, reason: String)
    case noUserName(uid: UInt32)
    case noLog(path: String)
    case noDataFolder(path: String)
    case verifyFoundProblems(Int)
    case demoFolderHasRoster(folder: String, rosterPath: String)
    case demoFolderHasLog(folder: String, events: Int)
    /// Embedded mode on a folder that others own or may write: that needs `vtc serve`.
    case sharedFolderNeedsServer(path: String)

    public enum IDKind: Sendable, Equatable {
        case incident
        case action
    }
}

/// Column names of the command line's tables.
public enum CommandLineColumn: Sendable, Equatable {
    case id, occurred, unit, kind, citizen, acknowledged, open, overdue
    case action, owner, due, status, date, form, incidents, evaluation, note
    case user, name, roles, period, withAbsence
}
