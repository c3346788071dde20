import VTCModel
import VTCTexts
import TerminalKit

/// The first screen: what the user can do, by single key, number or arrows,
/// and the numbers that matter to this user's roles.
public struct HomeScreen: Screen {
    struct Entry: Equatable {
        let screen: ScreenID
        let key: Character
        let label: TextKey
    }

    static let entries = [
        Entry(screen: .register, key: "r", label: .menuRegister),
        Entry(screen: .list, key: "l", label: .menuList),
        Entry(screen: .followUpQueue, key: "f", label: .menuFollowUpQueue),
        Entry(screen: .week, key: "w", label: .menuWeek),
        Entry(screen: .statistics, key: "s", label: .menuStatistics),
    ]

    public private(set) var selected = 0
    /// nil while they cannot be had (a server that does not answer).
    private(set) var numbers: HomeCounts?

    public init(_ context: AppContext) {
        numbers = context.queries.home(at: context.now)
    }

    public func title(_ context: AppContext) -> String { context.texts[.appTitle] }

    public func helpEntries(_ context: AppContext) -> [HelpEntry] {
        let texts = context.texts
        return [
            HelpEntry("r", texts[.menuRegister], priority: 9),
            HelpEntry("↑↓", texts[.moveKeyLabel], priority: 3),
            HelpEntry("Enter", texts[.openKeyLabel], priority: 4),
            HelpEntry("l", texts[.menuList], priority: 2),
        ]
    }

    public mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        switch key {
        case .up:
            selected = (selected + HomeScreen.entries.count - 1) % HomeScreen.entries.count
        case .down, .tab:
            selected = (selected + 1) % HomeScreen.entries.count
        case .backTab:
            selected = (selected + HomeScreen.entries.count - 1) % HomeScreen.entries.count
        case .enter:
            return open(HomeScreen.entries[selected], context)
        case .character(let character):
            if let number = character.wholeNumberValue, (1...HomeScreen.entries.count).contains(number) {
                selected = number - 1
                return open(HomeScreen.entries[selected], context)
            }
            if let index = HomeScreen.entries.firstIndex(where: { String($0.key) == character.lowercased() }) {
                selected = index
                return open(HomeScreen.entries[index], context)
            }
        default:
            break
        }
        return nil
    }

    public mutating func refresh(_ context: AppContext) {
        numbers = context.queries.home(at: context.now)
    }

    /// Opens the entry's screen, or says in one line why this user cannot.
    private func open(_ entry: Entry, _ context: AppContext) -> ScreenRequest {
        if let refusal = HomeScreen.refusal(entry.screen, context) { return .status(refusal) }
        return .open(entry.screen)
    }

    /// Why the user cannot open a screen; nil when they can.
    static func refusal(_ screen: ScreenID, _ context: AppContext) -> String? {
        let texts = context.texts
        let user = context.user
        let units = context.roster.units
        func readsSomeUnit(_ request: (String) -> AccessRequest) -> Bool { units.contains { context.may(request($0)) } }
        switch screen {
        case .home, .list:
            return nil
        case .register:
            if context.isReadOnly { return texts[.readOnlyBanner] }
            return RegisterForm.registrableUnits(context).isEmpty ? texts[.noUnitToRegister] : nil
        case .followUpQueue:
            let responsible = [Role.leader, .amg, .coordinator].contains { user.hasAnywhere($0) }
            return responsible ? nil : texts.message(.refused(.needsRole(.leader, unit: nil)))
        case .week:
            return readsSomeUnit { .readUnit(unit: $0) } ? nil : texts.message(.refused(.needsRole(.amg, unit: nil)))
        case .statistics:
            return readsSomeUnit { .readStatistics(unit: $0) } ? nil : texts.message(.refused(.needsRole(.leader, unit: nil)))
        }
    }

    public func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        let texts = context.texts
        var y = area.y + 1
        let x = area.x + 2
        for (index, entry) in HomeScreen.entries.enumerated() {
            let allowed = HomeScreen.refusal(entry.screen, context) == nil
            var style: Style = allowed ? .plain : .dim
            if index == selected { style.reverse = true }
            let line = " \(index + 1)  \(entry.key)  \(texts[entry.label]) "
            buffer.fill(Rect(x: x, y: y, width: 34, height: 1), style: style)
            buffer.put(line, x: x, y: y, maxWidth: 34, style: style)
            y += 1
        }
        // The numbers stand in a column to the right of the menu.
        let column = area.x + 40
        let valueEnd = area.x + area.width - 3
        y = area.y + 1
        for (index, line) in (numbers?.lines(texts) ?? []).enumerated() where y < area.y + area.height {
            switch line {
            case .heading(let text):
                if index > 0 { y += 1 }
                buffer.put(text, x: column, y: y, maxWidth: valueEnd - column, style: Style(bold: true, color: .accent))
            case .count(let label, let value, let isWarning):
                let shown = String(value)
                buffer.put(label, x: column, y: y, maxWidth: valueEnd - column - shown.count - 1)
                let style = isWarning && value > 0 ? Style(bold: true, color: .warning) : Style.bold
                buffer.put(shown, x: valueEnd - shown.count, y: y, style: style)
            }
            y += 1
        }
        return nil
    }
}

/// The counts on the home screen as lines, for the roles the user holds.
extension HomeCounts {
    enum Line: Equatable {
        case heading(String)
        case count(String, Int, isWarning: Bool)
    }

    func lines(_ texts: Texts) -> [Line] {
        var lines: [Line] = [
            .heading(texts[.myRegistrations]),
            .count(texts[.incidents], mine, isWarning: false),
            .count(texts[.withOpenFollowUp], mineWithOpenFollowUp, isWarning: false),
        ]
        if let asLeader {
            lines += [
                .heading(texts[.inMyUnitsAsLeader]),
                .count(texts[.notAcknowledged], asLeader.unacknowledged, isWarning: true),
                .count(texts[.overdueFollowUp], asLeader.overdue, isWarning: true),
            ]
        }
        if let amgWeek {
            lines += [
                .heading(texts[.amgThisWeek] + " · " + texts.message(.week(amgWeek.week))),
                .count(texts[.newIncidents], amgWeek.new, isWarning: false),
                .count(texts[.openFollowUp], amgWeek.open, isWarning: false),
                .count(texts[.overdueFollowUp], amgWeek.overdue, isWarning: true),
            ]
        }
        return lines
    }
}
