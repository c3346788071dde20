import Foundation
import VTCDomain

/// Makes the screens that are opened by name.
enum AppScreens {
    /// A new screen; `AppShell` goes back to the home at the bottom instead of opening another.
    static func make(_ id: ScreenID, _ context: AppContext) -> any Screen {
        switch id {
        case .home: HomeScreen(context)
        case .register: RegisterScreen(context)
        // The list, detail, follow-up queue, AMG week and statistics screens are
        // built on branch `ui-screens`; until they are merged these open
        // `NotYetAvailableScreen`. At the merge, replace these four cases with
        // `ListScreen`, `FollowUpQueueScreen`, `WeekScreen` and `StatisticsScreen`.
        case .list, .followUpQueue, .week, .statistics: NotYetAvailableScreen(id)
        }
    }
}

/// Stands in for a screen of branch `ui-screens` until it is merged (see `AppScreens.make`).
struct NotYetAvailableScreen: Screen {
    let id: ScreenID

    init(_ id: ScreenID) {
        self.id = id
    }

    func title(_ context: AppContext) -> String {
        let texts = context.texts
        switch id {
        case .home: return texts[.appTitle]
        case .register: return texts[.registerTitle]
        case .list: return texts[.menuList]
        case .followUpQueue: return texts[.menuFollowUpQueue]
        case .week: return texts[.menuWeek]
        case .statistics: return texts[.menuStatistics]
        }
    }

    func helpEntries(_ context: AppContext) -> [HelpEntry] { [] }

    mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? { nil }

    func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        buffer.put(title(context), x: area.x + 2, y: area.y + 1, maxWidth: area.width - 4, style: .bold)
        buffer.put(context.texts[.screenNotYetAvailable], x: area.x + 2, y: area.y + 3, maxWidth: area.width - 4)
        return nil
    }

    mutating func refresh(_ context: AppContext) {}
}
