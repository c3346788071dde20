import Foundation
import Glibc
import VTCModel
import VTCCodec

/// The append-only event log (`events.jsonl`): one JSON object per line,
/// chained by SHA-256. See docs/log-format.md for the promises it keeps.
///
/// Opening reads and checks the whole log, repairing a torn last line.
/// A log with a bad line is open read-only: `damage` names the line and every
/// append throws. Not thread-safe: use one instance from one task.
public final class EventLog {
    public let path: String
    public let system: SystemCalls
    /// The first bad line found; when set, nothing more is read and every append is refused.
    public private(set) var damage: LogProblem?
    /// Lines whose chain holds but whose event today's rules refuse: skipped, in line order.
    public private(set) var setAside: [LogProblem] = []
    public private(set) var header: LogHeader?

    private let fd: Int32
    /// Why the file could only be opened for reading (a read-only folder, no permission).
    private let writeRefusal: LogError?
    private var notices: [String] = []

    private var checker = ChainChecker()
    private var readOffset: off_t = 0
    private var lastLine: (offset: Int64, length: Int)?
    private var unread: [LoggedEvent] = []
    /// Takes the events read while `open(…, each:)` runs, instead of `unread`.
    private var deliver: ((LoggedEvent) -> Void)?
    /// What this instance knows of the file's end: valid while the file still has this size under the lock.
    private var knownTail: (end: off_t, seq: Int64, hash: [UInt8])?

    /// Opens (creating if needed, with its folder) the log of a data folder.
    public static func open(in folder: DataFolder, resumingAfter position: LogPosition? = nil,
                            system: SystemCalls = .live, each: ((LoggedEvent) -> Void)? = nil) throws(LogError) -> EventLog {
        try folder.create(system: system)
        return try open(fileAt: folder.eventsPath, resumingAfter: position, system: system, each: each)
    }

    /// Opens (creating if needed) the log at `path`; its folder must exist.
    ///
    /// With `position`, reading starts after that line if the log still
    /// holds exactly those bytes there (same log id, same hash); otherwise,
    /// and always without it, every line is read and checked. `resumed`
    /// tells which happened.
    ///
    /// With `each`, the events of a log read from its start are handed to it
    /// as they are read instead of being kept for the first `readNew()`, so
    /// that a large log is never held in memory as a whole. After resuming,
    /// the lines that follow are kept for `readNew()` as always, so that the
    /// caller can first restore what the position stands for.
    public static func open(fileAt path: String, resumingAfter position: LogPosition? = nil,
                            system: SystemCalls = .live, each: ((LoggedEvent) -> Void)? = nil) throws(LogError) -> EventLog {
        var created = false
        var refusal: LogError?
        var fd = try system.openRegularFile(path, O_RDWR)
        if fd < 0, errno == ENOENT {
            fd = try system.openRegularFile(path, O_RDWR | O_CREAT | O_EXCL, 0o640)
            if fd >= 0 {
                created = true
            } else if errno == EEXIST {
                fd = try system.openRegularFile(path, O_RDWR)
            } else {
                throw .system(action: "create", path: path, errno: errno)
            }
        }
        if fd < 0, [EACCES, EROFS, EPERM].contains(errno) {
            refusal = .system(action: "append to", path: path, errno: errno)
            fd = try system.openRegularFile(path, O_RDONLY)
        }
        guard fd >= 0 else { throw .system(action: "open", path: path, errno: errno) }
        let log = EventLog(path: path, fd: fd, system: system, writeRefusal: refusal)
        if refusal == nil {
            try log.prepare(created: created)
        }
        if let position { try log.resume(after: position) }
        log.deliver = log.resumed ? nil : each
        defer { log.deliver = nil }
        try log.readAvailable(allowRepair: true)
        return log
    }

    private init(path: String, fd: Int32, system: SystemCalls, writeRefusal: LogError?) {
        self.path = path
        self.fd = fd
        self.system = system
        self.writeRefusal = writeRefusal
    }

    deinit { _ = system.close(fd) }

    /// Messages the caller must show once (a torn last line that was repaired). Clears them.
    public func takeNotices() -> [String] {
        defer { notices = [] }
        return notices
    }

    /// The `seq` and hash of the last line read.
    public var head: Checkpoint? { checker.head }

    /// True when opening skipped the lines up to the position it was given.
    public var resumed: Bool { resumedFrom != nil }
    /// The position opening resumed after, its lines skipped.
    public private(set) var resumedFrom: LogPosition?

    /// The last line read, pinned down; nil before the first event.
    public var position: LogPosition? {
        guard let header, let lastLine, checker.lines > 1 else { return nil }
        return LogPosition(logID: header.logID, seq: checker.expectedSeq &- 1, offset: lastLine.offset,
                           length: lastLine.length, digest: checker.prev)
    }

    /// True when appends can succeed: no damage found and the file is writable.
    public var isWritable: Bool { damage == nil && writeRefusal == nil }

    /// The events not yet returned: on the first call every event of the log,
    /// then those appended since (by any process), continuing the hash chain
    /// from the last line seen. Stops at a bad line and sets `damage`.
    public func readNew() throws(LogError) -> [LoggedEvent] {
        if damage == nil { try readAvailable(allowRepair: true) }
        defer { unread = [] }
        return unread
    }

    /// Appends events under one lock and one `fdatasync`: all of them are
    /// durable, or none is kept. With `expected`, only if the file's last
    /// line is still that line (`LogStore.append(contentsOf:after:)`).
    public func append(contentsOf events: [Event], after expected: Int64?) throws(LogError) -> [LoggedEvent]? {
        guard !events.isEmpty else { return [] }
        if let damage { throw .damaged(path: path, damage) }
        if let writeRefusal { throw writeRefusal }
        return try withLock(LOCK_EX) { () throws(LogError) -> [LoggedEvent]? in
            let (start, lastSeq, lastHash) = try tailForAppend()
            if let expected, lastSeq != expected { return nil }
            let batch = try LogFormat.chainedLines(events, after: lastSeq, prev: lastHash, location: path)
            var bytes: [UInt8] = []
            var logged: [LoggedEvent] = []
            logged.reserveCapacity(events.count)
            for (index, line) in batch.lines.enumerated() {
                logged.append(LoggedEvent(seq: lastSeq + 1 + Int64(index), event: events[index], offset: Int64(start) + Int64(bytes.count)))
                bytes += line
                bytes.append(0x0A)
            }
            let (seq, prev) = (lastSeq + Int64(events.count), batch.lastHash)
            try writeDurably(bytes, at: start)
            knownTail = (start + off_t(bytes.count), seq, prev)
            return logged
        }
    }

    // MARK: - Writing

    /// Writes and syncs `bytes` at `offset`; on any failure cuts the file back to `offset` and throws.
    private func writeDurably(_ bytes: [UInt8], at offset: off_t) throws(LogError) {
        var failure = system.writeAll(fd, bytes, at: offset)
        if failure == 0, system.fdatasync(fd) != 0 { failure = errno }
        guard failure != 0 else { return }
        // The bytes may have reached the file; the caller will be told they did not, so they must go.
        if system.ftruncate(fd, offset) == 0 { _ = system.fdatasync(fd) }
        knownTail = nil
        throw .system(action: "append to", path: path, errno: failure)
    }

    /// Under the exclusive lock: the offset to write at and the last line's `seq` and hash.
    private func tailForAppend() throws(LogError) -> (off_t, Int64, [UInt8]) {
        let size = try currentSize()
        if let tail = knownTail, tail.end == size { return (tail.end, tail.seq, tail.hash) }
        let end = try repairTornTail(size: size)
        if end == 0 {
            let header = try writeHeader()
            return (off_t(header.count + 1), 1, LogFormat.hash(header))
        }
        let line = try lastLine(endingAt: end)
        guard let seq = (try? JSONParser.parse(line))?["seq"]?.int, seq > 0, seq < Int64.max - 1_000_000_000 else {
            throw .invalidFile(path: path, reason: "its last line has no usable seq; run verify")
        }
        return (end, seq, LogFormat.hash(line))
    }

    /// Under the exclusive lock, once: repairs a torn tail and writes the header into an empty log.
    private func prepare(created: Bool) throws(LogError) {
        try withLock(LOCK_EX) { () throws(LogError) in
            let size = try currentSize()
            // A torn tail that cannot be moved aside leaves the log readable: reading then stops before it.
            let end = (try? repairTornTail(size: size)) ?? size
            if end == 0 { _ = try writeHeader() }
        }
        if created {
            let failure = system.syncDirectory(parent(of: path))
            if failure != 0 { throw .system(action: "sync the folder of", path: path, errno: failure) }
        }
    }

    private func writeHeader() throws(LogError) -> [UInt8] {
        let line = LogFormat.headerLine(logID: UUID(), createdAt: system.now())
        try writeDurably(line + [0x0A], at: 0)
        return line
    }

    // MARK: - Torn tail

    /// Under the exclusive lock: if the file ends in a fragment without a
    /// final LF (a write cut short: never acknowledged), copies it aside, cuts
    /// the log back to the line before, syncs, and records a notice. A
    /// complete line is never cut, whatever it holds: its `fdatasync` may
    /// have returned. Returns the file's size afterwards.
    private func repairTornTail(size: off_t) throws(LogError) -> off_t {
        guard size > 0, try read(count: 1, at: size - 1) != [0x0A] else { return size }
        let cut = try startOfLine(containing: size - 1)
        let tornBytes = try read(count: Int(size - cut), at: cut)
        let copy = try saveAside(tornBytes)
        guard system.ftruncate(fd, cut) == 0, system.fdatasync(fd) == 0 else {
            throw .system(action: "repair", path: path, errno: errno)
        }
        knownTail = nil
        notices.append("The last line of \(path) was incomplete (a write cut short by a crash); "
            + "its \(tornBytes.count) bytes were moved to \(copy) and the log now ends at its last complete line.")
        return cut
    }

    /// Writes the torn bytes to `events.jsonl.torn-<UTC time>` next to the log, durably.
    private func saveAside(_ bytes: [UInt8]) throws(LogError) -> String {
        let local = system.now().local
        let d = local.date
        let stamp = String(format: "%04d%02d%02dT%02d%02d%02dZ", d.year, d.month, d.day, local.hour, local.minute, local.second)
        var attempt = 1
        while true {
            let name = "\(path).torn-\(stamp)" + (attempt == 1 ? "" : "-\(attempt)")
            // O_EXCL never follows a link: a name already taken, by a link or anything else, is skipped.
            let copyFD = system.open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o640)
            if copyFD < 0 {
                if errno == EEXIST { attempt += 1; continue }
                throw .system(action: "create", path: name, errno: errno)
            }
            var failure = system.writeAll(copyFD, bytes, at: 0)
            if failure == 0, system.fsync(copyFD) != 0 { failure = errno }
            _ = system.close(copyFD)
            if failure == 0 { failure = system.syncDirectory(parent(of: path)) }
            if failure != 0 {
                // No empty or partial copy is left behind; the log keeps its fragment.
                _ = system.unlink(name)
                throw .system(action: "write", path: name, errno: failure)
            }
            return name
        }
    }

    // MARK: - Reading

    /// Whether the log still holds the line `position` names: the same log id
    /// in its header, and at the offset a line of the same length whose bytes
    /// have the same SHA-256. Read under a shared lock.
    public func check(_ position: LogPosition) throws(LogError) -> PositionCheck {
        try withLock(LOCK_SH) { () throws(LogError) -> PositionCheck in
            let size = try currentSize()
            let end = position.offset + Int64(position.length) + 1
            guard position.seq > 1, position.offset > 0, position.length <= LogFormat.maximumLineLength else {
                return .rewritten("line \(position.seq) is named at an impossible place")
            }
            let headerBytes = try read(count: Int(min(size, off_t(LogFormat.maximumLineLength + 1))), at: 0)
            guard let headerEnd = headerBytes.firstIndex(of: 0x0A) else {
                return size == 0 ? .truncated(have: 0, named: position.seq) : .rewritten("its header is not a whole line")
            }
            var headerChecker = ChainChecker()
            let headerLine = headerBytes.withUnsafeBytes { PreparedLine(UnsafeRawBufferPointer(rebasing: $0[..<headerEnd]), end: Int64(headerEnd + 1)) }
            guard case .header(let found) = headerChecker.check(headerLine) else { return .rewritten("its header is not a valid header") }
            guard found.logID == position.logID else { return .rewritten("it is another log (log_id \(found.logID.lowercasedString))") }
            guard end <= Int64(size) else { return .truncated(have: nil, named: position.seq) }
            let line = try read(count: position.length + 1, at: off_t(position.offset))
            guard line.last == 0x0A,
                  line.withUnsafeBytes({ LogFormat.digest(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }) == position.digest
            else { return .rewritten("line \(position.seq) is not the line it was") }
            header = found
            return .holds
        }
    }

    /// Continues the chain after `position` if the log still holds that line.
    private func resume(after position: LogPosition) throws(LogError) {
        guard try check(position) == .holds else { return }
        checker = ChainChecker(resumingAfter: position.seq, digest: position.digest)
        readOffset = off_t(position.offset) + off_t(position.length) + 1
        lastLine = (position.offset, position.length)
        resumedFrom = position
    }

    /// Reads and checks the complete lines after `readOffset` under a shared
    /// lock (so no append is half-way). A torn tail is repaired under the
    /// exclusive lock, then reading continues once.
    private func readAvailable(allowRepair: Bool) throws(LogError) {
        let torn = try withLock(LOCK_SH) { () throws(LogError) -> Bool in try scan() }
        guard torn else { return }
        if allowRepair, writeRefusal == nil {
            do {
                try withLock(LOCK_EX) { () throws(LogError) in _ = try repairTornTail(size: try currentSize()) }
            } catch {
                // Cannot move it aside (disk full, no permission): read what is whole, write nothing.
                notices.append("The last line of \(path) is incomplete and could not be moved aside (\(error)); the log is open read-only.")
                if damage == nil, let pendingProblem { damage = pendingProblem }
                return
            }
            try readAvailable(allowRepair: false)
        } else if damage == nil, let pendingProblem {
            damage = pendingProblem
        }
    }

    /// A torn-looking last line that could not be repaired.
    private var pendingProblem: LogProblem?

    /// Reads from `readOffset` to the end; returns true when the tail looks torn.
    private func scan() throws(LogError) -> Bool {
        let size = try currentSize()
        pendingProblem = nil
        guard size >= readOffset else {
            damage = LogProblem(line: checker.lines, kind: .sequence, detail: "the log became shorter than what was already read: lines were removed")
            return false
        }
        var splitter = LineSplitter(startingAt: Int64(readOffset))
        let chunkSize = Int(min(size - readOffset, off_t(LogFormat.readChunkSize)))
        if chunkSize > 0 {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            var offset = readOffset
            while offset < size, damage == nil {
                let n = system.pread(fd, buffer.baseAddress!, min(chunkSize, Int(size - offset)), offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .system(action: "read", path: path, errno: errno)
                }
                if n == 0 { break }
                offset += off_t(n)
                splitter.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) { line in
                    accept(line)
                }
            }
        }
        readOffset = off_t(splitter.consumed)
        let torn = damage == nil && !splitter.remainder.isEmpty
        if torn {
            pendingProblem = LogProblem(line: checker.lines + 1, kind: .tornTail, detail: "the last line has no final LF")
        }
        if damage == nil, !torn, readOffset == size, let head = checker.head {
            knownTail = (size, head.seq, Array(head.hash.utf8))
        }
        return torn
    }

    private func accept(_ line: PreparedLine) -> Bool {
        let before = checker
        switch checker.check(line) {
        case .header(let h):
            header = h
            return true
        case .event(let e):
            let offset = line.end - Int64(line.length) - 1
            let logged = LoggedEvent(seq: checker.expectedSeq &- 1, event: e, offset: offset)
            if let deliver { deliver(logged) } else { unread.append(logged) }
            lastLine = (offset, line.length)
            return true
        case .setAside(let problem):
            setAside.append(problem)
            lastLine = (line.end - Int64(line.length) - 1, line.length)
            return true
        case .bad(let problems):
            // A complete line (it has its LF) is never a torn tail, even at the end: it is damage.
            checker = before
            damage = problems[0]
            return false
        }
    }

    // MARK: - Helpers

    private func withLock<T>(_ operation: Int32, _ body: () throws(LogError) -> T) throws(LogError) -> T {
        let failure = system.lock(fd, operation)
        guard failure == 0 else { throw .system(action: "lock", path: path, errno: failure) }
        defer { _ = system.flock(fd, LOCK_UN) }
        return try body()
    }

    private func currentSize() throws(LogError) -> off_t {
        let size = system.fileSize(fd)
        guard size >= 0 else { throw .system(action: "read", path: path, errno: errno) }
        return size
    }

    private func read(count: Int, at offset: off_t) throws(LogError) -> [UInt8] {
        switch system.readBytes(fd, count: count, at: offset) {
        case .success(let bytes): return bytes
        case .failure(let e): throw .system(action: "read", path: path, errno: e.code)
        }
    }

    /// The offset where the line holding the byte at `offset` starts, found by reading backwards.
    private func startOfLine(containing offset: off_t) throws(LogError) -> off_t {
        var end = offset
        let window = off_t(LogFormat.maximumLineLength + 2)
        while end > 0 {
            let from = max(0, end - window)
            let bytes = try read(count: Int(end - from), at: from)
            if let lf = bytes.lastIndex(of: 0x0A) { return from + off_t(lf) + 1 }
            end = from
        }
        return 0
    }

    /// The bytes of the line that ends (with its LF) at `end`, without the LF.
    private func lastLine(endingAt end: off_t) throws(LogError) -> [UInt8] {
        let start = try startOfLine(containing: end - 1)
        return try read(count: Int(end - 1 - start), at: start)
    }
}
