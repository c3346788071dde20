import Foundation

/// Makes the screens that are opened by name.
enum AppScreens {
    /// A new screen; `AppShell` goes back to the home at the bottom instead of opening another.
    static func make(_ id: ScreenID, _ context: AppContext) -> any Screen {
        switch id {
        case .home: HomeScreen(context)
        case .register: RegisterScreen(context)
        case .list: ListScreen(context: context)
        case .followUpQueue: FollowUpQueueScreen(context: context)
        case .week: WeekScreen(context: context)
        case .statistics: StatisticsScreen(context: context)
        }
    }
}
