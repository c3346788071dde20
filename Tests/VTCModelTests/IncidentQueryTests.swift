import Testing
import VTCModel

@Suite struct IncidentQueryTests {
    static let leaderAaen = UserAccess(user: "lis", roles: [.leader: .units(["Åen"])])
    static let anna = UserAccess(user: "anna", roles: [.staff: .units(["Åen"])])
    static let coordinator = UserAccess(user: "hmu", roles: [.coordinator: .allUnits])
    static let now = QueryScenario.at("2026-05-08T12:00:00+02:00")

    /// 1: anna, Åen, VTC 1, only the acknowledgement open.
    /// 2: bo, Åen, VTC 3 violence, follow-up overdue, a note.
    /// 3: bo, Skoven, VTC 2 threat, follow-up overdue.
    /// 4: anna, Åen, VTC 4, withdrawn.
    /// 5: anna, Åen, VTC 2 threat three weeks ago, everything done.
    static let state: VTCState = {
        var s = QueryScenario()
        s.register(5, by: "anna", unit: "Åen", occurred: "2026-04-20T14:00:00+02:00", severity: 2, kind: .threat)
        s.add(.acknowledged(incident: QueryScenario.id(5), note: nil), by: "lis", at: "2026-04-21T09:00:00+02:00")
        s.add(.followUpRecorded(incident: QueryScenario.id(5), FollowUpRecord(
            kind: .defusingOffer, outcome: .done, on: QueryScenario.at("2026-04-20T16:00:00+02:00"))),
              by: "lis", at: "2026-04-21T09:05:00+02:00")
        s.add(.amgDiscussed(incident: QueryScenario.id(5), date: CalendarDate(iso: "2026-04-23")!, summary: "Drøftet"),
              by: "amr", at: "2026-04-23T14:00:00+02:00")
        s.register(1, by: "anna", unit: "Åen", occurred: "2026-05-04T14:00:00+02:00",
                   description: "Borgeren kastede et æble efter mig", location: "Fællesstuen", citizenRef: "B12")
        s.add(.amgDiscussed(incident: QueryScenario.id(1), date: CalendarDate(iso: "2026-05-07")!, summary: "Drøftet"),
              by: "amr", at: "2026-05-07T14:00:00+02:00")
        s.register(2, by: "bo", unit: "Åen", occurred: "2026-05-05T10:00:00+02:00", severity: 3,
                   kind: .physicalViolence, description: "Slag på armen")
        s.add(.noteAdded(incident: QueryScenario.id(2), text: "Pårørende informeret"), by: "lis", at: "2026-05-06T09:00:00+02:00")
        s.register(3, by: "bo", unit: "Skoven", occurred: "2026-05-06T10:00:00+02:00", severity: 2, kind: .threat,
                   description: "Trussel i gangen")
        s.register(4, by: "anna", unit: "Åen", occurred: "2026-05-07T10:00:00+02:00", severity: 4,
                   kind: .physicalViolence, description: "Et æble igen")
        s.add(.withdrawn(incident: QueryScenario.id(4), reason: "Registreret to gange"), by: "anna", at: "2026-05-07T12:00:00+02:00")
        return s.state
    }()

    func run(_ query: IncidentQuery, as user: UserAccess = coordinator) -> [UInt8] {
        query.run(on: Self.state, for: user, at: Self.now).numbers
    }

    @Test func eachUserSeesOnlyWhatAccessAllowsAndNeverTheWithdrawn() {
        #expect(run(IncidentQuery(), as: Self.leaderAaen) == [2, 1, 5])
        #expect(run(IncidentQuery(), as: Self.anna) == [1, 5])
        #expect(run(IncidentQuery()) == [3, 2, 1, 5])
        #expect(run(IncidentQuery(text: "æble"), as: Self.anna) == [1])
    }

    @Test func runSelectsAsManyIncidentsAsTheOracle() {
        let queries = [IncidentQuery(), IncidentQuery(units: ["Åen"]), IncidentQuery(notAcknowledged: true),
                       IncidentQuery(withOverdueFollowUp: true), IncidentQuery(withOpenFollowUp: true),
                       IncidentQuery(severities: [Severity(rawValue: 3)!]), IncidentQuery(text: "slog")]
        for user in [Self.leaderAaen, Self.anna, Self.coordinator] {
            for query in queries {
                #expect(query.run(on: Self.state, for: user, at: Self.now).count == query.oracleRun(on: Self.state, for: user, at: Self.now).count,
                        "\(user.user): \(query)")
            }
        }
        #expect(!IncidentQuery().run(on: Self.state, for: Self.coordinator, at: Self.now).isEmpty)
    }

    @Test func filtersByUnitAndPeriod() {
        #expect(run(IncidentQuery(units: ["Skoven"])) == [3])
        #expect(run(IncidentQuery(units: ["Skoven"]), as: Self.leaderAaen) == [])
        let since = QueryScenario.at("2026-05-01T00:00:00+02:00")
        let until = QueryScenario.at("2026-05-05T10:00:00+02:00")
        #expect(run(IncidentQuery(since: since, until: until)) == [1])
        #expect(run(IncidentQuery(since: until)) == [3, 2])
    }

    @Test func filtersBySeverityAndKind() {
        #expect(run(IncidentQuery(severities: [Severity(rawValue: 3)!])) == [2])
        #expect(run(IncidentQuery(severities: [Severity(rawValue: 1)!, Severity(rawValue: 2)!])) == [3, 1, 5])
        #expect(run(IncidentQuery(kinds: [.threat])) == [3, 5])
    }

    @Test func filtersByFollowUpAndAcknowledgement() {
        #expect(run(IncidentQuery(withOverdueFollowUp: true), as: Self.leaderAaen) == [2])
        #expect(run(IncidentQuery(withOpenFollowUp: true), as: Self.leaderAaen) == [2, 1])
        #expect(run(IncidentQuery(notAcknowledged: true), as: Self.leaderAaen) == [2, 1])
    }

    @Test func mostUrgentFirstPutsTheLongestOverdueOnTop() {
        #expect(run(IncidentQuery(order: .newestFirst)) == [3, 2, 1, 5])
        #expect(run(IncidentQuery(order: .mostUrgentFirst)) == [2, 3, 1, 5])
    }

    @Test func urgencyTiesGoToTheHigherSeverity() {
        // Both are first due at the same AMG meeting; the older one is the more serious.
        var s = QueryScenario()
        s.register(1, by: "a", unit: "U", occurred: "2026-05-07T08:00:00+02:00", severity: 1, registeredAt: "2026-05-07T09:00:00+02:00")
        s.register(2, by: "b", unit: "U", occurred: "2026-05-07T07:00:00+02:00", severity: 2, registeredAt: "2026-05-07T09:00:00+02:00")
        let user = UserAccess(user: "l", roles: [.leader: .units(["U"])])
        let now = QueryScenario.at("2026-05-07T10:00:00+02:00")
        #expect(IncidentQuery(order: .newestFirst).run(on: s.state, for: user, at: now).numbers == [1, 2])
        #expect(IncidentQuery(order: .mostUrgentFirst).run(on: s.state, for: user, at: now).numbers == [2, 1])
    }

    @Test func freeTextIsCaseInsensitiveAndDanishAware() {
        #expect(run(IncidentQuery(text: "ÆBLE")) == [1])
        #expect(run(IncidentQuery(text: "aeble")) == [])
        #expect(run(IncidentQuery(text: "fÆllesstuen")) == [1])
        #expect(run(IncidentQuery(text: "b12")) == [1])
        #expect(run(IncidentQuery(text: "SKOVEN")) == [3])
        #expect(run(IncidentQuery(text: "PÅRØRENDE")) == [2])
        #expect(run(IncidentQuery(text: "pa\u{30A}rørende")) == [2])
        #expect(run(IncidentQuery(text: "æble  fællesstuen")) == [1])
        #expect(run(IncidentQuery(text: "æble slag")) == [])
    }
}
