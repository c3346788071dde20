import Glibc

/// Splits a byte stream, fed in chunks of any size, into lines without their
/// LF. This is the first of the reader's two stages (split + hash, then
/// parse + decode), kept apart so that the second can later run in parallel.
struct LineSplitter {
    /// The absolute offset just past the last LF of a line accepted by the consumer.
    private(set) var consumed: Int64
    /// Bytes after the last LF seen, waiting for the rest of their line.
    private(set) var remainder: [UInt8] = []
    private var stopped = false

    init(startingAt offset: Int64) { consumed = offset }

    /// Calls `line` with each complete line in `chunk` (joined with the bytes
    /// left from earlier chunks) and the offset just past its LF. `line` returns
    /// false to stop: that line is not consumed and nothing after it is read.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ line: (UnsafeRawBufferPointer, Int64) -> Bool) {
        guard !stopped, let base = chunk.baseAddress, chunk.count > 0 else { return }
        var start = 0
        while start < chunk.count {
            guard let found = memchr(base + start, 0x0A, chunk.count - start) else {
                remainder.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start...]))
                return
            }
            let lf = base.distance(to: UnsafeRawPointer(found))
            let piece = UnsafeRawBufferPointer(rebasing: chunk[start..<lf])
            let end = consumed + Int64(remainder.count + piece.count + 1)
            let accepted: Bool
            if remainder.isEmpty {
                accepted = line(piece, end)
            } else {
                remainder.append(contentsOf: piece)
                accepted = remainder.withUnsafeBytes { line($0, end) }
                remainder.removeAll(keepingCapacity: true)
            }
            guard accepted else {
                stopped = true
                return
            }
            consumed = end
            start = lf + 1
        }
    }
}
