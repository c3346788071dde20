import Foundation
import PropertyBased
import Testing
@testable import VTCModel

/// What `vtc serve` answers a screen's question with (the model function over its whole state, for the
/// connection's user, the list selected through the index of every incident it keeps) must be what embedded
/// mode computes over the user's view (`StateQueries`): the same numbers, the same ids in the same order,
/// and never an incident the user may not see.
@Suite struct ScreenQueriesTests {
    static let roster = Roster(units: ["Bo Nord", "Bo Syd", "Elsewhere"], users: StateViewOracle.users)

    /// The server's home numbers, as `ScreenQueryAnswers` computes them: over the whole state, the leader's counts
    /// selected from the index of every incident `kept` keeps (a user who sees much) or through the user's list index.
    static func serverHome(_ state: VTCState, _ user: UserAccess, at now: Timestamp, _ kept: inout KeptIncidentIndex) -> HomeCounts {
        let queries = StateQueries(state: state, user: user, roster: roster, cache: ListCache())
        return queries.home(at: now, everyIncident: state.selectsFromEveryIncident(for: user) ? kept.index(of: state) : nil)
    }

    /// The server's list, as `ScreenQueryAnswers` computes it: over the whole state, from the index of every incident
    /// `kept` keeps for a user who sees much, through the user's list index for one who sees little.
    static func serverList(_ state: VTCState, _ user: UserAccess, _ query: IncidentQuery, at now: Timestamp, _ kept: inout KeptIncidentIndex,
                           cache: ListCache, window: ListWindow? = nil, keeping: UUID? = nil) -> IncidentSelection {
        StateQueries(state: state, user: user, roster: roster, cache: cache).list(
            query, at: now, window: window, keeping: keeping, everyIncident: state.selectsFromEveryIncident(for: user) ? kept.index(of: state) : nil)
    }

    @Test("the server's list, event by event, with its caches kept between the events and a search typed and deleted, equals embedded mode's over the user's view; both ways are taken")
    func serverListsFollowTheEvents() async {
        await propertyCheck(count: 15, input: RandomEvents.sequence(count: 1...120)) { events in
            var state = VTCState.replay([Event]())
            var kept = KeptIncidentIndex()
            let caches = StateViewOracle.users.map { _ in ListCache() }
            var ways: Set<Bool> = []
            let texts = ["", "a", "an", "and", "an", "æ", "bo n", ""]
            for (number, event) in events.enumerated() {
                state.apply(event)
                for (user, cache) in zip(StateViewOracle.users, caches) {
                    ways.insert(state.selectsFromEveryIncident(for: user))
                    let view = StateViewOracle.view(of: state, for: user)
                    let local = StateQueries(state: view, user: user, roster: Self.roster, cache: ListCache())
                    let text = texts[number % texts.count]
                    for query in [IncidentQuery(text: text.isEmpty ? nil : text), IncidentQuery(withOpenFollowUp: true, text: text.isEmpty ? nil : text, order: .mostUrgentFirst)] {
                        let server = Self.serverList(state, user, query, at: ViewScopeTests.at, &kept, cache: cache)
                        let shown = local.list(query, at: ViewScopeTests.at)
                        #expect(Array(server.ids) == Array(shown.ids) && server.visibleTotal == shown.visibleTotal, "\(user) \(query)")
                    }
                }
            }
            if events.count > 20 { #expect(ways.count == 2 || state.incidents.count < 8, "both ways: \(ways)") }
        }
    }

    @Test("the home numbers, follow-up queue, week, statistics and every list selection the server computes over the whole state equal embedded mode's over the user's view")
    func serverAnswersEqualTheViewsAnswers() async {
        await propertyCheck(count: 40, input: RandomEvents.sequence(count: 1...200)) { events in
            let state = VTCState.replay(events)
            var kept = KeptIncidentIndex()
            let queues = FollowUpQueueCache()
            var random = SeededRandom(seed: UInt64(events.count))
            for user in StateViewOracle.users {
                let view = StateViewOracle.view(of: state, for: user)
                let local = StateQueries(state: view, user: user, roster: Self.roster, cache: ListCache())
                for now in [ViewScopeTests.at, ViewScopeTests.at.adding(seconds: 90 * 86_400)] {
                    #expect(Self.serverHome(state, user, at: now, &kept) == local.home(at: now), "\(user)")
                    let queue = FollowUpQueueEntry.queue(in: state, for: user, at: now)
                    #expect(queue == local.followUpQueue(at: now, rows: 0..<Int.max).entries, "\(user)")
                    #expect(queue.allSatisfy { view.incidents[$0.incident] != nil }, "\(user) sees only what it may")
                    // Most urgent first: the earliest due, then the more severe, then by the id's text and the kind's.
                    func key(_ e: FollowUpQueueEntry) -> (Int64, Int, String, String) {
                        (e.due.epochSeconds, -state.incidents[e.incident]!.facts.severity.rawValue, e.incident.uuidString, e.kind.rawValue)
                    }
                    #expect(queue == queue.sorted { key($0) < key($1) }, "\(user)")
                    // Pages of the queue, as the server answers them from the queues it keeps, are the queue's rows.
                    let server = StateQueries(state: state, user: user, roster: Self.roster, cache: ListCache(), queues: queues)
                    for _ in 0..<4 {
                        let first = random.below(queue.count + 3)
                        let rows = first..<(first + random.below(6))
                        let page = server.followUpQueue(at: now, rows: rows)
                        #expect(page == local.followUpQueue(at: now, rows: rows), "\(user) \(rows)")
                        #expect(page.total == queue.count && page.first == rows.clamped(to: 0..<queue.count).lowerBound, "\(user) \(rows)")
                        #expect(page.entries == Array(queue[rows.clamped(to: 0..<queue.count)]), "\(user) \(rows)")
                    }
                }
                let readable = Self.roster.units.filter { Access.check(user, .readStatistics(unit: $0)).isAllowed }
                for period in [StatisticsPeriod(.halfYear, containing: Zone.copenhagen.local(ViewScopeTests.at).date),
                               StatisticsPeriod(.month, year: 2026, index: 1)!] {
                    let server = try? Statistics.compared([period], units: readable, state: state, user: user)
                    #expect(server?.first == local.statistics(period, units: readable), "\(user) \(period)")
                }
                let weekUnits = Self.roster.units.filter { Access.check(user, .readUnit(unit: $0)).isAllowed }
                for week in [ISOWeek(containing: ViewScopeTests.at, in: .copenhagen), ISOWeek(year: 2026, week: 2)!] {
                    let whole = WeekScreenData(week: week, units: weekUnits, state: state, user: user, now: ViewScopeTests.at)
                    // The whole report, and pages of it: a page as short as one entry, one a random length, one longer than any list.
                    for page in [nil, 1, 2 + random.below(11), 1_000] {
                        let server = WeekScreenData(week: week, units: weekUnits, state: state, user: user, now: ViewScopeTests.at, page: page)
                        #expect(server == local.week(week, units: weekUnits, at: ViewScopeTests.at, page: page), "\(user) \(week) \(page ?? 0)")
                        let (outline, part) = server.outline(in: state)
                        #expect(WeekScreenData(outline: outline, openActions: server.openActions.map(\.action.id), part: part) == server,
                                "\(user) \(week): rebuilt from its outline and part")
                        #expect(part.incidents.values.allSatisfy { view.incidents[$0.id] != nil }, "\(user) sees only what it may")
                        if let report = server.report, let all = whole.report {
                            Self.expectFirstPage(report, of: all, size: page ?? .max)
                        } else {
                            #expect(server.report == nil && whole.report == nil)
                        }
                    }
                }
                for query in ViewScopeTests.queries {
                    let selected = state.selection(query, at: ViewScopeTests.at, for: user) { kept.index(of: $0) }.map(\.id)
                    let shown = local.list(query, at: ViewScopeTests.at)
                    let server = Self.serverList(state, user, query, at: ViewScopeTests.at, &kept, cache: ListCache())
                    #expect(selected == Array(shown.ids), "\(user) \(query)")
                    #expect(Array(server.ids) == Array(shown.ids), "\(user) \(query)")
                    #expect(server.visibleTotal == shown.visibleTotal, "\(user)")
                    #expect(selected.allSatisfy { view.incidents[$0] != nil }, "\(user) sees only what it may")
                }
            }
        }
    }

    /// Each list of `page` is the first `size` entries of `whole`'s, in its order, and the lengths are the whole lists'.
    static func expectFirstPage(_ page: WeekReport, of whole: WeekReport, size: Int) {
        func first<T: Equatable>(_ shown: [T], _ all: [T], _ length: Int, _ name: String) {
            #expect(shown == Array(all.prefix(size)), "\(name)")
            #expect(length == all.count, "\(name): the whole list's length")
        }
        let lengths = page.lengths
        first(page.newIncidents, whole.newIncidents, lengths.newIncidents, "new")
        first(page.openFollowUp, whole.openFollowUp, lengths.openFollowUp, "open")
        first(page.overdueFollowUp, whole.overdueFollowUp, lengths.overdueFollowUp, "overdue")
        first(page.unacknowledged, whole.unacknowledged, lengths.unacknowledged, "unacknowledged")
        first(page.actionsOpened, whole.actionsOpened, lengths.actionsOpened, "actions opened")
        first(page.actionsDue, whole.actionsDue, lengths.actionsDue, "actions due")
        first(page.actionsClosed, whole.actionsClosed, lengths.actionsClosed, "actions closed")
        first(page.supervisionSessions, whole.supervisionSessions, lengths.supervisionSessions, "sessions")
        first(page.recurringCitizens, whole.recurringCitizens, lengths.recurringCitizens, "recurring")
        #expect(page.severityTrend == whole.severityTrend)
        #expect((page.listed == lengths) == (lengths.all.max() ?? 0 <= size), "whole exactly when no list is longer than a page")
    }

    @Test("the home numbers and queues are not trivial: some users count incidents of theirs, as leaders and as AMG, and have items to follow up")
    func homeNumbersAreNotTrivial() async {
        await propertyCheck(count: 10, input: RandomEvents.sequence(count: 150...200)) { events in
            let state = VTCState.replay(events)
            let counts = StateViewOracle.users.map {
                StateQueries(state: state, user: $0, roster: Self.roster, cache: ListCache()).home(at: ViewScopeTests.at)!
            }
            #expect(counts.contains { $0.mine > 0 })
            #expect(counts.contains { ($0.asLeader?.unacknowledged ?? 0) > 0 })
            // The server counts a leader's numbers both ways: from its index of every incident, and through the list index.
            let leaders = StateViewOracle.users.filter { user in Self.roster.units.contains { user.has(.leader, in: $0) } }
            #expect(leaders.contains { state.selectsFromEveryIncident(for: $0) } && leaders.contains { !state.selectsFromEveryIncident(for: $0) })
            #expect(counts.contains { $0.amgWeek != nil } && counts.contains { $0.amgWeek == nil })
            let queues = StateViewOracle.users.map { FollowUpQueueEntry.queue(in: state, for: $0, at: ViewScopeTests.at).count }
            #expect(queues.contains(0) && queues.contains { $0 > 0 })
            // Some week's lists are longer than the pages the property test cuts them to.
            let weeks = StateViewOracle.users.compactMap { user in
                try? WeekReport(week: ISOWeek(containing: ViewScopeTests.at, in: .copenhagen),
                                units: Self.roster.units.filter { Access.check(user, .readUnit(unit: $0)).isAllowed },
                                state: state, user: user, now: ViewScopeTests.at, page: 1)
            }
            #expect(weeks.contains { $0.listed != $0.lengths })
        }
    }

    @Test("an ids scope holds those of the ids the user may see, and nothing else")
    func idsScope() async {
        await propertyCheck(count: 30, input: RandomEvents.sequence(count: 1...200)) { events in
            let state = VTCState.replay(events)
            let asked = state.incidents.values.map(\.id).shuffled().prefix(40) + [UUID()]
            for user in StateViewOracle.users {
                let view = StateViewOracle.view(of: state, for: user)
                let part = state.view(for: user, scope: .ids(Array(asked) + Array(asked.prefix(3))))
                #expect(part.incidents.values == view.incidents.values.filter { asked.contains($0.id) }, "\(user)")
                #expect(StateQueries(state: view, user: user, roster: Self.roster, cache: ListCache()).incidents(Array(asked))
                        == Dictionary(uniqueKeysWithValues: part.incidents.values.map { ($0.id, $0) }), "\(user)")
            }
        }
    }

    @Test("a window of a list is the whole selection's ids at its positions, with its count and where the kept incident is, and only what the user may see")
    func windowsEqualTheWholeSelection() async {
        await propertyCheck(count: 30, input: RandomEvents.sequence(count: 1...200)) { events in
            let state = VTCState.replay(events)
            var random = SeededRandom(seed: UInt64(events.count))
            let every = state.incidents.values.map(\.id)
            var kept = KeptIncidentIndex()
            for user in StateViewOracle.users {
                let view = StateViewOracle.view(of: state, for: user)
                let cache = ListCache()
                for query in ViewScopeTests.queries {
                    let whole = Array(Self.serverList(state, user, query, at: ViewScopeTests.at, &kept, cache: cache).ids)
                    #expect(whole.allSatisfy { view.incidents[$0] != nil }, "\(user) sees only what it may")
                    for _ in 0..<4 {
                        let window = ListWindow(offset: Int(random.next() % UInt64(whole.count + 3)), limit: 1 + Int(random.next() % 20))
                        let keep = every.isEmpty || random.next() % 4 == 0 ? UUID() : every[Int(random.next() % UInt64(every.count))]
                        let part = Self.serverList(state, user, query, at: ViewScopeTests.at, &kept, cache: cache, window: window, keeping: keep)
                        let positions = min(window.offset, whole.count)..<min(whole.count, window.offset + window.limit)
                        #expect(part.count == whole.count && part.offset == positions.lowerBound, "\(user) \(query) \(window)")
                        #expect(Array(part.ids) == Array(whole[positions]), "\(user) \(query) \(window)")
                        #expect(part.keptPosition == whole.firstIndex(of: keep), "\(user) \(query)")
                        #expect(part.keptPosition == nil || view.incidents[keep] != nil, "\(user) is told where only what it may see is")
                        #expect(positions.allSatisfy { part.id(at: $0) == whole[$0] } && part.id(at: positions.upperBound) == nil)
                    }
                }
            }
        }
    }

    @Test("the list's kept search narrows like a fresh one: typing, deleting and changing the text give a fresh index's rows")
    func keptSearchEqualsAFreshOne() async {
        await propertyCheck(count: 20, input: RandomEvents.sequence(count: 50...200)) { events in
            let state = VTCState.replay(events)
            let user = UserAccess(user: "koordinator", roles: [.coordinator: .allUnits])
            let queries = StateQueries(state: state, user: user, roster: Self.roster, cache: ListCache())
            for text in ["", "a", "an", "and", "an", "", "æ", "æø", "b", "bo n", "bo", ""] {
                let query = IncidentQuery(text: text.isEmpty ? nil : text)
                let fresh = IncidentIndex(state, for: user)
                #expect(Array(queries.list(query, at: ViewScopeTests.at).ids)
                        == fresh.select(query, at: ViewScopeTests.at).map { fresh.ids[Int($0)] }, "\(text)")
            }
        }
    }
}
