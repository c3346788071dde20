import Foundation
import Glibc
import Testing
import VTCModel
@testable import VTCStore

/// Real processes of `log-test-writer` (built next to the test bundle) appending to one log.
@Suite(.serialized) struct WriterProcessTests {
    static var writerPath: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("log-test-writer").path
    }

    func startWriter(log: String, count: Int, actor: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: WriterProcessTests.writerPath)
        process.arguments = [log, String(count), actor]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        return (process, output)
    }

    /// The ids a writer acknowledged: complete lines only (a writer killed mid-print may leave half a line).
    func acknowledged(_ output: Pipe) -> [UUID] {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self)
        let complete = text.hasSuffix("\n") ? Substring(text) : text[..<(text.lastIndex(of: "\n") ?? text.startIndex)]
        return complete.split(separator: "\n").compactMap { UUID(uuidString: String($0)) }
    }

    @Test func eightWritersAppendingAtOnceLoseNothingAndKeepTheChain() throws {
        #expect(FileManager.default.isExecutableFile(atPath: WriterProcessTests.writerPath), "log-test-writer not found")
        let dir = TemporaryFolder()
        _ = try EventLog.open(in: dir.folder)
        let writers = try (0..<8).map { try startWriter(log: dir.logPath, count: 200, actor: "writer\($0)") }
        var acked: [UUID] = []
        for (process, output) in writers {
            acked += acknowledged(output)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(acked.count == 1600)
        let events = try EventLog.open(in: dir.folder).readNew()
        #expect(events.map(\.seq) == Array(2...1601))
        #expect(events.map(\.event.id).sorted { $0.uuidString < $1.uuidString } == acked.sorted { $0.uuidString < $1.uuidString })
        let report = try LogVerifier.verify(fileAt: dir.logPath)
        #expect(report.isIntact)
        #expect(report.head?.seq == 1601)
    }

    @Test func writersKilledAtRandomMomentsLoseNoAcknowledgedEvent() throws {
        let dir = TemporaryFolder()
        _ = try EventLog.open(in: dir.folder)
        var g = SeededRandom(seed: 1122)
        var acked: Set<UUID> = []
        for round in 0..<20 {
            let writers = try (0..<4).map { try startWriter(log: dir.logPath, count: 100_000, actor: "r\(round)w\($0)") }
            for (process, _) in writers {
                usleep(UInt32.random(in: 5_000...120_000, using: &g))
                kill(process.processIdentifier, SIGKILL)
            }
            for (process, output) in writers {
                process.waitUntilExit()
                acked.formUnion(acknowledged(output))
            }
            let log = try EventLog.open(in: dir.folder)
            #expect(log.damage == nil, "round \(round): \(log.damage.map(\.description) ?? "")")
            let present = Set(try log.readNew().map(\.event.id))
            #expect(acked.isSubset(of: present), "round \(round): \(acked.subtracting(present).count) acknowledged events missing")
            #expect(try LogVerifier.verify(fileAt: dir.logPath).isIntact, "round \(round)")
        }
        #expect(acked.count > 20)
    }
}
