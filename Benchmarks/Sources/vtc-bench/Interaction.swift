import Foundation
import VTCDomain
import VTCLog
import VTCTerminal

/// vtc-bench interact [COUNT]: the list screen at region scale. Each key is
/// timed on its own: handling it and rendering the screen into an 80×24 cell
/// buffer, as the terminal loop does for every key.
enum Interaction {
    static func run(count: Int) throws {
        let path = try RegionLog.file(events: count)
        var state = VTCState(policy: .default)
        for logged in try EventLog.open(fileAt: path).readNew() { state.apply(logged.event) }
        let user = UserAccess(user: "koordinator-åse", roles: [.coordinator: .allUnits, .leader: .allUnits])
        let context = AppContext(state: state, history: HistoryReader(events: []), user: user, roster: Roster(units: [], users: [user]),
                                 texts: Texts(.da), now: RegionLog.now(events: count))
        print("\(count) events, \(state.incidents.count) incidents; each key = handle + render at 80×24")

        var opened = nanoseconds()
        var screen = ListScreen(context: context)
        _ = screen.handle(.resize(TerminalSize(width: 80, height: 24)), context)
        opened = nanoseconds() - opened
        report("open the list", [opened])

        func time(_ name: String, _ keys: [Key]) {
            var samples: [UInt64] = []
            for key in keys {
                let start = nanoseconds()
                _ = screen.handle(key, context)
                var buffer = CellBuffer(width: 80, height: 24)
                _ = screen.render(context, into: &buffer, area: Rect(x: 0, y: 1, width: 80, height: 21))
                samples.append(nanoseconds() - start)
            }
            report(name, samples)
        }
        time("page down", Array(repeating: .pageDown, count: 300))
        time("severity filter (1–5 on and off)", (1...5).flatMap { [Key.character(Character(String($0))), .character(Character(String($0)))] })
        time("overdue toggle", Array(repeating: .character("d"), count: 10))
        _ = screen.handle(.character("/"), context)
        time("search, each character typed", Key.typing("slog ud"))
        time("search, each character deleted", Array(repeating: .backspace, count: 7))
    }
}
