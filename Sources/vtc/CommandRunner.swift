import Foundation
import ArgumentParser
import VTCModel
import VTCTexts
import Glibc

/// Parses the arguments, runs the command and turns every failure into one
/// line on stderr and a documented exit code.
enum CommandRunner {
    static func run(arguments: [String]) -> Int32 {
        do {
            var command = try VTC.parseAsRoot(arguments)
            try command.run()
            return ExitStatus.ok.rawValue
        } catch let failure as CLIFailure {
            printError(failure.message(in: Texts(language(arguments))))
            return failure.status.rawValue
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = VTC.exitCode(for: error)
            if code == .success {
                // --help, --version and the like: argument-parser prints them its own way.
                print(VTC.fullMessage(for: error))
                return 0
            }
            printError(oneLine(VTC.message(for: error)))
            return ExitStatus.invalidInput.rawValue
        }
    }

    /// The language failures are reported in. It is read from the raw arguments because a failure
    /// may come before (or from) parsing them; an unusable `--lang` falls back to the locale.
    static func language(_ arguments: [String]) -> Language {
        var explicit: Language?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { explicit = Language(rawValue: arguments[index + 1]) }
            if argument.hasPrefix("--lang=") { explicit = Language(rawValue: String(argument.dropFirst(7))) }
        }
        return Language.select(explicit: explicit, environment: ProcessInfo.processInfo.environment)
    }

    /// argument-parser's messages may span lines (with a usage hint); stderr gets one.
    private static func oneLine(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let text = lines.filter { !$0.isEmpty }.joined(separator: " ")
        return text.hasPrefix("Error: ") ? String(text.dropFirst(7)) : text
    }

    static func printError(_ message: String) {
        Output.write("vtc: " + Output.safe(message) + "\n", to: STDERR_FILENO)
    }
}
