import Foundation
import VTCModel
import VTCCodec
import VTCStore

/// Appends through the log's normal path, for the one case the command line cannot set up: a chosen id.
enum LogWriter {
    static func appendRegistration(in folder: String, id: UUID) throws {
        let log = try EventLog.open(in: DataFolder(path: folder))
        let registration = Registration(occurredAt: Timestamp(rfc3339: "2025-03-02T10:00:00+01:00")!, unit: "Bostedet Åen",
                                        kind: .harassment, severity: Severity(rawValue: 1)!, description: "Skældt ud.")
        try log.append(Event(at: Timestamp(rfc3339: "2025-03-02T12:00:00+01:00")!, actor: VTCProcess.currentUser,
                             payload: .registered(incident: id, registration)))
    }
}

extension LogWriter {
    /// Appends a line by hand, chained to the last line (right `seq` and `prev`), with `fields` after them:
    /// what another program, or a person with an editor, could write.
    static func appendChainedLine(in folder: String, fields: String) throws {
        let path = folder + "/events.jsonl"
        var bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        let lines = bytes.split(separator: 0x0A)
        let last = Array(lines.last!)
        let seq = (try JSONParser.parse(last))["seq"]!.int! + 1
        let prev = String(decoding: LogFormat.hash(last), as: UTF8.self)
        bytes += Array("{\"seq\":\(seq),\"prev\":\"\(prev)\",\(fields)}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
