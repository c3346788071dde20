import Foundation
import Testing

@Suite struct RegisterTests {
    @Test func registerWithOptionsStoresEveryFieldAndPrintsTheID() throws {
        let vtc = VTCProcess()
        try vtc.writeRoster(units: ["Bostedet Åen", "Skovbrynet"])
        let id = try vtc.register([
            "--occurred", "2025-03-14T21:30", "--unit", "Bostedet Åen", "--location", "køkkenet", "--kind", "threat",
            "--severity", "4", "--involvement", "witness", "--counterpart", "relative", "--citizen-ref", "B-014",
            "--injury", "psychological", "--first-absence-day", "2025-03-15", "--absence-days", "2",
            "--description", "Truede med at slå; æøå.", "--first-aid", "--defusing-held", "--wants-leader-talk",
            "--wants-psychologist", "--police-report",
        ])
        let shown = try vtc.run(["show", String(id.prefix(8)), "--format", "json"]).object
        #expect(shown["id"] as? String == id)
        #expect(shown["occurred_at"] as? String == "2025-03-14T21:30:00+01:00")
        #expect(shown["unit"] as? String == "Bostedet Åen")
        #expect(shown["location"] as? String == "køkkenet")
        #expect(shown["kind"] as? String == "threat")
        #expect(shown["severity"] as? Int == 4)
        #expect(shown["involvement"] as? String == "witness")
        #expect(shown["counterpart"] as? String == "relative")
        #expect(shown["citizen_ref"] as? String == "B-014")
        #expect(shown["injury"] as? String == "psychological")
        #expect(shown["first_absence_day"] as? String == "2025-03-15")
        #expect(shown["absence_days"] as? Int == 2)
        #expect(shown["description"] as? String == "Truede med at slå; æøå.")
        for flag in ["first_aid", "defusing_held", "wants_leader_talk", "wants_psychologist", "police_report"] {
            #expect(shown[flag] as? Bool == true, "\(flag)")
        }
        #expect(shown["registrant"] as? String == VTCProcess.currentUser)
    }

    @Test func registerReadsOneJSONObjectFromStdinWithDefaultsForOmittedKeys() throws {
        let vtc = VTCProcess()
        let result = try vtc.run(["register", "--json", "-"], stdin: """
            {"occurred_at":"2025-06-01T08:15:00+02:00","unit":"Min enhed","kind":"harassment","severity":1,
             "description":"Skældt ud, \\"igen\\"."}
            """)
        #expect(result.status == 0, "\(result.stderr)")
        let shown = try vtc.run(["show", result.line, "--format", "json"]).object
        #expect(shown["occurred_at"] as? String == "2025-06-01T08:15:00+02:00")
        #expect(shown["description"] as? String == "Skældt ud, \"igen\".")
        #expect(shown["involvement"] as? String == "direct")
        #expect(shown["counterpart"] as? String == "citizen")
        #expect(shown["injury"] as? String == "none")
        #expect(shown["first_aid"] as? Bool == false)
        #expect(shown["citizen_ref"] is NSNull)
    }

    @Test func theDescriptionCanComeFromStdin() throws {
        let vtc = VTCProcess()
        let result = try vtc.run(["register", "--kind", "other", "--severity", "2", "--description-file", "-"],
                                 stdin: "To linjer:\nanden linje\n")
        let shown = try vtc.run(["show", result.line, "--format", "json"]).object
        #expect(shown["description"] as? String == "To linjer:\nanden linje")
    }
}
