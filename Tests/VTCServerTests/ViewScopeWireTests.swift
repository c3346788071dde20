import Foundation
import Testing
import VTCCodec
import VTCModel
import VTCProtocol

@Suite struct ViewScopeWireTests {
    static let at = Timestamp(epochSeconds: 1_767_222_000, utcOffsetSeconds: 3600)

    @Test("a view request's scope arrives as sent, through the frame's bytes", arguments: [
        ViewScope.everything, .nothing, .incidents(idPrefix: "3F2A9c-"),
        .query(IncidentQuery(), at: at),
        .query(IncidentQuery(units: ["Bostedet ved Åen", "Skoven"], since: at, until: at.adding(seconds: 86_400),
                             severities: [Severity(rawValue: 1)!, Severity(rawValue: 5)!], kinds: [.threat, .other],
                             withOpenFollowUp: true, withOverdueFollowUp: true, notAcknowledged: true,
                             text: "\"B-1\" æøå \\", order: .mostUrgentFirst), at: at),
    ])
    func roundTrip(_ scope: ViewScope) throws {
        let bytes = Request.view(scope).frame.encoded()
        #expect(try Request(Frame(body: bytes.dropFirst(4))) == .view(scope))
    }

    @Test("a view request without a scope asks for everything; an unknown scope or a broken query is a protocol error")
    func missingAndBrokenScopes() throws {
        func request(_ json: String) throws -> Request {
            let bytes = Frame(header: try JSONParser.parse(Array(json.utf8))).encoded()
            return try Request(Frame(body: bytes.dropFirst(4)))
        }
        #expect(try request(#"{"type":"view"}"#) == .view(.everything))
        for broken in [#"{"type":"view","scope":"all"}"#, #"{"type":"view","scope":"incidents"}"#,
                       #"{"type":"view","scope":"query","at":"2026-01-01T00:00:00Z"}"#,
                       #"{"type":"view","scope":"query","at":"2026-01-01T00:00:00Z","query":{"order":"newest","open":1,"overdue":false,"unacknowledged":false}}"#,
                       #"{"type":"view","scope":"query","at":"2026-01-01T00:00:00Z","query":{"order":"newest","open":false,"overdue":false,"unacknowledged":false,"kinds":["punch"]}}"#] {
            #expect(throws: ProtocolError.self, "\(broken)") { try request(broken) }
        }
    }
}
