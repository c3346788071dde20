import Foundation
import Testing

@Suite struct DemoCommandTests {
    static let asOf = "2026-03-10T12:00"

    @Test func demoDataVerifiesIsDeterministicAndHasEveryKindAndSeverity() throws {
        let first = VTCProcess(), second = VTCProcess()
        for vtc in [first, second] {
            let result = try vtc.run(["demo", "--incidents", "300", "--seed", "11", "--as-of", Self.asOf])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try vtc.run(["verify"]).status == 0)
        }
        let export = try first.run(["export", "--format", "jsonl"]).stdout
        #expect(!export.isEmpty)
        #expect(export == (try second.run(["export", "--format", "jsonl"]).stdout))
        let rows = CSVReader.rows(try first.run(["export", "--format", "csv"]).stdout)
        let header = rows[0]
        let incidents = rows.dropFirst()
        #expect(incidents.count == 300)
        #expect(Set(incidents.map { $0[header.firstIndex(of: "kind")!] })
                == ["physical_violence", "threat", "harassment", "sexual_harassment", "property_damage", "other"])
        #expect(Set(incidents.map { $0[header.firstIndex(of: "severity")!] }) == ["1", "2", "3", "4", "5"])
        let roster = try first.run(["roster", "--format", "json"]).object
        #expect(roster["single_user"] as? Bool == false)
        let units = roster["units"] as? [Any] ?? []
        #expect(units.contains { $0 as? String == "Skovbrynet" })
        #expect(units.contains { ($0 as? [String: Any])?["name"] as? String == "Bostedet Åen"
            && ($0 as? [String: Any])?["short"] as? String == "Åen" }, "the demo roster gives long names a short one")
    }

    @Test func demoRefusesAFolderThatAlreadyHoldsALog() throws {
        let vtc = VTCProcess()
        _ = try vtc.register(["--kind", "threat", "--severity", "2", "--description", "Truede."])
        let before = vtc.logBytes
        let result = try vtc.run(["demo", "--incidents", "10"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("already holds a log with 1 events"))
        #expect(vtc.logBytes == before)
    }
}
