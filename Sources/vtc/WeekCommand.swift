import ArgumentParser
import VTCModel
import VTCStore
import VTCTexts

struct WeekCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "week",
        abstract: "The AMG's weekly agenda and report: new episodes, follow-up, actions, supervision, trends.",
        discussion: """
        Covers every unit you may read unless --unit is given. Follow-up is taken as it stood at the end \
        of the week, or at --as-of (default now) if that is earlier.

        Examples:
          vtc week
          vtc week 2025-W11 --unit Skovbrynet --format markdown > amg-uge-11.md
          vtc week 2025-W11 --as-of 2025-03-17T08:00 --format json
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The ISO week (default: the current week).", valueName: "YYYY-Www")) var week: String?
    @Option(help: ArgumentHelp("Only this unit (repeatable).", valueName: "UNIT")) var unit: [String] = []
    @Option(help: ArgumentHelp("text, markdown or json.", valueName: "FORMAT")) var format = "text"
    @OptionGroup var asOf: AsOfOption

    enum Format: String, CaseIterable { case text, markdown, json }

    func run() throws {
        let format: Format = try InputParsing.identifier(format, option: "--format")
        // The Markdown document is made where the whole report is: through a server, it needs no incident of the view.
        let session = try Session.open(global, view: format == .markdown ? .nothing : .everything)
        let at = try session.reportTime(asOf)
        let week = try week.map { text throws(CLIFailure) in
            guard let w = ISOWeek(iso: text) else { throw CLIFailure(.invalidInput, message: .invalidWeek(text)) }
            return w
        } ?? ISOWeek(containing: at, in: session.zone)
        let units = unit.isEmpty ? session.units(withAnyOf: [.leader, .amg, .coordinator]) : try session.knownUnits(unit)
        if units.isEmpty { try session.require(.readUnit(unit: session.roster.units.first ?? "")) }
        if format == .markdown {
            // The very document the week screen exports (`x`), made by the one function, so that the two never differ.
            guard let document = try session.weekDocument(week, units: units, at: at) else {
                // The unit refused, named as the report names it (it checks each unit in order).
                for unit in units { try session.require(.readUnit(unit: unit)) }
                throw CLIFailure(.refused, worded: session.texts[.noReadableUnits])
            }
            return Output.write(bytes: document)
        }
        let report: WeekReport
        do {
            report = try WeekReport(week: week, units: units, state: session.state, user: session.access, now: at)
        } catch {
            throw CLIFailure(.refused, message: .refused(error))
        }
        // Every report ends with the log's head, so that the minutes the AMG files elsewhere witness the log.
        let head = session.workspace.head?.short ?? "none"
        if format == .json {
            guard case .object(let fields) = WeekReportJSON.report(report) else { return }
            Output.json(.object(fields + [("log_head", .string(head))]))
        } else {
            Output.line(WeekReportText(texts: session.texts, policy: session.state.policy).render(report)
                        + "\n\n" + session.texts.commandLine(.logHead(head)))
        }
    }
}
