import Testing
@testable import VTCStore

@Suite struct DataFolderTests {
    @Test func theOptionWinsOverEverything() throws {
        let env = ["VTC_DATA": "/env", "XDG_DATA_HOME": "/xdg", "HOME": "/home/x"]
        #expect(try DataFolder.resolve(option: "/opt/data/", environment: env).path == "/opt/data")
    }

    @Test func thenVTCDataThenXDGThenHome() throws {
        #expect(try DataFolder.resolve(option: nil, environment: ["VTC_DATA": "/env", "XDG_DATA_HOME": "/xdg", "HOME": "/h"]).path == "/env")
        #expect(try DataFolder.resolve(option: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/h"]).path == "/xdg/vtc")
        #expect(try DataFolder.resolve(option: nil, environment: ["HOME": "/h"]).path == "/h/.local/share/vtc")
    }

    @Test func emptyValuesAndARelativeXDGPathCountAsUnset() throws {
        let env = ["VTC_DATA": "", "XDG_DATA_HOME": "relative", "HOME": "/h"]
        #expect(try DataFolder.resolve(option: "", environment: env).path == "/h/.local/share/vtc")
    }

    @Test func withNothingToGoOnItSaysWhatToGive() {
        #expect(throws: LogError.noDataFolder("give --data DIR, or set VTC_DATA, XDG_DATA_HOME or HOME")) {
            try DataFolder.resolve(option: nil, environment: [:])
        }
    }

    @Test func itNamesTheFilesItHolds() {
        let folder = DataFolder(path: "/d")
        #expect(folder.eventsPath == "/d/events.jsonl")
        #expect(folder.draftsPath == "/d/drafts")
        #expect(folder.rosterPath == "/d/roster.json")
        #expect(folder.policyPath == "/d/policy.json")
    }

    @Test func creatingMakesMissingParentsAndIsIdempotent() throws {
        let dir = TemporaryFolder()
        let folder = DataFolder(path: dir.path + "/a/b/vtc")
        try folder.create()
        try folder.create()
        #expect(mode(of: folder.path) == 0o750 & ~currentUmask())
    }
}
