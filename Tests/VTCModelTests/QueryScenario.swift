import Foundation
import Testing
import VTCModel

/// Builds logs for the query tests: every event spelled out with its time and actor.
struct QueryScenario {
    private(set) var events: [Event] = []
    private var counter: UInt8 = 0

    static func id(_ n: UInt8) -> UUID { UUID(uuid: (0x51, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, n)) }

    static func at(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    mutating func add(_ payload: EventPayload, by actor: String, at time: String) {
        counter += 1
        events.append(Event(id: UUID(uuid: (0xEF, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, counter)),
                            at: QueryScenario.at(time), actor: actor, payload: payload))
    }

    /// Registers incident `n`, written an hour after it occurred unless `registeredAt` says otherwise.
    mutating func register(_ n: UInt8, by actor: String, unit: String, occurred: String, severity: Int = 1,
                           kind: EpisodeKind = .harassment, description: String = "Episode", location: String? = nil,
                           citizenRef: String? = nil, absenceDays: Int? = nil, registeredAt: String? = nil) {
        let occurredAt = QueryScenario.at(occurred)
        let facts = Registration(occurredAt: occurredAt, unit: unit, location: location, kind: kind,
                                 severity: Severity(rawValue: severity)!, citizenRef: citizenRef,
                                 firstAbsenceDay: absenceDays.map { _ in CalendarDate(iso: occurred.prefix(10))! },
                                 absenceDays: absenceDays, description: description)
        let written = registeredAt ?? occurredAt.adding(seconds: 3600).rfc3339
        add(.registered(incident: QueryScenario.id(n), facts), by: actor, at: written)
    }

    var state: VTCState { VTCState.replay(events) }
}

extension Array where Element == IncidentRecord {
    /// The scenario numbers of the incidents, in order.
    var numbers: [UInt8] { map { $0.id.uuid.15 } }
}
