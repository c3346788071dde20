import Foundation
import PropertyBased
@testable import VTCModel

/// Random events for property tests: single events of every type with
/// awkward text, and whole sequences that a real log could hold (amendments
/// carry the current old values; events refer to registered incidents).
/// Episodes cluster in a few weeks, two units and two citizen references, so
/// that repeated-citizen rules fire. Reusable by any test in this target.
enum RandomEvents {
    /// One event of `type`, about random incidents, actions and sessions.
    static func event(of type: EventType) -> Generator<Event, Shrink.None<Event>> {
        Generator { rng in
            var g = Sampler(rng: rng)
            let event = g.event(of: type)
            rng = g.rng
            return event
        }
    }

    /// A plausible log of `count` events.
    static func sequence(count: ClosedRange<Int>) -> Generator<[Event], Shrink.None<[Event]>> {
        Generator { rng in
            var g = Sampler(rng: rng)
            var log = LogModel()
            let events = (0..<g.int(count)).map { _ in log.next(&g) }
            rng = g.rng
            return events
        }
    }

    /// Pieces that trouble JSON and terminals: quotes, backslashes, control
    /// characters, Danish letters, combining marks, emoji outside the BMP.
    static let awkwardPieces = [
        "\"", "\\", "\n", "\t", "\r", "\u{1}", "\u{1F}", "\u{7F}", "/", "\\u00e6", "æ", "ø", "å", "Æ", "Ø", "Å",
        "😀", "👩‍⚕️", "🇩🇰", "e\u{301}", "é", "\u{2028}", " ", "{", "}", ":", ",", "[", "Borger", "skældud",
    ]
}

/// Draws values from the property test's random source.
struct Sampler {
    var rng: any SeededRandomNumberGenerator

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    mutating func maybe<T>(_ make: (inout Sampler) -> T) -> T? { chance(0.5) ? make(&self) : nil }

    mutating func uuid() -> UUID {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    mutating func text(maxPieces: Int = 6) -> String {
        (0..<int(0...maxPieces)).map { _ in pick(RandomEvents.awkwardPieces) }.joined()
    }

    mutating func name() -> String { pick(["anna", "leder1", "amr1", "koordinator", "Søren Ærø"]) }

    /// A moment in 2026, written with the Copenhagen offset, UTC, or another offset.
    mutating func timestamp(around start: Int64 = 1_767_222_000, spreadDays: Int = 365) -> Timestamp {
        let t = Timestamp(epochSeconds: start + Int64(int(0...(spreadDays * 86_400))))
        switch int(0...2) {
        case 0: return t.expressed(in: .copenhagen)
        case 1: return t
        default: return Timestamp(epochSeconds: t.epochSeconds, utcOffsetSeconds: Int32(pick([-5 * 3600, 5 * 3600 + 1800])))
        }
    }

    mutating func date() -> CalendarDate { CalendarDate(daysSinceEpoch: 20_454 + int(0...400)) }

    mutating func registration() -> Registration {
        Registration(
            occurredAt: timestamp(spreadDays: 60), unit: pick(["Bo Nord", "Bo Syd"]), location: maybe { $0.text() },
            kind: pick(EpisodeKind.allCases), severity: Severity(rawValue: int(1...5))!,
            involvement: pick(Involvement.allCases), counterpart: pick(Counterpart.allCases),
            citizenRef: chance(0.8) ? pick(["B12", "C7"]) : nil, injury: pick(Injury.allCases),
            firstAbsenceDay: maybe { $0.date() }, absenceDays: maybe { $0.int(0...20) }, description: text(),
            firstAid: chance(0.5), defusingHeld: chance(0.5), wantsLeaderTalk: chance(0.5),
            wantsPsychologist: chance(0.3), policeReport: chance(0.2))
    }

    /// A value that fits `field`, different or not from the current one.
    mutating func value(for field: RegistrationField) -> FieldValue {
        let other = registration()
        return field == .description || field == .location ? .string(text()) : other.value(of: field)
    }

    mutating func changes(from current: Registration) -> [FieldChange] {
        var facts = current
        var changes: [FieldChange] = []
        for _ in 0..<int(1...3) {
            let field = pick(RegistrationField.allCases)
            let new = value(for: field)
            guard let changed = facts.setting(field, to: new) else { continue }
            changes.append(FieldChange(field: field, old: facts.value(of: field), new: new))
            facts = changed
        }
        return changes
    }

    mutating func record() -> FollowUpRecord {
        FollowUpRecord(kind: pick(FollowUpKind.allCases), outcome: pick(FollowUpOutcome.allCases), on: timestamp(),
                       note: maybe { $0.text() })
    }

    mutating func action(about incidents: [UUID]) -> PreventiveAction {
        PreventiveAction(id: uuid(), unit: pick(["Bo Nord", "Bo Syd"]), title: text(), owner: name(), due: date(),
                         incidents: incidents)
    }

    mutating func session(about incidents: [UUID]) -> SupervisionSession {
        SupervisionSession(id: uuid(), unit: pick(["Bo Nord", "Bo Syd"]), date: date(), form: pick(SupervisionForm.allCases),
                           incidents: incidents, evaluation: maybe { $0.int(1...5) }, note: maybe { $0.text() })
    }

    /// One event of `type` about random things; it need not fit any log.
    mutating func event(of type: EventType) -> Event {
        let incident = uuid()
        let payload: EventPayload = switch type {
        case .registered: .registered(incident: incident, registration())
        case .amended: .amended(incident: incident, changes: changes(from: registration()))
        case .followUpRecorded: .followUpRecorded(incident: incident, record())
        case .acknowledged: .acknowledged(incident: incident, note: maybe { $0.text() })
        case .noteAdded: .noteAdded(incident: incident, text: text())
        case .absenceUpdated: .absenceUpdated(incident: incident, firstDay: date(), days: int(0...30))
        case .amgDiscussed: .amgDiscussed(incident: incident, date: date(), summary: text())
        case .actionOpened: .actionOpened(action(about: (0..<int(0...3)).map { _ in uuid() }))
        case .actionClosed: .actionClosed(action: uuid(), note: maybe { $0.text() })
        case .supervisionHeld: .supervisionHeld(session(about: (0..<int(0...3)).map { _ in uuid() }))
        case .withdrawn: .withdrawn(incident: incident, reason: text())
        }
        return Event(id: uuid(), at: timestamp(), actor: name(), payload: payload)
    }
}

/// What a sequence has written so far, so the next event can refer to it.
private struct LogModel {
    var incidents: [(id: UUID, facts: Registration)] = []
    var actions: [UUID] = []
    var clock = Timestamp(epochSeconds: 1_767_222_000).expressed(in: .copenhagen)

    mutating func next(_ g: inout Sampler) -> Event {
        clock = clock.adding(seconds: Int64(g.int(1...40_000))).expressed(in: .copenhagen)
        return Event(id: g.uuid(), at: clock, actor: g.name(), payload: payload(&g))
    }

    private mutating func payload(_ g: inout Sampler) -> EventPayload {
        guard !incidents.isEmpty, g.chance(0.7) else {
            let id = g.uuid()
            let facts = g.registration()
            incidents.append((id, facts))
            return .registered(incident: id, facts)
        }
        let index = g.int(0...(incidents.count - 1))
        let id = incidents[index].id
        switch g.int(0...9) {
        case 0:
            let changes = g.changes(from: incidents[index].facts)
            for c in changes { incidents[index].facts = incidents[index].facts.setting(c.field, to: c.new)! }
            return .amended(incident: id, changes: changes)
        case 1: return .followUpRecorded(incident: id, g.record())
        case 2: return .acknowledged(incident: id, note: g.maybe { $0.text() })
        case 3: return .noteAdded(incident: id, text: g.text())
        case 4:
            let (first, days) = (g.date(), g.int(0...20))
            incidents[index].facts.firstAbsenceDay = first
            incidents[index].facts.absenceDays = days
            return .absenceUpdated(incident: id, firstDay: first, days: days)
        case 5: return .amgDiscussed(incident: id, date: g.date(), summary: g.text())
        case 6:
            let action = g.action(about: [id])
            actions.append(action.id)
            return .actionOpened(action)
        case 7 where !actions.isEmpty: return .actionClosed(action: g.pick(actions), note: g.maybe { $0.text() })
        case 8: return .supervisionHeld(g.session(about: [id]))
        case 9 where g.chance(0.3): return .withdrawn(incident: id, reason: g.text())
        default: return .noteAdded(incident: id, text: g.text())
        }
    }
}

extension Sampler {
    /// A log of `count` events, as `RandomEvents.sequence` makes them.
    mutating func log(count: Int) -> [Event] {
        var model = LogModel()
        return (0..<count).map { _ in model.next(&self) }
    }
}
