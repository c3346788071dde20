import Foundation
import Testing
import VTCModel
import VTCTexts
import VTCStore
@testable import TerminalKit
@testable import VTCTerminal

/// What a new user stumbled on in the screens (issue 13): each test failed before the fix.
@Suite struct NewUserScreenTests {
    @Test func dOnTheDraftsScreenAsksBeforeItDiscards() {
        let context = Sample.context()
        let drafts = [Draft(user: "anna", updatedAt: Sample.now, fields: .object([("description", .string("Første"))])),
                      Draft(user: "anna", updatedAt: Sample.now, fields: .object([("description", .string("Anden"))]))]
        var sim = ScreenHarness.simulator(DraftsScreen(drafts), context)
        sim.press(.character("d"))
        #expect(sim.effects.isEmpty, "nothing is discarded by the first d")
        #expect(sim.dump().contains("Kassér kladden? Tryk d igen"))
        sim.press(.down)
        #expect(sim.effects.isEmpty, "another key keeps the draft")
        #expect(!sim.dump().contains("Kassér kladden?"))
        sim.press(.character("d"), .character("d"))
        guard case .discardDraft(let id)? = sim.effects.last?.requests.first else {
            Issue.record("d twice discards: \(sim.effects)")
            return
        }
        #expect(id == drafts[1].id)
    }

    @Test func endOnTheThankYouScreenShowsItsLastLine() {
        var facts = Sample.registration(String(repeating: "Et langt forløb med mange detaljer. ", count: 40), severity: 4)
        facts.injury = .physical
        let id = UUID()
        let state = VTCState.replay([Event(at: Sample.now, actor: "anna", payload: .registered(incident: id, facts))])
        let context = Sample.context(state: state)
        var sim = ScreenHarness.simulator(SavedScreen(incident: id), context)
        sim.press(.resize(TerminalSize(width: 80, height: 24)))
        let lastLine = Texts(.da).message(.contactLeaders(["Bo Leth"]))
        #expect(!sim.dump().contains(lastLine.prefix(20)))
        sim.press(.end)
        #expect(sim.dump().contains(lastLine.prefix(20)), "\(sim.dump())")
        let atEnd = sim.dump()
        sim.press(.up)
        #expect(sim.dump() != atEnd, "Up after End moves at once")
        sim.press(.home)
        #expect(sim.dump().contains("Tak"))
    }

    @Test func reSortingStartsAtTheTopOfTheList() {
        var sim = ListScreenTests.list(for: "leder")
        sim.press(.end)
        sim.press(.character("o"))
        let list = sim.state.top as! ListScreen
        #expect(list.selection.selected == 0)
        #expect(list.selection.top == 0)
    }

    @Test func anActiveSearchIsShownAfterEnter() {
        var sim = ListScreenTests.list(for: "leder")
        sim.press(.character("/"))
        sim.type("æbler\n")
        #expect(sim.areaRows[0].hasPrefix("Søg: “æbler” · "), "\(sim.areaRows[0])")
    }
}

/// Dates without a year (issue 13, point 1): the forms read them as the nearest plausible day and show it.
@Suite struct UnderstoodDateScreenTests {
    @Test func theRegisterFormShowsTheDayItUnderstoodOnceTheFieldIsLeft() throws {
        var app = Sample.app()
        app.press(.character("r"), .character("t"), .tab, .character("3"), .tab, .tab, .tab, .tab, .tab)
        app.type("23.11")
        #expect(!app.dump().contains("→ mandag"), "not while the field is being typed in")
        app.press(.tab)
        #expect(app.dump().contains("23.11                → mandag 23.11.2026"), "\(app.dump())")
        app.type("2")
        app.press(.backTab, .backTab, .backTab, .backTab, .backTab, .backTab, .backTab, .backTab, .backTab, .backTab, .ctrl("u"))
        app.type("23.11 08:00")
        app.press(.tab)
        #expect(app.dump().contains("→ søndag 23.11.2025 kl. 08:00"), "\(app.dump())")
        app.press(.tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab)
        app.type("Slog ud efter mig.")
        app.press(.ctrl("s"))
        let (_, facts) = try #require(app.lastRegistration, "\(app.dump())")
        #expect(facts.firstAbsenceDay == CalendarDate(iso: "2026-11-23"), "tomorrow, not a year ago")
        #expect(facts.occurredAt == Timestamp(rfc3339: "2025-11-23T08:00:00+01:00"), "the latest such moment not in the future")
    }

    @Test func anErrorMarkNeverCoversTheLabel() {
        var app = Sample.app(Sample.context(language: .en))
        app.press(.character("r"), .character("t"), .tab, .character("3"), .tab, .tab, .tab, .tab, .tab)
        app.type("tomorow")
        app.press(.tab)
        #expect(app.dump().contains(" First day of absence !tomorow"), "\(app.dump())")
    }

    @Test func theFollowUpWhenFieldReadsWhatTheRegisterFormReads() {
        var sim = DetailScreenTests.detail(for: "leder")
        sim.press(.character("f"), .enter, .tab, .ctrl("u"))
        sim.type("i går 22:10")
        sim.press(.tab)
        #expect(sim.dump().contains("→ torsdag 19.11.2026 kl. 22:10"), "\(sim.dump())")
        sim.press(.function(10))
        #expect(sim.lastAppend == [.followUpRecorded(incident: DetailScreenTests.incident, FollowUpRecord(
            kind: .defusingOffer, outcome: .done, on: Timestamp(rfc3339: "2026-11-19T22:10:00+01:00")!, note: nil))])
    }
}

/// Letters from the labels on screen, in either language, and words for every save (issue 13, points 4 and 6).
@Suite struct LettersAndConfirmationTests {
    @Test func eachOptionGetsTheFirstLetterOfItsLabelThatNoEarlierOptionTook() {
        #expect(HotLetters.assign(["Physical violence", "Threat", "Harassment", "Sexual harassment", "Property damage", "Other"])
                == ["p", "t", "h", "s", "r", "o"])
        #expect(HotLetters.assign(["Fysisk vold", "Trussel", "Chikane", "Seksuel chikane", "Hærværk", "Andet"])
                == ["f", "t", "c", "s", "h", "a"])
        #expect(HotLetters.hint(["Physical violence", "Property damage"]) == "[P]hysical violence · P[r]operty damage")
    }

    @Test func englishUsersPickAKindByTheLettersOfTheEnglishLabels() throws {
        for (language, letter, kind) in [(Language.en, "r", EpisodeKind.propertyDamage), (.en, "h", .harassment),
                                         (.da, "c", .harassment), (.da, "h", .propertyDamage)] {
            var app = Sample.app(Sample.context(language: language))
            app.press(.character("r"), .character(Character(letter)), .tab, .character("2"))
            app.press(.tab, .tab, .tab, .tab, .tab, .tab, .tab)
            app.type("Ødelagde en stol.")
            app.press(.ctrl("s"))
            let (_, facts) = try #require(app.lastRegistration, "\(language) \(letter)")
            #expect(facts.kind == kind, "\(language) \(letter)")
        }
    }

    @Test func theLettersStandUnderAFocusedChoiceAndALetterThatFitsNothingSaysSo() {
        var app = Sample.app(Sample.context(language: .en))
        app.press(.character("r"))
        #expect(app.dump().contains("[P]hysical violence · [T]hreat · [H]arassment · [S]exual harassment"), "\(app.dump())")
        app.press(.character("f"))
        #expect(app.dump().contains("No option has the letter “f”"), "\(app.dump())")
    }

    @Test func aFollowUpPickListTakesTheUnderlinedLetterOfItsEntries() {
        var sim = DetailScreenTests.detail(for: "leder")
        sim.press(.character("f"))
        let list = sim.render().buffer
        let debriefingRow = (0..<list.height).first { list.row($0).contains("Debriefing") }!
        let column = list.row(debriefingRow).firstIndex(of: "D").map { list.row(debriefingRow).distance(from: list.row(debriefingRow).startIndex, to: $0) }!
        #expect(list[column, debriefingRow].style.underline)
        sim.press(.character("d"), .function(10))
        #expect(sim.lastAppend == [DetailScreenTests.record(.debriefing, .done, note: nil)])
        #expect(sim.state.statuses.last == "Registreret: Debriefing – Udført.")
    }

    @Test func everySaveIsConfirmedInWords() throws {
        let folder = TestFolder()
        folder.write(#"{"units":["Bostedet Åen"],"users":[{"user":"bo","roles":{"leader":["Bostedet Åen"],"staff":["Bostedet Åen"]}}]}"#,
                     to: "roster.json")
        var app = LiveApp(try folder.workspace(user: "bo"), language: .en)
        app.press(.character("r"), .character("t"), .tab, .character("3"), .tab, .tab, .tab, .tab, .tab, .tab, .tab)
        app.type("Truede med at slå.")
        app.press(.ctrl("s"))
        #expect(app.dump().contains("The registration is saved."))
        app.press(.enter, .character("l"), .enter, .character("k"), .enter, .enter)
        #expect(app.dump().contains("Acknowledged: the registration is read."), "\(app.dump())")
    }
}
