import Foundation
import Testing
@testable import VTCModel

/// A time written in RFC 3339; the tests spell out every moment they use.
func time(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Timestamp {
    guard let t = Timestamp(rfc3339: text) else {
        Issue.record("not an RFC 3339 time: \(text)", sourceLocation: sourceLocation)
        return Timestamp(epochSeconds: 0)
    }
    return t
}

func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

func facts(
    at occurred: String = "2026-05-06T10:00:00+02:00", unit: String = "Bo Nord", kind: EpisodeKind = .physicalViolence,
    severity: Int = 1, involvement: Involvement = .direct, counterpart: Counterpart = .citizen,
    citizenRef: String? = nil, firstAbsenceDay: String? = nil, absenceDays: Int? = nil,
    wantsPsychologist: Bool = false
) -> Registration {
    Registration(
        occurredAt: time(occurred), unit: unit, kind: kind, severity: Severity(rawValue: severity)!,
        involvement: involvement, counterpart: counterpart, citizenRef: citizenRef,
        firstAbsenceDay: firstAbsenceDay.map(day), absenceDays: absenceDays, description: "Beskrivelse",
        wantsPsychologist: wantsPsychologist)
}

/// Builds events with ids and times that follow each other, as the log would.
struct EventFactory {
    private var counter: UInt8 = 0
    var clock: Timestamp

    init(startingAt start: String = "2026-05-06T15:00:00+02:00") { clock = time(start) }

    static func uuid(_ n: UInt8, _ family: UInt8 = 0) -> UUID {
        UUID(uuid: (family, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, n))
    }

    mutating func make(_ payload: EventPayload, by actor: String = "leder1", at: String? = nil) -> Event {
        counter &+= 1
        if let at { clock = time(at) } else { clock = clock.adding(seconds: 60) }
        return Event(id: EventFactory.uuid(counter, 0xEE), at: clock, actor: actor, payload: payload)
    }
}

func incidentID(_ n: UInt8) -> UUID { EventFactory.uuid(n, 0x11) }

/// Follow-up kinds of an incident, in their order.
func kinds(_ record: IncidentRecord?) -> [FollowUpKind] { record?.followUps.map(\.kind) ?? [] }
