
/// What a screen's cached results were computed from: the number of events
/// applied and the minute of "now". The shell calls `refresh` on every clock
/// tick; with an unchanged log in the same minute a screen keeps what it has
/// instead of scanning every incident again.
struct RefreshStamp: Equatable, Sendable {
    let events: Int
    let minute: Int64

    init(_ context: AppContext) {
        events = context.eventCount
        minute = context.now.epochSeconds / 60
    }
}
