import Foundation
import Glibc
import VTCModel

/// Reads events back from the log by their position (from 1; line `seq` =
/// position + 1), so that the state can keep an incident's history as
/// positions instead of copies of its events. Safe to share between threads.
final class EventArchive: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    /// Where each event's line starts, by position − 1.
    private var starts: [Int64]

    init(path: String, starts: [Int64]) {
        self.path = path
        self.starts = starts
    }

    private var lineStarts: [Int64] { lock.withLock { starts } }

    /// Records where the next event's line starts.
    func add(_ logged: LoggedEvent) {
        lock.withLock { starts.append(logged.offset) }
    }

    /// The events at these positions; nil when one cannot be read or is not the line expected.
    func events(at positions: [Int]) -> [Event]? {
        guard let fd = try? SystemCalls.live.openRegularFile(path, O_RDONLY), fd >= 0 else { return nil }
        defer { _ = Glibc.close(fd) }
        let known = lineStarts
        var events: [Event] = []
        for position in positions {
            guard position >= 1, position <= known.count,
                  let event = read(position, from: fd, start: known[position - 1],
                                   next: position < known.count ? known[position] : nil) else { return nil }
            events.append(event)
        }
        return events
    }

    private func read(_ position: Int, from fd: Int32, start: Int64, next: Int64?) -> Event? {
        let window = next.map { Int($0 - start) } ?? (LogFormat.maximumLineLength + 1)
        guard window > 0, case .success(let bytes) = SystemCalls.live.readBytes(fd, count: window, at: off_t(start)),
              let lf = bytes.firstIndex(of: 0x0A) else { return nil }
        let line = bytes.withUnsafeBytes { PreparedLine(UnsafeRawBufferPointer(rebasing: $0[..<lf]), end: start + Int64(lf) + 1) }
        // Event N is on line N + 1, or later when lines before it were set aside.
        let earliestSeq = Int64(position) + 1
        switch line.content {
        case .valid(.fast(let fast)) where fast.seq >= earliestSeq:
            return fast.event
        case .valid(.parsed(let json)) where (json["seq"]?.int ?? 0) >= earliestSeq:
            return try? Event(json: json)
        default:
            return nil
        }
    }
}
