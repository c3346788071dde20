import Foundation
import VTCModel
import VTCTexts
import VTCStore
import TerminalKit
import VTCTerminal

/// vtc-bench interact [COUNT]: the list screen at region scale. Each key is
/// timed on its own: handling it and rendering the screen into an 80×24 cell
/// buffer, as the terminal loop does for every key. Nothing is left to finish
/// after a key: its result (rows and count) is complete when it is timed.
enum Interaction {
    static func run(count: Int) throws {
        let path = try RegionLog.file(events: count)
        let workspace = try Workspace.open(DataFolder(path: try RegionLog.dataFolder(for: path)))
        var state = workspace.state
        let user = UserAccess(user: "koordinator-åse", roles: [.coordinator: .allUnits, .leader: .allUnits])
        let now = RegionLog.now(events: count)
        var context = AppContext(state: state, history: HistoryReader(events: []), user: user, roster: Roster(units: [], users: [user]),
                                 texts: Texts(.da), now: now)
        print("\(count) events, \(state.incidents.count) incidents; each key = handle + render at 80×24")

        func render(_ screen: ListScreen) {
            var buffer = CellBuffer(width: 80, height: 24)
            _ = screen.render(context, into: &buffer, area: Rect(x: 0, y: 1, width: 80, height: 21))
        }
        let residentBefore = ColdStartChild.residentBytes()
        var index = IncidentIndex(state, for: user)
        print(String(format: "resident memory: %.0f MB with the state, %.0f MB with the index; peak %.0f MB",
                     Double(residentBefore) / 1e6, Double(ColdStartChild.residentBytes()) / 1e6,
                     Double(ColdStartChild.peakResidentBytes()) / 1e6))
        report("build the incident index", (0..<3).map { _ in
            let start = nanoseconds()
            index = IncidentIndex(state, for: user)
            return nanoseconds() - start
        })
        for text in ["s", "sl", "slo", "æ", "kollega"] {
            var found = 0
            report("index alone: search '\(text)'", (0..<3).map { _ in
                let start = nanoseconds()
                found = index.text.search(text).count
                return nanoseconds() - start
            })
            print("    \(found) incidents match")
        }
        var screen = ListScreen(context: context)
        report("open the list (+ first page)", (0..<3).map { _ in
            let start = nanoseconds()
            screen = ListScreen(context: context)
            _ = screen.handle(.resize(TerminalSize(width: 80, height: 24)), context)
            render(screen)
            return nanoseconds() - start
        })

        func time(_ name: String, _ keys: [Key]) {
            report(name, keys.map { key in
                let start = nanoseconds()
                _ = screen.handle(key, context)
                render(screen)
                return nanoseconds() - start
            })
        }
        time("page down", Array(repeating: .pageDown, count: 300))
        time("severity filter (1–5 on and off)", (1...5).flatMap { [Key.character(Character(String($0))), .character(Character(String($0)))] })
        time("overdue toggle (d)", Array(repeating: .character("d"), count: 10))
        time("open toggle (a)", Array(repeating: .character("a"), count: 10))
        time("unacknowledged toggle (k)", Array(repeating: .character("k"), count: 10))
        time("order toggle (o)", Array(repeating: .character("o"), count: 10))
        for text in ["slog ud", "påvirket", "b-3", "ÆRØ"] {
            _ = screen.handle(.character("/"), context)
            time("search '\(text)', each typed", Key.typing(text))
            time("search '\(text)', each deleted", Array(repeating: .backspace, count: text.count))
            _ = screen.handle(.escape, context)
        }
        _ = screen.handle(.character("/"), context)
        for key in Key.typing("slog") { _ = screen.handle(key, context) }
        _ = screen.handle(.enter, context)
        time("filters while 'slog' is searched", [.character("3"), .character("3"), .character("d"), .character("d"),
                                                   .character("o"), .character("o")])

        // A new registration arrives: the screen rebuilds its index on the next refresh.
        var samples: [UInt64] = []
        for n in 0..<3 {
            let facts = Registration(
                occurredAt: now, unit: "Bo- og Værested Åbo 1", location: "haven", kind: .threat, severity: .init(rawValue: 3)!,
                citizenRef: "B-\(n)", description: "Ny registrering \(n) under benchmark.")
            state.apply(Event(at: now, actor: "medarbejder1", payload: .registered(incident: UUID(), facts)))
            context.state = state
            let start = nanoseconds()
            screen.refresh(context)
            render(screen)
            samples.append(nanoseconds() - start)
        }
        report("refresh after a new registration", samples)
    }
}
