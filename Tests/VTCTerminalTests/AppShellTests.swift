import Foundation
import Testing
import VTCModel
import VTCTexts
@testable import VTCStore
@testable import TerminalKit
@testable import VTCTerminal

@Suite struct AppShellTests {
    /// The last row holds whole entries only, the most important among them.
    func expectWholeHelpLine(_ state: AppState, buffer: CellBuffer, mustShow keys: [String]) {
        let fitted = HelpLine.fitting(AppFrame.helpEntries(state), width: buffer.width)
        let expected = fitted.map { $0.key + " " + $0.label }.joined(separator: "  ")
        #expect(buffer.row(buffer.height - 1) == expected)
        for key in keys { #expect(fitted.contains { $0.key == key }, "\(key) left out of the help line") }
    }

    @Test(arguments: Language.allCases)
    func theHelpLineIsNeverCutAt80x24(language: Language) {
        var app = Sample.app(Sample.context(user: "bo", language: language))
        expectWholeHelpLine(app.state, buffer: app.render().buffer, mustShow: ["r", "F1", "q"])
        app.press(.character("r"))
        expectWholeHelpLine(app.state, buffer: app.render().buffer, mustShow: ["Ctrl-S", "Tab", "Esc", "F1"])
        app.press(.tab)
        expectWholeHelpLine(app.state, buffer: app.render().buffer, mustShow: ["Ctrl-S", "1-5", "F1"])
        app.press(.escape, .character("l"))
        expectWholeHelpLine(app.state, buffer: app.render().buffer, mustShow: ["F1", "q"])
    }

    @Test func homeOpensScreensByKeyNumberAndArrowsAndSaysWhyNot() {
        var app = Sample.app()
        app.press(.character("l"))
        #expect(app.state.top is ListScreen)
        #expect(app.dump().contains("Registreringer"))
        app.press(.character("q"), .character("2"))
        #expect(app.state.stack.count == 2)
        app.press(.escape, .character("w"))
        #expect(app.state.stack.count == 1)
        #expect(app.render().buffer.row(22) == " Det kræver rollen AMG.")
        app.press(.down, .enter)
        #expect(app.state.stack.count == 1)
        #expect(app.render().buffer.row(22) == " Det kræver rollen leder.")
        app.press(.character("1"))
        #expect(app.state.top is RegisterScreen)
    }

    @Test func homeShowsTheNumbersOfEachRole() {
        var state = VTCState()
        let at = Timestamp(rfc3339: "2026-11-20T10:00:00+01:00")!
        for (actor, severity) in [("anna", 3), ("anna", 1), ("søren", 2)] {
            state.apply(Event(at: at, actor: actor, payload: .registered(incident: UUID(), Sample.registration("x", severity: severity))))
        }
        let staff = Sample.app(Sample.context(user: "anna", state: state)).dump()
        #expect(staff.contains("Mine registreringer"))
        #expect(!staff.contains("I mine enheder (leder)"))
        let leader = Sample.app(Sample.context(user: "bo", state: state)).dump()
        #expect(leader.contains("I mine enheder (leder)"))
        #expect(leader.contains("AMG denne uge · Uge 47, 2026"))
        let rows = leader.split(separator: "\n")
        #expect(rows.contains { $0.contains("Ikke kvitteret") && $0.hasSuffix(" 3") })
        #expect(rows.contains { $0.contains("Nye registreringer") && $0.hasSuffix(" 3") })
        #expect(Sample.app(Sample.context(user: "anna", state: state)).dump().split(separator: "\n")
            .contains { $0.contains("Registreringer") && $0.hasSuffix(" 2") })
    }

    @Test func aTooSmallWindowAsksToEnlargeAndRecoversWithTheTypedText() throws {
        var app = Sample.app()
        app.press(.character("r"), .backTab)
        app.type("Fællesstuen")
        let before = app.render()
        app.resize(width: 60, height: 20)
        let request = app.dump().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(request.contains("vtc skal bruge mindst 80×24 tegn, men har kun 60×20."))
        #expect(app.render().cursor == nil)
        app.type("xyz")
        app.resize(width: 80, height: 24)
        let after = app.render()
        #expect(after.buffer == before.buffer)
        #expect(after.cursor == before.cursor)
        app.resize(width: 100, height: 30)
        #expect(app.render().cursor == before.cursor)
        #expect(app.dump().contains("Fællesstuen"))
    }

    @Test func theKeyOverlayListsTheScreensKeysAndClosesOnAnyKey() {
        var app = Sample.app(Sample.context(language: .en))
        app.press(.character("r"), .function(1))
        let overlay = app.dump()
        #expect(overlay.contains("Keys"))
        #expect(overlay.contains("Ctrl-S  Save"))
        #expect(overlay.contains("Quit at once (the draft is kept)"))
        app.press(.character("x"))
        #expect(!app.dump().contains("Quit at once"))
        #expect(app.state.top is RegisterScreen)
    }

    @Test func singleUserModeShowsItsBanner() throws {
        let folder = TestFolder()
        let app = LiveApp(try folder.workspace())
        #expect(app.render().buffer.row(1).contains("Enkeltbrugertilstand"))
        #expect(app.state.context.banners.count == 1)
    }

    @Test func aDamagedLogShowsAReadOnlyBannerThatStays() throws {
        let folder = TestFolder()
        let writer = try folder.workspace()
        try writer.append([.registered(incident: UUID(), Sample.registration("første"))])
        try writer.append([.registered(incident: UUID(), Sample.registration("anden"))])
        folder.write(folder.text("events.jsonl").replacingOccurrences(of: "første", with: "først"), to: "events.jsonl")
        var app = LiveApp(try folder.workspace())
        #expect(app.state.context.isReadOnly)
        let banner = app.render().buffer
        #expect(banner.row(1).hasPrefix(" Kun læsning: du kan se, men ikke ændre noget."))
        #expect(banner[1, 1].style.reverse && banner[1, 1].style.bold)
        app.press(.character("r"))
        #expect(app.state.stack.count == 1)
        #expect(app.render().buffer.row(22) == " Kun læsning: du kan se, men ikke ændre noget.")
        app.press(.character("l"), .character("q"))
        app.tick()
        #expect(app.render().buffer.row(1).hasPrefix(" Kun læsning"))
    }

    @Test func newRegistrationsFromAnotherProcessShowOnTheNextTick() throws {
        let folder = TestFolder()
        var app = LiveApp(try folder.workspace())
        let count = { (app: LiveApp) in
            app.dump().split(separator: "\n").first { $0.contains("Registreringer") }.map { String($0.split(separator: " ").last!) }
        }
        #expect(count(app) == "0")
        let other = try EventLog.open(in: folder.folder)
        try other.append(Event(at: Sample.now, actor: "anna", payload: .registered(incident: UUID(), Sample.registration("a"))))
        app.tick()
        #expect(count(app) == "1")

        app.press(.character("r"), .backTab)
        app.type("Køkkenet")
        let before = app.render()
        try other.append(Event(at: Sample.now, actor: "anna", payload: .registered(incident: UUID(), Sample.registration("b"))))
        app.tick()
        #expect(app.runtime.workspace.state.incidents.count == 2)
        #expect(app.render().buffer == before.buffer)
        #expect(app.render().cursor == before.cursor)
        app.press(.escape, .character("s"))
        #expect(count(app) == "2", "\(app.dump())")
    }

    @Test func aSavedRegistrationIsInTheLogItsDraftIsGoneAndTheSavedScreenShows() throws {
        let folder = TestFolder()
        var app = LiveApp(try folder.workspace())
        app.press(.character("r"), .character("f"), .tab, .character("4"), .tab, .tab, .tab, .tab, .tab, .tab, .tab)
        app.type("Slog mig i armen, jeg har ondt.")
        #expect(try app.runtime.workspace.listDrafts().drafts.count == 1)
        app.press(.ctrl("s"))
        #expect(app.state.top is SavedScreen)
        #expect(folder.text("events.jsonl").contains("Slog mig i armen, jeg har ondt."))
        #expect(try app.runtime.workspace.listDrafts().drafts.isEmpty)
        let screen = app.dump()
        #expect(screen.contains("Tak. Din registrering er gemt"))
        #expect(screen.contains("Debriefing – senest 25.11.2026 kl. 14:37 (Leder)"))
        #expect(screen.contains("Det skal du vide"))
        app.press(.enter)
        #expect(app.state.stack.count == 1)
        #expect(app.press(.character("q")) == .stop)
    }

    @Test func escapeKeepsOrDiscardsTheDraftAndDraftsAreOfferedOnStart() throws {
        let folder = TestFolder()
        var app = LiveApp(try folder.workspace())
        app.press(.character("r"), .character("t"), .tab, .tab, .tab, .tab, .tab, .tab, .tab, .tab)
        app.type("Truede")
        app.press(.escape, .character("g"))
        #expect(app.state.stack.count == 1)
        #expect(app.dump().contains("Kladden er gemt."))
        let drafts = try app.runtime.workspace.listDrafts().drafts
        #expect(drafts.count == 1)
        #expect(drafts.first?.fields["description"] == .string("Truede"))

        var again = LiveApp(try folder.workspace())
        #expect(again.state.top is DraftsScreen)
        #expect(again.dump().contains("Du har 1 registrering, der ikke blev gemt færdig."))
        again.press(.enter)
        #expect(again.dump().contains("Truede"))
        #expect(again.dump().split(separator: "\n").contains { $0.hasPrefix(" ▸ Beskrivelse") })
        again.press(.escape, .character("s"))
        #expect(again.state.stack.count == 1)
        #expect(again.dump().contains("Kladden er slettet."))
        #expect(try again.runtime.workspace.listDrafts().drafts.isEmpty)
        #expect(!(LiveApp(try folder.workspace()).state.top is DraftsScreen))
    }
}

/// A screen of another kind, as the other screens plug in: Enter exports week 47, `n` opens a screen on top.
struct ExportingScreen: Screen {
    func title(_ context: AppContext) -> String { "Eksport" }
    func helpEntries(_ context: AppContext) -> [HelpEntry] { [HelpEntry("Enter", "Eksportér", priority: 5)] }
    mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        switch key {
        case .enter: .exportWeek(ISOWeek(year: 2026, week: 47)!, units: [Sample.unit], at: Sample.now)
        case .character("n"): .push(ExportingScreen())
        default: nil
        }
    }
    func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? { nil }
    mutating func refresh(_ context: AppContext) {}
}

@Suite struct AppRequestTests {
    @Test func anExportIsWrittenIntoTheDataFolderAndItsPathShown() throws {
        let folder = TestFolder()
        folder.write(Sample.rosterJSON, to: "roster.json")
        let workspace = try folder.workspace(user: "bo")
        let home = LiveApp(workspace)
        var state = home.state
        state.stack.append(ExportingScreen())
        var app = LiveApp(replacing: home, with: state)
        app.press(.character("n"))
        #expect(app.state.stack.count == 3)
        app.press(.enter)
        // The workspace's document, byte for byte: the week of the unit as leader and AMG Bo may read it.
        let document = try #require(workspace.weekDocument(ISOWeek(year: 2026, week: 47)!, units: [Sample.unit], at: Sample.now,
                                                           language: .da))
        #expect(folder.text("exports/uge-2026-W47.md") == String(decoding: document, as: UTF8.self))
        #expect(folder.text("exports/uge-2026-W47.md").hasPrefix("# AMG's ugeoversigt – Uge 47, 2026\n"))
        #expect(app.state.status == StatusLine("Skrevet til \(folder.path)/exports/uge-2026-W47.md"))
        #expect(app.render().buffer.row(22).hasPrefix(" Skrevet til \(folder.path)/"))
        app.press(.character("q"), .character("q"))
        #expect(app.state.stack.count == 1)
    }

    @Test func anExportOfAWeekTheUserMayNotReadWritesNothing() throws {
        let folder = TestFolder()
        folder.write(Sample.rosterJSON, to: "roster.json")
        let home = LiveApp(try folder.workspace(user: "anna"))
        var state = home.state
        state.stack.append(ExportingScreen())
        var app = LiveApp(replacing: home, with: state)
        app.press(.enter)
        #expect(app.state.status == StatusLine(Texts(.da)[.noReadableUnits], isError: true))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/exports/uge-2026-W47.md"))
    }

    @Test func openingHomeGoesBackToTheHomeAtTheBottom() {
        var app = Sample.app()
        app.press(.character("l"))
        var state = app.state
        state.stack.append(ExportingScreen())
        var sim = Simulator(AppShell.program, initial: state)
        #expect(sim.state.stack.count == 3)
        let (top, _) = AppShell.resolve([.open(.home)], sim.state)
        #expect(top.stack.count == 1)
        #expect(top.top is HomeScreen)
        sim.press(.character("q"))
        #expect(sim.state.stack.count == 2)
    }

    @Test func aHangupWritesTheFormsDraftToTheDataFolder() throws {
        let folder = TestFolder()
        var app = LiveApp(try folder.workspace())
        app.press(.character("r"), .character("a"))
        app.interrupt(.hangup)
        let drafts = try app.runtime.workspace.listDrafts().drafts
        #expect(drafts.count == 1)
        #expect(drafts.first?.fields["kind"] == .string("other"))
    }
}

@Suite struct FailedWriteTests {
    @Test func aFailedSaveKeepsTheFormAndItsTextAndSaysWhy() throws {
        let folder = TestFolder()
        _ = try folder.workspace()
        var failing = SystemCalls.live
        failing.now = { Sample.now }
        failing.fdatasync = { _ in
            errno = EIO
            return -1
        }
        var app = LiveApp(try Workspace.open(folder.folder, user: "anna", system: failing))
        let logBefore = folder.text("events.jsonl")
        app.press(.character("r"), .character("t"), .tab, .character("2"))
        for _ in 0..<7 { app.press(.tab) }
        app.type("Spyttede efter mig")
        app.press(.ctrl("s"))
        #expect(app.state.top is RegisterScreen)
        #expect(app.dump().contains("Spyttede efter mig"))
        #expect(app.render().buffer.row(22).contains("Ikke gemt"))
        #expect(folder.text("events.jsonl") == logBefore)
    }

    @Test func aFailedNoteKeepsTheDetailFormAndItsText() throws {
        let folder = TestFolder()
        let id = UUID()
        var registration = Sample.registration("Slog ud efter mig")
        registration.unit = Roster.defaultSingleUserUnit
        try folder.workspace().append([.registered(incident: id, registration)])
        var failing = SystemCalls.live
        failing.now = { Sample.now }
        failing.fdatasync = { _ in
            errno = EIO
            return -1
        }
        let app = LiveApp(try Workspace.open(folder.folder, user: "anna", system: failing))
        var state = app.state
        state.stack.append(DetailScreen(incident: id))
        var detail = LiveApp(replacing: app, with: state)
        detail.press(.character("n"))
        detail.type("Talt med medarbejderen")
        detail.press(.ctrl("s"))
        #expect((detail.state.top as? DetailScreen)?.capturesTypedKeys == true)
        #expect(detail.dump().contains("Talt med medarbejderen"))
        #expect(detail.render().buffer.row(22).contains("Ikke gemt"))
    }
}
