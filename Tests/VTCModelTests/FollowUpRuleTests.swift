import Foundation
import Testing
@testable import VTCModel

private func called(_ facts: Registration, policy: Policy = .default, citizenEpisodes: Int = 1) -> [FollowUpKind] {
    policy.itemsCalledFor(facts: facts, registeredAt: facts.occurredAt.adding(seconds: 3600)) { _ in citizenEpisodes }
        .map(\.kind)
}

private func policy(easyThreshold: Int) -> Policy {
    var p = Policy.default
    p.easyThresholdDays = easyThreshold
    return p
}

@Suite("Follow-up rules of the default policy")
struct FollowUpRuleTests {
    @Test("each severity calls for the follow-up of DOMAIN.md's table", arguments: [
        (1, [FollowUpKind.acknowledgement, .amgDiscussion]),
        (2, [.acknowledgement, .defusingOffer, .amgDiscussion]),
        (3, [.acknowledgement, .defusingOffer, .defusing, .policeReportDecision, .amgDiscussion]),
        (4, [.acknowledgement, .defusingOffer, .defusing, .debriefing, .supervisionOffer, .psychologistOffer,
             .policeReportDecision, .amgDiscussion]),
        (5, [.acknowledgement, .defusingOffer, .defusing, .debriefing, .supervisionOffer, .psychologistOffer,
             .policeReportDecision, .deepAnalysis, .amgDiscussion]),
    ])
    func severity(grade: Int, expected: [FollowUpKind]) {
        #expect(called(facts(kind: .physicalViolence, severity: grade)) == expected)
    }

    @Test("sick-leave contact from one day of absence; EASY from the threshold", arguments: [
        (0, 1, false, false), (1, 1, true, true), (2, 1, true, true), (3, 1, true, true),
        (0, 3, false, false), (1, 3, true, false), (2, 3, true, false), (3, 3, true, true),
    ])
    func absence(days: Int, threshold: Int, sickLeave: Bool, easy: Bool) {
        let registration = facts(firstAbsenceDay: days > 0 ? "2026-05-07" : nil, absenceDays: days)
        let kinds = called(registration, policy: policy(easyThreshold: threshold))
        #expect(kinds.contains(.sickLeaveContact) == sickLeave)
        #expect(kinds.contains(.easyReport) == easy)
    }

    @Test("a first absence day without a count is one day of absence")
    func absenceDayWithoutCount() {
        let kinds = called(facts(firstAbsenceDay: "2026-05-07"), policy: policy(easyThreshold: 1))
        #expect(kinds.contains(.sickLeaveContact))
        #expect(kinds.contains(.easyReport))
        #expect(!called(facts(firstAbsenceDay: "2026-05-07"), policy: policy(easyThreshold: 2)).contains(.easyReport))
    }

    @Test("the police-report decision is for violence or threat from a citizen at severity 3 or more", arguments: [
        (EpisodeKind.physicalViolence, Counterpart.citizen, 3, true),
        (.threat, .citizen, 3, true),
        (.physicalViolence, .citizen, 2, false),
        (.physicalViolence, .colleague, 3, false),
        (.physicalViolence, .relative, 5, false),
        (.harassment, .citizen, 5, false),
        (.sexualHarassment, .citizen, 4, false),
    ])
    func policeReport(kind: EpisodeKind, counterpart: Counterpart, severity: Int, expected: Bool) {
        let kinds = called(facts(kind: kind, severity: severity, counterpart: counterpart))
        #expect(kinds.contains(.policeReportDecision) == expected)
    }

    @Test("a witness gets the talks and offers but not the police-report decision")
    func witness() {
        let direct = called(facts(severity: 4, involvement: .direct))
        let witness = called(facts(severity: 4, involvement: .witness))
        #expect(direct.contains(.policeReportDecision))
        #expect(!witness.contains(.policeReportDecision))
        #expect(witness == direct.filter { $0 != .policeReportDecision })
    }

    @Test("asking for a psychologist calls for the offer at any severity, and it stays open")
    func psychologistWish() {
        #expect(!called(facts(severity: 1)).contains(.psychologistOffer))
        let items = Policy.default.itemsCalledFor(facts: facts(severity: 1, wantsPsychologist: true),
                                                  registeredAt: time("2026-05-06T12:00:00+02:00")) { _ in 1 }
        let offer = items.first { $0.kind == .psychologistOffer }
        #expect(offer?.staysOpen == true)
        #expect(items.filter(\.staysOpen).map(\.kind) == [.psychologistOffer])
    }

    @Test("the same citizen in three episodes calls for a supervision offer", arguments: [(2, false), (3, true), (4, true)])
    func repeatedCitizen(episodes: Int, expected: Bool) {
        #expect(called(facts(severity: 1, citizenRef: "B12"), citizenEpisodes: episodes).contains(.supervisionOffer) == expected)
    }

    @Test("each item is answered for by the role of its rule")
    func responsibleRoles() {
        let items = Policy.default.itemsCalledFor(facts: facts(severity: 5), registeredAt: time("2026-05-06T12:00:00+02:00")) { _ in 1 }
        let roles = Dictionary(uniqueKeysWithValues: items.map { ($0.kind, $0.responsible) })
        #expect(roles[.deepAnalysis] == .coordinator)
        #expect(roles[.amgDiscussion] == .amg)
        #expect(items.filter { $0.responsible == .leader }.count == items.count - 2)
    }
}
