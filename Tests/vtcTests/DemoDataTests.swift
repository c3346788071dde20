import Foundation
import Testing
@testable import vtc
import VTCModel
import VTCCodec

@Suite struct DemoDataTests {
    static let now = Timestamp(rfc3339: "2026-03-10T12:00:00+01:00")!

    static func generate(seed: UInt64 = 7, count: Int = 300) -> DemoData {
        DemoData.generate(incidents: count, seed: seed, now: now, currentUser: "tester")
    }

    static func lines(_ data: DemoData) -> [String] { data.events.map { JSONWriter.encodeString($0.json) } }

    @Test func theSameSeedAndNowGiveTheSameEvents() {
        #expect(Self.lines(Self.generate()) == Self.lines(Self.generate()))
    }

    @Test func anotherSeedGivesOtherEvents() {
        #expect(Self.lines(Self.generate(seed: 7)) != Self.lines(Self.generate(seed: 8)))
    }

    @Test func everyKindAndSeverityIsRegistered() {
        let registrations = Self.generate().events.compactMap { e -> Registration? in
            if case .registered(_, let r) = e.payload { r } else { nil }
        }
        #expect(registrations.count == 300)
        #expect(Set(registrations.map(\.kind)) == Set(EpisodeKind.allCases))
        #expect(Set(registrations.map(\.severity)) == Set(Severity.all))
        let bySeverity = Dictionary(grouping: registrations, by: \.severity).mapValues(\.count)
        #expect(bySeverity.max { $0.value < $1.value }?.key == Severity(rawValue: 3))
        #expect(bySeverity[Severity(rawValue: 5)!]! < bySeverity[Severity(rawValue: 1)!]!)
        #expect(registrations.contains { $0.involvement == .witness })
        #expect(registrations.contains { ($0.absenceDays ?? 0) > 0 })
        let refs = registrations.compactMap(\.citizenRef)
        #expect(Set(refs).count < refs.count, "some citizens come back")
        #expect(refs.allSatisfy { !InputRules.containsCPRNumber($0) })
    }

    @Test func eventsAreInTimeOrderAndNoneIsAfterNow() {
        let events = Self.generate().events
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.at.epochSeconds <= $1.at.epochSeconds })
        #expect(events.allSatisfy { $0.at <= Self.now })
        #expect(events.first!.at.epochSeconds >= Self.now.epochSeconds - 740 * 86_400)
    }

    @Test func everyEventAboutAnIncidentComesAfterItsRegistration() {
        var registered: Set<UUID> = []
        for event in Self.generate().events {
            if case .registered(let id, _) = event.payload { registered.insert(id) }
            if let incident = event.payload.incident { #expect(registered.contains(incident)) }
        }
    }

    @Test func followUpIsMixedAndThereAreActionsAndSupervision() {
        let payloads = Self.generate().events.map(\.payload)
        let outcomes = Set(payloads.compactMap { p -> FollowUpOutcome? in
            if case .followUpRecorded(_, let f) = p { f.outcome } else { nil }
        })
        #expect(outcomes == Set(FollowUpOutcome.allCases))
        let types = Set(payloads.map(\.type))
        for type in [EventType.acknowledged, .amgDiscussed, .actionOpened, .actionClosed, .supervisionHeld, .noteAdded] {
            #expect(types.contains(type), "\(type.rawValue)")
        }
    }

    @Test func descriptionsAreVariedDanishTextWithoutControlCharacters() {
        let descriptions = Self.generate().events.compactMap { e -> String? in
            if case .registered(_, let r) = e.payload { r.description } else { nil }
        }
        #expect(Set(descriptions).count > 250)
        #expect(descriptions.contains { $0.contains("ø") || $0.contains("æ") || $0.contains("å") })
        #expect(descriptions.allSatisfy { InputRules.checkText($0, field: "description", multiLine: true) == nil })
    }

    @Test func theRosterGivesTheCurrentUserLeaderAMGAndCoordinatorOnEveryUnit() {
        let data = Self.generate()
        let me = data.roster.first { $0.user == "tester" }
        #expect(me?.roles == [.leader, .amg, .coordinator])
        let units = Set(data.events.compactMap { e -> String? in
            if case .registered(_, let r) = e.payload { r.unit } else { nil }
        })
        #expect(Set(me?.units ?? []) == units)
        #expect(units.contains("Bostedet Åen"))
    }
}
