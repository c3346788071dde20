import ArgumentParser
import Foundation
import VTCTexts
import VTCStore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the log's hash chain and every line; print each problem, then the checkpoint.",
        discussion: """
        Exit 0 when the log is intact, 1 when problems were found. The checkpoint (seq and hash of the last \
        good line) can be noted elsewhere to show later that nothing before it changed. Verify only reads: \
        a torn last line is reported, not repaired.

        Lines written down elsewhere as `seq N sha256 HEX` (what `vtc head` prints, and what the week \
        report ends with) can be given with --witness: verify then also checks that the log still holds \
        each of them, oldest first, and names the first it no longer holds. The line that \
        state.checkpoint names is checked the same way.

        With --store, the log in PostgreSQL is checked line by line as a file is, so that the same damage \
        is named the same way.

        Examples:
          vtc verify --data /srv/vtc
          vtc verify --witness amg-heads.txt
          vtc verify --store 'postgresql:///vtc?host=/run/postgresql'
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("A file of heads noted earlier, oldest first.", valueName: "FILE")) var witness: String?

    func run() throws {
        let report: VerificationReport
        do {
            var witnesses: [Witness] = []
            if let witness {
                let found = Witness.heads(in: try InputFiles.text(witness, option: "--witness"), file: witness)
                guard !found.isEmpty else { throw CLIFailure.invalid(.noHeadsInWitness(path: witness)) }
                witnesses += found
            }
            if let uri = global.store {
                report = try LogVerifier.verify(store: try StoreOption.open(uri, creatingSchema: false), witnesses: witnesses)
            } else {
                let folder = try DataFolder.resolve(option: global.dataFolder, environment: ProcessInfo.processInfo.environment)
                guard FileManager.default.fileExists(atPath: folder.eventsPath) else {
                    throw CLIFailure(.notFound, .noLog(path: folder.eventsPath))
                }
                witnesses = (folder.checkpointWitness.map { [$0] } ?? []) + witnesses
                report = try LogVerifier.verify(fileAt: folder.eventsPath, witnesses: witnesses)
            }
        } catch let error as LogError {
            throw CLIFailure(error)
        }
        for problem in report.problems { Output.line(problem.description) }
        Output.line(report.summary)
        let texts = Texts(try Session.language(global, environment: ProcessInfo.processInfo.environment))
        Output.line(texts.commandLine(.checkpoint(report.head.map(\.description))))
        if !report.isIntact { throw CLIFailure(.problemsFound, .verifyFoundProblems(report.problems.count)) }
    }
}
