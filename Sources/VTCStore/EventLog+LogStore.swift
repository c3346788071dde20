import Foundation
import Glibc
import VTCModel
import VTCCodec

/// The folder store: `events.jsonl` is the log's bytes as they are.
extension EventLog: LogStore {
    public var location: String { path }

    public func readAll(_ chunk: (UnsafeRawBufferPointer) -> Void) throws(LogError) {
        try EventLog.readAll(fileAt: path, system: system, chunk)
    }

    /// Reads a log file from its start under a shared lock, so that an
    /// append in progress is not half-read, without opening it as a log
    /// (which would repair a torn tail or write a header into an empty file).
    public static func readAll(fileAt path: String, system: SystemCalls = .live,
                               _ chunk: (UnsafeRawBufferPointer) -> Void) throws(LogError) {
        let fd = try system.openRegularFile(path, O_RDONLY)
        guard fd >= 0 else { throw .system(action: "open", path: path, errno: errno) }
        defer { _ = system.close(fd) }
        let failure = system.lock(fd, LOCK_SH)
        guard failure == 0 else { throw .system(action: "lock", path: path, errno: failure) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: LogFormat.readChunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset: off_t = 0
        while true {
            let n = system.pread(fd, buffer.baseAddress!, buffer.count, offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(action: "read", path: path, errno: errno)
            }
            if n == 0 { return }
            offset += off_t(n)
            chunk(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// Writes a whole log copied from another store into the folder, whose
    /// log must not exist yet or be empty: written, synced, and its folder
    /// synced before this returns. The bytes are checked by the caller.
    public static func create(in folder: DataFolder, copying bytes: [UInt8], system: SystemCalls = .live) throws(LogError) {
        try folder.create(system: system)
        let path = folder.eventsPath
        var fd = try system.openRegularFile(path, O_WRONLY | O_CREAT | O_EXCL, 0o640)
        if fd < 0, errno == EEXIST {
            fd = try system.openRegularFile(path, O_WRONLY)
            guard fd >= 0 else { throw .system(action: "open", path: path, errno: errno) }
            if system.fileSize(fd) != 0 {
                _ = system.close(fd)
                throw .invalidFile(path: path, reason: "it is not empty; a copy goes only into a folder without a log")
            }
        }
        guard fd >= 0 else { throw .system(action: "create", path: path, errno: errno) }
        defer { _ = system.close(fd) }
        // Under the lock a log opened meanwhile would take to write its header: then it is not empty.
        let locked = system.lock(fd, LOCK_EX)
        guard locked == 0 else { throw .system(action: "lock", path: path, errno: locked) }
        guard system.fileSize(fd) == 0 else {
            throw .invalidFile(path: path, reason: "it is not empty; a copy goes only into a folder without a log")
        }
        var failure = system.writeAll(fd, bytes, at: 0)
        if failure == 0, system.fdatasync(fd) != 0 { failure = errno }
        if failure == 0 { failure = system.syncDirectory(folder.path) }
        if failure != 0 {
            _ = system.ftruncate(fd, 0)
            throw .system(action: "write", path: path, errno: failure)
        }
    }

    /// Reads each event's line at its byte offset (`places`), through a descriptor of its own.
    public func events(at positions: [Int], places: [Int64]) -> [Event]? {
        guard let fd = try? SystemCalls.live.openRegularFile(path, O_RDONLY), fd >= 0 else { return nil }
        defer { _ = Glibc.close(fd) }
        var events: [Event] = []
        for position in positions {
            guard position >= 1, position <= places.count,
                  let event = Self.read(position, from: fd, start: places[position - 1],
                                        next: position < places.count ? places[position] : nil) else { return nil }
            events.append(event)
        }
        return events
    }

    private static func read(_ position: Int, from fd: Int32, start: Int64, next: Int64?) -> Event? {
        let window = next.map { Int($0 - start) } ?? (LogFormat.maximumLineLength + 1)
        guard window > 0, case .success(let bytes) = SystemCalls.live.readBytes(fd, count: window, at: off_t(start)),
              let lf = bytes.firstIndex(of: 0x0A) else { return nil }
        return bytes.withUnsafeBytes { event(UnsafeRawBufferPointer(rebasing: $0[..<lf]), position: position) }
    }

    /// The event on one line, if it is the event at `position` or later: event N is on line N + 1,
    /// or later when lines before it were set aside.
    package static func event(_ line: UnsafeRawBufferPointer, position: Int) -> Event? {
        let prepared = PreparedLine(line, end: Int64(line.count + 1))
        let earliestSeq = Int64(position) + 1
        switch prepared.content {
        case .valid(.fast(let fast)) where fast.seq >= earliestSeq:
            return fast.event
        case .valid(.parsed(let json)) where (json["seq"]?.int ?? 0) >= earliestSeq:
            return try? Event(json: json)
        default:
            return nil
        }
    }
}
