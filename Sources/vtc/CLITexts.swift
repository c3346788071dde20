import VTCDomain

/// The command line's own words (column headers, section titles) in Danish
/// and English; everything the UI shares comes from the catalog (`Texts`).
struct CLITexts {
    let language: Language

    init(_ language: Language) { self.language = language }

    private func pick(_ da: String, _ en: String) -> String { language == .da ? da : en }

    var incidentColumns: [String] {
        [pick("id", "id"), pick("skete", "occurred"), pick("enhed", "unit"), pick("art", "kind"), "VTC",
         pick("borger", "citizen"), pick("kvitteret", "ack"), pick("åbne", "open"), pick("overskredet", "overdue")]
    }

    var actionColumns: [String] {
        ["id", pick("enhed", "unit"), pick("tiltag", "action"), pick("ansvarlig", "owner"), pick("frist", "due"), "status"]
    }

    var supervisionColumns: [String] {
        ["id", pick("enhed", "unit"), pick("dato", "date"), pick("form", "form"), pick("episoder", "incidents"),
         pick("evaluering", "evaluation"), pick("note", "note")]
    }

    var recorded: String { pick("Registreret", "Recorded") }
    var history: String { pick("Historik", "History") }
    var recurringCitizens: String { pick("Borgere i flere episoder", "Citizens in several episodes") }
    var severityTrend: String { pick("Udvikling i belastningsgrad (uger)", "Severity trend (weeks)") }
    var period: String { pick("periode", "period") }
    var withAbsence: String { pick("med fravær", "with absence") }
    var none: String { pick("(ingen)", "(none)") }
    var uiComing: String {
        pick("Den fulde skærmbrugerflade kommer; brug indtil da underkommandoerne (vtc --help).",
             "The terminal UI is coming; until then, use the subcommands (vtc --help).")
    }
    var singleUserNoRosterFile: String { pick("Ingen rosterfil:", "No roster file:") }
    var rosterFile: String { pick("Roster:", "Roster:") }
    var rosterColumns: [String] { [pick("bruger", "user"), pick("navn", "name"), pick("roller", "roles")] }

    func demoWritten(incidents: Int, events: Int, users: Int, folder: String) -> String {
        pick("\(incidents) episoder, \(events) hændelser og et roster med \(users) brugere skrevet til \(folder)",
             "\(incidents) incidents, \(events) events and a roster for \(users) users written to \(folder)")
    }
}
