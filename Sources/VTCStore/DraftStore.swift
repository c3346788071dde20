import Foundation
import Glibc
import VTCModel
import VTCCodec

/// A registration being typed, saved so that it survives a closed terminal.
/// `fields` is opaque here: the form decides what it holds.
public struct Draft: Hashable, Sendable {
    public var user: String
    public var id: UUID
    public var updatedAt: Timestamp
    public var fields: JSONValue

    public init(user: String, id: UUID = UUID(), updatedAt: Timestamp, fields: JSONValue) {
        self.user = user
        self.id = id
        self.updatedAt = updatedAt
        self.fields = fields
    }

    var json: JSONValue {
        .object([
            ("format", .int(LogFormat.version)),
            ("user", .string(user)),
            ("draft", .string(id.lowercasedString)),
            ("updated_at", .string(updatedAt.rfc3339)),
            ("fields", fields),
        ])
    }
}

/// The drafts found for a user, newest first, and the files that could not be read.
public struct DraftListing: Hashable, Sendable {
    public var drafts: [Draft]
    /// One line per draft file that is unreadable or not a draft (named, with the cause).
    public var unreadable: [String]
}

/// The `drafts/` folder: one file per draft, `<user>-<draft id>.json`, mode
/// 0600, replaced atomically (temp file, fsync, rename, folder fsync). Delete a
/// draft only after its registration is durable in the log.
public struct DraftStore: Sendable {
    public let folderPath: String
    public let system: SystemCalls
    static let maximumSize = 1 << 20

    public init(folder: DataFolder, system: SystemCalls = .live) {
        folderPath = folder.draftsPath
        self.system = system
    }

    public func save(_ draft: Draft) throws(LogError) {
        let failure = system.makeDirectories(folderPath, mode: 0o700)
        if failure != 0 { throw .system(action: "create", path: folderPath, errno: failure) }
        let path = self.path(user: draft.user, id: draft.id)
        var bytes = JSONWriter.encode(draft.json)
        bytes.append(0x0A)
        try AtomicFile(path: path, mode: 0o600, system: system).replace(durable: true, failure: "save the draft") { put in put(bytes) }
    }

    public func list(user: String) throws(LogError) -> DraftListing {
        let prefix = DraftStore.fileName(user: user)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folderPath)
        } catch {
            if !FileManager.default.fileExists(atPath: folderPath) { return DraftListing(drafts: [], unreadable: []) }
            throw .invalidFile(path: folderPath, reason: "cannot list the drafts: \(error.localizedDescription)")
        }
        var listing = DraftListing(drafts: [], unreadable: [])
        for name in names.sorted() where name.hasPrefix(prefix + "-") && name.hasSuffix(".json") {
            let idText = name.dropFirst(prefix.count + 1).dropLast(5)
            guard let id = UUID(uuidString: String(idText)) else { continue }
            do {
                if let draft = try load(user: user, id: id) { listing.drafts.append(draft) }
            } catch {
                listing.unreadable.append(error.description)
            }
        }
        listing.drafts.sort { $0.updatedAt > $1.updatedAt }
        return listing
    }

    public func load(user: String, id: UUID) throws(LogError) -> Draft? {
        let path = self.path(user: user, id: id)
        let fd = try system.openRegularFile(path, O_RDONLY)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .system(action: "open", path: path, errno: errno)
        }
        defer { _ = system.close(fd) }
        let bytes = try system.readSmallFile(fd, path: path, limit: DraftStore.maximumSize)
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw .invalidFile(path: path, reason: "not a draft: \(error.description)")
        }
        guard json["format"]?.int == LogFormat.version, json["user"]?.string == user,
              let idText = json["draft"]?.string, UUID(uuidString: idText) == id,
              let updated = json["updated_at"]?.string.flatMap({ Timestamp(rfc3339: $0) }),
              let fields = json["fields"] else {
            throw .invalidFile(path: path, reason: "not a draft of \(user) (format, user, draft, updated_at or fields missing or wrong)")
        }
        return Draft(user: user, id: id, updatedAt: updated, fields: fields)
    }

    /// Removes a draft; a draft already gone is not an error.
    public func delete(user: String, id: UUID) throws(LogError) {
        let path = self.path(user: user, id: id)
        if system.unlink(path) != 0, errno != ENOENT { throw .system(action: "delete", path: path, errno: errno) }
        let failure = system.syncDirectory(folderPath)
        if failure != 0 { throw .system(action: "delete", path: path, errno: failure) }
    }

    func path(user: String, id: UUID) -> String {
        folderPath + "/" + DraftStore.fileName(user: user) + "-" + id.lowercasedString + ".json"
    }

    /// A user name as a safe file name: letters, digits and `_` kept, every other byte as %XX.
    static func fileName(user: String) -> String {
        var name = ""
        for byte in user.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                name.append(Character(Unicode.Scalar(byte)))
            default:
                name += String(format: "%%%02X", byte)
            }
        }
        return name
    }
}
