import ArgumentParser

/// The id argument every incident command takes.
struct IncidentIDArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The incident's id, or a unique prefix of at least 6 characters.", valueName: "ID"))
    var id: String
}
