import Foundation
import Glibc
import VTCDomain
import VTCLog
import VTCTerminal

// Starts the terminal application on a data folder, for the end-to-end test
// until the `vtc` command line (which calls the same entry point) is merged.
// Usage: vtc-ui-probe --data DIR [--lang da|en]
func fail(_ message: String) {
    FileHandle.standardError.write(Data("vtc-ui-probe: \(message)\n".utf8))
}

var arguments = CommandLine.arguments.dropFirst()
var dataPath: String?
var language = Language.select(environment: ProcessInfo.processInfo.environment)
while let argument = arguments.popFirst() {
    switch argument {
    case "--data": dataPath = arguments.popFirst()
    case "--lang":
        guard let value = arguments.popFirst().flatMap(Language.init(rawValue:)) else {
            fail("--lang must be da or en")
            exit(2)
        }
        language = value
    default:
        fail("unknown argument \"\(argument)\"; usage: vtc-ui-probe --data DIR [--lang da|en]")
        exit(2)
    }
}
guard let dataPath else {
    fail("give --data DIR")
    exit(2)
}
do {
    let workspace = try Workspace.open(DataFolder(path: dataPath))
    exit(TerminalApp.run(workspace: workspace, language: language))
} catch {
    fail(error.description)
    exit(2)
}
