import Foundation
import VTCModel
import VTCTexts
@testable import TerminalKit
@testable import VTCTerminal

/// Hand-made logs for the screen tests: two units, staff, leaders, an AMG
/// representative and a coordinator, every event spelled out with its time and actor.
struct ScreenScenario {
    static let nord = "Bo Nord"
    static let syd = "Bo Syd"

    static let roster = Roster(units: [nord, syd], users: [
        UserAccess(user: "anna", name: "Anna Ærø", roles: [.staff: .units([nord])]),
        UserAccess(user: "bent", roles: [.staff: .units([nord])]),
        UserAccess(user: "leder", roles: [.leader: .units([nord]), .staff: .units([nord])]),
        UserAccess(user: "ledersyd", roles: [.leader: .units([syd])]),
        UserAccess(user: "amr", roles: [.amg: .units([nord]), .staff: .units([nord])]),
        UserAccess(user: "koordinator", roles: [.coordinator: .allUnits, .leader: .allUnits, .amg: .allUnits]),
    ])

    private(set) var events: [Event] = []
    private var counter: UInt32 = 0

    static func id(_ n: Int) -> UUID {
        UUID(uuid: (0x77, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF), 1))
    }

    static func at(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    mutating func add(_ payload: EventPayload, by actor: String, at time: Timestamp) {
        counter += 1
        let n = counter
        events.append(Event(id: UUID(uuid: (0xEF, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF),
                                            UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF), 2)),
                            at: time, actor: actor, payload: payload))
    }

    /// Registers incident `n`, written an hour after it occurred.
    mutating func register(_ n: Int, by actor: String = "anna", unit: String = ScreenScenario.nord,
                           occurred: Timestamp, severity: Int = 1, kind: EpisodeKind = .harassment,
                           involvement: Involvement = .direct, description: String = "Episode",
                           citizenRef: String? = nil, absenceDays: Int? = nil) {
        let facts = Registration(occurredAt: occurred, unit: unit, kind: kind, severity: Severity(rawValue: severity)!,
                                 involvement: involvement, citizenRef: citizenRef,
                                 firstAbsenceDay: absenceDays.map { _ in Zone.copenhagen.local(occurred).date },
                                 absenceDays: absenceDays, description: description)
        add(.registered(incident: ScreenScenario.id(n), facts), by: actor, at: occurred.adding(seconds: 3600))
    }

    mutating func register(_ n: Int, by actor: String = "anna", unit: String = ScreenScenario.nord, occurred: String,
                           severity: Int = 1, kind: EpisodeKind = .harassment, involvement: Involvement = .direct,
                           description: String = "Episode", citizenRef: String? = nil, absenceDays: Int? = nil) {
        register(n, by: actor, unit: unit, occurred: ScreenScenario.at(occurred), severity: severity, kind: kind,
                 involvement: involvement, description: description, citizenRef: citizenRef, absenceDays: absenceDays)
    }

    var state: VTCState { VTCState.replay(events) }

    func context(for user: String, now: String, language: Language = .da) -> AppContext {
        AppContext(state: state, history: HistoryReader(events: events), user: ScreenScenario.roster.access(for: user)!, roster: ScreenScenario.roster,
                   texts: Texts(language), now: ScreenScenario.at(now))
    }
}

extension Simulator where State == HarnessState {
    /// The rows of the screen's area (between the title row and the status row).
    var areaRows: [String] {
        let buffer = render().buffer
        return (1..<(buffer.height - 2)).map(buffer.row)
    }

    var lastAppend: [EventPayload]? { state.appended.last }
}
