import ArgumentParser
import Foundation
import VTCModel

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register an episode; prints the new incident's id.",
        discussion: """
        Exits 0 only once the registration is durable in the log.

        With --json, the object has the keys of the registered event's data (docs/cli.md): occurred_at, \
        unit, location, kind, severity, involvement, counterpart, citizen_ref, injury, first_absence_day, \
        absence_days, description, first_aid, defusing_held, wants_leader_talk, wants_psychologist, \
        police_report. Only unit, kind, severity and description are required; the others take the same \
        defaults as the options.

        Examples:
          vtc register --kind threat --severity 2 --description "Truede med slag."
          vtc register --unit Skovbrynet --kind physical_violence --severity 4 \\
            --occurred 2025-03-14T21:30 --citizen-ref S-007 --injury physical \\
            --first-absence-day 2025-03-15 --absence-days 2 --description-file -
          vtc register --json - < registrering.json
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var fields: RegistrationOptions
    @Option(help: ArgumentHelp("Read one registration as a JSON object from a file (\"-\" for stdin).", valueName: "FILE"))
    var json: String?

    func run() throws {
        // A new registration needs the roster and policy, none of the incidents.
        let session = try Session.open(global, creatingFolder: true, view: .nothing)
        let registration = try registration(session)
        _ = try session.knownUnit(registration.unit)
        try RegistrationCheck.check(registration, now: session.now)
        try session.require(.register(unit: registration.unit))
        let id = UUID()
        try session.append([.registered(incident: id, registration)])
        Output.line(id.lowercasedString)
    }

    private func registration(_ session: Session) throws(CLIFailure) -> Registration {
        if let json {
            guard fields.isEmpty else { throw .invalid(.jsonWithFieldOptions) }
            return try RegistrationJSON.parse(try InputFiles.bytes(json, option: "--json"), now: session.now)
        }
        if fields.kind == nil { throw .invalid(.kindRequired(allowed: EpisodeKind.allCases.map(\.rawValue))) }
        if fields.severity == nil { throw .invalid(.severityRequired) }
        if fields.description == nil, fields.descriptionFile == nil { throw .invalid(.descriptionRequired) }
        let ownUnits = session.units(withAnyOf: Role.allCases)
        if fields.unit == nil, ownUnits.count != 1 {
            throw .invalid(.unitRequired(yours: ownUnits))
        }
        let base = Registration(occurredAt: session.now, unit: ownUnits.first ?? "", kind: .other,
                                severity: Severity.all[0], description: "")
        return try fields.apply(to: base, now: session.now, zone: session.zone) { path throws(CLIFailure) in
            try InputFiles.text(path, option: "--description-file")
        }
    }
}

struct AmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Change fields of your own registration; only the options given change.",
        discussion: """
        Writes an amended event with the old and new value of each changed field. Only the registrant may \
        amend a registration.

        Examples:
          vtc amend 3f2a9c --severity 3 --injury psychological
          vtc amend 3f2a9c --no-wants-leader-talk --location køkkenet
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var incident: IncidentIDArgument
    @OptionGroup var fields: RegistrationOptions

    func run() throws {
        let session = try Session.open(global, view: .incidents(idPrefix: incident.id))
        let record = try session.incident(incident.id)
        guard !fields.isEmpty else { throw CLIFailure.invalid(.nothingToAmend) }
        let amended = try fields.apply(to: record.facts, now: session.now, zone: session.zone) { path throws(CLIFailure) in
            try InputFiles.text(path, option: "--description-file")
        }
        try RegistrationCheck.check(amended, now: session.now)
        try session.require(.amend(unit: record.facts.unit, registrant: record.registrant))
        if amended.unit != record.facts.unit { try session.require(.register(unit: try session.knownUnit(amended.unit))) }
        let changes = record.facts.changes(to: amended)
        guard !changes.isEmpty else { throw CLIFailure.invalid(.nothingChanges) }
        try session.append([.amended(incident: record.id, changes: changes)])
        Output.line(record.id.lowercasedString)
    }
}
