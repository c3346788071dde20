import Foundation
import Testing

/// A leader's morning round in the real program at 80×24 (issue 13): the list of unacknowledged
/// registrations, open one, acknowledge it, record that defusing was held, see each save confirmed,
/// and back on the list there is one fewer.
@Suite(.serialized) struct MorningRoundTmuxTests {
    static func vtc(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: EndToEndTmuxTests.program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "vtc \(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// `N` of the list's `N of M`.
    static func shown(_ screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").dropFirst().first, let of = line.range(of: " of ") else { return nil }
        return Int(line[..<of.lowerBound].split(separator: " ").last ?? "")
    }

    @Test(.enabled(if: EndToEndTmuxTests.tmux != nil, "tmux is not installed, so the end-to-end test cannot run"))
    func acknowledgeAndRecordDefusingFromTheUnacknowledgedList() throws {
        let data = FileManager.default.temporaryDirectory.path + "/vtc-morning-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: data) }
        _ = try Self.vtc(["demo", "--data", data, "--incidents", "80"])
        _ = try Self.vtc(["register", "--data", data, "--unit", "Bostedet Åen", "--kind", "physical_violence", "--severity", "3",
                          "--description", "Morgenrunde: slag mod armen ved morgenmaden"])

        let pane = try EndToEndTmuxTests.Pane(tmux: try #require(EndToEndTmuxTests.tmux), width: 80, height: 24)
        #expect(pane.waitFor("e2e$"))
        pane.text("\(EndToEndTmuxTests.program) --data \(data) --lang en")
        pane.keys("Enter")
        #expect(pane.waitFor("Register an episode"), "the home screen did not appear: \(pane.capture())")

        pane.keys("l")
        #expect(pane.waitFor("Newest first"), "the list did not open: \(pane.capture())")
        #expect(pane.capture().split(separator: "\n").last?.contains("k Unacked") == true, "k is on the bottom line")
        pane.keys("k")
        #expect(pane.waitFor("Not acknowledged · Newest first"), "no unacknowledged filter: \(pane.capture())")
        let before = try #require(Self.shown(pane.capture()), "no count: \(pane.capture())")

        pane.keys("Enter")
        #expect(pane.waitFor("Morgenrunde: slag mod armen"), "the newest unacknowledged did not open: \(pane.capture())")
        pane.keys("k")
        #expect(pane.waitFor("Leader has read and acknowledged"))
        pane.keys("Enter")
        pane.keys("Enter")
        #expect(pane.waitFor("Acknowledged: the registration is read."), "no confirmation: \(pane.capture())")

        pane.keys("f")
        #expect(pane.waitFor("Choose the follow-up item"), "\(pane.capture())")
        pane.keys("p")
        #expect(pane.waitFor("┌─ Peer defusing held"), "p did not choose defusing held: \(pane.capture())")
        pane.keys("F10")
        #expect(pane.waitFor("Recorded: Peer defusing held – Done."), "no confirmation: \(pane.capture())")

        pane.keys("q")
        #expect(pane.waitFor { Self.shown($0) == before - 1 }, "the list does not show one fewer than \(before): \(pane.capture())")
        pane.keys("q")
        pane.keys("q")
        #expect(pane.waitFor { $0.split(separator: "\n").last { !$0.isEmpty }?.hasPrefix("e2e$") == true })
        let log = String(decoding: FileManager.default.contents(atPath: data + "/events.jsonl") ?? Data(), as: UTF8.self)
        #expect(log.contains("\"type\":\"acknowledged\""))
        #expect(log.contains("\"kind\":\"defusing\""))
    }
}
