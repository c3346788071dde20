import Foundation
import Glibc

/// Runs programs for the server tests: optionally as another operating-system
/// user (`setpriv`), with a clean signal mask (test threads block signals and
/// children inherit that), output through files so that nothing can block.
enum Spawn {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var line: String { stdout.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// `vtc`, built next to the test bundle, copied once to a folder every user may read, so that
    /// the test users can run it whatever the permissions of the build folder.
    static let vtc: String = {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: bundle).deletingLastPathComponent()
        var built = ".build/debug/vtc"
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("vtc").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                built = candidate
                break
            }
            directory.deleteLastPathComponent()
        }
        // One folder for every run of one build, so that runs do not leave a copy each behind; named after
        // the build, so that test runs of two checkouts at once do not run each other's vtc.
        let build = built.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        let folder = FileManager.default.temporaryDirectory.path + "/vtc-server-tests-bin-" + String(build, radix: 16)
        mkdir(folder, 0o755)
        chmod(folder, 0o755)
        // Written with O_CLOEXEC under another name, then renamed: a program started by another
        // test meanwhile must not inherit a descriptor that writes the file, or running it fails (ETXTBSY).
        let copy = folder + "/vtc"
        let temporary = copy + ".tmp-\(getpid())"
        let bytes = FileManager.default.contents(atPath: built) ?? Data()
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        precondition(fd >= 0, "cannot write \(temporary)")
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        precondition(written == bytes.count, "cannot write \(temporary)")
        close(fd)
        chmod(temporary, 0o755)
        rename(temporary, copy)
        return copy
    }()

    /// Starts `argv` and returns its pid; stdout and stderr go to the given files.
    static func start(_ argv: [String], as user: TestUser? = nil, environment: [String: String] = [:],
                      stdout: String, stderr: String, stdin: String = "/dev/null") -> pid_t {
        let prefix = user.map { ["/usr/bin/setpriv", "--reuid=\($0.uid)", "--regid=\($0.gid)", "--init-groups", "--"] } ?? []
        let arguments = prefix + argv
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var env = ["PATH=/usr/bin:/bin:/usr/sbin:/sbin", "LANG=C.UTF-8"]
        if let user { env += ["HOME=\(user.home)", "USER=\(user.name)", "LOGNAME=\(user.name)"] }
        env += environment.map { "\($0.key)=\($0.value)" }
        let cArguments = arguments.map { strdup($0) } + [nil]
        let cEnvironment = env.map { strdup($0) } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        var status = posix_spawn(&pid, arguments[0], &actions, &attributes, cArguments, cEnvironment)
        // Another thread of the test process may be between fork and exec with some file open for
        // writing that the program's loader maps; that passes in moments, so try again briefly.
        for _ in 0..<100 where status == ETXTBSY {
            usleep(20_000)
            status = posix_spawn(&pid, arguments[0], &actions, &attributes, cArguments, cEnvironment)
        }
        precondition(status == 0, "cannot start \(arguments[0]): \(status)")
        return pid
    }

    /// Waits for a child; its exit status (128 + the signal when killed).
    @discardableResult
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Runs `argv` to its end and returns what it printed.
    static func run(_ argv: [String], as user: TestUser? = nil, environment: [String: String] = [:], stdin: String? = nil) -> Output {
        let base = FileManager.default.temporaryDirectory.path + "/vtc-spawn-" + UUID().uuidString
        defer { for suffix in [".out", ".err", ".in"] { unlink(base + suffix) } }
        var input = "/dev/null"
        if let stdin {
            _ = FileManager.default.createFile(atPath: base + ".in", contents: Data(stdin.utf8))
            chmod(base + ".in", 0o644)
            input = base + ".in"
        }
        let pid = start(argv, as: user, environment: environment, stdout: base + ".out", stderr: base + ".err", stdin: input)
        let status = wait(pid)
        func read(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return Output(status: status, stdout: read(base + ".out"), stderr: read(base + ".err"))
    }

    /// `vtc` with these arguments, in English, against the server at `socket`.
    static func vtc(_ arguments: [String], server socket: String, as user: TestUser? = nil, stdin: String? = nil) -> Output {
        run([vtc] + arguments + ["--server", socket, "--lang", "en"], as: user, stdin: stdin)
    }
}
