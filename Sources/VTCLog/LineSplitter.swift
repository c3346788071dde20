import Foundation
import Glibc
import VTCDomain

/// One line, hashed and parsed, ready for the sequential chain check.
/// Preparing a line needs nothing from the lines around it, so it is the
/// part of reading that runs on every core.
struct PreparedLine: Sendable {
    enum Parsed: Sendable {
        /// Decoded by `FastEventDecoder`.
        case fast(FastLogLine)
        /// Parsed by the general `JSONParser`, decoded later by the checker.
        case parsed(JSONValue)
    }

    enum Content: Sendable {
        case valid(Parsed)
        case invalid(JSONParser.Failure, holdsNUL: Bool)
    }

    /// Bytes, without the LF.
    var length: Int
    /// SHA-256 of the line's bytes.
    var digest: SIMD32<UInt8>
    var content: Content
    /// The absolute offset just past the line's LF.
    var end: Int64

    init(_ bytes: UnsafeRawBufferPointer, end: Int64) {
        length = bytes.count
        digest = LogFormat.digest(bytes)
        self.end = end
        let buffer = bytes.assumingMemoryBound(to: UInt8.self)
        if let line = FastEventDecoder.decodeLine(buffer) {
            content = .valid(.fast(line))
            return
        }
        do {
            content = .valid(.parsed(try JSONParser.parse(buffer)))
        } catch {
            let nul = bytes.count > 0 && memchr(bytes.baseAddress!, 0, bytes.count) != nil
            content = .invalid(error, holdsNUL: nul)
        }
    }
}

/// Splits a byte stream, fed in chunks of any size, into lines without their
/// LF, and prepares them (hash + parse) spread over the cores. This is the
/// first of the reader's two stages; the second, `ChainChecker`, is sequential.
struct LineSplitter {
    /// The absolute offset just past the last LF of a line accepted by the consumer.
    private(set) var consumed: Int64
    /// Bytes after the last LF seen, waiting for the rest of their line.
    private(set) var remainder: [UInt8] = []
    private var stopped = false

    /// Below this many lines a chunk is prepared on the calling thread: spreading costs more than it saves.
    private static let linesPerTask = 256

    init(startingAt offset: Int64) { consumed = offset }

    /// Calls `line` in order with each complete line in `chunk` (the first
    /// joined with the bytes left from earlier chunks). `line` returns false
    /// to stop: that line is not consumed and nothing after it is read.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ line: (PreparedLine) -> Bool) {
        guard !stopped, let base = chunk.baseAddress, chunk.count > 0 else { return }
        let chunkOffset = consumed + Int64(remainder.count)
        var start = 0
        if !remainder.isEmpty {
            guard let found = memchr(base, 0x0A, chunk.count) else {
                remainder.append(contentsOf: chunk)
                return
            }
            let lf = base.distance(to: UnsafeRawPointer(found))
            remainder.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<lf]))
            let end = chunkOffset + Int64(lf + 1)
            let joined = remainder.withUnsafeBytes { PreparedLine($0, end: end) }
            remainder.removeAll(keepingCapacity: true)
            guard accept(joined, line) else { return }
            start = lf + 1
        }
        var lines: [Range<Int>] = []
        while start < chunk.count, let found = memchr(base + start, 0x0A, chunk.count - start) {
            let lf = base.distance(to: UnsafeRawPointer(found))
            lines.append(start..<lf)
            start = lf + 1
        }
        let batch = Self.prepare(lines, in: chunk, offset: chunkOffset)
        // Freeing a chunk's events (all of them, when verifying) took a third of the reading
        // thread's time; another thread does it while this one goes on with the next chunk.
        defer { DispatchQueue.global().async { withExtendedLifetime(batch) {} } }
        for prepared in batch {
            guard accept(prepared, line) else { return }
        }
        remainder.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start...]))
    }

    private mutating func accept(_ prepared: PreparedLine, _ line: (PreparedLine) -> Bool) -> Bool {
        guard line(prepared) else {
            stopped = true
            return false
        }
        consumed = prepared.end
        return true
    }

    /// Prepares the lines in equal runs, one task per run, and returns them in order.
    private static func prepare(_ lines: [Range<Int>], in chunk: UnsafeRawBufferPointer, offset: Int64) -> [PreparedLine] {
        let tasks = min(ProcessInfo.processInfo.activeProcessorCount * 4, lines.count / linesPerTask)
        guard tasks > 1 else { return prepare(lines[...], in: chunk, offset: offset) }
        var runs = [[PreparedLine]](repeating: [], count: tasks)
        runs.withUnsafeMutableBufferPointer { slots in
            let shared = SharedRuns(chunk: chunk, slots: slots)
            DispatchQueue.concurrentPerform(iterations: tasks) { task in
                let run = lines[lines.count * task / tasks..<lines.count * (task + 1) / tasks]
                shared.slots[task] = prepare(run, in: shared.chunk, offset: offset)
            }
        }
        return runs.flatMap { $0 }
    }

    private static func prepare(_ lines: ArraySlice<Range<Int>>, in chunk: UnsafeRawBufferPointer, offset: Int64) -> [PreparedLine] {
        lines.map { PreparedLine(UnsafeRawBufferPointer(rebasing: chunk[$0]), end: offset + Int64($0.upperBound + 1)) }
    }
}

/// The chunk and the result slots of one `prepare`, shared with its tasks: each
/// task reads only its own lines and writes only its own slot, and
/// `concurrentPerform` returns only after every task has finished.
private struct SharedRuns: @unchecked Sendable {
    let chunk: UnsafeRawBufferPointer
    let slots: UnsafeMutableBufferPointer<[PreparedLine]>
}
