import Foundation
import Testing
import VTCCodec
import VTCModel
import VTCProtocol

/// `list_rows` and its `rows` answer on the wire (docs/protocol.md, "list_rows").
@Suite struct ListRowsWireTests {
    static let at = Timestamp(epochSeconds: 1_767_222_000, utcOffsetSeconds: 3600)

    @Test("the question arrives as sent", arguments: [
        Request.listRows(IncidentQuery(), at: at),
        .listRows(IncidentQuery(units: ["Bostedet ved Åen"], since: at.adding(seconds: -86_400), severities: [Severity(rawValue: 5)!],
                                kinds: [.threat], withOverdueFollowUp: true, notAcknowledged: true, text: "æøå \"B\"",
                                order: .mostUrgentFirst), at: at.adding(seconds: 61)),
    ])
    func requestRoundTrips(_ request: Request) throws {
        #expect(try ScreenQueryWireTests.throughBytes(request) == request)
    }

    static func randomRows(_ random: inout SeededRandom) -> [IncidentRow] {
        let units = ["Åen", "Skoven \"Syd\"", "Bo\u{1B}[31m", "e\u{301}", ""]
        let citizens = ["B-014", "Æ\nØ", "😀", ""]
        return (0..<Int(random.next() % 300)).map { _ in
            let open = Int(random.next() % 12)
            return IncidentRow(
                id: UUID(), occurred: CalendarDate(daysSinceEpoch: Int(random.next() % 40_000) - 10_000),
                unit: units[Int(random.next() % UInt64(units.count))],
                kind: EpisodeKind.allCases[Int(random.next() % UInt64(EpisodeKind.allCases.count))],
                severity: Severity.all[Int(random.next() % 5)],
                citizenRef: random.next() % 3 == 0 ? nil : citizens[Int(random.next() % UInt64(citizens.count))],
                isAcknowledged: random.next() % 2 == 0, openFollowUps: open,
                overdueFollowUps: Int(random.next() % UInt64(FollowUpKind.allCases.count - open + 1)))
        }
    }

    @Test("random rows arrive as sent, in their order")
    func answersRoundTrip() throws {
        var random = SeededRandom(seed: 11)
        var sizes: [Int] = []
        for _ in 0..<200 {
            let rows = Self.randomRows(&random)
            #expect(try ScreenQueryWireTests.throughBytes(Reply.rows(rows)) == .rows(rows))
            if rows.count > 100 { sizes.append(Reply.rows(rows).frame.tail.count / rows.count) }
        }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 <= 32 }, "about 30 bytes a row: \(sizes)")
    }

    @Test("a malformed question or answer is a protocol error, not a crash")
    func malformed() throws {
        func request(_ json: String) throws -> Request {
            try Request(Frame(body: Frame(header: try JSONParser.parse(Array(json.utf8))).encoded().dropFirst(4)))
        }
        let query = #"{"order":"newest","open":false,"overdue":false,"unacknowledged":false}"#
        #expect(try request(#"{"type":"list_rows","query":\#(query),"at":"2026-01-01T00:00:00Z"}"#)
            == .listRows(IncidentQuery(), at: Timestamp(rfc3339: "2026-01-01T00:00:00Z")!), "the well-formed one is taken")
        for broken in [#"{"type":"list_rows","at":"2026-01-01T00:00:00Z"}"#, #"{"type":"list_rows","query":\#(query)}"#,
                       #"{"type":"list_rows","query":\#(query),"at":"soon"}"#,
                       #"{"type":"list_rows","query":{"order":"oldest","open":false,"overdue":false,"unacknowledged":false},"at":"2026-01-01T00:00:00Z"}"#,
                       #"{"type":"list_rows","query":{"order":"newest"},"at":"2026-01-01T00:00:00Z"}"#,
                       #"{"type":"list_rows","query":[],"at":"2026-01-01T00:00:00Z"}"#] {
            #expect(throws: ProtocolError.self, "\(broken)") { try request(broken) }
        }
        func reply(_ tail: [UInt8]) throws -> Reply {
            try Reply(Frame(body: Frame(header: .object([("type", .string("rows"))]), tail: tail).encoded().dropFirst(4)))
        }
        let row = IncidentRow(id: UUID(), occurred: CalendarDate(year: 2026, month: 1, day: 2)!, unit: "Åen", kind: .threat,
                              severity: Severity(rawValue: 3)!, citizenRef: "B-014", isAcknowledged: false, openFollowUps: 2,
                              overdueFollowUps: 1)
        let good = Reply.rows([row, row]).frame.tail
        #expect(try reply(good) == .rows([row, row]), "the well-formed one is taken")
        // The second row, after the count and the first row (id 16, day 3, unit 1 + 1 + 4, kind, severity,
        // citizen 1 + 1 + 1 + 5, acknowledged, open, overdue); its unit and citizen are names given before.
        let second = 1 + 38
        #expect(good.count == second + 16 + 3 + 8, "the layout the cases below assume")
        var cases: [[UInt8]] = [[], [3], Array(good.dropLast()), good + [0], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02]]
        func changed(_ offset: Int, _ byte: UInt8) -> [UInt8] {
            var bytes = good
            bytes[second + offset] = byte
            return bytes
        }
        let fields = 16 + 3
        cases += [changed(fields, 3),                 // the unit: a name not yet given
                  changed(fields + 1, 6),             // the kind: past its list
                  changed(fields + 2, 0), changed(fields + 2, 6),   // the severity: not 1–5
                  changed(fields + 3, 2),             // the citizen reference's truth byte
                  changed(fields + 4, 3),             // the citizen: a name not yet given
                  changed(fields + 5, 7),             // acknowledged's truth byte
                  changed(fields + 6, 12),            // open: more than the kinds of follow-up
                  changed(fields + 7, 10)]            // open + overdue: more than the kinds of follow-up
        for tail in cases {
            #expect(throws: ProtocolError.self, "\(tail)") { try reply(tail) }
        }
    }
}
