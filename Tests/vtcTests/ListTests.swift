import Foundation
import Testing

@Suite struct ListTests {
    struct Fixture {
        let vtc = VTCProcess()
        var ids: [String: String] = [:]

        init() throws {
            try vtc.writeRoster(units: ["Bostedet Åen", "Skovbrynet"])
            ids["minor"] = try vtc.register(["--unit", "Bostedet Åen", "--kind", "harassment", "--severity", "1",
                                             "--occurred", "2025-01-05T10:00", "--description", "Skældt ud ved morgenmaden."])
            ids["threat"] = try vtc.register(["--unit", "Skovbrynet", "--kind", "threat", "--severity", "3",
                                              "--occurred", "2025-02-10T22:00", "--citizen-ref", "S-007",
                                              "--description", "Truede med kniv i køkkenet."])
            ids["violence"] = try vtc.register(["--unit", "Bostedet Åen", "--kind", "physical_violence", "--severity", "5",
                                                "--occurred", "2025-03-01T08:00", "--description", "Slag mod hovedet på gangen."])
            _ = try vtc.run(["ack", ids["minor"]!])
            _ = try vtc.run(["followup", ids["minor"]!, "amg_discussion", "--done", "--on", "2025-01-07T13:00", "--note", "Gennemgået"])
        }

        func list(_ options: [String]) throws -> [String] {
            let result = try vtc.run(["list", "--format", "json"] + options)
            #expect(result.status == 0, "\(result.stderr)")
            return result.array.compactMap { $0["id"] as? String }
        }

        func names(_ keys: String...) -> [String] { keys.map { ids[$0]! } }
    }

    @Test func eachFilterSelectsTheRightIncidents() throws {
        let f = try Fixture()
        #expect(try f.list([]) == f.names("violence", "threat", "minor"))
        #expect(try f.list(["--unit", "Skovbrynet"]) == f.names("threat"))
        #expect(try f.list(["--since", "2025-02-10"]) == f.names("violence", "threat"))
        #expect(try f.list(["--until", "2025-02-10"]) == f.names("threat", "minor"))
        #expect(try f.list(["--severity", "3,4,5"]) == f.names("violence", "threat"))
        #expect(try f.list(["--severity", "1-2"]) == f.names("minor"))
        #expect(try f.list(["--kind", "threat,harassment"]) == f.names("threat", "minor"))
        #expect(try f.list(["--unacknowledged"]) == f.names("violence", "threat"))
        #expect(try f.list(["--search", "KØKKENET"]) == f.names("threat"))
        #expect(try f.list(["--search", "s-007"]) == f.names("threat"))
    }

    @Test func openAndOverdueDependOnTheTimeAsked() throws {
        let f = try Fixture()
        #expect(try f.list(["--open", "--as-of", "2025-03-20T12:00"]) == f.names("violence", "threat"))
        #expect(try f.list(["--overdue", "--as-of", "2025-03-01T08:30"]) == f.names("threat"))
        #expect(try f.list(["--overdue", "--as-of", "2025-04-01T08:30"]) == f.names("violence", "threat"))
    }

    @Test func urgentSortPutsTheLongestOverdueFirst() throws {
        let f = try Fixture()
        #expect(try f.list(["--sort", "urgent", "--as-of", "2025-04-01T12:00"]).first == f.ids["threat"])
    }

    @Test func tableAndCSVFormats() throws {
        let f = try Fixture()
        let table = try f.vtc.run(["list"]).stdout
        #expect(table.contains(String(f.ids["threat"]!.prefix(8))))
        #expect(table.contains("Skovbrynet"))
        let rows = CSVReader.rows(try f.vtc.run(["list", "--format", "csv"]).stdout)
        #expect(rows.count == 4)
        #expect(rows[0].first == "id")
        #expect(Set(rows.dropFirst().map { $0[0] }) == Set(f.ids.values))
    }
}
