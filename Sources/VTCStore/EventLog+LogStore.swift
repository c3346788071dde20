import Foundation
import Glibc
import VTCModel
import VTCCodec

/// The folder store: `events.jsonl` is the log's bytes as they are.
extension EventLog: LogStore {
    public var location: String { path }

    /// Reads the file under a shared lock, so that an append in progress is not half-read.
    public func readAll(_ chunk: (UnsafeRawBufferPointer) -> Void) throws(LogError) {
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
