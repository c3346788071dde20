import Foundation
import Testing

/// On an 80-column terminal every line of a table or report fits; `script` gives `vtc` a real terminal.
@Suite struct TerminalWidthTests {
    static func onTerminal(_ vtc: VTCProcess, _ arguments: [String], columns: Int) throws -> [String] {
        let quoted = ([VTCProcess.executable] + arguments + ["--data", vtc.folder, "--lang", "da"])
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "stty cols \(columns) rows 24; \(quoted)", "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
    }

    @Test(arguments: [["list", "--as-of", "2026-03-10T12:00"], ["week", "2026-W10", "--as-of", "2026-03-10T12:00"],
                      ["action", "list"], ["supervision", "list"], ["stats", "--by", "kind", "--as-of", "2026-03-10T12:00"]])
    func reportsFitEightyColumns(_ arguments: [String]) throws {
        let vtc = VTCProcess()
        #expect(try vtc.run(["demo", "--incidents", "150", "--as-of", "2026-03-10T12:00"]).status == 0)
        let lines = try Self.onTerminal(vtc, arguments, columns: 80)
        #expect(lines.count > 2, "\(lines)")
        for line in lines { #expect(line.count <= 80, "\(line.count): \(line)") }
        let id = try vtc.run(["list", "--format", "json"]).array.first?["id"] as? String ?? ""
        for line in try Self.onTerminal(vtc, ["show", id], columns: 80) { #expect(line.count <= 80, "\(line.count): \(line)") }
    }
}
