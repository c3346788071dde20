import Foundation
import Glibc
import VTCModel
import VTCCodec

/// Runs the built `vtc` executable, found next to the test bundle, against a
/// data folder of its own (removed when the test is done), and captures what it prints and how it exits.
final class VTCProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
        var line: String { stdout.trimmingCharacters(in: .newlines) }
    }

    static let executable: String = {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: bundle).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("vtc").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return ".build/debug/vtc"
    }()

    static var currentUser: String { String(cString: getpwuid(geteuid())!.pointee.pw_name) }

    let folder: String
    /// Whether the folder is this instance's own, to remove when it is done.
    private let owned: Bool

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vtc-test-" + UUID().uuidString).path
        owned = true
    }

    /// Another process on a folder that someone else owns (and removes).
    init(folder: String) {
        self.folder = folder
        owned = false
    }

    deinit { if owned { try? FileManager.default.removeItem(atPath: folder) } }

    var logPath: String { folder + "/events.jsonl" }
    var logBytes: Data { FileManager.default.contents(atPath: logPath) ?? Data() }

    /// Gives the current user every role on the named units.
    func writeRoster(units: [String], roles: [Role] = Role.allCases) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let unitList = units.map { JSONValue.string($0) }
        let roster = JSONValue.object([
            ("units", .array(unitList)),
            ("users", .array([.object([
                ("user", .string(VTCProcess.currentUser)),
                ("roles", .object(roles.map { ($0.rawValue, .array(unitList)) })),
            ])])),
        ])
        try Data(JSONWriter.encode(roster)).write(to: URL(fileURLWithPath: folder + "/roster.json"))
    }

    /// Runs `vtc`; one that has not ended after `timeout` seconds is killed and gives status -1 (a hang).
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, withData: Bool = true, timeout: Double = 120) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: VTCProcess.executable)
        let language = arguments.contains("--lang") ? [] : ["--lang", "en"]
        process.arguments = arguments + (withData ? ["--data", folder] + language : [])
        var environment = ProcessInfo.processInfo.environment
        environment["VTC_DATA"] = nil
        environment["LANG"] = "C"
        process.environment = environment
        let (out, err, input) = (Pipe(), Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let hung = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        return Result(status: hung ? -1 : process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Registers an episode and returns its id.
    func register(_ options: [String]) throws -> String {
        let result = try run(["register"] + options)
        guard result.status == 0, UUID(uuidString: result.line) != nil else {
            throw Failure("register failed (\(result.status)): \(result.stderr)")
        }
        return result.line
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// A minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
enum CSVReader {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r" && chars.first == "\n" {
                chars.removeFirst()
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
