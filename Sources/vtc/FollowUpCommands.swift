import ArgumentParser
import VTCModel

enum OutcomeFlag: String, EnumerableFlag {
    case done
    case declined
    case notRelevant

    var outcome: FollowUpOutcome {
        switch self {
        case .done: .done
        case .declined: .declined
        case .notRelevant: .notRelevant
        }
    }
}

struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Record the outcome of one follow-up item of an incident.",
        discussion: """
        KIND is one of: \(FollowUpKind.allCases.map(\.rawValue).joined(separator: ", ")). \
        For amg_discussion, --on gives the meeting's date and --note its summary.

        Examples:
          vtc followup 3f2a9c defusing --done --on 2025-03-14T22:10
          vtc followup 3f2a9c psychologist_offer --declined
          vtc followup 3f2a9c easy_report --not-relevant --reason "Kun skadesdagen"
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var incident: IncidentIDArgument
    @Argument(help: ArgumentHelp("The follow-up item.", valueName: "KIND"))
    var kind: String
    @Flag(help: "The outcome: done, declined by the employee, or not relevant (needs --reason).")
    var outcome: OutcomeFlag
    @Option(help: ArgumentHelp("When it was done or decided: a date-time, or a day (default: now).", valueName: "DATETIME"))
    var on: String?
    @Option(help: ArgumentHelp("A short note.", valueName: "TEXT"))
    var note: String?
    @Option(help: ArgumentHelp("Why it is not relevant (required with --not-relevant).", valueName: "TEXT"))
    var reason: String?

    func run() throws {
        let session = try Session.open(global, view: .incidents(idPrefix: incident.id))
        let kind: FollowUpKind = try InputParsing.identifier(self.kind, option: "KIND")
        let record = try session.incident(incident.id)
        // A day alone (natural for an AMG meeting) means the start of that day.
        let when = try on.map { text throws(CLIFailure) in
            if case .success = OccurredInput.day(text, now: session.now, zone: session.zone, window: .past) {
                return session.zone.startOfDay(try InputParsing.date(text, option: "--on", now: session.now, zone: session.zone, window: .past))
            }
            return try InputParsing.dateTime(text, option: "--on", now: session.now, zone: session.zone)
        } ?? session.now
        let note = try self.note(for: outcome)
        let responsible = record.followUp(kind)?.responsible ?? session.state.policy.rule(for: kind)?.responsible ?? .leader
        let payload: EventPayload
        switch (kind, outcome) {
        case (.acknowledgement, .done):
            try session.require(.acknowledge(unit: record.facts.unit))
            payload = .acknowledged(incident: record.id, note: note)
        case (.amgDiscussion, .done):
            try session.require(.recordAMGDiscussion(unit: record.facts.unit))
            payload = .amgDiscussed(incident: record.id, date: session.zone.local(when).date, summary: note ?? "")
        default:
            try session.require(kind == .amgDiscussion ? .recordAMGDiscussion(unit: record.facts.unit)
                                : .recordFollowUp(unit: record.facts.unit, responsible: responsible))
            payload = .followUpRecorded(incident: record.id, FollowUpRecord(kind: kind, outcome: outcome.outcome, on: when, note: note))
        }
        try session.append([payload])
        Output.line(record.id.lowercasedString)
    }

    private func note(for outcome: OutcomeFlag) throws(CLIFailure) -> String? {
        if outcome == .notRelevant {
            guard let reason else { throw .invalid(.notRelevantNeedsReason) }
            if note != nil { throw .invalid(.reasonInsteadOfNote) }
            return try InputParsing.text(reason, option: "--reason", multiLine: false)
        }
        if reason != nil { throw .invalid(.reasonOnlyWithNotRelevant) }
        return try note.map { text throws(CLIFailure) in try InputParsing.text(text, option: "--note", multiLine: true) }
    }
}

struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Acknowledge that you, the leader, have read a registration.",
        discussion: """
        Examples:
          vtc ack 3f2a9c
          vtc ack 3f2a9c --note "Talt med medarbejderen"
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var incident: IncidentIDArgument
    @Option(help: ArgumentHelp("A short note.", valueName: "TEXT"))
    var note: String?

    func run() throws {
        let session = try Session.open(global, view: .incidents(idPrefix: incident.id))
        let record = try session.incident(incident.id)
        let note = try note.map { text throws(CLIFailure) in try InputParsing.text(text, option: "--note", multiLine: true) }
        try session.require(.acknowledge(unit: record.facts.unit))
        try session.append([.acknowledged(incident: record.id, note: note)])
        Output.line(record.id.lowercasedString)
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add a note to an incident.",
        discussion: """
        Example:
          vtc note 3f2a9c "LA2-planen er gennemgået med teamet."
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var incident: IncidentIDArgument
    @Argument(help: ArgumentHelp("The note.", valueName: "TEXT"))
    var text: String

    func run() throws {
        let session = try Session.open(global, view: .incidents(idPrefix: incident.id))
        let record = try session.incident(incident.id)
        let text = try InputParsing.text(text, option: "TEXT", multiLine: true)
        try session.require(.addNote(unit: record.facts.unit))
        try session.append([.noteAdded(incident: record.id, text: text)])
        Output.line(record.id.lowercasedString)
    }
}

struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a registration (it stays in the log, marked withdrawn).",
        discussion: """
        Example:
          vtc withdraw 3f2a9c --reason "Registreret to gange ved en fejl"
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var incident: IncidentIDArgument
    @Option(help: ArgumentHelp("Why it is withdrawn.", valueName: "TEXT"))
    var reason: String

    func run() throws {
        let session = try Session.open(global, view: .incidents(idPrefix: incident.id))
        let record = try session.incident(incident.id)
        let reason = try InputParsing.text(reason, option: "--reason", multiLine: false)
        try session.require(.withdraw(unit: record.facts.unit, registrant: record.registrant))
        try session.append([.withdrawn(incident: record.id, reason: reason)])
        Output.line(record.id.lowercasedString)
    }
}

struct AbsenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "absence",
        abstract: "Record or update the sick leave an episode led to.",
        discussion: """
        Example:
          vtc absence 3f2a9c --first-day 2025-03-15 --days 4
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var incident: IncidentIDArgument
    @Option(name: .customLong("first-day"), help: ArgumentHelp("The first day of absence.", valueName: "DATE"))
    var firstDay: String
    @Option(help: ArgumentHelp("Days of absence so far.", valueName: "N"))
    var days: String

    func run() throws {
        let session = try Session.open(global, view: .incidents(idPrefix: incident.id))
        let record = try session.incident(incident.id)
        let firstDay = try InputParsing.date(firstDay, option: "--first-day", now: session.now, zone: session.zone, window: .absence)
        let days = try InputParsing.count(days, option: "--days", range: 0...3650)
        try session.require(.updateAbsence(unit: record.facts.unit, registrant: record.registrant))
        try session.append([.absenceUpdated(incident: record.id, firstDay: firstDay, days: days)])
        Output.line(record.id.lowercasedString)
    }
}
