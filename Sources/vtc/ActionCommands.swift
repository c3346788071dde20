import ArgumentParser
import Foundation
import VTCModel

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Preventive actions (tiltag): open, close and list them.",
        subcommands: [Open.self, Close.self, List.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a preventive action; prints its id.",
            discussion: """
            Example:
              vtc action open --title "Opdatere LA2-plan for B-014" --owner lis \\
                --due 2025-04-30 --incident 3f2a9c
            """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("What is to be done.", valueName: "TEXT")) var title: String
        @Option(help: ArgumentHelp("Who sees to it (a user id).", valueName: "USER")) var owner: String
        @Option(help: ArgumentHelp("When it is due.", valueName: "DATE")) var due: String
        @Option(help: ArgumentHelp("The unit (default: the unit of the first --incident, or your only unit).", valueName: "UNIT"))
        var unit: String?
        @Option(name: .customLong("incident"), help: ArgumentHelp("An incident the action answers (repeatable).", valueName: "ID"))
        var incidents: [String] = []

        func run() throws {
            let session = try Session.open(global, creatingFolder: true)
            let title = try InputParsing.text(title, option: "--title", multiLine: false)
            let owner = try InputParsing.text(owner, option: "--owner", multiLine: false)
            let due = try InputParsing.date(due, option: "--due", now: session.now, zone: session.zone, window: .due)
            var records: [IncidentRecord] = []
            for typed in incidents { records.append(try session.incident(typed)) }
            let unit = try unit.map { text throws(CLIFailure) in try session.knownUnit(text) }
                ?? records.first?.facts.unit ?? session.onlyUnit(for: .amg)
            try session.require(.manageActions(unit: unit))
            let action = PreventiveAction(unit: unit, title: title, owner: owner, due: due, incidents: records.map(\.id))
            try session.append([.actionOpened(action)])
            Output.line(action.id.lowercasedString)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a preventive action that is done.",
            discussion: """
            Example:
              vtc action close 9d41c0 --note "Gennemført og evalueret"
            """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The action's id, or a unique prefix of at least 6 characters.", valueName: "ID"))
        var id: String
        @Option(help: ArgumentHelp("A short note.", valueName: "TEXT")) var note: String?

        func run() throws {
            let session = try Session.open(global)
            let record = try session.action(id)
            let note = try note.map { text throws(CLIFailure) in try InputParsing.text(text, option: "--note", multiLine: true) }
            try session.require(.manageActions(unit: record.action.unit))
            try session.append([.actionClosed(action: record.action.id, note: note)])
            Output.line(record.action.id.lowercasedString)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the preventive actions of the units you may read.",
            discussion: """
            Examples:
              vtc action list --open
              vtc action list --unit Skovbrynet --format json
            """)

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only actions not yet closed.") var open = false
        @Option(help: ArgumentHelp("Only this unit's actions.", valueName: "UNIT")) var unit: String?
        @Option(help: ArgumentHelp("table, csv or json.", valueName: "FORMAT")) var format = "table"
        @OptionGroup var asOf: AsOfOption

        func run() throws {
            let session = try Session.open(global)
            if let unit { _ = try session.knownUnit(unit) }
            let format: ListingFormat = try InputParsing.identifier(format, option: "--format")
            let today = session.zone.local(try session.reportTime(asOf)).date
            let actions = session.state.actionOrder.compactMap { session.state.actions[$0] }.filter { record in
                session.may(.readUnit(unit: record.action.unit)) && (unit == nil || record.action.unit == unit)
                    && (!open || !record.isClosed)
            }
            Listing.actions(actions, today: today, format: format, texts: session.texts)
        }
    }
}

struct SupervisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervision",
        abstract: "Supervision sessions: record one, or list them.",
        subcommands: [Record.self, List.self])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a supervision session; prints its id.",
            discussion: """
            Example:
              vtc supervision record --unit Skovbrynet --date 2025-03-20 --form group \\
                --evaluation 4 --incident 3f2a9c --note "Fokus på grænsesætning"
            """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The unit.", valueName: "UNIT")) var unit: String?
        @Option(help: ArgumentHelp("The day it was held.", valueName: "DATE")) var date: String
        @Option(help: ArgumentHelp("individual or group.", valueName: "FORM")) var form: String
        @Option(name: .customLong("incident"), help: ArgumentHelp("An incident taken up (repeatable).", valueName: "ID"))
        var incidents: [String] = []
        @Option(help: ArgumentHelp("How useful it was, 1 (not at all) to 5 (very).", valueName: "1…5")) var evaluation: String?
        @Option(help: ArgumentHelp("A short note.", valueName: "TEXT")) var note: String?

        func run() throws {
            let session = try Session.open(global, creatingFolder: true)
            let date = try InputParsing.date(date, option: "--date", now: session.now, zone: session.zone, window: .past)
            let form: SupervisionForm = try InputParsing.identifier(form, option: "--form")
            let evaluation = try evaluation.map { text throws(CLIFailure) in try InputParsing.count(text, option: "--evaluation", range: 1...5) }
            let note = try note.map { text throws(CLIFailure) in try InputParsing.text(text, option: "--note", multiLine: true) }
            var records: [IncidentRecord] = []
            for typed in incidents { records.append(try session.incident(typed)) }
            let unit = try unit.map { text throws(CLIFailure) in try session.knownUnit(text) }
                ?? records.first?.facts.unit ?? session.onlyUnit(for: .amg)
            try session.require(.recordSupervision(unit: unit))
            let supervision = SupervisionSession(unit: unit, date: date, form: form, incidents: records.map(\.id),
                                                 evaluation: evaluation, note: note)
            try session.append([.supervisionHeld(supervision)])
            Output.line(supervision.id.lowercasedString)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List supervision sessions of the units you may read.",
            discussion: """
            Example:
              vtc supervision list --unit Skovbrynet --since 2025-01-01
            """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only this unit's sessions.", valueName: "UNIT")) var unit: String?
        @Option(help: ArgumentHelp("Only sessions on or after this day.", valueName: "DATE")) var since: String?
        @Option(help: ArgumentHelp("table, csv or json.", valueName: "FORMAT")) var format = "table"

        func run() throws {
            let session = try Session.open(global)
            if let unit { _ = try session.knownUnit(unit) }
            let format: ListingFormat = try InputParsing.identifier(format, option: "--format")
            let since = try since.map { text throws(CLIFailure) in try session.day(text, option: "--since") }
            let sessions = session.state.supervisionSessions.filter { record in
                session.may(.readUnit(unit: record.session.unit)) && (unit == nil || record.session.unit == unit)
                    && (since.map { record.session.date >= $0 } ?? true)
            }
            Listing.supervision(sessions, format: format, texts: session.texts)
        }
    }
}
