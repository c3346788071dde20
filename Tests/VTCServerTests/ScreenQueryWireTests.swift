import Foundation
import Testing
import VTCCodec
import VTCModel
@testable import VTCProtocol

@Suite struct ScreenQueryWireTests {
    static let at = Timestamp(epochSeconds: 1_767_222_000, utcOffsetSeconds: 3600)

    static func throughBytes(_ request: Request) throws -> Request {
        try Request(Frame(body: request.frame.encoded().dropFirst(4)))
    }

    static func throughBytes(_ reply: Reply) throws -> Reply {
        try Reply(Frame(body: reply.frame.encoded().dropFirst(4)))
    }

    @Test("the screens' questions arrive as sent", arguments: [
        Request.home(at: at),
        .followUps(at: at.adding(seconds: 3_600), rows: nil),
        .followUps(at: at, rows: 0..<1),
        .followUps(at: at, rows: 170_000..<(170_000 + ProtocolLimits.maximumPage)),
        .week(ISOWeek(year: 2026, week: 48)!, units: ["Åen", "Skoven \"Syd\""], at: at, page: nil),
        .week(ISOWeek(year: 2026, week: 1)!, units: [], at: at, page: 1),
        .week(ISOWeek(year: 2020, week: 53)!, units: ["Åen"], at: at, page: ProtocolLimits.maximumPage),
        .weekDocument(ISOWeek(year: 2026, week: 48)!, units: ["Åen", "Skoven \"Syd\""], at: at, language: .da),
        .weekDocument(ISOWeek(year: 2020, week: 53)!, units: [], at: at, language: .en),
        .statistics(StatisticsPeriod(.quarter, year: 2026, index: 3)!, units: ["Åen", "Skoven \"Syd\""]),
        .statistics(StatisticsPeriod(.year, year: 2024)!, units: []),
        .list(IncidentQuery(), at: at, window: nil, keeping: nil),
        .list(IncidentQuery(units: ["Bostedet ved Åen"], severities: [Severity(rawValue: 2)!], notAcknowledged: true,
                            text: "æøå \"B\"", order: .mostUrgentFirst), at: at.adding(seconds: 61), window: nil, keeping: nil),
        .list(IncidentQuery(), at: at, window: ListWindow(offset: 0, limit: 1), keeping: nil),
        .list(IncidentQuery(text: "slog"), at: at, window: ListWindow(offset: 199_872, limit: ProtocolLimits.maximumListWindow),
              keeping: UUID()),
        .list(IncidentQuery(), at: at, window: nil, keeping: UUID()),
        .view(.ids([])),
        .view(.ids((0..<1_000).map { _ in UUID() })),
    ])
    func requestsRoundTrip(_ request: Request) throws {
        #expect(try Self.throughBytes(request) == request)
    }

    @Test("random home numbers and selections arrive as sent")
    func answersRoundTrip() throws {
        var random = SeededRandom(seed: 11)
        for _ in 0..<200 {
            func count() -> Int { Int(random.next() % 100_000) }
            let week = ISOWeek(year: 2020 + Int(random.next() % 10), week: 1 + Int(random.next() % 52))!
            let counts = HomeCounts(
                mine: count(), mineWithOpenFollowUp: count(),
                asLeader: random.next() % 2 == 0 ? nil : .init(unacknowledged: count(), overdue: count()),
                amgWeek: random.next() % 2 == 0 ? nil : .init(week: week, new: count(), open: count(), overdue: count(),
                                                               unacknowledged: count()))
            #expect(try Self.throughBytes(Reply.home(counts)) == .home(counts))
            var entries: [FollowUpQueueEntry] = []
            for n in 0..<Int(random.next() % 20) {
                let seconds = Int64(random.next() % 2_000_000_000)
                let due = Timestamp(epochSeconds: seconds, utcOffsetSeconds: Int32(3600 * (n % 3)))
                let kind = FollowUpKind.allCases[n % FollowUpKind.allCases.count]
                let role = Role.allCases[n % Role.allCases.count]
                entries.append(FollowUpQueueEntry(incident: UUID(), kind: kind, due: due, responsible: role, mayRecord: n % 2 == 0))
            }
            let first = count()
            let page = FollowUpQueuePage(first: first, entries: entries, total: first + entries.count + count() % 3)
            #expect(try Self.throughBytes(Reply.followUps(page)) == .followUps(page))
            let outline = Self.outline(&random)
            let weekReply = Reply.week(outline, openActions: [UUID()], snapshot: [1, 2, 3])
            #expect(try Self.throughBytes(weekReply) == weekReply)
            func periodCounts(_ period: StatisticsPeriod) -> PeriodCounts {
                PeriodCounts(period: period, bySeverity: (0..<5).map { _ in count() },
                             byKind: Dictionary(uniqueKeysWithValues: EpisodeKind.allCases.filter { _ in random.next() % 2 == 0 }.map { ($0, count()) }),
                             byUnit: ["Åen": count(), "Skoven": count()].filter { _ in random.next() % 2 == 0 }, withAbsence: count())
            }
            let period = StatisticsPeriod(.month, year: 2020 + Int(random.next() % 10), index: 1 + Int(random.next() % 12))!
            let comparison = PeriodComparison(current: periodCounts(period), earlier: [periodCounts(period), periodCounts(period)])
            #expect(try Self.throughBytes(Reply.statistics(comparison)) == .statistics(comparison))
            #expect(try Self.throughBytes(Reply.statistics(nil)) == .statistics(nil))
            let ids = (0..<Int(random.next() % 300)).map { _ in UUID() }
            let (offset, selected) = random.next() % 2 == 0 ? (0, ids.count) : (count(), ids.count + count())
            let selection = IncidentSelection(count: offset + selected, offset: offset, ids: SelectedIDs(ids),
                                              keptPosition: random.next() % 2 == 0 || offset + selected == 0 ? nil
                                                  : Int(random.next() % UInt64(offset + selected)),
                                              visibleTotal: offset + selected + count())
            #expect(try Self.throughBytes(Reply.selection(selection)) == .selection(selection))
        }
    }

    /// A week outline with random lists, each length at least its list's.
    static func outline(_ random: inout SeededRandom) -> WeekReportOutline {
        func ids() -> [UUID] { (0..<random.below(4)).map { _ in UUID() } }
        func items() -> [WeekReportOutline.Item] { (0..<random.below(4)).map { _ in .init(incident: UUID(), index: random.below(11)) } }
        let (new, open, overdue, unacknowledged) = (ids(), items(), items(), ids())
        let (opened, due, closed, sessions) = (ids(), ids(), ids(), ids())
        let recurring = (0..<random.below(3)).map { n in WeekReport.RecurringCitizen(unit: "Åen", citizenRef: "B-\(n)", incidents: ids()) }
        func length(_ count: Int) -> Int { count + (random.below(2) == 0 ? 0 : random.below(200_000)) }
        let lengths = WeekReport.Lengths(
            newIncidents: length(new.count), openFollowUp: length(open.count), overdueFollowUp: length(overdue.count),
            unacknowledged: length(unacknowledged.count), actionsOpened: length(opened.count), actionsDue: length(due.count),
            actionsClosed: length(closed.count), supervisionSessions: length(sessions.count), recurringCitizens: length(recurring.count))
        let week = ISOWeek(year: 2026, week: 1 + random.below(52))!
        return WeekReportOutline(week: week, units: ["Åen"], asOf: at, newIncidents: new, openFollowUp: open, overdueFollowUp: overdue,
                                 unacknowledged: unacknowledged, actionsOpened: opened, actionsDue: due, actionsClosed: closed,
                                 supervisionSessions: sessions,
                                 severityTrend: [WeekReport.SeverityWeek(week: week, counts: (0..<5).map { _ in random.below(9) })],
                                 recurringCitizens: recurring, lengths: lengths)
    }

    @Test("a week answer from a server that sends whole reports (no lengths) and a queue without first and total are whole")
    func answersWithoutPagesAreWhole() throws {
        var random = SeededRandom(seed: 5)
        let outline = Self.outline(&random)
        guard case .object(let fields) = ScreenQueryJSON.outlineJSON(outline) else { Issue.record("not an object"); return }
        let header = JSONValue.object([("type", .string("week")), ("report", .object(fields.filter { $0.0 != "lengths" })),
                                       ("open_actions", .array([]))])
        guard case .week(let sent?, _, _) = try Reply(Frame(body: Frame(header: header).encoded().dropFirst(4))) else {
            Issue.record("not a week")
            return
        }
        let listed: [Int] = [sent.newIncidents.count, sent.openFollowUp.count, sent.overdueFollowUp.count, sent.unacknowledged.count,
                             sent.actionsOpened.count, sent.actionsDue.count, sent.actionsClosed.count, sent.supervisionSessions.count,
                             sent.recurringCitizens.count]
        #expect(sent.lengths.all == listed)
        let entry = FollowUpQueueEntry(incident: UUID(), kind: .defusing, due: Self.at, responsible: .leader, mayRecord: true)
        let queue = try Reply(Frame(body: Frame(header: .object([("type", .string("follow_ups"))]),
                                                tail: ScreenQueryJSON.entriesTail([entry, entry])).encoded().dropFirst(4)))
        #expect(queue == .followUps(FollowUpQueuePage(first: 0, entries: [entry, entry], total: 2)))
    }

    @Test("a week's document arrives byte for byte in the tail, and a refusal as no document")
    func weekDocumentRoundTrip() throws {
        let document = Array("# AMG's ugeoversigt – Uge 48, 2026\n| Bø \\| \\<b\\> |\n\u{0}\u{FF}".utf8) + [0, 255]
        #expect(try Self.throughBytes(Reply.weekDocument(document)) == .weekDocument(document))
        #expect(try Self.throughBytes(Reply.weekDocument([])) == .weekDocument([]))
        #expect(try Self.throughBytes(Reply.weekDocument(nil)) == .weekDocument(nil))
        #expect(Reply.weekDocument(document).frame.tail == document)
    }

    @Test("a malformed question or answer is a protocol error, not a crash")
    func malformed() throws {
        func request(_ json: String) throws -> Request {
            try Request(Frame(body: Frame(header: try JSONParser.parse(Array(json.utf8))).encoded().dropFirst(4)))
        }
        let query = #"{"units":null,"since":null,"until":null,"severities":null,"kinds":null,"open":false,"overdue":false,"unacknowledged":false,"text":null,"order":"newest"}"#
        #expect(try request(#"{"type":"list","query":\#(query),"at":"2026-01-01T00:00:00Z","window":{"offset":5,"limit":10}}"#)
                == .list(IncidentQuery(), at: Timestamp(rfc3339: "2026-01-01T00:00:00Z")!, window: ListWindow(offset: 5, limit: 10), keeping: nil))
        let tooMany = "[" + (0...1_000).map { _ in "\"\(UUID().uuidString)\"" }.joined(separator: ",") + "]"
        for broken in [#"{"type":"home"}"#, #"{"type":"home","at":"tomorrow"}"#, #"{"type":"list","at":"2026-01-01T00:00:00Z"}"#,
                       #"{"type":"list","query":{"order":"newest"},"at":"2026-01-01T00:00:00Z"}"#,
                       #"{"type":"list","query":{"order":"newest","open":false,"overdue":false,"unacknowledged":false}}"#,
                       #"{"type":"view","scope":"ids"}"#, #"{"type":"view","scope":"ids","ids":["nope"]}"#,
                       #"{"type":"view","scope":"ids","ids":"x"}"#, #"{"type":"view","scope":"ids","ids":\#(tooMany)}"#,
                       #"{"type":"list","query":\#(query),"at":"2026-01-01T00:00:00Z","window":{"offset":0}}"#,
                       #"{"type":"list","query":\#(query),"at":"2026-01-01T00:00:00Z","window":{"offset":-1,"limit":10}}"#,
                       #"{"type":"list","query":\#(query),"at":"2026-01-01T00:00:00Z","window":{"offset":0,"limit":0}}"#,
                       #"{"type":"list","query":\#(query),"at":"2026-01-01T00:00:00Z","window":{"offset":0,"limit":10001}}"#,
                       #"{"type":"list","query":\#(query),"at":"2026-01-01T00:00:00Z","window":"all"}"#,
                       #"{"type":"list","query":\#(query),"at":"2026-01-01T00:00:00Z","keep":"nope"}"#,
                       #"{"type":"list","query":\#(query),"at":"2026-01-01T00:00:00Z","keep":7}"#] {
            #expect(throws: ProtocolError.self, "\(broken)") { try request(broken) }
        }
        func reply(_ json: String, tail: [UInt8] = []) throws -> Reply {
            try Reply(Frame(body: Frame(header: try JSONParser.parse(Array(json.utf8)), tail: tail).encoded().dropFirst(4)))
        }
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"selection","visible_total":3}"#, tail: [1, 2, 3]) }
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"selection"}"#) }
        let twoIDs = Array(repeating: UInt8(7), count: 32)
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"selection","visible_total":3,"count":1,"offset":0,"kept_at":null}"#, tail: twoIDs) }
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"selection","visible_total":3,"count":3,"offset":2,"kept_at":null}"#, tail: twoIDs) }
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"selection","visible_total":3,"count":3,"offset":0,"kept_at":3}"#, tail: twoIDs) }
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"selection","visible_total":3,"count":3,"offset":-1,"kept_at":null}"#) }
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"selection","visible_total":3,"count":3,"offset":0,"kept_at":"x"}"#) }
        #expect(try reply(#"{"type":"selection","visible_total":9,"count":5,"offset":3,"kept_at":0}"#, tail: twoIDs)
                == .selection(IncidentSelection(count: 5, offset: 3, ids: SelectedIDs([UUID](repeating: UUID(uuid: (7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7)), count: 2)),
                                                keptPosition: 0, visibleTotal: 9)))
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"follow_ups"}"#, tail: Array(repeating: 0, count: 30)) }
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"week_document"}"#, tail: [35]) }
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"week_document","readable":false}"#, tail: [35]) }
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"follow_ups"}"#, tail: Array(repeating: 200, count: 31)) }
        #expect(throws: ProtocolError.self) { try request(#"{"type":"follow_ups"}"#) }
        let at = #""at":"2026-01-01T00:00:00Z""#
        for broken in [#"{"type":"follow_ups",\#(at),"first":0}"#, #"{"type":"follow_ups",\#(at),"count":10}"#,
                       #"{"type":"follow_ups",\#(at),"first":-1,"count":10}"#, #"{"type":"follow_ups",\#(at),"first":0,"count":0}"#,
                       #"{"type":"follow_ups",\#(at),"first":0,"count":1001}"#, #"{"type":"follow_ups",\#(at),"first":"0","count":5}"#,
                       #"{"type":"follow_ups",\#(at),"first":9223372036854775807,"count":5}"#,
                       #"{"type":"week","year":2026,"week":3,"units":[],\#(at),"page":0}"#,
                       #"{"type":"week","year":2026,"week":3,"units":[],\#(at),"page":1001}"#,
                       #"{"type":"week","year":2026,"week":3,"units":[],\#(at),"page":"10"}"#,
                       #"{"type":"week","year":2026,"week":3,"units":[],\#(at),"page":null}"#,
                       #"{"type":"week_document","year":2026,"week":3,"units":[],\#(at)}"#,
                       #"{"type":"week_document","year":2026,"week":3,"units":[],\#(at),"language":"sv"}"#,
                       #"{"type":"week_document","year":2026,"week":54,"units":[],\#(at),"language":"da"}"#,
                       #"{"type":"week_document","year":2026,"week":3,"units":[1],\#(at),"language":"da"}"#,
                       #"{"type":"week_document","year":2026,"week":3,"units":[],"language":"da"}"#] {
            #expect(throws: ProtocolError.self, "\(broken)") { try request(broken) }
        }
        let entry = ScreenQueryJSON.entriesTail([FollowUpQueueEntry(incident: UUID(), kind: .defusing, due: Self.at, responsible: .leader,
                                                                    mayRecord: true)])
        for broken in [#"{"type":"follow_ups","first":0}"#, #"{"type":"follow_ups","first":0,"total":0}"#,
                       #"{"type":"follow_ups","first":5,"total":5}"#, #"{"type":"follow_ups","first":-1,"total":5}"#,
                       #"{"type":"follow_ups","first":9223372036854775807,"total":9223372036854775807}"#] {
            #expect(throws: ProtocolError.self, "\(broken)") { try reply(broken, tail: entry) }
        }
        var random = SeededRandom(seed: 9)
        guard case .object(let fields) = ScreenQueryJSON.outlineJSON(Self.outline(&random)) else { return }
        for lengths in [JSONValue.null, .int(3), .object([("new", .int(0))]),
                        .object(ScreenQueryJSON.lengthNames.map { ($0, .int(-1)) })] {
            let header = JSONValue.object([("type", .string("week")), ("open_actions", .array([])),
                                           ("report", .object(fields.filter { $0.0 != "lengths" } + [("lengths", lengths)]))])
            #expect(throws: ProtocolError.self, "\(lengths)") { try Reply(Frame(body: Frame(header: header).encoded().dropFirst(4))) }
        }
        #expect(throws: ProtocolError.self) { try request(#"{"type":"statistics","units":[]}"#) }
        #expect(throws: ProtocolError.self) { try request(#"{"type":"statistics","units":["a"],"period":{"granularity":"month","year":2026,"index":13}}"#) }
        #expect(throws: ProtocolError.self) { try request(#"{"type":"statistics","units":[1],"period":{"granularity":"month","year":2026,"index":1}}"#) }
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"statistics","comparison":{"current":{}}}"#) }
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"home","mine":-1,"mine_open":0}"#) }
        #expect(throws: ProtocolError.self) {
            try reply(#"{"type":"home","mine":1,"mine_open":0,"amg_week":{"year":2026,"week":60,"new":0,"open":0,"overdue":0,"unacknowledged":0}}"#)
        }
    }
}
