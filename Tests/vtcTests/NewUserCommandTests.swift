import Foundation
import Testing

/// What a new user stumbled on at the command line (issue 13): each test failed before the fix.
@Suite struct NewUserCommandTests {
    @Test func aReadingCommandOnAMissingFolderSaysSoAndCreatesNothing() throws {
        let vtc = VTCProcess()
        for command in [["list"], ["week"], ["stats"], ["roster"], ["action", "list"], ["export", "--format", "csv"]] {
            let result = try vtc.run(command)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr == "vtc: no data folder at \(vtc.folder); vtc creates it on the first registration, or give --data\n")
            #expect(!FileManager.default.fileExists(atPath: vtc.folder), "\(command) created the folder")
        }
    }

    @Test func theFirstRegistrationCreatesTheFolderAndSaysSo() throws {
        let vtc = VTCProcess()
        let result = try vtc.run(["register", "--kind", "threat", "--severity", "2", "--description", "Truede."])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "vtc: created the data folder \(vtc.folder)\n")
        let again = try vtc.run(["register", "--kind", "threat", "--severity", "2", "--description", "Igen."])
        #expect(again.stderr.isEmpty, "only the first write says so: \(again.stderr)")
    }

    @Test func anUnknownUnitIsATypingMistakeNotAMissingRole() throws {
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen"])
        for command in [["register", "--unit", "Nowhere", "--kind", "threat", "--severity", "2", "--description", "x"],
                        ["list", "--unit", "Nowhere"], ["week", "--unit", "Nowhere"], ["stats", "--unit", "Nowhere"],
                        ["action", "list", "--unit", "Nowhere"]] {
            let result = try vtc.run(command)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr == "vtc: unknown unit \"Nowhere\" (the roster's units: Bostedet Åen)\n", "\(command)")
        }
    }

    @Test func showListsTheHistoryInTheChosenLanguage() throws {
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen"])
        let id = try vtc.register(["--kind", "threat", "--severity", "3", "--description", "Truede."])
        #expect(try vtc.run(["followup", id, "defusing", "--done", "--on", "now"]).status == 0)
        let danish = try vtc.run(["show", id, "--lang", "da"]).stdout
        let english = try vtc.run(["show", id]).stdout
        #expect(danish.contains("Registreret"), "\(danish)")
        #expect(english.contains("Registered"), "\(english)")
        #expect(english.contains("Follow-up recorded: Peer defusing held – Done"), "\(english)")
        for text in [danish, english] {
            #expect(!text.contains("follow_up_recorded") && !text.contains("  registered"), "\(text)")
        }
    }

    @Test func rosterShowsEveryRoleAndUnitOfAUserUncut() throws {
        let vtc = VTCProcess()
        let units = ["Bostedet Åen ved Skovbrynet", "Psykiatrisk Afsnit Nord", "Skovbrynet Aktivitetscenter",
                     "Hjemmeplejen Distrikt Vest"]
        try vtc.writeRoster(units: units)
        let text = try vtc.run(["roster"]).stdout
        #expect(!text.contains("…"), "\(text)")
        for role in ["Staff", "Leader", "AMG", "Coordinator", "Administrator"] {
            #expect(text.contains(role + " (" + units.sorted().joined(separator: ", ") + ")"), "\(role): \(text)")
        }
    }
}

extension NewUserCommandTests {
    @Test func theUIWithoutATerminalCreatesNoFolder() throws {
        let vtc = VTCProcess()
        let result = try vtc.run([])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: vtc.folder))
    }
}

extension NewUserCommandTests {
    /// Tomorrow in Copenhagen as `dd.mm` and as `yyyy-mm-dd`.
    static func tomorrow() -> (typed: String, iso: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Copenhagen")!
        let day = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(86_400))
        let (y, m, d) = (day.year!, day.month!, day.day!)
        return (String(format: "%02d.%02d", d, m), String(format: "%04d-%02d-%02d", y, m, d))
    }

    @Test func aFirstAbsenceDayWithoutAYearIsTheNearestAndTheCommandSaysWhatItUnderstood() throws {
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen"])
        let (typed, iso) = Self.tomorrow()
        let result = try vtc.run(["register", "--kind", "threat", "--severity", "2", "--description", "Truede.",
                                  "--first-absence-day", typed, "--absence-days", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("vtc: --first-absence-day \(typed) taken as "), "\(result.stderr)")
        #expect(result.stderr.hasSuffix(" \(iso)\n"), "\(result.stderr)")
        let shown = try vtc.run(["show", result.line, "--format", "json"]).object
        #expect((shown["facts"] as? [String: Any])?["first_absence_day"] as? String == iso || shown["first_absence_day"] as? String == iso,
                "\(shown)")
    }

    @Test func followUpOnAcceptsWhatTheRegisterFormAccepts() throws {
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen"])
        let id = try vtc.register(["--kind", "threat", "--severity", "3", "--description", "Truede.", "--occurred", "yesterday 20:00"])
        let result = try vtc.run(["followup", id, "defusing", "--done", "--on", "yesterday 22:10"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "yesterday is said, not guessed: \(result.stderr)")
    }
}

extension NewUserCommandTests {
    @Test func theActionTableSaysItsStatusInWordsWhileCSVKeepsTheIdentifier() throws {
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen"])
        #expect(try vtc.run(["action", "open", "--title", "Opdatér LA2", "--owner", VTCProcess.currentUser, "--due", "tomorrow"]).status == 0)
        let danish = try vtc.run(["action", "list", "--lang", "da"]).stdout
        #expect(danish.contains("Åben"), "\(danish)")
        #expect(!danish.contains(" open"), "\(danish)")
        let csv = try vtc.run(["action", "list", "--format", "csv"]).stdout
        #expect(csv.contains(",open"), "\(csv)")
    }
}
