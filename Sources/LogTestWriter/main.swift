// A helper for VTCStore's tests (many writers, crashes): appends COUNT events to
// the log at PATH, one at a time, and prints each event's id on its own line
// only after its append returned, so that every printed id is a durable event.
import Foundation
import Glibc
import VTCModel
import VTCStore

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: log-test-writer LOG-PATH COUNT ACTOR\n".utf8))
    exit(2)
}
let actor = arguments[3]
do {
    let log = try EventLog.open(fileAt: arguments[1])
    let incident = UUID()
    for i in 0..<count {
        let event = Event(at: Timestamp(epochSeconds: 1_790_000_000 + Int64(i)), actor: actor,
                          payload: .noteAdded(incident: incident, text: "\(actor) note \(i)"))
        try log.append(event)
        FileHandle.standardOutput.write(Data((event.id.lowercasedString + "\n").utf8))
    }
} catch {
    FileHandle.standardError.write(Data("log-test-writer: \(error)\n".utf8))
    exit(1)
}
