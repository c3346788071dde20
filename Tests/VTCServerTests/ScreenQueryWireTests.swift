import Foundation
import Testing
import VTCCodec
import VTCModel
import VTCProtocol

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
        .followUps(at: at.adding(seconds: 3_600)),
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
            #expect(try Self.throughBytes(Reply.followUps(entries)) == .followUps(entries))
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
        #expect(throws: ProtocolError.self) { try reply(#"{"type":"follow_ups"}"#, tail: Array(repeating: 200, count: 31)) }
        #expect(throws: ProtocolError.self) { try request(#"{"type":"follow_ups"}"#) }
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
