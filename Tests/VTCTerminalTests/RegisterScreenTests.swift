import Foundation
import Testing
import VTCModel
import VTCCodec
import VTCStore
@testable import TerminalKit
@testable import VTCTerminal

@Suite struct RegisterScreenTests {
    @Test func everyFieldTypedReachesTheRegisteredEventExactly() throws {
        var app = Sample.app()
        app.press(.character("r"), .backTab)
        app.type("Fællesstuen")
        app.press(.backTab, .backTab, .ctrl("u"))
        app.type("i går 22:00")
        app.press(.tab, .tab, .tab, .character("t"), .tab, .character("3"))
        app.press(.tab, .right, .tab, .right, .tab)
        app.type("B12")
        app.press(.tab, .right, .tab)
        app.type("i går")
        app.press(.tab)
        app.type("2")
        app.press(.tab)
        app.type("Han slog ud efter mig.\nJeg gik ud af stuen.")
        app.press(.tab, .character(" "), .tab, .tab, .character(" "), .tab, .tab, .character(" "), .ctrl("s"))

        let (id, facts) = try #require(app.lastRegistration)
        #expect(facts == Registration(
            occurredAt: Timestamp(rfc3339: "2026-11-21T22:00:00+01:00")!, unit: Sample.unit, location: "Fællesstuen",
            kind: .threat, severity: Severity(rawValue: 3)!, involvement: .witness, counterpart: .relative,
            citizenRef: "B12", injury: .physical, firstAbsenceDay: CalendarDate(year: 2026, month: 11, day: 21)!,
            absenceDays: 2, description: "Han slog ud efter mig.\nJeg gik ud af stuen.", firstAid: true,
            defusingHeld: false, wantsLeaderTalk: true, wantsPsychologist: false, policeReport: true))
        guard case .append(_, let follow?) = app.requests.last, case .sequence(let steps) = follow,
              case .discardDraft(let discarded) = steps.first else {
            Issue.record("the append is not followed by deleting the draft")
            return
        }
        #expect(discarded == id)
    }

    @Test func aMinimalRegistrationTakesAtMostFifteenKeysBesidesTheDescription() throws {
        let description = "Spyttede efter mig"
        let before: [Key] = [.character("r"), .character("t"), .tab, .character("2")] + Array(repeating: .tab, count: 7)
        let after: [Key] = [.ctrl("s")]
        #expect(before.count + after.count <= 15)
        for language in Language.allCases {
            var app = Sample.app(Sample.context(language: language))
            app.send(before + Key.typing(description) + after)
            let (_, facts) = try #require(app.lastRegistration, "no registration in \(language)")
            #expect(facts == Registration(occurredAt: Sample.now, unit: Sample.unit, kind: .threat,
                                          severity: Severity(rawValue: 2)!, description: description))
        }
    }

    @Test func aCPRLikeCitizenReferenceIsRefusedWithTheReason() {
        var app = Sample.app()
        app.press(.character("r"), .character("t"), .tab, .character("2"), .tab, .tab, .tab)
        app.type("010190-1234")
        app.press(.tab)
        let screen = app.dump()
        #expect(screen.contains("Borgerreference: ligner et CPR-nummer (6 + 4 cifre)"))
        #expect(screen.contains("beboerkode"))
        app.press(.tab, .tab, .tab)
        app.type("Råbte")
        app.press(.ctrl("s"))
        #expect(app.lastRegistration == nil)
        let rows = app.dump().split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix(" ▸ Borgerreference") && $0.contains("010190-1234") })
    }

    @Test func controlCharactersInAPasteAreRefusedAndNamed() {
        var app = Sample.app(Sample.context(language: .en))
        app.press(.character("r"), .backTab)
        app.type("Day\u{07}room\u{202E}")
        let screen = app.dump()
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix(" ▸ Place") && $0.hasSuffix(" Dayroom") })
        #expect(screen.contains("Place: contains a control character (U+202E), which is not allowed."))
        app.press(.home)
        app.type("\u{1B}")
        #expect(app.dump().contains("The registration is not saved yet."))
    }

    @Test func anEmptyDescriptionIsNamedOnSave() {
        var app = Sample.app()
        app.press(.character("r"), .character("t"), .tab, .character("2"), .ctrl("s"))
        #expect(app.lastRegistration == nil)
        let screen = app.dump()
        #expect(screen.contains("Beskrivelse: må ikke være tom."))
        #expect(screen.contains("▸ Beskrivelse"))
    }

    @Test func theCursorStandsInTheFocusedField() throws {
        var app = Sample.app()
        app.press(.character("r"), .backTab)
        app.type("Gangen")
        let (buffer, cursor) = app.render()
        let position = try #require(cursor)
        #expect(buffer.row(position.y).contains("▸ Sted"))
        #expect(position.x == RegisterScreen.labelWidth + "Gangen".count)
    }

    @Test func changesAreKeptAsDraftsOnLeavingAFieldAndEveryFewKeys() throws {
        var app = Sample.app()
        app.press(.character("r"), .character("t"))
        #expect(app.lastDraft == nil)
        app.press(.tab)
        let first = try #require(app.lastDraft)
        #expect(first.fields["kind"] == .string("threat"))
        #expect(first.fields["focus"] == .string("severity"))
        app.press(.character("1"), .tab, .tab, .tab, .tab, .tab, .tab, .tab)
        let drafts = app.requests.compactMap(\.savedDraft).count
        app.type(String(repeating: "a", count: RegisterScreen.keystrokesPerDraft - 1))
        #expect(app.requests.compactMap(\.savedDraft).count == drafts)
        app.type("b")
        let latest = try #require(app.lastDraft)
        #expect(latest.fields["description"] == .string(String(repeating: "a", count: RegisterScreen.keystrokesPerDraft - 1) + "b"))
        #expect(latest.id == first.id)
    }

    @Test func anInterruptOrCtrlCKeepsTheDraft() throws {
        var app = Sample.app()
        app.press(.character("r"), .character("c"), .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab)
        app.type("halv sætning")
        app.interrupt(.hangup)
        guard let draft = try #require(app.effects.last).requests.first?.savedDraft else {
            Issue.record("the interrupt did not keep the draft")
            return
        }
        #expect(draft.fields["description"] == .string("halv sætning"))
        #expect(draft.fields["kind"] == .string("harassment"))
        app.press(.ctrl("c"))
        let quit = try #require(app.effects.last).requests
        #expect(quit.count == 2)
        #expect(quit.first?.savedDraft?.fields["description"] == .string("halv sætning"))
        guard case .quit = quit.last else { Issue.record("Ctrl-C does not quit"); return }
    }

    @Test func anUntouchedFormClosesWithoutQuestionsAndKeepsNoDraft() {
        var app = Sample.app()
        app.press(.character("r"))
        app.interrupt(.terminate)
        let requests = app.effects.last?.requests ?? []
        #expect(requests.isEmpty)
        app.press(.escape)
        #expect(app.state.stack.count == 1)
    }

    @Test func escapeAsksAndContinueReturnsToTheForm() {
        var app = Sample.app()
        app.press(.character("r"), .character("t"), .escape)
        let asked = app.dump()
        #expect(asked.contains("Gem som kladde og luk"))
        #expect(asked.contains("Slet det skrevne og luk"))
        #expect(asked.contains("Fortsæt med at skrive"))
        #expect(app.render().cursor == nil)
        app.press(.escape)
        #expect(!app.dump().contains("Gem som kladde og luk"))
        #expect(app.state.top is RegisterScreen)
        app.press(.character("f"))
        #expect(app.state.top is RegisterScreen)
    }

    /// The fields of a draft file exactly as the register form wrote them before it shared its
    /// fields with the inline forms: every field, a severity as a number, the focus last.
    static let draftWrittenEarlier = """
        {"occurred_at":"i går 22:00","unit":"Bostedet Åen","location":"Fællesstuen","kind":"threat","severity":3,\
        "involvement":"witness","counterpart":"relative","citizen_ref":"B12","injury":"physical",\
        "first_absence_day":"i går","absence_days":"2","description":"Han slog ud efter mig.\\nJeg gik ud.",\
        "first_aid":true,"defusing_held":false,"wants_leader_talk":true,"wants_psychologist":false,"police_report":true,\
        "focus":"citizen_ref"}
        """

    @Test func aDraftWrittenByAnEarlierVersionComesBackWithEveryFieldAndIsWrittenAgainTheSame() throws {
        let fields = try JSONParser.parse(Array(RegisterScreenTests.draftWrittenEarlier.utf8))
        let context = Sample.context()
        var screen = RegisterScreen(resuming: Draft(user: "anna", updatedAt: Sample.now, fields: fields), context)
        #expect(screen.draftFields == fields)
        #expect(screen.focus == .citizenRef)
        let saved = try #require(screen.handle(.ctrl("s"), context)?.registered)
        #expect(saved.facts == Registration(
            occurredAt: Timestamp(rfc3339: "2026-11-21T22:00:00+01:00")!, unit: Sample.unit, location: "Fællesstuen",
            kind: .threat, severity: Severity(rawValue: 3)!, involvement: .witness, counterpart: .relative,
            citizenRef: "B12", injury: .physical, firstAbsenceDay: CalendarDate(year: 2026, month: 11, day: 21)!,
            absenceDays: 2, description: "Han slog ud efter mig.\nJeg gik ud.", firstAid: true,
            defusingHeld: false, wantsLeaderTalk: true, wantsPsychologist: false, policeReport: true))
    }

    @Test func aDraftValueThatFitsNoFieldKeepsTheFieldsDefault() throws {
        let fields = try JSONParser.parse(Array(#"{"unit":"Et andet sted","kind":"shouting","severity":9,"injury":7,"first_aid":"ja"}"#.utf8))
        let context = Sample.context()
        let resumed = RegisterScreen(resuming: Draft(user: "anna", updatedAt: Sample.now, fields: fields), context)
        let fresh = RegisterScreen(context, id: resumed.id)
        #expect(resumed.draftFields == fresh.draftFields)
    }
}
