import Glibc
import VTCModel

/// The result of checking a whole log.
public struct VerificationReport: Hashable, Sendable {
    /// Every problem found, in line order.
    public var problems: [LogProblem] = []
    public var lines = 0
    /// Event lines that passed every check.
    public var events = 0
    /// Of those, the `registered` events.
    public var incidents = 0
    /// The `seq` and hash of the last complete line.
    public var head: Checkpoint?

    public var isIntact: Bool { problems.isEmpty }

    /// The closing summary line.
    public var summary: String {
        let verdict = isIntact ? "intact" : "\(problems.count) problem\(problems.count == 1 ? "" : "s")"
        return "\(verdict): \(lines) lines, \(events) events, \(incidents) incidents, head \(head.map(\.description) ?? "none")"
    }
}

/// Checks a whole log without changing it, listing every problem (it
/// re-synchronises the chain after a bad line instead of stopping).
public enum LogVerifier {
    /// Checks every line, and that the log still holds each witnessed head (a line `seq` whose SHA-256
    /// starts with the witnessed digits). Oldest first: only the first head the log no longer holds is
    /// reported of each file, since every later one then fails too.
    public static func verify(fileAt path: String, witnesses: [Witness] = [], system: SystemCalls = .live) throws(LogError) -> VerificationReport {
        var run = Run()
        run.wanted = Set(witnesses.compactMap { Int(exactly: $0.head.seq) })
        try read(path, before: nil, into: &run, system: system)
        return report(run, witnesses: witnesses)
    }

    /// Checks the whole log a store holds, line by line as in a file, so that
    /// a damaged database log is named exactly as the same damage in a file;
    /// and the witnessed heads, as for a file.
    public static func verify(store: any LogStore, witnesses: [Witness] = []) throws(LogError) -> VerificationReport {
        var run = Run()
        run.wanted = Set(witnesses.compactMap { Int(exactly: $0.head.seq) })
        try store.readAll { run.feed($0) }
        return report(run, witnesses: witnesses)
    }

    private static func report(_ run: Run, witnesses: [Witness]) -> VerificationReport {
        var run = run
        var report = run.finish()
        var reported: Set<String> = []
        for witness in witnesses where !reported.contains(witness.file) {
            if let missing = run.problem(with: witness) {
                report.problems.append(missing)
                reported.insert(witness.file)
            }
        }
        return report
    }

    /// Checks the lines up to and including the one `position` names, and
    /// that they end in exactly that line. Takes no lock: nothing ever
    /// changes the lines of an append-only log that are already there.
    public static func verify(fileAt path: String, through position: LogPosition,
                              system: SystemCalls = .live) throws(LogError) -> VerificationReport {
        var run = Run()
        try read(path, before: off_t(position.offset) + off_t(position.length) + 1, into: &run, system: system)
        var report = run.finish()
        let expected = Checkpoint(seq: position.seq, hash: String(decoding: LogFormat.hex(position.digest), as: UTF8.self))
        if report.isIntact, report.head != expected {
            report.problems.append(LogProblem(line: Int(position.seq), kind: .hashMismatch,
                                              detail: "the lines up to \(expected) are no longer the ones the state checkpoint was made from"))
        }
        return report
    }

    /// Feeds the file's lines before the byte offset `end`, or all of them under a shared lock, to `run`.
    private static func read(_ path: String, before end: off_t?, into run: inout Run, system: SystemCalls) throws(LogError) {
        let fd = try system.openRegularFile(path, O_RDONLY)
        guard fd >= 0 else { throw .system(action: "open", path: path, errno: errno) }
        defer { _ = system.close(fd) }
        if end == nil {
            // A shared lock, so that an append in progress is not reported as a torn tail.
            let failure = system.lock(fd, LOCK_SH)
            guard failure == 0 else { throw .system(action: "lock", path: path, errno: failure) }
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: LogFormat.readChunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var offset: off_t = 0
        while end.map({ offset < $0 }) ?? true {
            let wanted = end.map { min(buffer.count, Int($0 - offset)) } ?? buffer.count
            let n = system.pread(fd, buffer.baseAddress!, wanted, offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(action: "read", path: path, errno: errno)
            }
            if n == 0 { break }
            offset += off_t(n)
            run.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    public static func verify(bytes: [UInt8]) -> VerificationReport {
        verify(bytes: bytes, chunkSize: max(1, bytes.count))
    }

    /// Feeds `bytes` in chunks of `chunkSize`, as a file is read, so that lines cross chunk boundaries.
    static func verify(bytes: [UInt8], chunkSize: Int) -> VerificationReport {
        var run = Run()
        bytes.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                let end = min(all.count, start + chunkSize)
                run.feed(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
        return run.finish()
    }

    private struct Run {
        var splitter = LineSplitter(startingAt: 0)
        var checker = ChainChecker()
        var report = VerificationReport()
        /// Line numbers whose hash a witness names, and those hashes as read.
        var wanted: Set<Int> = []
        var digests: [Int: SIMD32<UInt8>] = [:]

        mutating func feed(_ chunk: UnsafeRawBufferPointer) {
            var checker = self.checker
            var report = self.report
            var digests = self.digests
            let wanted = self.wanted
            splitter.feed(chunk) { line in
                if !wanted.isEmpty, wanted.contains(checker.lines + 1) { digests[checker.lines + 1] = line.digest }
                switch checker.check(line) {
                case .header: break
                case .event(let event):
                    report.events += 1
                    if case .registered = event.payload { report.incidents += 1 }
                case .setAside(let problem):
                    report.problems.append(problem)
                case .bad(let problems):
                    report.problems += problems
                }
                return true
            }
            self.checker = checker
            self.report = report
            self.digests = digests
        }

        /// Why the log read does not hold the witnessed line; nil when it does.
        func problem(with witness: Witness) -> LogProblem? {
            let seq = witness.head.seq
            let named = "\(witness.source) (\(witness.head.short))"
            guard let line = Int(exactly: seq), let digest = digests[line] else {
                return LogProblem(line: Int(clamping: seq), kind: .truncated,
                                  detail: "the log has \(checker.lines) lines and no longer holds line \(seq), named by \(named): lines were removed")
            }
            let hex = String(decoding: LogFormat.hex(digest), as: UTF8.self)
            guard hex.hasPrefix(witness.head.hash) else {
                return LogProblem(line: line, kind: .rewritten,
                                  detail: "line \(seq) is not the line named by \(named): it or a line before it was rewritten")
            }
            return nil
        }

        mutating func finish() -> VerificationReport {
            report.lines = checker.lines
            report.head = checker.head
            let fragment = splitter.remainder
            if !fragment.isEmpty {
                report.lines += 1
                report.problems.append(LogProblem(line: report.lines, kind: .tornTail,
                    detail: "the last line has no final LF (\(fragment.count) bytes; a write cut short, repaired on the next open)"))
            }
            return report
        }
    }
}
