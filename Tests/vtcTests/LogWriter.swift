import Foundation
import VTCModel
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
