import Foundation
import Testing
@testable import VTCModel
@testable import VTCCodec

/// docs/domain.md shows one JSON line per event type and the default policy
/// document; these tests keep them exactly what the code writes and reads.
@Suite("docs/domain.md")
struct DocsExampleTests {
    static let docs: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/domain.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    static let incident = UUID(uuidString: "6f1c2a4e-9b3d-4c55-8e21-0a7b9c3d5e11")!
    static let action = UUID(uuidString: "2b8e4f60-1c7a-4d93-a5b2-7e9f0c1d3a42")!

    static func example(_ n: UInt8, _ at: String, _ actor: String, _ payload: EventPayload) -> Event {
        let id = UUID(uuidString: String(format: "0e5d7c3a-41b2-4f8e-9a6c-%012x", n))!
        return Event(id: id, at: time(at), actor: actor, payload: payload)
    }

    static let examples: [Event] = [
        example(1, "2026-05-06T21:40:12+02:00", "anna", .registered(incident: incident, Registration(
            occurredAt: time("2026-05-06T19:15:00+02:00"), unit: "Bo Nord", location: "Fællesstuen", kind: .physicalViolence,
            severity: Severity(rawValue: 3)!, involvement: .direct, counterpart: .citizen, citizenRef: "B12",
            injury: .physical, description: "Borgeren slog ud efter mig, da jeg hjalp med \"aftenmaden\".",
            firstAid: true, defusingHeld: true))),
        example(2, "2026-05-07T08:05:00+02:00", "anna", .amended(incident: incident, changes: [
            FieldChange(field: .severity, old: .int(3), new: .int(4)),
            FieldChange(field: .wantsPsychologist, old: .bool(false), new: .bool(true)),
        ])),
        example(3, "2026-05-07T09:30:00+02:00", "leder1", .acknowledged(incident: incident, note: "Talt med Anna i telefon")),
        example(4, "2026-05-07T09:45:00+02:00", "leder1", .followUpRecorded(incident: incident, FollowUpRecord(
            kind: .policeReportDecision, outcome: .done, on: time("2026-05-07T09:40:00+02:00"),
            note: "Ledelsen anmelder ikke; Anna er vejledt om egen anmeldelse"))),
        example(5, "2026-05-07T10:00:00+02:00", "leder1", .noteAdded(incident: incident, text: "Debriefing aftalt til fredag.")),
        example(6, "2026-05-08T07:50:00+02:00", "leder1", .absenceUpdated(incident: incident, firstDay: day("2026-05-07"), days: 3)),
        example(7, "2026-05-14T14:10:00+02:00", "amr1", .amgDiscussed(incident: incident, date: day("2026-05-14"),
                                                                     summary: "B12's risikoplan (LA2) gennemgås")),
        example(8, "2026-05-14T14:15:00+02:00", "amr1", .actionOpened(PreventiveAction(
            id: action, unit: "Bo Nord", title: "Opdater LA2-plan for B12", owner: "leder1", due: day("2026-06-01"),
            incidents: [incident]))),
        example(9, "2026-05-29T11:00:00+02:00", "leder1", .actionClosed(action: action, note: "Ny plan gennemgået på personalemøde")),
        example(10, "2026-05-20T16:00:00+02:00", "leder1", .supervisionHeld(SupervisionSession(
            id: UUID(uuidString: "9d3e5f71-2a4b-4c6d-8e9f-1a2b3c4d5e6f")!, unit: "Bo Nord", date: day("2026-05-20"),
            form: .group, incidents: [incident], evaluation: 4, note: "Gruppen fandt det nyttigt"))),
        example(11, "2026-05-07T08:00:00+02:00", "anna", .withdrawn(incident: incident, reason: "Registreret to gange")),
    ]

    @Test("the docs show one exact JSON line for each event type", arguments: EventType.allCases)
    func eventExample(type: EventType) throws {
        let event = try #require(Self.examples.first { $0.payload.type == type })
        let line = JSONWriter.encodeString(event.json)
        #expect(Self.docs.contains("\n" + line + "\n"), "docs/domain.md lacks the example line:\n\(line)")
        #expect(try Event(json: JSONParser.parse(Array(line.utf8))) == event)
    }

    @Test("the docs show the default policy document")
    func defaultPolicy() {
        #expect(Self.docs.contains(PolicyFile.defaultDocument))
    }

    @Test("the docs end by pointing to the roster documentation")
    func rosterPointer() {
        #expect(Self.docs.hasSuffix("## The roster file\n\n(See docs/roster.md.)\n"))
    }
}
