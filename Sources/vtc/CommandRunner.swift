import Foundation
import ArgumentParser
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
            printError(failure.message)
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
