import Foundation
import Testing

@Suite struct HelpTests {
    static let subcommands = ["register", "list", "show", "followup", "ack", "note", "amend", "withdraw", "absence", "action",
                              "supervision", "week", "stats", "export", "verify", "demo", "roster", "head"]

    @Test func helpListsEverySubcommand() throws {
        let help = try VTCProcess().run(["--help"], withData: false)
        #expect(help.status == 0)
        for name in Self.subcommands { #expect(help.stdout.contains("  \(name) "), "\(name)") }
    }

    @Test(arguments: subcommands.filter { !["action", "supervision"].contains($0) }
          + ["action open", "action close", "action list", "supervision record", "supervision list"])
    func everySubcommandsHelpShowsAnExample(_ command: String) throws {
        let help = try VTCProcess().run(command.split(separator: " ").map(String.init) + ["--help"], withData: false)
        #expect(help.status == 0)
        #expect(help.stdout.contains("Example"), "\(command)")
        #expect(help.stdout.contains("vtc \(command.split(separator: " ").first!)"), "\(command)")
    }

    @Test func withoutASubcommandAndWithoutATerminalTheUISaysWhyInOneLine() throws {
        let result = try VTCProcess().run([])
        #expect(result.status == 2)
        #expect(result.stderr == "vtc: standard input and output must be a terminal\n")
    }
}

@Suite struct ManPageTests {
    static let manPage: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/vtc.1"), encoding: .utf8)) ?? ""
    }()

    /// docs/vtc.1 is generated from the command definitions; this fails when they change and it is not regenerated.
    @Test(arguments: HelpTests.subcommands)
    func theManPageDescribesEachSubcommandAsItsHelpDoes(_ command: String) throws {
        let help = try VTCProcess().run([command, "--help"], withData: false).stdout
        let overview = help.split(separator: "\n\n").first.map { $0.replacingOccurrences(of: "OVERVIEW: ", with: "") }
            .map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") } ?? ""
        #expect(!overview.isEmpty)
        #expect(Self.manPage.contains(".It Em \(command)\n\(overview)\n"), "\(command): \(overview)")
    }
}
