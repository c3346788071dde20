import Foundation
import Glibc
import VTCCodec

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
        var going = true
        Self.prepare(lines, in: chunk, offset: chunkOffset) { run in
            for prepared in run where going {
                going = accept(prepared, line)
            }
            return going
        }
        if going {
            remainder.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start...]))
        }
    }

    private mutating func accept(_ prepared: PreparedLine, _ line: (PreparedLine) -> Bool) -> Bool {
        guard line(prepared) else {
            stopped = true
            return false
        }
        consumed = prepared.end
        return true
    }

    /// Prepares the lines in equal runs on other threads and hands each run to
    /// `consume` in order as soon as it is ready, so that checking one run
    /// overlaps preparing the next. `consume` returns false to stop. Returns
    /// only when every run is prepared, since the runs read from `chunk`.
    private static func prepare(_ lines: [Range<Int>], in chunk: UnsafeRawBufferPointer, offset: Int64,
                                _ consume: ([PreparedLine]) -> Bool) {
        // The processor count is asked only for a chunk worth splitting: Foundation reads it from files each
        // time, which cost more than checking the one line a server's append feeds back.
        let runsWorthIt = lines.count / linesPerTask
        let tasks = runsWorthIt > 1 ? min(ProcessInfo.processInfo.activeProcessorCount * 4, runsWorthIt) : 1
        guard tasks > 1 else {
            _ = consume(prepare(lines[...], in: chunk, offset: offset))
            return
        }
        let runs = PreparedRuns(count: tasks, chunk: chunk)
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: tasks) { task in
                let run = lines[lines.count * task / tasks..<lines.count * (task + 1) / tasks]
                runs.fill(task, with: prepare(run, in: runs.chunk, offset: offset))
            }
        }
        var going = true
        for task in 0..<tasks {
            let run = runs.take(task)
            if going { going = consume(run) }
        }
    }

    private static func prepare(_ lines: ArraySlice<Range<Int>>, in chunk: UnsafeRawBufferPointer, offset: Int64) -> [PreparedLine] {
        lines.map { PreparedLine(UnsafeRawBufferPointer(rebasing: chunk[$0]), end: offset + Int64($0.upperBound + 1)) }
    }
}

/// The runs of one chunk being prepared: each task writes only its own slot
/// and then signals it; the reading thread waits for a slot's signal before
/// taking it, and takes every slot before the chunk may be reused.
private final class PreparedRuns: @unchecked Sendable {
    let chunk: UnsafeRawBufferPointer
    private let slots: UnsafeMutableBufferPointer<[PreparedLine]>
    private let ready: [DispatchSemaphore]

    init(count: Int, chunk: UnsafeRawBufferPointer) {
        self.chunk = chunk
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func fill(_ task: Int, with run: [PreparedLine]) {
        slots[task] = run
        ready[task].signal()
    }

    /// Waits for the run and moves it out.
    func take(_ task: Int) -> [PreparedLine] {
        ready[task].wait()
        defer { slots[task] = [] }
        return slots[task]
    }
}
