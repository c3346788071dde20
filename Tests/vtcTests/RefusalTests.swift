import Foundation
import Testing

/// Every refusal: a one-line message on stderr naming the problem and the value, a non-zero exit, and a log
/// whose bytes did not change.
@Suite struct RefusalTests {
    static func fixture() throws -> (VTCProcess, String) {
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen"])
        let id = try vtc.register(["--kind", "threat", "--severity", "2", "--description", "Truede.", "--occurred", "2025-03-01T10:00"])
        return (vtc, id)
    }

    static func expectRefused(_ vtc: VTCProcess, _ arguments: [String], stdin: String? = nil, status: Int32,
                              message: String) throws {
        let before = vtc.logBytes
        let result = try vtc.run(arguments, stdin: stdin)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("vtc: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "one line: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(vtc.logBytes == before, "the log must not change")
    }

    static let valid = ["register", "--kind", "threat", "--description", "Truede."]

    @Test func aSeverityOutsideOneToFiveIsRefused() throws {
        let (vtc, _) = try Self.fixture()
        try Self.expectRefused(vtc, Self.valid + ["--severity", "7"], status: 2, message: "--severity must be 1–5, got 7")
    }

    @Test func anUnknownKindIsRefused() throws {
        let (vtc, _) = try Self.fixture()
        try Self.expectRefused(vtc, ["register", "--kind", "slag", "--severity", "2", "--description", "x"], status: 2,
                               message: "--kind must be one of physical_violence, threat, harassment, sexual_harassment, property_damage, other, got \"slag\"")
    }

    @Test func aCPRLikeCitizenReferenceIsRefusedWithWhy() throws {
        let (vtc, _) = try Self.fixture()
        try Self.expectRefused(vtc, Self.valid + ["--severity", "2", "--citizen-ref", "010203-1234"], status: 2,
                               message: "--citizen-ref looks like a CPR number")
    }

    @Test func controlCharactersAreRefused() throws {
        let (vtc, _) = try Self.fixture()
        try Self.expectRefused(vtc, ["register", "--kind", "threat", "--severity", "2", "--description", "a\u{1B}[2Jb"],
                               status: 2, message: "control character (U+001B)")
    }

    @Test func badJSONInputIsRefused() throws {
        let (vtc, _) = try Self.fixture()
        try Self.expectRefused(vtc, ["register", "--json", "-"], stdin: #"{"unit":"Bostedet Åen","kind":"threat","severity":9,"description":"x"}"#,
                               status: 2, message: "--json: severity cannot be 9 (expected 1–5)")
        try Self.expectRefused(vtc, ["register", "--json", "-"], stdin: #"{"unit":"Bostedet Åen","kind":"threat","severity":2,"description":"x","colour":1}"#,
                               status: 2, message: "--json: unknown key \"colour\"")
    }

    @Test func anUnknownIDIsNotFound() throws {
        let (vtc, _) = try Self.fixture()
        try Self.expectRefused(vtc, ["ack", "ffffffff"], status: 3, message: "no incident with id \"ffffffff\"")
        try Self.expectRefused(vtc, ["note", "abc", "hej"], status: 2, message: "too short")
    }

    @Test func anAmbiguousPrefixIsRefused() throws {
        let (vtc, id) = try Self.fixture()
        try LogWriter.appendRegistration(in: vtc.folder, id: UUID(uuidString: String(id.prefix(6)) + "00-0000-4000-8000-000000000000")!)
        try Self.expectRefused(vtc, ["show", String(id.prefix(6))], status: 3, message: "is ambiguous: it matches 2 incidents")
    }

    @Test func anUnknownFollowUpKindAndAMissingReasonAreRefused() throws {
        let (vtc, id) = try Self.fixture()
        try Self.expectRefused(vtc, ["followup", id, "coffee", "--done"], status: 2, message: "KIND must be one of acknowledgement")
        try Self.expectRefused(vtc, ["followup", id, "debriefing", "--not-relevant"], status: 2, message: "--not-relevant needs --reason TEXT")
    }

    @Test func aSecondAcknowledgementIsRefused() throws {
        let (vtc, id) = try Self.fixture()
        #expect(try vtc.run(["ack", id]).status == 0)
        try Self.expectRefused(vtc, ["ack", id], status: 2, message: "already acknowledged by \(VTCProcess.currentUser)")
    }

    @Test func whatTheRosterDoesNotAllowIsRefusedNamingTheRole() throws {
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen"], roles: [.staff])
        let id = try vtc.register(["--kind", "threat", "--severity", "2", "--description", "Truede."])
        try Self.expectRefused(vtc, ["ack", id], status: 4, message: "needs the leader role for unit “Bostedet Åen”")
        try Self.expectRefused(vtc, ["register", "--unit", "Skovbrynet", "--kind", "threat", "--severity", "2", "--description", "x"],
                               status: 2, message: "unknown unit \"Skovbrynet\"")
    }

    @Test func argumentParserErrorsAreOneLineToo() throws {
        let (vtc, _) = try Self.fixture()
        try Self.expectRefused(vtc, ["list", "--bogus"], status: 2, message: "--bogus")
        try Self.expectRefused(vtc, ["withdraw"], status: 2, message: "Missing")
    }
}
