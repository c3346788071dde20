import Foundation
import Glibc
import Testing

/// The terminal UI through `vtc serve`: a registration another client makes
/// appears on the open list within a second, pushed by the server.
@Suite(.serialized) struct ServerLiveUpdateTests {
    @Test(.enabled(if: EndToEndTmuxTests.tmux != nil, "tmux is not installed, so the end-to-end test cannot run"))
    func aRegistrationByAnotherClientAppearsOnTheOpenListWithinASecond() throws {
        let root = FileManager.default.temporaryDirectory.path + "/vtc-live-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (data, socket) = (root + "/data", root + "/vtc.sock")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        chmod(data, 0o750)
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let roster = #"{"units": ["Åen"], "users": [{"user": "\#(me)", "roles": {"staff": ["Åen"], "leader": ["Åen"]}}]}"#
        FileManager.default.createFile(atPath: data + "/roster.json", contents: Data(roster.utf8), attributes: [.posixPermissions: 0o640])
        let server = Process()
        server.executableURL = URL(fileURLWithPath: EndToEndTmuxTests.program)
        server.arguments = ["serve", "--data", data, "--socket", socket]
        // Nothing of the test runner's: a server left behind must not hold its output open.
        server.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        server.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try server.run()
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: socket), Date() < deadline { usleep(20_000) }

        let pane = try EndToEndTmuxTests.Pane(tmux: try #require(EndToEndTmuxTests.tmux), width: 80, height: 24)
        #expect(pane.waitFor("e2e$"))
        pane.text("\(EndToEndTmuxTests.program) --server \(socket) --lang da")
        pane.keys("Enter")
        #expect(pane.waitFor("Registrér en episode"), "the home screen did not appear: \(pane.capture())")
        pane.keys("l")
        #expect(pane.waitFor { $0.contains("0 af 0") || $0.contains("Ingen registreringer") }, "the list did not open: \(pane.capture())")

        let register = Process()
        register.executableURL = URL(fileURLWithPath: EndToEndTmuxTests.program)
        register.arguments = ["register", "--server", socket, "--unit", "Åen", "--kind", "threat", "--severity", "2",
                              "--description", "Kom ind udefra"]
        register.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try register.run()
        register.waitUntilExit()
        #expect(register.terminationStatus == 0)
        let acknowledged = Date()
        // Measured to the start of the reading of the pane that shows it: reading a pane is
        // a tmux process of its own, which takes longer than the UI on a busy machine.
        var appeared: TimeInterval?
        while appeared == nil, Date().timeIntervalSince(acknowledged) < 10 {
            let reading = Date()
            if pane.capture().contains("1 af 1") { appeared = reading.timeIntervalSince(acknowledged) }
            usleep(10_000)
        }
        let seconds = try #require(appeared, "not on the open list: \(pane.capture())")
        #expect(seconds <= 1.0, "appeared after \(seconds) s")
        pane.keys("q")
        pane.keys("q")
    }
}
