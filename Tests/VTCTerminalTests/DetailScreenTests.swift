import Foundation
import Testing
import VTCModel
@testable import TerminalKit
@testable import VTCTerminal

@Suite struct DetailScreenTests {
    static let now = "2026-11-20T12:00:00+01:00"
    static let incident = ScreenScenario.id(1)

    /// Anna's VTC 4 physical violence from a citizen ten days ago: acknowledgement, defusing,
    /// debriefing (overdue), offers, police report decision and the AMG discussion are owed.
    static func scenario(description: String = "Borgeren slog ud efter mig ved aftensmaden.") -> ScreenScenario {
        var s = ScreenScenario()
        s.register(1, by: "anna", occurred: "2026-11-10T18:30:00+01:00", severity: 4, kind: .physicalViolence,
                   description: description, citizenRef: "B12")
        return s
    }

    static func detail(for user: String, scenario: ScreenScenario = scenario(), width: Int = 80, height: Int = 24)
        -> Simulator<HarnessState, AppEffect> {
        let context = scenario.context(for: user, now: now)
        return ScreenHarness.simulator(DetailScreen(incident: incident), context, width: width, height: height)
    }

    /// Every line of the detail as laid out at 80 columns, scrolled or not.
    static func text(_ sim: Simulator<HarnessState, AppEffect>) -> [String] {
        (sim.state.top as! DetailScreen).lines(sim.state.context, width: 80).lines.map(\.text)
    }

    static func record(_ kind: FollowUpKind, _ outcome: FollowUpOutcome, note: String?) -> EventPayload {
        .followUpRecorded(incident: incident, FollowUpRecord(kind: kind, outcome: outcome,
                                                             on: ScreenScenario.at(now).expressed(in: .copenhagen), note: note))
    }

    @Test func showsTheFieldsWithLabelsAndThePolicysSeverityWording() {
        let sim = Self.detail(for: "leder")
        let text = sim.dump()
        #expect(text.contains("Tidspunkt"))
        #expect(text.contains("2026-11-10 18:30"))
        #expect(text.contains("VTC 4 – Vold med skade, der kræver behandling"))
        #expect(text.contains("Borgerreference"))
        #expect(text.contains("B12"))
        #expect(text.contains("Ikke kvitteret"))
    }

    @Test func overdueFollowUpIsMarkedWithoutColour() {
        var sim = Self.detail(for: "leder")
        for _ in 0..<3 where !sim.dump().contains("! Debriefing") { sim.press(.pageDown) }
        let line = sim.areaRows.first { $0.hasPrefix("! Debriefing") }
        #expect(line == "! Debriefing · Frist 2026-11-13 18:30 · 6 dage over fristen")
        let buffer = sim.render().buffer
        let y = (0..<buffer.height).first { buffer.row($0).hasPrefix("! Debriefing") }!
        #expect(buffer[0, y].style.bold)
    }

    @Test func followUpDoneRecordsTheItemNowWithTheNote() {
        var sim = Self.detail(for: "leder")
        sim.press(.character("f"))
        #expect(sim.dump().contains("Vælg opfølgning"))
        sim.press(.enter, .enter, .enter)
        sim.type("Holdt i vagten")
        sim.press(.enter)
        #expect(sim.state.appended == [[Self.record(.defusingOffer, .done, note: "Holdt i vagten")]])
        #expect(Self.text(sim).contains("    Udført 2026-11-20 12:00 · leder: Holdt i vagten"))
    }

    @Test func followUpDeclinedAndNotRelevantWithItsRequiredReason() {
        var sim = Self.detail(for: "leder")
        sim.press(.character("f"), .down, .down, .enter, .right, .function(10))
        #expect(sim.lastAppend == [Self.record(.debriefing, .declined, note: nil)])

        sim.press(.character("f"), .enter, .right, .right, .function(10))
        #expect(sim.state.appended.count == 1)
        #expect(sim.dump().contains("Begrundelse: må ikke være tom."))
        sim.press(.tab, .tab)
        sim.type("Holdt som del af debriefingen")
        sim.press(.function(10))
        #expect(sim.lastAppend == [Self.record(.defusingOffer, .notRelevant, note: "Holdt som del af debriefingen")])
    }

    @Test func aTimeThatCannotBeReadOrLiesAheadIsRefused() {
        var sim = Self.detail(for: "leder")
        sim.press(.character("f"), .enter, .tab, .ctrl("u"))
        sim.type("i går")
        sim.press(.function(10))
        #expect(sim.dump().contains("»i går« er ikke et gyldigt tidspunkt"))
        sim.press(.ctrl("u"))
        sim.type("2026-11-21 09:00")
        sim.press(.function(10))
        #expect(sim.dump().contains("Tidspunktet ligger i fremtiden."))
        #expect(sim.state.appended.isEmpty)
    }

    @Test func acknowledgeWithAnOptionalNote() {
        var sim = Self.detail(for: "leder")
        sim.press(.character("k"), .enter)
        sim.type("Læst og talt med Anna")
        sim.press(.enter)
        #expect(sim.state.appended == [[.acknowledged(incident: Self.incident, note: "Læst og talt med Anna")]])
        #expect(sim.dump().contains("leder · 2026-11-20 12:00 · Læst og talt med Anna"))
        #expect(sim.state.statuses == ["Kvitteret: registreringen er læst."])
        sim.press(.character("k"))
        #expect(sim.state.statuses.last == "Registreringen er allerede kvitteret.")
    }

    @Test func addANote() {
        var sim = Self.detail(for: "leder")
        sim.press(.character("n"), .function(10))
        #expect(sim.dump().contains("Notat: må ikke være tom."))
        sim.type("Aftalt opfølgende samtale\nfredag")
        sim.press(.function(10))
        #expect(sim.state.appended == [[.noteAdded(incident: Self.incident, text: "Aftalt opfølgende samtale\nfredag")]])
    }

    @Test func amendWritesOnlyTheChangedFieldsWithOldAndNewValues() {
        var sim = Self.detail(for: "anna")
        sim.press(.character("e"), .function(10))
        #expect(sim.dump().contains("Intet er ændret."))
        sim.press(.right, .tab, .right)
        for _ in 0..<6 { sim.press(.tab) }
        sim.type(" Han slog to gange.")
        sim.press(.function(10))
        #expect(sim.state.appended == [[.amended(incident: Self.incident, changes: [
            FieldChange(field: .kind, old: .string("physical_violence"), new: .string("threat")),
            FieldChange(field: .severity, old: .int(4), new: .int(5)),
            FieldChange(field: .description, old: .string("Borgeren slog ud efter mig ved aftensmaden."),
                        new: .string("Borgeren slog ud efter mig ved aftensmaden. Han slog to gange.")),
        ])]])
        let history = Self.text(sim)
        #expect(history.contains("    Belastningsgrad: VTC 4 → VTC 5"))
        #expect(history.contains("    Type: Fysisk vold → Trussel"))
    }

    @Test func amendRefusesACPRNumberInTheCitizenReference() {
        var sim = Self.detail(for: "anna")
        sim.press(.character("e"))
        for _ in 0..<6 { sim.press(.tab) }
        sim.press(.ctrl("u"))
        sim.type("010203-1234")
        sim.press(.function(10))
        #expect(sim.dump().contains("Borgerreference: ligner et CPR-nummer"))
        #expect(sim.state.appended.isEmpty)
    }

    @Test func updateAbsenceWithFirstDayAndDays() {
        var sim = Self.detail(for: "anna")
        sim.press(.character("a"), .ctrl("u"))
        sim.type("2026-11-11")
        sim.press(.tab, .ctrl("u"))
        sim.type("x")
        sim.press(.function(10))
        #expect(sim.dump().contains("Fraværsdage skal være et helt tal"))
        sim.press(.ctrl("u"))
        sim.type("4")
        sim.press(.enter)
        #expect(sim.state.appended == [[.absenceUpdated(incident: Self.incident, firstDay: CalendarDate(iso: "2026-11-11")!, days: 4)]])
    }

    @Test func withdrawAsksForAReasonAndAConfirmation() {
        var sim = Self.detail(for: "anna")
        sim.press(.character("t"), .enter)
        #expect(sim.dump().contains("Begrundelse: må ikke være tom."))
        sim.type("Registreret to gange")
        sim.press(.enter)
        #expect(sim.dump().contains("Tryk Enter igen"))
        #expect(sim.state.appended.isEmpty)
        sim.press(.enter)
        #expect(sim.state.appended == [[.withdrawn(incident: Self.incident, reason: "Registreret to gange")]])
        #expect(sim.dump().contains("TRUKKET TILBAGE · anna · 2026-11-20 12:00 · Begrundelse: Registreret to gange"))
        #expect(!sim.dump().contains("Træk tilbage"))
    }

    @Test func staffCannotAcknowledgeOrRecordFollowUpAndAreToldWhichRoleItNeeds() {
        var sim = Self.detail(for: "anna")
        let help = sim.render().buffer.row(23)
        #expect(!help.contains("Kvittér"))
        #expect(help.contains("Ret"))
        sim.press(.character("k"))
        #expect(sim.state.statuses.last == "Det kræver rollen leder i enheden »Bo Nord«.")
        sim.press(.character("f"))
        #expect(sim.state.statuses.last == "Det kræver rollen leder i enheden »Bo Nord«.")
        #expect(sim.state.appended.isEmpty)
    }

    @Test func onlyTheRegistrantMayAmend() {
        var sim = Self.detail(for: "leder")
        #expect(!sim.render().buffer.row(23).contains("Ret"))
        sim.press(.character("e"))
        #expect(sim.state.statuses == ["Det kan kun den medarbejder, der har registreret episoden."])
    }

    @Test func othersStaffAndOtherUnitsLeadersSeeNothingOfTheIncident() {
        for user in ["bent", "ledersyd"] {
            let text = Self.detail(for: user).dump()
            #expect(!text.contains("aftensmaden"), "\(user)")
            #expect(!text.contains("B12"), "\(user)")
            #expect(text.contains("Det kræver rollen leder i enheden »Bo Nord«."), "\(user)")
        }
    }

    @Test func aReadOnlyLogOffersNoActions() {
        var context = Self.scenario().context(for: "leder", now: Self.now)
        context.isReadOnly = true
        var sim = ScreenHarness.simulator(DetailScreen(incident: Self.incident), context)
        #expect(!sim.render().buffer.row(23).contains("Kvittér"))
        sim.press(.character("k"))
        #expect(sim.state.statuses == ["Kun læsning: du kan se, men ikke ændre noget."])
    }

    @Test func controlSequencesInADescriptionAreDrawnHarmlessly() {
        let hostile = "Før \u{1B}]0;title\u{07} midt \u{1B}[2J efter"
        let sim = Self.detail(for: "leder", scenario: Self.scenario(description: hostile))
        let buffer = sim.render().buffer
        #expect(buffer.dump().contains("Før ^[]0;title^G midt ^[[2J efter"))
        #expect(buffer.cells.allSatisfy { cell in cell.character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } })
    }

    @Test func everyLineFitsANarrowTerminal() {
        var s = ScreenScenario()
        s.register(1, by: "anna", unit: "Bøgehøjgårdens Specialafdeling", occurred: "2026-11-10T18:30:00+01:00", severity: 5,
                   kind: .sexualHarassment, description: String(repeating: "Arbejdsmiljørepræsentantsuppleant ", count: 6))
        let context = s.context(for: "leder", now: Self.now)
        let sim = ScreenHarness.simulator(DetailScreen(incident: Self.incident), context, width: 60, height: 22)
        for row in sim.areaRows { #expect(DisplayWidth.of(row) <= 60) }
    }
}
