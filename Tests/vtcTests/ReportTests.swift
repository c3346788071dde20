import Foundation
import Testing

@Suite struct ReportTests {
    static func fixture() throws -> (VTCProcess, [String]) {
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen", "Skovbrynet"])
        let a = try vtc.register(["--unit", "Bostedet Åen", "--kind", "threat", "--severity", "3", "--occurred", "2025-03-11T10:00",
                                  "--citizen-ref", "B-001", "--description", "Han sagde \"nej, nu går du\",\nog så kom næste linje: æøå ÆØÅ."])
        let b = try vtc.register(["--unit", "Skovbrynet", "--kind", "harassment", "--severity", "1", "--occurred", "2025-03-12T10:00",
                                  "--description", "Skældt ud."])
        let c = try vtc.register(["--unit", "Skovbrynet", "--kind", "harassment", "--severity", "2", "--occurred", "2024-09-01T10:00",
                                  "--description", "Skældt ud i haven."])
        return (vtc, [a, b, c])
    }

    @Test func weekReportListsTheWeeksNewIncidentsInJSONTextAndMarkdown() throws {
        let (vtc, ids) = try Self.fixture()
        // Registered "now", so the week is the current one; the JSON names it.
        let json = try vtc.run(["week", "--format", "json"]).object
        #expect((json["week"] as? String)?.contains("-W") == true)
        #expect(Set((json["new_incidents"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }) == Set(ids))
        #expect((json["severity_trend"] as? [[String: Any]])?.count == 13)
        let markdown = try vtc.run(["week", "--format", "markdown", "--unit", "Skovbrynet"]).stdout
        #expect(markdown.hasPrefix("# "))
        #expect(markdown.contains("## The week in numbers\n"), "the table the week screen's export has: \(markdown)")
        #expect(markdown.contains("| New registrations | 2 |"), "\(markdown)")
        #expect(markdown.contains("## New registrations\n"), "\(markdown)")
        let past = try vtc.run(["week", "2025-W11", "--format", "json"]).object
        #expect((past["new_incidents"] as? [[String: Any]])?.isEmpty == true)
        let text = try vtc.run(["week"]).stdout
        #expect(text.contains("B-001"), "\(text)")
        #expect(text.contains("The week in numbers"), "\(text)")
        #expect(try vtc.run(["week", "2025-W99"]).status == 2)
    }

    @Test func statsCountBySeverityKindAndUnit() throws {
        let (vtc, _) = try Self.fixture()
        let bySeverity = try vtc.run(["stats", "--period", "half", "--since", "2024-07-01", "--format", "json", "--as-of", "2025-04-01T12:00"]).object
        let periods = bySeverity["periods"] as? [[String: Any]] ?? []
        #expect(periods.map { $0["period"] as? String } == ["2024-H2", "2025-H1"])
        #expect((periods.last?["counts"] as? [String: Any])?["3"] as? Int == 1)
        #expect((periods.last?["counts"] as? [String: Any])?["1"] as? Int == 1)
        #expect(periods.first?["total"] as? Int == 1)
        let byKind = try vtc.run(["stats", "--by", "kind", "--period", "year", "--since", "2025-01-01", "--format", "json",
                                  "--as-of", "2025-04-01T12:00"]).object
        #expect(((byKind["periods"] as? [[String: Any]])?.first?["counts"] as? [String: Any])?["harassment"] as? Int == 1)
        let byUnit = CSVReader.rows(try vtc.run(["stats", "--by", "unit", "--period", "year", "--since", "2024-01-01", "--format", "csv",
                                                 "--as-of", "2025-04-01T12:00"]).stdout)
        #expect(byUnit.first == ["period", "Bostedet Åen", "Skovbrynet", "total", "with_absence"])
        #expect(byUnit.dropFirst().map { $0 } == [["2024", "0", "1", "1", "0"], ["2025", "1", "1", "2", "0"]])
    }

    @Test func csvExportKeepsCommasQuotesLineBreaksAndDanishLetters() throws {
        let (vtc, ids) = try Self.fixture()
        let result = try vtc.run(["export", "--format", "csv"])
        #expect(result.status == 0)
        let rows = CSVReader.rows(result.stdout)
        let header = rows[0]
        #expect(rows.count == 4)
        let description = header.firstIndex(of: "description")!
        let row = rows.first { $0[0] == ids[0] }!
        #expect(row[description] == "Han sagde \"nej, nu går du\",\nog så kom næste linje: æøå ÆØÅ.")
        #expect(row[header.firstIndex(of: "unit")!] == "Bostedet Åen")
        #expect(row[header.firstIndex(of: "citizen_ref")!] == "B-001")
        #expect(Int(row[header.firstIndex(of: "follow_up_open")!])! + Int(row[header.firstIndex(of: "follow_up_overdue")!])! > 0)
        let filtered = CSVReader.rows(try vtc.run(["export", "--format", "csv", "--unit", "Skovbrynet", "--since", "2025-01-01"]).stdout)
        #expect(filtered.dropFirst().map { $0[0] } == [ids[1]])
    }

    @Test func jsonlExportGivesTheEventLines() throws {
        let (vtc, ids) = try Self.fixture()
        _ = try vtc.run(["note", ids[1], "En note"])
        let lines = try vtc.run(["export", "--format", "jsonl", "--unit", "Skovbrynet"]).stdout.split(separator: "\n")
        let events = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(events.count == lines.count)
        #expect(events.map { $0["type"] as? String } == ["registered", "registered", "note_added"])
        #expect(events.allSatisfy { $0["seq"] is Int && $0["format"] as? Int == 1 })
    }

    @Test func verifyReportsAnIntactLogAndEveryProblemWithItsLine() throws {
        let (vtc, _) = try Self.fixture()
        let intact = try vtc.run(["verify"])
        #expect(intact.status == 0)
        #expect(intact.stdout.contains("checkpoint: seq 4"))
        var bytes = vtc.logBytes
        // The second registration (line 3) is changed; the next line's hash of it no longer matches.
        let range = bytes.range(of: Data("Skældt ud.".utf8))!
        bytes.replaceSubrange(range, with: Data("Skældt ud!".utf8))
        try bytes.write(to: URL(fileURLWithPath: vtc.logPath))
        let damaged = try vtc.run(["verify"])
        #expect(damaged.status == 1)
        #expect(damaged.stdout.contains("line 4: hash mismatch"), "\(damaged.stdout)")
        #expect(damaged.stdout.contains("checkpoint"))
        let write = try vtc.run(["note", ids0(vtc), "x"])
        #expect(write.status == 5, "\(write.stderr)")
    }

    private func ids0(_ vtc: VTCProcess) throws -> String {
        try vtc.run(["list", "--format", "json"]).array.first?["id"] as? String ?? ""
    }
}
