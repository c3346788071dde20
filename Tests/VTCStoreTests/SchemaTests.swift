import Foundation
import Testing
import VTCModel
@testable import VTCStore

/// Every line the log writes validates against docs/log.schema.json (Draft 2020-12).
@Suite struct SchemaTests {
    static let schemaPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/log.schema.json").path

    static let script = """
        import json, sys
        from jsonschema import Draft202012Validator, FormatChecker
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        v = Draft202012Validator(schema, format_checker=FormatChecker())
        bad = 0
        for n, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
            for e in v.iter_errors(json.loads(line)):
                bad += 1
                print(f"line {n}: {e.message}")
        sys.exit(1 if bad else 0)
        """

    static var hasJSONSchema: Bool {
        (try? run(["python3", "-c", "import jsonschema"]).status) == 0
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: hasJSONSchema, "python3 with jsonschema is missing (.ci/run installs it)"))
    func everyLineOfALogWithEveryEventTypeValidates() throws {
        let dir = TemporaryFolder()
        let log = try EventLog.open(in: dir.folder)
        try log.append(contentsOf: Fixture.events())
        #expect(Set(Fixture.payloads.map(\.type)) == Set(EventType.allCases))
        let result = try SchemaTests.run(["python3", "-c", SchemaTests.script, SchemaTests.schemaPath, dir.logPath])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.enabled(if: hasJSONSchema, "python3 with jsonschema is missing (.ci/run installs it)"))
    func theSchemaRejectsLinesTheReaderRejects() throws {
        let dir = TemporaryFolder()
        let log = try EventLog.open(in: dir.folder)
        try log.append(Fixture.events()[0])
        let lines = dir.lines().map { String(decoding: $0, as: UTF8.self) }
        let broken = [
            lines[1].replacingOccurrences(of: "\"severity\":3", with: "\"severity\":6"),
            lines[1].replacingOccurrences(of: "\"kind\":\"physical_violence\"", with: "\"kind\":\"slag\""),
            lines[1].replacingOccurrences(of: "\"seq\":2", with: "\"seq\":2.5"),
            lines[1].replacingOccurrences(of: ",\"unit\":", with: ",\"unitt\":"),
            lines[0].replacingOccurrences(of: "\"created_at\":\"2", with: "\"created_at\":\"x2"),
        ]
        for line in broken {
            dir.write(Array((line + "\n").utf8), to: "one.jsonl")
            let result = try SchemaTests.run(["python3", "-c", SchemaTests.script, SchemaTests.schemaPath, dir.path + "/one.jsonl"])
            #expect(result.status == 1, "accepted: \(line)")
        }
    }
}
