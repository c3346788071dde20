import Foundation
import Glibc
import Testing
import VTCModel
import VTCCodec
@testable import VTCStore

@Suite struct DraftStoreTests {
    let fields: JSONValue = .object([("kind", .string("threat")), ("description", .string("Han råbte ad mig"))])

    @Test func aSavedDraftIsListedAndLoadedForItsUserOnly() throws {
        let dir = TemporaryFolder()
        let store = DraftStore(folder: dir.folder)
        let older = Draft(user: "mette", updatedAt: Timestamp(epochSeconds: 100), fields: fields)
        let newer = Draft(user: "mette", updatedAt: Timestamp(epochSeconds: 200), fields: .object([]))
        let other = Draft(user: "søren", updatedAt: Timestamp(epochSeconds: 300), fields: fields)
        for d in [older, newer, other] { try store.save(d) }
        #expect(try store.list(user: "mette").drafts == [newer, older])
        #expect(try store.list(user: "søren").drafts == [other])
        #expect(try store.load(user: "mette", id: older.id) == older)
        #expect(try store.load(user: "søren", id: older.id) == nil)
    }

    @Test func savingAgainReplacesTheDraftAndLeavesNoTemporaryFile() throws {
        let dir = TemporaryFolder()
        let store = DraftStore(folder: dir.folder)
        var draft = Draft(user: "mette", updatedAt: Timestamp(epochSeconds: 100), fields: fields)
        try store.save(draft)
        draft.fields = .object([("kind", .string("harassment"))])
        draft.updatedAt = Timestamp(epochSeconds: 160)
        try store.save(draft)
        #expect(try store.list(user: "mette").drafts == [draft])
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.folder.draftsPath)
        #expect(names == ["mette-\(draft.id.lowercasedString).json"])
        #expect(mode(of: dir.folder.draftsPath + "/" + names[0]) == 0o600 & ~currentUmask())
    }

    @Test func deleteRemovesOnlyThatDraft() throws {
        let dir = TemporaryFolder()
        let store = DraftStore(folder: dir.folder)
        let a = Draft(user: "mette", updatedAt: Timestamp(epochSeconds: 1), fields: fields)
        let b = Draft(user: "mette", updatedAt: Timestamp(epochSeconds: 2), fields: fields)
        try store.save(a)
        try store.save(b)
        try store.delete(user: "mette", id: a.id)
        try store.delete(user: "mette", id: a.id)
        #expect(try store.list(user: "mette").drafts == [b])
    }

    @Test func userNamesCannotEscapeTheDraftsFolder() throws {
        let dir = TemporaryFolder()
        let store = DraftStore(folder: dir.folder)
        let draft = Draft(user: "../../etc/x-y", updatedAt: Timestamp(epochSeconds: 1), fields: fields)
        try store.save(draft)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.folder.draftsPath)
        #expect(names == ["%2E%2E%2F%2E%2E%2Fetc%2Fx%2Dy-\(draft.id.lowercasedString).json"])
        #expect(try store.list(user: "../../etc/x-y").drafts == [draft])
        #expect(try store.list(user: "..").drafts.isEmpty)
    }

    @Test func aBrokenDraftFileIsNamedNotFatal() throws {
        let dir = TemporaryFolder()
        let store = DraftStore(folder: dir.folder)
        let good = Draft(user: "mette", updatedAt: Timestamp(epochSeconds: 1), fields: fields)
        try store.save(good)
        let broken = dir.folder.draftsPath + "/mette-\(UUID().lowercasedString).json"
        _ = FileManager.default.createFile(atPath: broken, contents: Data("{\"format\":1,".utf8))
        let listing = try store.list(user: "mette")
        #expect(listing.drafts == [good])
        #expect(listing.unreadable.count == 1)
        #expect(listing.unreadable.first?.hasPrefix(broken + ": not a draft") == true)
    }

    @Test func noDraftsFolderMeansNoDrafts() throws {
        let dir = TemporaryFolder()
        #expect(try DraftStore(folder: dir.folder).list(user: "mette") == DraftListing(drafts: [], unreadable: []))
    }

    @Test func aFailedSyncIsReportedAndTheOldDraftKept() throws {
        let dir = TemporaryFolder()
        let good = Draft(user: "mette", updatedAt: Timestamp(epochSeconds: 1), fields: fields)
        try DraftStore(folder: dir.folder).save(good)
        var system = SystemCalls.live
        system.fsync = { _ in fail(EIO) }
        var changed = good
        changed.fields = .null
        #expect(throws: LogError.self) { try DraftStore(folder: dir.folder, system: system).save(changed) }
        #expect(try DraftStore(folder: dir.folder).list(user: "mette").drafts == [good])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.folder.draftsPath).count == 1)
    }
}
