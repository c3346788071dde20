import Testing
import VTCModel
import VTCTexts

@Suite struct AccessTests {
    let anna = UserAccess(user: "anna", roles: [.staff: .units(["A"])])
    let leaderA = UserAccess(user: "lis", roles: [.leader: .units(["A"]), .staff: .units(["A"])])
    let amgA = UserAccess(user: "amr", roles: [.amg: .units(["A"])])
    let coordinator = UserAccess(user: "hmu", roles: [.coordinator: .allUnits])
    let admin = UserAccess(user: "it", roles: [.admin: .allUnits])

    @Test func staffSeeTheirOwnButNotAnothersIncident() {
        #expect(Access.check(anna, .see(unit: "A", registrant: "anna")) == .allowed)
        #expect(Access.check(anna, .see(unit: "A", registrant: "bo")) == .refused(.needsRole(.leader, unit: "A")))
    }

    @Test func onlyTheRegistrantAmends() {
        #expect(Access.check(anna, .amend(unit: "A", registrant: "anna")) == .allowed)
        #expect(Access.check(leaderA, .amend(unit: "A", registrant: "anna")) == .refused(.onlyRegistrant))
    }

    @Test func leaderOfOneUnitCannotSeeAnother() {
        #expect(Access.check(leaderA, .see(unit: "A", registrant: "anna")) == .allowed)
        #expect(Access.check(leaderA, .see(unit: "B", registrant: "bo")) == .refused(.needsRole(.leader, unit: "B")))
        #expect(Access.check(leaderA, .readUnit(unit: "B")) == .refused(.needsRole(.leader, unit: "B")))
    }

    @Test func coordinatorReadsEveryUnitButDoesNotAcknowledge() {
        for unit in ["A", "B", "Bostedet Åen"] {
            #expect(Access.check(coordinator, .readUnit(unit: unit)).isAllowed)
            #expect(Access.check(coordinator, .readStatistics(unit: unit)).isAllowed)
            #expect(Access.check(coordinator, .see(unit: unit, registrant: "x")).isAllowed)
        }
        #expect(Access.check(coordinator, .recordFollowUp(unit: "A", responsible: Policy.default.rule(for: .deepAnalysis)!.responsible)) == .allowed)
        #expect(Access.check(coordinator, .acknowledge(unit: "A")) == .refused(.needsRole(.leader, unit: "A")))
    }

    @Test func leaderDoesTheLeadersFollowUp() {
        #expect(Access.check(leaderA, .acknowledge(unit: "A")) == .allowed)
        #expect(Access.check(leaderA, .addNote(unit: "A")) == .allowed)
        #expect(Access.check(leaderA, .recordFollowUp(unit: "A", responsible: .leader)) == .allowed)
        #expect(Access.check(leaderA, .updateAbsence(unit: "A", registrant: "anna")) == .allowed)
        #expect(Access.check(leaderA, .recordFollowUp(unit: "A", responsible: Policy.default.rule(for: .deepAnalysis)!.responsible)) == .refused(.needsRole(.coordinator, unit: "A")))
        #expect(Access.check(anna, .recordFollowUp(unit: "A", responsible: .leader)) == .refused(.needsRole(.leader, unit: "A")))
        #expect(Access.check(anna, .acknowledge(unit: "A")) == .refused(.needsRole(.leader, unit: "A")))
    }

    @Test func registrantOrLeaderWithdraws() {
        #expect(Access.check(anna, .withdraw(unit: "A", registrant: "anna")) == .allowed)
        #expect(Access.check(anna, .withdraw(unit: "A", registrant: "bo")) == .refused(.needsRole(.leader, unit: "A")))
        #expect(Access.check(leaderA, .withdraw(unit: "A", registrant: "bo")) == .allowed)
    }

    @Test func amgRecordsDiscussionsActionsAndSupervisionForTheirUnits() {
        for request in [AccessRequest.recordAMGDiscussion(unit: "A"), .manageActions(unit: "A"), .recordSupervision(unit: "A"),
                        .recordFollowUp(unit: "A", responsible: .amg)] {
            #expect(Access.check(amgA, request) == .allowed)
            #expect(Access.check(leaderA, request) == .refused(.needsRole(.amg, unit: "A")))
        }
        #expect(Access.check(amgA, .manageActions(unit: "B")) == .refused(.needsRole(.amg, unit: "B")))
        #expect(Access.check(amgA, .see(unit: "A", registrant: "anna")) == .allowed)
    }

    @Test func registeringNeedsSomeRoleInTheUnit() {
        #expect(Access.check(amgA, .register(unit: "A")) == .allowed)
        #expect(Access.check(anna, .register(unit: "B")) == .refused(.needsRole(.staff, unit: "B")))
    }

    @Test func onlyAdminsManageRosterAndPolicy() {
        #expect(Access.check(admin, .manageRoster) == .allowed)
        #expect(Access.check(admin, .managePolicy) == .allowed)
        #expect(Access.check(coordinator, .manageRoster) == .refused(.needsRole(.admin, unit: nil)))
    }

    @Test func refusalsNameTheRoleAndUnitInBothLanguages() {
        let refusal = Message.refused(.needsRole(.leader, unit: "Bostedet Åen"))
        #expect(Texts(.en).message(refusal) == "This needs the leader role for unit “Bostedet Åen”.")
        #expect(Texts(.da).message(refusal) == "Det kræver rollen leder i enheden »Bostedet Åen«.")
    }
}
