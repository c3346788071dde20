import Foundation
import Testing

@Suite struct LanguageAndRosterTests {
    @Test func danishOutputAndErrorsWithLangDa() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(["--kind", "threat", "--severity", "2", "--description", "Truede."])
        let list = try vtc.run(["list", "--lang", "da"])
        #expect(list.stdout.contains("enhed"))
        #expect(list.stdout.contains("Trussel"))
        let refused = try vtc.run(["register", "--kind", "threat", "--severity", "8", "--description", "x", "--lang", "da"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "vtc: --severity skal være 1–5, fik 8\n")
    }

    @Test func withoutARosterFileTheRosterCommandSaysSingleUserMode() throws {
        let vtc = VTCProcess()
        try FileManager.default.createDirectory(atPath: vtc.folder, withIntermediateDirectories: true)
        let json = try vtc.run(["roster", "--format", "json"]).object
        #expect(json["single_user"] as? Bool == true)
        #expect(json["you"] as? String == VTCProcess.currentUser)
        #expect(json["file"] as? String == vtc.folder + "/roster.json")
        #expect(try vtc.run(["roster"]).stdout.contains("Single-user mode"))
    }

    @Test func withARosterFileItListsTheUsersAndTheirRoles() throws {
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Skovbrynet"], roles: [.staff, .amg])
        let json = try vtc.run(["roster", "--format", "json"]).object
        #expect(json["single_user"] as? Bool == false)
        let me = (json["users"] as? [[String: Any]])?.first
        #expect(me?["user"] as? String == VTCProcess.currentUser)
        #expect((me?["roles"] as? [String: Any])?.keys.sorted() == ["amg", "staff"])
    }
}
