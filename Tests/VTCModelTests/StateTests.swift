import Foundation
import Testing
@testable import VTCModel

@Suite("Projecting events into state")
struct StateTests {
    @Test("a registration gets the follow-up its facts call for, and its history starts")
    func registration() {
        var f = EventFactory()
        let id = incidentID(1)
        let registered = f.make(.registered(incident: id, facts(severity: 3)), by: "anna")
        let state = VTCState.replay([registered])
        let record = state.incidents[id]
        #expect(record?.registrant == "anna")
        #expect(record?.registeredAt == registered.at)
        #expect(kinds(record) == [.acknowledgement, .defusingOffer, .defusing, .policeReportDecision, .amgDiscussion])
        #expect(record?.history == [1])
        #expect(record.flatMap(HistoryReader(events: [registered]).events) == [registered])
        #expect(state.registrationOrder == [id])
        #expect(state.problems.isEmpty)
    }

    @Test("raising the severity derives the new items again and keeps recorded outcomes")
    func raisingSeverity() {
        var f = EventFactory()
        let id = incidentID(1)
        let offerDone = FollowUpRecord(kind: .defusingOffer, outcome: .done, on: time("2026-05-06T16:00:00+02:00"))
        let events = [
            f.make(.registered(incident: id, facts(severity: 2)), by: "anna"),
            f.make(.followUpRecorded(incident: id, offerDone)),
            f.make(.amended(incident: id, changes: [FieldChange(field: .severity, old: .int(2), new: .int(4))]), by: "anna"),
        ]
        let state = VTCState.replay(events)
        let record = state.incidents[id]
        #expect(record?.facts.severity.rawValue == 4)
        #expect(kinds(record).contains(.debriefing))
        #expect(kinds(record).contains(.psychologistOffer))
        #expect(record?.followUp(.defusingOffer)?.outcome?.record == offerDone)
        #expect(record?.followUp(.defusingOffer)?.outcome?.by == "leder1")
        #expect(record?.history.count == 3)
        #expect(state.problems.isEmpty)
    }

    @Test("lowering the severity drops open items but keeps those with an outcome, marked as no longer called for")
    func loweringSeverity() {
        var f = EventFactory()
        let id = incidentID(1)
        let declined = FollowUpRecord(kind: .psychologistOffer, outcome: .declined, on: time("2026-05-07T09:00:00+02:00"))
        let events = [
            f.make(.registered(incident: id, facts(severity: 4))),
            f.make(.followUpRecorded(incident: id, declined)),
            f.make(.amended(incident: id, changes: [FieldChange(field: .severity, old: .int(4), new: .int(1))])),
        ]
        let record = VTCState.replay(events).incidents[id]
        #expect(kinds(record) == [.acknowledgement, .psychologistOffer, .amgDiscussion])
        #expect(record?.followUp(.psychologistOffer)?.calledFor == false)
        #expect(record?.followUp(.psychologistOffer)?.status(at: time("2027-01-01T00:00:00Z")) == .declined)
        #expect(record?.followUp(.acknowledgement)?.calledFor == true)
    }

    @Test("an absence update adds sick-leave contact and EASY, due from the first absence day")
    func absenceUpdate() {
        var f = EventFactory()
        let id = incidentID(1)
        let events = [
            f.make(.registered(incident: id, facts(severity: 3))),
            f.make(.absenceUpdated(incident: id, firstDay: day("2026-05-07"), days: 2)),
        ]
        let record = VTCState.replay(events).incidents[id]
        #expect(record?.facts.absenceDays == 2)
        #expect(record?.followUp(.sickLeaveContact)?.due.rfc3339 == "2026-05-10T23:59:59+02:00")
        #expect(record?.followUp(.easyReport)?.due.rfc3339 == "2026-05-21T23:59:59+02:00")
    }

    @Test("acknowledging completes the acknowledgement item; an AMG discussion completes the AMG item")
    func acknowledgementAndAMG() {
        var f = EventFactory()
        let id = incidentID(1)
        let events = [
            f.make(.registered(incident: id, facts(severity: 1))),
            f.make(.acknowledged(incident: id, note: "Talt med Anna"), by: "leder1", at: "2026-05-07T08:00:00+02:00"),
            f.make(.amgDiscussed(incident: id, date: day("2026-05-07"), summary: "Risikoplan opdateres"), by: "amr1"),
        ]
        let state = VTCState.replay(events)
        let record = state.incidents[id]
        let now = time("2026-06-01T12:00:00+02:00")
        #expect(record?.acknowledgement?.by == "leder1")
        #expect(record?.acknowledgement?.note == "Talt med Anna")
        #expect(record?.followUp(.acknowledgement)?.status(at: now) == .done)
        #expect(record?.followUp(.amgDiscussion)?.status(at: now) == .done)
        #expect(record?.followUp(.amgDiscussion)?.outcome?.record.on.rfc3339 == "2026-05-07T13:00:00+02:00")
        #expect(record?.amgDiscussions.map(\.summary) == ["Risikoplan opdateres"])
        #expect(record?.history.count == 3)
    }

    @Test("an outcome for a kind the facts never called for adds that item")
    func uncalledOutcome() {
        var f = EventFactory()
        let id = incidentID(1)
        let events = [
            f.make(.registered(incident: id, facts(severity: 1))),
            f.make(.followUpRecorded(incident: id, FollowUpRecord(kind: .debriefing, outcome: .done,
                                                                  on: time("2026-05-08T10:00:00+02:00")))),
        ]
        let record = VTCState.replay(events).incidents[id]
        #expect(kinds(record) == [.acknowledgement, .debriefing, .amgDiscussion])
        #expect(record?.followUp(.debriefing)?.calledFor == false)
    }

    @Test("a withdrawn incident stays with its history, and later events about it are problems")
    func withdrawal() {
        var f = EventFactory()
        let id = incidentID(1)
        let registration = f.make(.registered(incident: id, facts(severity: 2)), by: "anna")
        let registered = VTCState.replay([registration])
        let withdrawn = f.make(.withdrawn(incident: id, reason: "Registreret to gange"), by: "anna")
        let late = f.make(.noteAdded(incident: id, text: "efter tilbagetrækning"))
        var state = registered
        state.apply(withdrawn)
        state.apply(late)
        let record = state.incidents[id]
        #expect(record?.isWithdrawn == true)
        #expect(record?.withdrawal?.reason == "Registreret to gange")
        #expect(record?.history == [1, 2])
        #expect(record.flatMap(HistoryReader(events: [registration, withdrawn, late]).events) == [registration, withdrawn])
        #expect(record?.followUps == registered.incidents[id]?.followUps)
        #expect(record?.notes.isEmpty == true)
        #expect(state.problems.map(\.event) == [late.id])
        #expect(state.eventCount == 3)
    }

    @Test("events about unknown or repeated things are recorded as problems, never applied twice")
    func problems() {
        var f = EventFactory()
        let id = incidentID(1)
        let unknown = incidentID(9)
        let action = PreventiveAction(id: EventFactory.uuid(1, 0xAA), unit: "Bo Nord", title: "Opdater LA2",
                                      owner: "leder1", due: day("2026-06-01"), incidents: [id, unknown])
        let events = [
            f.make(.registered(incident: id, facts())),
            f.make(.registered(incident: id, facts(severity: 5))),
            f.make(.acknowledged(incident: unknown, note: nil)),
            f.make(.acknowledged(incident: id, note: nil)),
            f.make(.acknowledged(incident: id, note: "igen")),
            f.make(.actionOpened(action)),
            f.make(.actionClosed(action: action.id, note: "Gjort")),
            f.make(.actionClosed(action: action.id, note: "Igen")),
            f.make(.actionClosed(action: EventFactory.uuid(2, 0xAA), note: nil)),
            f.make(.amended(incident: id, changes: [FieldChange(field: .severity, old: .int(1), new: .int(9))])),
        ]
        let state = VTCState.replay(events)
        #expect(state.problems.map(\.event) == [1, 2, 4, 5, 7, 8, 9].map { events[$0].id })
        #expect(state.incidents[id]?.facts.severity.rawValue == 1)
        #expect(state.incidents[id]?.acknowledgement?.note == nil)
        #expect(state.actions[action.id]?.closure?.note == "Gjort")
        #expect(state.registrationOrder == [id])
    }

    @Test("the third episode with a citizen within 30 days, and later ones, get a supervision offer")
    func repeatedCitizen() {
        var f = EventFactory()
        let days = ["2026-05-01", "2026-05-10", "2026-05-30", "2026-06-05", "2026-07-20"]
        let events = days.enumerated().map { i, d in
            f.make(.registered(incident: incidentID(UInt8(i)), facts(at: d + "T10:00:00+02:00", citizenRef: "B12")))
        }
        let state = VTCState.replay(events)
        let offered = days.indices.map { state.incidents[incidentID(UInt8($0))]?.followUp(.supervisionOffer) != nil }
        #expect(offered == [false, false, true, true, false])
    }

    @Test("a citizen reference counts only within its own unit, and withdrawn episodes do not count")
    func repeatedCitizenScope() {
        var f = EventFactory()
        let events = [
            f.make(.registered(incident: incidentID(1), facts(at: "2026-05-01T10:00:00+02:00", citizenRef: "B12"))),
            f.make(.registered(incident: incidentID(2), facts(at: "2026-05-02T10:00:00+02:00", unit: "Bo Syd", citizenRef: "B12"))),
            f.make(.registered(incident: incidentID(3), facts(at: "2026-05-03T10:00:00+02:00", citizenRef: "B12"))),
            f.make(.registered(incident: incidentID(4), facts(at: "2026-05-04T10:00:00+02:00", citizenRef: "B12"))),
        ]
        var state = VTCState.replay(events)
        #expect(state.incidents[incidentID(3)]?.followUp(.supervisionOffer) == nil)
        #expect(state.incidents[incidentID(4)]?.followUp(.supervisionOffer) != nil)
        state.apply(f.make(.withdrawn(incident: incidentID(1), reason: "fejl")))
        #expect(state.incidents[incidentID(4)]?.followUp(.supervisionOffer) == nil)
    }

    @Test("an earlier episode registered late gives the later ones their supervision offer")
    func repeatedCitizenOutOfOrder() {
        var f = EventFactory()
        let events = [
            f.make(.registered(incident: incidentID(1), facts(at: "2026-05-01T10:00:00+02:00", citizenRef: "B12"))),
            f.make(.registered(incident: incidentID(3), facts(at: "2026-05-20T10:00:00+02:00", citizenRef: "B12"))),
            f.make(.registered(incident: incidentID(2), facts(at: "2026-05-10T10:00:00+02:00", citizenRef: "B12"))),
        ]
        let state = VTCState.replay(events)
        #expect(state.incidents[incidentID(2)]?.followUp(.supervisionOffer) == nil)
        #expect(state.incidents[incidentID(3)]?.followUp(.supervisionOffer) != nil)
    }

    @Test("episodes at the same moment all count for each other, also when some are withdrawn")
    func repeatedCitizenSameMoment() {
        var f = EventFactory()
        var state = VTCState()
        let offered = { (state: VTCState) in
            (1...6).map { state.incidents[incidentID(UInt8($0))]?.followUp(.supervisionOffer) != nil }
        }
        for i in 1...6 {
            state.apply(f.make(.registered(incident: incidentID(UInt8(i)), facts(at: "2026-05-01T10:00:00+02:00", citizenRef: "B12"))))
        }
        #expect(offered(state) == Array(repeating: true, count: 6))
        for i in 1...3 { state.apply(f.make(.withdrawn(incident: incidentID(UInt8(i)), reason: "fejl"))) }
        #expect(offered(state) == [true, true, true, true, true, true])
        state.apply(f.make(.withdrawn(incident: incidentID(4), reason: "fejl")))
        #expect(offered(state) == [true, true, true, true, false, false])
    }

    @Test("an episode registered late before a run of episodes gives the offer to the one it makes third")
    func repeatedCitizenLateBeforeRun() {
        var f = EventFactory()
        var events = (1...5).map { i in
            f.make(.registered(incident: incidentID(UInt8(i)), facts(at: "2026-05-0\(i)T10:00:00+02:00", citizenRef: "B12")))
        }
        events.append(f.make(.registered(incident: incidentID(9), facts(at: "2026-04-30T10:00:00+02:00", citizenRef: "B12"))))
        let state = VTCState.replay(events)
        let offered = [9, 1, 2, 3, 4, 5].map { state.incidents[incidentID(UInt8($0))]?.followUp(.supervisionOffer) != nil }
        #expect(offered == [false, false, true, true, true, true])
    }

    @Test("amending the citizen reference moves the episode between citizens")
    func amendedCitizen() {
        var f = EventFactory()
        var events = (1...3).map { i in
            f.make(.registered(incident: incidentID(UInt8(i)),
                               facts(at: "2026-05-0\(i)T10:00:00+02:00", citizenRef: i == 2 ? "C7" : "B12")))
        }
        #expect(VTCState.replay(events).incidents[incidentID(3)]?.followUp(.supervisionOffer) == nil)
        events.append(f.make(.amended(incident: incidentID(2),
                                      changes: [FieldChange(field: .citizenRef, old: .string("C7"), new: .string("B12"))])))
        #expect(VTCState.replay(events).incidents[incidentID(3)]?.followUp(.supervisionOffer) != nil)
    }

    @Test("actions open and close; supervision sessions are kept in log order")
    func actionsAndSupervision() {
        var f = EventFactory()
        let action = PreventiveAction(id: EventFactory.uuid(1, 0xAA), unit: "Bo Nord", title: "Opdater sikkerhedsplan",
                                      owner: "leder1", due: day("2026-06-01"))
        let session = SupervisionSession(id: EventFactory.uuid(1, 0x55), unit: "Bo Nord", date: day("2026-05-12"),
                                         form: .group, evaluation: 4)
        let state = VTCState.replay([
            f.make(.actionOpened(action), by: "amr1"),
            f.make(.supervisionHeld(session)),
            f.make(.supervisionHeld(session)),
        ])
        let record = state.actions[action.id]
        #expect(record?.openedBy == "amr1")
        #expect(record?.isOverdue(on: day("2026-06-01")) == false)
        #expect(record?.isOverdue(on: day("2026-06-02")) == true)
        #expect(state.supervisionSessions.map(\.session) == [session])
        #expect(state.problems.count == 1)
    }
}
