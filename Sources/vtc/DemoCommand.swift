import ArgumentParser
import Foundation
import Glibc
import VTCModel
import VTCCodec
import VTCTexts
import VTCStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill an empty data folder with realistic synthetic data from the last two years.",
        discussion: """
        Writes a roster (you get the leader, AMG and coordinator roles on every demo unit) and appends \
        the events through the normal, durable append path in batches. Refuses a folder that already \
        holds events or a roster. The same --seed and --as-of give the same data.

        Examples:
          vtc demo --data /tmp/vtc-demo
          vtc demo --data /tmp/vtc-big --incidents 200000 --seed 7
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("How many incidents to generate (default \(DemoData.defaultIncidentCount)).", valueName: "N"))
    var incidents: String?
    @Option(help: ArgumentHelp("The seed of the generator (default \(DemoData.defaultSeed)).", valueName: "S"))
    var seed: String?
    @OptionGroup var asOf: AsOfOption

    static let batchSize = 20_000

    func run() throws {
        let count = try incidents.map { text throws(CLIFailure) in try InputParsing.count(text, option: "--incidents", range: 1...1_000_000) }
            ?? DemoData.defaultIncidentCount
        guard let seed = seed.map(UInt64.init) ?? DemoData.defaultSeed else {
            throw CLIFailure.invalid(.invalidSeed(self.seed ?? ""))
        }
        let clock = Timestamp(epochSeconds: Int64(time(nil)))
        let now = try asOf.asOf.map { text throws(CLIFailure) in try InputParsing.dateTime(text, option: "--as-of", now: clock, zone: .copenhagen, allowingFuture: true) } ?? clock
        let user: String
        do { user = try OperatingSystemUser.name() } catch { throw CLIFailure(error) }
        do {
            let folder = try DataFolder.resolve(option: global.dataFolder, environment: ProcessInfo.processInfo.environment)
            if FileManager.default.fileExists(atPath: folder.rosterPath) {
                throw CLIFailure(.invalidInput, .demoFolderHasRoster(folder: folder.path, rosterPath: folder.rosterPath))
            }
            let log = try EventLog.open(in: folder)
            let existing = try log.readNew().count
            if existing > 0 {
                throw CLIFailure(.invalidInput, .demoFolderHasLog(folder: folder.path, events: existing))
            }
            let data = DemoData.generate(incidents: count, seed: seed, now: now, currentUser: user)
            try writeRoster(data.rosterDocument, to: folder.rosterPath)
            var start = 0
            while start < data.events.count {
                let end = min(start + DemoCommand.batchSize, data.events.count)
                try log.append(contentsOf: Array(data.events[start..<end]))
                start = end
            }
            let texts = Texts(try Session.language(global, environment: ProcessInfo.processInfo.environment))
            Output.line(texts.commandLine(.demoWritten(incidents: count, events: data.events.count, users: data.roster.count,
                                                       folder: folder.path)))
        } catch let error as LogError {
            throw CLIFailure(error)
        }
    }

    /// Written to a temporary name, synced, then renamed: a crash never leaves half a roster.
    private func writeRoster(_ document: JSONValue, to path: String) throws(CLIFailure) {
        let temporary = path + ".tmp"
        var bytes = JSONWriter.encode(document)
        bytes.append(0x0A)
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o640)
        guard fd >= 0 else { throw CLIFailure(.ioError, .cannotWrite(path: temporary, reason: String(cString: strerror(errno)))) }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CLIFailure(.ioError, .cannotWrite(path: path, reason: String(cString: strerror(errno))))
        }
    }
}
