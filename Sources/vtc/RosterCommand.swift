import TerminalKit
import ArgumentParser
import VTCModel
import VTCCodec

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Show the roster in force (or that vtc runs in single-user mode) and where its file is.",
        discussion: """
        The roster is roster.json in the data folder (see docs/roster.md).

        Examples:
          vtc roster
          vtc roster --format json
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("text or json.", valueName: "FORMAT")) var format = "text"

    enum Format: String, CaseIterable { case text, json }

    func run() throws {
        let format: Format = try InputParsing.identifier(format, option: "--format")
        let session = try Session.open(global)
        let roster = session.roster
        switch format {
        case .json:
            Output.json(.object([
                ("file", .string(session.rosterPath)),
                ("single_user", .bool(roster.isSingleUser)),
                ("you", .string(session.user)),
                ("units", .array(roster.units.map { RosterFile.unitEntry(name: $0, short: roster.shortNames[$0]) })),
                ("users", .array(roster.users.map { user in
                    .object([("user", .string(user.user)), ("name", user.name.isEmpty ? .null : .string(user.name)),
                             ("roles", .object(roles(user).map { ($0.0.rawValue, $0.1) }))])
                })),
            ]))
        case .text:
            if roster.isSingleUser {
                Output.line(session.texts.message(.singleUserBanner(unit: roster.units.first ?? "")))
                Output.line(session.texts.commandLine(.noRosterFile(path: session.rosterPath)))
                return
            }
            Output.line(session.texts.commandLine(.rosterFile(path: session.rosterPath)))
            // One row per role, so that a user with many roles and units is never cut off.
            var table = PlainTable(session.texts.columns(.user, .name, .roles), flexible: [2])
            table.maximumWidth = 200
            for user in roster.users {
                for (index, (role, scope)) in roles(user).enumerated() {
                    let units = scope.string ?? (scope.array ?? []).compactMap(\.string).joined(separator: ", ")
                    table.add([index == 0 ? user.user : "", index == 0 ? user.name : "", session.texts.label(role) + " (" + units + ")"])
                }
            }
            Output.line(table.render(width: Output.terminalWidth))
        }
    }

    /// Each role the user holds with its units, `"*"` for every unit.
    private func roles(_ user: UserAccess) -> [(Role, JSONValue)] {
        Role.allCases.compactMap { role in
            guard let scope = user.roles[role] else { return nil }
            switch scope {
            case .allUnits: return (role, .string(RosterFile.allUnitsMarker))
            case .units(let units): return (role, .array(units.sorted().map(JSONValue.string)))
            }
        }
    }
}
