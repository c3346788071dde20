import Foundation
import Glibc
import VTCModel
import VTCCodec

/// The second stage of reading, sequential: checks one prepared line's JSON,
/// length, `seq` and `prev` against the lines before it, and its decoding. After a bad line it
/// re-synchronises on that line (its `seq` if readable, and its hash), so that
/// one damaged line is reported once rather than spoiling every later line.
struct ChainChecker {
    enum Verdict {
        case header(LogHeader)
        case event(Event)
        /// The chain holds (`seq` and `prev` are right, the line is JSON) but the
        /// event does not decode or breaks `EventRules`: the line is set aside
        /// and reading goes on (docs/log-format.md, "Set aside").
        case setAside(LogProblem)
        /// The chain is broken here: damage.
        case bad([LogProblem])
    }

    /// Lines checked so far.
    private(set) var lines = 0
    private(set) var expectedSeq: Int64 = 1
    /// The hash of the last line checked (the next line's expected `prev`); the header's is all zeros.
    private(set) var prev = SIMD32<UInt8>()

    init() {}

    /// Continues a chain already checked up to line `seq`, whose bytes hash to `digest`.
    init(resumingAfter seq: Int64, digest: SIMD32<UInt8>) {
        lines = Int(seq)
        expectedSeq = seq + 1
        prev = digest
    }

    var head: Checkpoint? {
        lines == 0 ? nil : Checkpoint(seq: expectedSeq &- 1, hash: String(decoding: LogFormat.hex(prev), as: UTF8.self))
    }

    mutating func check(_ line: PreparedLine) -> Verdict {
        lines += 1
        let n = lines
        var seq: Int64?
        defer {
            // Wrapping, not trapping: a hostile seq of Int64.max must give a verdict, not a crash.
            expectedSeq = (seq ?? expectedSeq) &+ 1
            prev = line.digest
        }
        let parsed: PreparedLine.Parsed
        switch line.content {
        case .invalid(let failure, let holdsNUL):
            let nul = holdsNUL ? " (the line holds NUL bytes)" : ""
            return .bad([LogProblem(line: n, kind: .invalidJSON, detail: failure.description + nul)])
        case .valid(let valid):
            parsed = valid
        }
        guard line.length <= LogFormat.maximumLineLength else {
            return .bad([LogProblem(line: n, kind: .tooLong,
                                    detail: "\(line.length) bytes, more than the maximum of \(LogFormat.maximumLineLength)")])
        }
        let linePrevMatches: Bool
        let decoded: Result<Verdict, LogProblem>
        switch parsed {
        case .fast(let fast):
            seq = fast.seq
            linePrevMatches = fast.prev == prev
            // The fast decoder reads only events, never a header.
            decoded = n == 1 ? .failure(LogProblem(line: n, kind: .header, detail: "line 1 is not a header"))
                : ChainChecker.keepingRules(fast.event, line: n)
        case .parsed(let json):
            guard case .object = json else { return .bad([LogProblem(line: n, kind: .schema, detail: "not a JSON object")]) }
            guard let lineSeq = json["seq"]?.int else {
                return .bad([LogProblem(line: n, kind: .schema, detail: "seq: missing or not an integer")])
            }
            seq = lineSeq
            guard let linePrev = json["prev"]?.string else {
                return .bad([LogProblem(line: n, kind: .schema, detail: "prev: missing or not a string")])
            }
            linePrevMatches = linePrev.utf8.elementsEqual(LogFormat.hex(prev))
            decoded = decode(json, line: n)
        }
        var problems: [LogProblem] = []
        let lineSeq = seq!
        if lineSeq != expectedSeq {
            let what = lineSeq < expectedSeq ? "repeats or goes back" : "skips ahead"
            problems.append(LogProblem(line: n, kind: .sequence, detail: "seq \(lineSeq) \(what) (expected \(expectedSeq))"))
        }
        if !linePrevMatches {
            let detail = n == 1
                ? "the header's prev must be 64 zeros"
                : "prev does not match the hash of line \(n - 1): line \(n - 1) was changed, or a line was removed or inserted before line \(n)"
            problems.append(LogProblem(line: n, kind: .hashMismatch, detail: detail))
        }
        switch decoded {
        case .failure(let problem):
            if problems.isEmpty, problem.kind == .setAside { return .setAside(problem) }
            problems.append(problem)
        case .success(let verdict): if problems.isEmpty { return verdict }
        }
        return .bad(problems)
    }

    /// The event of a line, if it keeps the rules every line keeps (`EventRules.violation(in:)`).
    static func keepingRules(_ event: Event, line n: Int) -> Result<Verdict, LogProblem> {
        if let violation = EventRules.violation(in: event.payload) {
            return .failure(LogProblem(line: n, kind: .setAside, detail: "\(event.payload.type.rawValue): \(violation)"))
        }
        return .success(.event(event))
    }

    /// What the reader makes of one event line on its own, without the chain:
    /// the event, or why it would not be accepted. `EventLog.append` asks
    /// this of every line before writing it.
    static func readBack(_ line: UnsafeRawBufferPointer) -> Result<Event, LogProblem> {
        let prepared = PreparedLine(line, end: Int64(line.count + 1))
        switch prepared.content {
        case .invalid(let failure, _):
            return .failure(LogProblem(line: 0, kind: .invalidJSON, detail: failure.description))
        case .valid(.fast(let fast)):
            return keepingRules(fast.event, line: 0).map { _ in fast.event }
        case .valid(.parsed(let json)):
            switch ChainChecker().decode(json, line: 2) {
            case .success(.event(let event)): return .success(event)
            case .failure(let problem): return .failure(problem)
            default: return .failure(LogProblem(line: 0, kind: .schema, detail: "not an event"))
            }
        }
    }

    private func decode(_ json: JSONValue, line n: Int) -> Result<Verdict, LogProblem> {
        let type = json["type"]?.string
        if n == 1 {
            guard type == "header" else { return .failure(LogProblem(line: n, kind: .header, detail: "line 1 is not a header")) }
            guard json["format"]?.int == LogFormat.version else {
                return .failure(LogProblem(line: n, kind: .header, detail: "format: missing or unknown version"))
            }
            guard let id = json["log_id"]?.string.flatMap(UUID.init(uuidString:)) else {
                return .failure(LogProblem(line: n, kind: .header, detail: "log_id: missing or not a UUID"))
            }
            guard let created = json["created_at"]?.string.flatMap({ Timestamp(rfc3339: $0) }) else {
                return .failure(LogProblem(line: n, kind: .header, detail: "created_at: missing or not an RFC 3339 time"))
            }
            return .success(.header(LogHeader(logID: id, createdAt: created)))
        }
        if type == "header" { return .failure(LogProblem(line: n, kind: .header, detail: "a header after line 1")) }
        do {
            return ChainChecker.keepingRules(try Event(json: json), line: n)
        } catch {
            // The line is JSON and, if its seq and prev are right, the chain holds: set aside, not damage.
            return .failure(LogProblem(line: n, kind: .setAside, detail: error.description))
        }
    }
}
