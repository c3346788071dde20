import Foundation
import Glibc
import VTCModel
@testable import VTCStore

/// Hand-built events: one of every payload type, with Danish letters, escapes and nulls.
enum Fixture {
    static let incident = UUID(uuidString: "6f1c2b4e-8a3d-4c55-9e11-0b7d2f9a1c01")!
    static let action = UUID(uuidString: "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d")!
    static let session = UUID(uuidString: "11111111-2222-4333-8444-555555555555")!
    static let at = Timestamp(epochSeconds: 1_795_000_000, utcOffsetSeconds: 3600)
    static let day = CalendarDate(year: 2026, month: 11, day: 20)!

    static let registration = Registration(
        occurredAt: at, unit: "Bo- og Værested Åbo", location: "fællesstuen", kind: .physicalViolence,
        severity: Severity(rawValue: 3)!, involvement: .direct, counterpart: .citizen, citizenRef: "B-17",
        injury: .both, firstAbsenceDay: day, absenceDays: 2,
        description: "Blev skubbet ind i døren; \"rolig\" efter 10 min.\nTab\tog backslash \\ med.",
        firstAid: true, defusingHeld: true, wantsLeaderTalk: true, wantsPsychologist: false, policeReport: false)

    static let payloads: [EventPayload] = [
        .registered(incident: incident, registration),
        .amended(incident: incident, changes: [
            FieldChange(field: .severity, old: .int(3), new: .int(4)),
            FieldChange(field: .location, old: .string("fællesstuen"), new: .null),
            FieldChange(field: .policeReport, old: .bool(false), new: .bool(true)),
        ]),
        .followUpRecorded(incident: incident, FollowUpRecord(kind: .defusing, outcome: .done, on: at, note: "holdt på vagten")),
        .followUpRecorded(incident: incident, FollowUpRecord(kind: .psychologistOffer, outcome: .notRelevant, on: at, note: nil)),
        .acknowledged(incident: incident, note: nil),
        .acknowledged(incident: incident, note: "Læst, vi tager den på AMG"),
        .noteAdded(incident: incident, text: "Ringede hjem — ok"),
        .absenceUpdated(incident: incident, firstDay: day, days: 4),
        .amgDiscussed(incident: incident, date: day, summary: "Opdater LA2-plan for B-17"),
        .actionOpened(PreventiveAction(id: action, unit: "Bo- og Værested Åbo", title: "Revidér sikkerhedsplan",
                                       owner: "leder", due: day.adding(days: 30), incidents: [incident])),
        .actionClosed(action: action, note: "Planen er revideret"),
        .actionClosed(action: action, note: nil),
        .supervisionHeld(SupervisionSession(id: session, unit: "Bo- og Værested Åbo", date: day, form: .group,
                                            incidents: [incident], evaluation: 4, note: "godt")),
        .supervisionHeld(SupervisionSession(id: session, unit: "Øst", date: day, form: .individual)),
        .withdrawn(incident: incident, reason: "Registreret to gange"),
    ]

    static func events(actor: String = "mette") -> [Event] {
        payloads.enumerated().map { i, payload in
            Event(at: at.adding(seconds: Int64(i) * 60), actor: actor, payload: payload)
        }
    }

    static func note(_ text: String, actor: String = "søren") -> Event {
        Event(at: at, actor: actor, payload: .noteAdded(incident: incident, text: text))
    }
}

/// A fresh folder under the temporary directory, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.path + "/vtc-log-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var folder: DataFolder { DataFolder(path: path) }
    var logPath: String { folder.eventsPath }

    func bytes(_ name: String = LogFormat.fileName) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path + "/" + name) ?? Data())
    }

    /// Overwrites the file in place (same inode, as an editor or an attacker with `>` would).
    func write(_ bytes: [UInt8], to name: String = LogFormat.fileName) {
        let fd = open(path + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o640)
        precondition(fd >= 0, "cannot write the test file")
        defer { close(fd) }
        precondition(bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count)
    }

    func lines(_ name: String = LogFormat.fileName) -> [[UInt8]] {
        bytes(name).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }

    func names() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
}

/// Counts calls and decides, per call, whether to inject a failure. Shared by
/// the seam's closures, hence the lock.
final class Injector: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [String: Int] = [:]

    /// Returns the call number (1-based) of `name`.
    func next(_ name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        calls[name, default: 0] += 1
        return calls[name]!
    }

    func count(_ name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return calls[name, default: 0]
    }
}

extension SystemCalls {
    /// The live system with a fixed clock, so header times and torn-copy names are known.
    static var testing: SystemCalls {
        var s = SystemCalls.live
        s.now = { Timestamp(epochSeconds: 1_795_100_000) }
        return s
    }
}

func fail<T: SignedInteger>(_ code: Int32) -> T {
    errno = code
    return -1
}
