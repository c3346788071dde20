import ArgumentParser

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one incident: all fields, follow-up, notes and history.",
        discussion: """
        Examples:
          vtc show 3f2a9c
          vtc show 3f2a9c --format json --as-of 2025-03-20T12:00
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var incident: IncidentIDArgument
    @Option(help: ArgumentHelp("text or json.", valueName: "FORMAT")) var format = "text"
    @OptionGroup var asOf: AsOfOption

    enum Format: String, CaseIterable { case text, json }

    func run() throws {
        let session = try Session.open(global, view: .incidents(idPrefix: incident.id))
        let format: Format = try InputParsing.identifier(format, option: "--format")
        let at = try session.reportTime(asOf)
        let record = try session.incident(incident.id)
        let history = try session.history(of: record)
        switch format {
        case .json: Output.json(IncidentJSON.incident(record, at: at, history: history))
        case .text: Output.line(IncidentText(texts: session.texts, policy: session.state.policy).render(record, history: history, at: at))
        }
    }
}
