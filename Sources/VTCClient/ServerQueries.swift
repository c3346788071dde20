import Foundation
import Synchronization
import VTCCodec
import VTCModel
import VTCProtocol
import VTCStore

/// The connection to `vtc serve`, shared by a workspace and what asks over it (the history reader, the
/// screens' questions); made again by the workspace when the server restarted.
final class ServerLink: @unchecked Sendable {
    var connection: ServerConnection
    init(_ connection: ServerConnection) { self.connection = connection }
}

/// The screens' questions asked of the server, which answers each for the
/// connection's user with the function embedded mode runs (`StateQueries`).
/// An answer is kept until the log changes (`forget`, on the server's
/// `changed` or this user's write), so that drawing a screen again asks nothing.
/// A question the server does not answer (it restarted) gets nothing; the
/// workspace's next refresh connects again and the screens ask again.
public final class ServerQueries: ScreenQueries {
    private struct Kept {
        var policy: Policy
        var home: (at: Timestamp, counts: HomeCounts)?
        var list: (question: ListQuestion, selection: IncidentSelection)?
        /// Rows of the follow-up queue around those last drawn.
        var followUps: (at: Timestamp, page: FollowUpQueuePage)?
        var statistics: [StatisticsQuestion: PeriodComparison?] = [:]
        var week: (week: ISOWeek, units: [String], at: Timestamp, page: Int, data: WeekScreenData)?
        var records: [UUID: IncidentRecord] = [:]
    }
    /// The records kept at most; more are let go, those of the screen drawn are asked for again.
    private static let keptRecords = 5_000
    /// How many rows of the follow-up queue are asked for at once: several screenfuls around those drawn, so that
    /// moving through the queue asks the server again only every few pages.
    private static let queueWindow = 240
    private let link: ServerLink
    private let kept: Mutex<Kept>

    init(_ link: ServerLink, policy: Policy) {
        self.link = link
        kept = Mutex(Kept(policy: policy))
    }

    /// Forgets every answer: the log changed, or the policy did.
    func forget(policy: Policy) {
        kept.withLock { $0 = Kept(policy: policy) }
    }

    public func home(at now: Timestamp) -> HomeCounts? {
        kept.withLock { kept in
            if let home = kept.home, home.at == now { return home.counts }
            guard case .home(let counts)? = try? link.connection.exchange(.home(at: now)) else { return nil }
            kept.home = (now, counts)
            return counts
        }
    }

    private struct ListQuestion: Equatable {
        let query: IncidentQuery
        let at: Timestamp
        let window: ListWindow?
        let kept: UUID?
    }

    public func list(_ query: IncidentQuery, at now: Timestamp, window: ListWindow?, keeping kept: UUID?) -> IncidentSelection {
        self.kept.withLock { answers in
            let question = ListQuestion(query: query, at: now, window: window, kept: kept)
            if let list = answers.list, list.question == question { return list.selection }
            guard case .selection(let selection)? = try? link.connection.exchange(.list(query, at: now, window: window, keeping: kept))
            else { return .none }
            answers.list = (question, selection)
            return selection
        }
    }

    public func followUpQueue(at now: Timestamp, rows: Range<Int>) -> FollowUpQueuePage {
        kept.withLock { kept in
            if let held = kept.followUps, held.at == now, let page = held.page.rows(rows) { return page }
            // A window around the rows asked for, a third of it before them (moving up), in pages the server allows.
            let start = max(0, rows.lowerBound - Self.queueWindow / 3)
            let window = start..<max(rows.upperBound, start + Self.queueWindow)
            var held: FollowUpQueuePage?
            for first in stride(from: window.lowerBound, to: window.upperBound, by: ProtocolLimits.maximumPage) {
                let asked = first..<min(window.upperBound, first + ProtocolLimits.maximumPage)
                guard case .followUps(let page)? = try? link.connection.exchange(.followUps(at: now, rows: asked)) else { return .empty }
                held = FollowUpQueuePage(first: held?.first ?? page.first, entries: (held?.entries ?? []) + page.entries, total: page.total)
                if page.entries.count < asked.count { break }
            }
            guard let held else { return .empty }
            kept.followUps = (now, held)
            return held.rows(rows) ?? .empty
        }
    }

    private struct StatisticsQuestion: Hashable {
        let period: StatisticsPeriod
        let units: [String]
    }

    public func statistics(_ period: StatisticsPeriod, units: [String]) -> PeriodComparison? {
        kept.withLock { kept in
            let question = StatisticsQuestion(period: period, units: units)
            if let answer = kept.statistics[question] { return answer }
            guard case .statistics(let comparison)? = try? link.connection.exchange(.statistics(period, units: units)) else { return nil }
            kept.statistics[question] = comparison
            return comparison
        }
    }

    /// A page of the week is kept for the screen; the whole report is not (the export asks for the document the
    /// server makes, `ServerWorkspace.weekDocument`).
    public func week(_ week: ISOWeek, units: [String], at now: Timestamp, page: Int?) -> WeekScreenData {
        kept.withLock { kept in
            if let answer = kept.week, answer.week == week, answer.units == units, answer.at == now, answer.page == page { return answer.data }
            let none = WeekScreenData(report: nil, openActions: [])
            guard case .week(let outline, let openActions, let snapshot)? =
                    try? link.connection.exchange(.week(week, units: units, at: now, page: page)) else { return none }
            var reader = BinaryReader(bytes: snapshot)
            guard let part = try? VTCState(snapshot: &reader, policy: kept.policy),
                  let data = WeekScreenData(outline: outline, openActions: openActions, part: part) else { return none }
            if let page { kept.week = (week, units, now, page, data) }
            return data
        }
    }

    public func incidents(_ ids: [UUID]) -> [UUID: IncidentRecord] {
        kept.withLock { kept in
            var missing = ids.filter { kept.records[$0] == nil }
            if kept.records.count + missing.count > Self.keptRecords { (kept.records, missing) = ([:], ids) }
            if !missing.isEmpty {
                let policy = kept.policy
                for start in stride(from: 0, to: missing.count, by: ProtocolLimits.maximumViewIDs) {
                    let part = Array(missing[start..<min(missing.count, start + ProtocolLimits.maximumViewIDs)])
                    guard let state = try? link.connection.view(.ids(part), restore: { _, reader throws(WorkspaceError) in
                        do { return try VTCState(snapshot: &reader, policy: policy) } catch {
                            throw .log(.invalidFile(path: "", reason: "\(error)"))
                        }
                    }) else { return [:] }
                    for record in state.incidents.values { kept.records[record.id] = record }
                }
            }
            var records: [UUID: IncidentRecord] = [:]
            for id in ids { records[id] = kept.records[id] }
            return records
        }
    }

    /// The server does not say whether an incident it does not show exists.
    public func refusalToSee(_ id: UUID) -> AccessRefusal? { nil }
}
