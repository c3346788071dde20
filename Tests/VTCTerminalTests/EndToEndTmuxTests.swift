import Foundation
import Glibc
import Testing

/// The built program in a real terminal: tmux runs it in a pane of 80×24,
/// keys are sent as a person would type them, and the pane is read back.
@Suite(.serialized) struct EndToEndTmuxTests {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `vtc`, which opens the terminal UI on `--data DIR`, built next to the test bundle.
    static var program: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("vtc").path
    }

    /// One private tmux server (its own socket), killed when the value is released.
    final class Pane {
        let tmux: String
        let socket = "vtc-e2e-" + UUID().uuidString
        let home: String

        init(tmux: String, width: Int, height: Int) throws {
            self.tmux = tmux
            home = FileManager.default.temporaryDirectory.path + "/" + socket
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            let shell = "env -i PATH=/usr/bin:/bin HOME=\(home) TERM=screen-256color LANG=C.UTF-8 PS1='e2e$ ' sh"
            try #require(run(["new-session", "-d", "-s", "e2e", "-x", String(width), "-y", String(height), shell]).status == 0)
        }

        deinit {
            _ = run(["kill-server"])
            try? FileManager.default.removeItem(atPath: home)
        }

        /// Runs one tmux command and waits for it; its output goes through a
        /// file, since the server a new session starts keeps inherited pipes open.
        @discardableResult
        func run(_ arguments: [String]) -> (status: Int32, output: String) {
            let outputPath = home + "/tmux-output-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: outputPath) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            let argv = [tmux, "-u", "-f", "/dev/null", "-L", socket] + arguments
            let environment = ["LANG=C.UTF-8", "PATH=/usr/bin:/bin"]
            let cArguments = argv.map { strdup($0) } + [nil]
            let cEnvironment = environment.map { strdup($0) } + [nil]
            defer { (cArguments + cEnvironment).forEach { free($0) } }
            // Test runner threads block signals, and a child inherits that mask: tmux,
            // its shell and the program under test need theirs (SIGCHLD, SIGWINCH, SIGHUP).
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attributes, &none)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
            var pid: pid_t = 0
            guard posix_spawn(&pid, tmux, &actions, &attributes, cArguments, cEnvironment) == 0 else {
                return (-1, "cannot start tmux")
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            let output = String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
            return ((status >> 8) & 0xFF, output)
        }

        func keys(_ keys: String...) { run(["send-keys", "-t", "e2e"] + keys) }
        func text(_ text: String) { run(["send-keys", "-t", "e2e", "-l", text]) }
        func capture() -> String { run(["capture-pane", "-p", "-t", "e2e"]).output }

        /// Waits until the pane shows `text`; false after `seconds`.
        func waitFor(_ text: String, seconds: Double = 20) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if capture().contains(text) { return true }
                usleep(100_000)
            }
            return false
        }

        func waitFor(seconds: Double = 20, _ condition: (String) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition(capture()) { return true }
                usleep(100_000)
            }
            return false
        }
    }

    @Test(.enabled(if: tmux != nil, "tmux is not installed, so the end-to-end test cannot run"))
    func registerFindOnTheListResizeAndQuitInARealTerminal() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.program), "vtc is not built next to the tests")
        let data = FileManager.default.temporaryDirectory.path + "/vtc-e2e-data-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: data) }
        let pane = try Pane(tmux: try #require(Self.tmux), width: 80, height: 24)
        #expect(pane.waitFor("e2e$"), "the shell did not start: \(pane.capture())")

        pane.text("\(Self.program) --data \(data) --lang da")
        pane.keys("Enter")
        #expect(pane.waitFor("Registrér en episode"), "the home screen did not appear: \(pane.capture())")

        pane.keys("r")
        #expect(pane.waitFor("Ny registrering"))
        pane.keys("t", "Tab", "2")
        for _ in 0..<7 { pane.keys("Tab") }
        pane.text("Spyttede efter mig på gangen")
        #expect(pane.waitFor("▸ Beskrivelse"))
        #expect(pane.capture().split(separator: "\n").last?.contains("Ctrl-S Gem") == true)
        pane.keys("C-s")
        #expect(pane.waitFor("Tak. Din registrering er gemt"), "not saved: \(pane.capture())")
        let log = String(decoding: FileManager.default.contents(atPath: data + "/events.jsonl") ?? Data(), as: UTF8.self)
        #expect(log.contains("\"type\":\"registered\""))
        #expect(log.contains("Spyttede efter mig på gangen"))

        pane.run(["resize-window", "-t", "e2e", "-x", "100", "-y", "30"])
        #expect(pane.waitFor { screen in screen.split(separator: "\n").contains { $0.count > 80 } }, "no wider after resize")
        pane.run(["resize-window", "-t", "e2e", "-x", "70", "-y", "20"])
        #expect(pane.waitFor("70×20"), "no request to enlarge: \(pane.capture())")
        pane.run(["resize-window", "-t", "e2e", "-x", "80", "-y", "24"])
        #expect(pane.waitFor("Tak. Din registrering er gemt"), "did not recover after the resize: \(pane.capture())")

        pane.keys("Enter")
        #expect(pane.waitFor("Registrér en episode"))
        pane.keys("l")
        #expect(pane.waitFor("1 af 1"), "the registration is not on the list: \(pane.capture())")
        #expect(pane.capture().contains("Trussel"))
        pane.keys("q")
        #expect(pane.waitFor("Registrér en episode"))
        pane.keys("q")
        #expect(pane.waitFor { $0.split(separator: "\n").last { !$0.isEmpty }?.hasPrefix("e2e$") == true },
                "the shell prompt did not come back: \(pane.capture())")
        pane.text("stty -a; echo stty-done")
        pane.keys("Enter")
        #expect(pane.waitFor { $0.split(separator: "\n").contains { $0 == "stty-done" } })
        let settings = Set(pane.capture().split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" }).map(String.init))
        #expect(settings.contains("echo") && settings.contains("icanon") && settings.contains("isig"), "terminal left raw")
        #expect(!settings.contains("-echo") && !settings.contains("-icanon"))
    }
}
