import Foundation
import Glibc
import Testing

/// The terminal UI through `vtc serve`: a registration another client makes
/// appears on the open list within a second, pushed by the server; when the
/// server restarts, the UI says so and connects again by itself.
@Suite(.serialized) struct ServerLiveUpdateTests {
    /// A data folder with a roster (by default one that makes the test's user staff and leader of Åen), and its socket.
    final class Served {
        let root = FileManager.default.temporaryDirectory.path + "/vtc-live-" + UUID().uuidString
        var data: String { root + "/data" }
        var socket: String { root + "/vtc.sock" }
        private var server: Process?

        static var me: String { String(cString: getpwuid(geteuid())!.pointee.pw_name) }

        init(roster: String = #"{"units": ["Åen"], "users": [{"user": "\#(me)", "roles": {"staff": ["Åen"], "leader": ["Åen"]}}]}"#) throws {
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            chmod(data, 0o750)
            _ = FileManager.default.createFile(atPath: data + "/roster.json", contents: Data(roster.utf8),
                                               attributes: [.posixPermissions: 0o640])
        }

        /// A data folder `vtc demo` fills with `incidents` incidents up to now: its roster makes the test's user
        /// leader, AMG and coordinator of every unit of the demo region.
        init(demoIncidents incidents: Int) throws {
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            chmod(data, 0o750)
            let demo = Process()
            demo.executableURL = URL(fileURLWithPath: EndToEndTmuxTests.program)
            demo.arguments = ["demo", "--data", data, "--incidents", String(incidents)]
            demo.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            try demo.run()
            demo.waitUntilExit()
            try #require(demo.terminationStatus == 0, "vtc demo failed")
            for file in try FileManager.default.contentsOfDirectory(atPath: data) { chmod(data + "/" + file, 0o640) }
        }

        deinit {
            kill()
            try? FileManager.default.removeItem(atPath: root)
        }

        func start() throws {
            let server = Process()
            server.executableURL = URL(fileURLWithPath: EndToEndTmuxTests.program)
            server.arguments = ["serve", "--data", data, "--socket", socket]
            // Nothing of the test runner's: a server left behind must not hold its output open.
            server.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            server.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try server.run()
            self.server = server
            let deadline = Date().addingTimeInterval(30)
            while !accepts(), Date() < deadline { usleep(20_000) }
        }

        func kill() {
            guard let server else { return }
            Glibc.kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
            self.server = nil
        }

        private func accepts() -> Bool {
            let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socket.utf8)) }
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            } == 0
        }

        /// `vtc register` as another client; true when the server acknowledged it.
        func register(_ description: String, unit: String = "Åen") throws -> Bool {
            let register = Process()
            register.executableURL = URL(fileURLWithPath: EndToEndTmuxTests.program)
            register.arguments = ["register", "--server", socket, "--unit", unit, "--kind", "threat", "--severity", "2",
                                  "--description", description]
            register.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            register.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try register.run()
            register.waitUntilExit()
            return register.terminationStatus == 0
        }

        /// The UI through the server in a fresh pane, on its list of registrations.
        func listInAPane() throws -> EndToEndTmuxTests.Pane {
            let pane = try EndToEndTmuxTests.Pane(tmux: try #require(EndToEndTmuxTests.tmux), width: 80, height: 24)
            #expect(pane.waitFor("e2e$"))
            pane.text("\(EndToEndTmuxTests.program) --server \(socket) --lang da")
            pane.keys("Enter")
            #expect(pane.waitFor("Registrér en episode"), "the home screen did not appear: \(pane.capture())")
            pane.keys("l")
            #expect(pane.waitFor { $0.contains("0 af 0") || $0.contains("Ingen registreringer") },
                    "the list did not open: \(pane.capture())")
            return pane
        }
    }

    @Test(.enabled(if: EndToEndTmuxTests.tmux != nil, "tmux is not installed, so the end-to-end test cannot run"))
    func aRegistrationByAnotherClientAppearsOnTheOpenListWithinASecond() throws {
        let served = try Served()
        try served.start()
        let pane = try served.listInAPane()
        #expect(try served.register("Kom ind udefra"))
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

    @Test(.enabled(if: EndToEndTmuxTests.tmux != nil, "tmux is not installed, so the end-to-end test cannot run"))
    func whenTheServerRestartsTheUISaysSoAndConnectsAgainByItself() throws {
        let served = try Served()
        try served.start()
        let pane = try served.listInAPane()
        served.kill()
        #expect(pane.waitFor("vtc server"), "the status line does not say the server is gone: \(pane.capture())")
        try served.start()
        #expect(try served.register("Efter genstart"))
        #expect(pane.waitFor("1 af 1", seconds: 10), "the UI did not connect again: \(pane.capture())")
        pane.keys("q")
        pane.keys("q")
    }
}
