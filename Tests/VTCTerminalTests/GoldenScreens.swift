import Foundation
import Testing
import VTCModel
import VTCCodec
import VTCTexts
import VTCStore
@testable import TerminalKit
@testable import VTCTerminal
@testable import vtc

/// Every screen at 80×24 in Danish and English, drawn by the real application frame from fixed data
/// at a fixed moment: the month the guide shows (`GuideCaptureTests.realisticMonth`) and seeded demo
/// data seen by a leader of four units. Each is kept as a dump under `Golden/`, compared cell for cell
/// (character and style), and rewritten by
///
///     VTC_REGENERATE_GOLDEN=1 swift test --filter Golden
///
/// which also rewrites the captures in docs/guide.md from the guide's dumps.
enum GoldenScreens {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var regenerating: Bool { ProcessInfo.processInfo.environment["VTC_REGENERATE_GOLDEN"] == "1" }
    static let size = TerminalSize(width: 80, height: 24)

    /// The application on `context`'s home screen, sized, after `keys`.
    static func app(_ context: AppContext, below: [any Screen] = [], _ keys: [Key]) -> Simulator<AppState, AppEffect> {
        let state = AppState(context: context, stack: [HomeScreen(context)] + below, size: size)
        var sim = Simulator(AppShell.program, initial: state, width: size.width, height: size.height)
        sim.resize(width: size.width, height: size.height)
        sim.send(keys)
        return sim
    }

    /// The screens the guide shows, from the guide's month, as the leader and the AMG representative see them.
    static func guide(_ language: Language) -> [(String, CellBuffer)] {
        let s = GuideCaptureTests.realisticMonth()
        let now = GuideCaptureTests.now
        let leader = s.context(for: "leder", now: now, language: language)
        let amg = s.context(for: "amr", now: now, language: language)
        let staff = s.context(for: "anna", now: now, language: language)
        let description = language == .da ? "Beboeren spyttede efter mig, da jeg gav medicin." : "The resident spat at me at medication."
        let screens: [(String, Simulator<AppState, AppEffect>)] = [
            ("register", app(staff, [.character("r"), .character("t"), .tab, .character("2"), .tab, .tab, .tab, .tab, .tab, .tab, .tab]
                             + Key.typing(description))),
            ("list", app(leader, [.character("l"), .character("p"), .character("p")])),
            ("detail", app(leader, below: [DetailScreen(incident: ScreenScenario.id(7))], [.pageDown])),
            ("recording", app(leader, below: [DetailScreen(incident: ScreenScenario.id(7))],
                              [.character("f"), .down, .down, .enter, .tab, .tab]
                              + Key.typing(language == .da ? "Debriefing aftalt til mandag" : "Debriefing set for Monday"))),
            ("queue", app(leader, [.character("f")])),
            ("week", app(amg, [.character("w")])),
            ("week-lists", app(amg, [.character("w"), .pageDown])),
            ("statistics", app(leader, [.character("s")])),
        ]
        return screens.map { ("guide-" + $0.0, $0.1.render().buffer) }
    }

    /// Seeded demo data: four units with long names, two years of registrations.
    static let demo = DemoData.generate(incidents: 400, seed: 7, now: Timestamp(rfc3339: "2026-11-25T09:00:00+01:00")!,
                                        currentUser: "leder")

    static func demoContext(_ language: Language) -> AppContext {
        let roster = try! RosterFile.parse(JSONWriter.encode(demo.rosterDocument))
        return AppContext(state: VTCState.replay(demo.events), history: HistoryReader(events: demo.events),
                          user: roster.access(for: "leder")!, roster: roster, texts: Texts(language),
                          now: Timestamp(rfc3339: "2026-11-25T09:30:00+01:00")!)
    }

    /// What a leader of the four demo units uses in a day, and what a member of staff sees around a registration.
    static func leader(_ language: Language) -> [(String, CellBuffer)] {
        let context = demoContext(language)
        let newest = context.state.incidents.values.last!.id
        let draft = Draft(user: "leder", updatedAt: context.now, fields: .object([
            ("kind", .string("threat")), ("description", .string("Råbte efter mig i gangen.")),
        ]))
        let screens: [(String, Simulator<AppState, AppEffect>)] = [
            ("home", app(context, [])),
            ("list", app(context, [.character("l")])),
            ("list-unacknowledged", app(context, [.character("l"), .character("k"), .character("o")])),
            ("list-search", app(context, [.character("l"), .character("/")] + Key.typing("smøg") + [.enter])),
            ("detail", app(context, [.character("l"), .character("k"), .enter])),
            ("detail-recording", app(context, [.character("l"), .character("k"), .enter, .character("f")])),
            ("detail-form", app(context, [.character("l"), .character("k"), .enter, .character("f"), .enter])),
            ("queue", app(context, [.character("f")])),
            ("week", app(context, [.character("w")])),
            ("week-action", app(context, [.character("w"), .character("t")])),
            ("statistics", app(context, [.character("s")])),
            ("keys", app(context, [.character("l"), .function(1)])),
            ("register", app(context, [.character("r")])),
            ("register-leaving", app(context, [.character("r"), .character("t"), .escape])),
            ("register-problem", app(context, [.character("r"), .character("t"), .tab, .character("3"),
                                               .tab, .tab, .tab, .tab, .tab] + Key.typing("i overmorgen") + [.tab])),
            ("saved", app(context, below: [SavedScreen(incident: newest)], [])),
            ("drafts", app(context, below: [DraftsScreen([draft])], [.character("d")])),
        ]
        return screens.map { ("leader-" + $0.0, $0.1.render().buffer) }
    }

    static func all() -> [(name: String, buffer: CellBuffer)] {
        Language.allCases.flatMap { language in
            (guide(language) + leader(language)).map { ($0.0 + "-" + language.rawValue, $0.1) }
        }
    }

    /// The rows as text, then one character per cell naming its style (`.` plain), then what each
    /// character stands for: a change of either shows in a diff.
    static func dump(_ buffer: CellBuffer) -> String {
        var legend: [Style: Character] = [.plain: "."]
        let codes = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var styleRows: [String] = []
        for y in 0..<buffer.height {
            var row = ""
            for x in 0..<buffer.width {
                let style = buffer[x, y].style
                if legend[style] == nil { legend[style] = codes[min(legend.count - 1, codes.count - 1)] }
                row.append(legend[style]!)
            }
            styleRows.append(row)
        }
        let names = legend.filter { $0.key != .plain }.sorted { $0.value < $1.value }.map { style, code in
            "\(code) " + [style.bold ? "bold" : nil, style.reverse ? "reverse" : nil, style.underline ? "underline" : nil,
                          style.dim ? "dim" : nil, style.color == .normal ? nil : "\(style.color)"].compactMap { $0 }.joined(separator: " ")
        }
        return buffer.dump() + "\n-- styles\n" + styleRows.joined(separator: "\n") + "\n-- legend\n" + names.joined(separator: "\n") + "\n"
    }

    /// The text part of a dump: the screen as the guide shows it.
    static func text(ofDump dump: String) -> String {
        dump.components(separatedBy: "\n-- styles\n").first ?? dump
    }

    static func path(_ name: String) -> URL { folder.appendingPathComponent(name + ".txt") }
}

@Suite struct GoldenScreenTests {
    // The guide's captures are checked (and rewritten) by GuideCaptureTests from the same screens.

    @Test func everyScreenMatchesItsDumpCellForCell() throws {
        if GoldenScreens.regenerating {
            try FileManager.default.createDirectory(at: GoldenScreens.folder, withIntermediateDirectories: true)
        }
        for (name, buffer) in GoldenScreens.all() {
            let dump = GoldenScreens.dump(buffer)
            let path = GoldenScreens.path(name)
            if GoldenScreens.regenerating {
                try dump.write(to: path, atomically: true, encoding: .utf8)
                continue
            }
            let stored = try? String(contentsOf: path, encoding: .utf8)
            guard let stored else {
                Issue.record("\(name): no dump; run VTC_REGENERATE_GOLDEN=1 swift test --filter Golden")
                continue
            }
            if stored != dump {
                let (a, b) = (stored.split(separator: "\n", omittingEmptySubsequences: false),
                              dump.split(separator: "\n", omittingEmptySubsequences: false))
                let line = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? min(a.count, b.count)
                Issue.record("\(name) differs from Golden/\(name).txt at line \(line + 1):\n stored: \(line < a.count ? a[line] : "")\n now:    \(line < b.count ? b[line] : "")")
            }
        }
    }

    @Test func theKeysALeaderAndTheAMGUseDailyAreOnTheBottomLine() {
        let screens = Dictionary(uniqueKeysWithValues: GoldenScreens.all().map { ($0.name, $0.buffer) })
        func keys(_ name: String) -> Set<String> {
            let buffer = screens[name]!
            return Set(buffer.row(buffer.height - 1).components(separatedBy: "  ").compactMap { $0.split(separator: " ").first.map(String.init) })
        }
        for language in Language.allCases.map(\.rawValue) {
            #expect(keys("leader-list-" + language).isSuperset(of: ["Enter", "/", "k", "d", "o", "F1", "q"]), "\(language)")
            #expect(keys("leader-week-" + language).isSuperset(of: ["←→", "t", "l", "m", "s", "x", "F1", "q"]), "\(language)")
            #expect(keys("leader-register-leaving-" + language) == ["↑↓", "Enter", "Esc", "F1"], "the question's keys, not the form's")
        }
    }

    @Test func noScreenWritesOverAnother() {
        for (name, buffer) in GoldenScreens.all() {
            let text = buffer.dump()
            #expect(!text.contains("…"), "\(name) cuts a text at 80×24:\n\(text)")
        }
    }
}
