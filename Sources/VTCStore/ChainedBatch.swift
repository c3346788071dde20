import VTCModel

extension LogFormat {
    /// The lines (without their LF) of `events` chained after line `seq`,
    /// whose hash is `prev`, and the hash of the last. Every store appends
    /// through this: each line is read back by the log's own reader first,
    /// so the writer never writes what the reader would refuse.
    package static func chainedLines(_ events: [Event], after seq: Int64, prev: [UInt8],
                                     location: String) throws(LogError) -> (lines: [[UInt8]], lastHash: [UInt8]) {
        var seq = seq
        var prev = prev
        var lines: [[UInt8]] = []
        lines.reserveCapacity(events.count)
        for event in events {
            seq += 1
            let line = eventLine(seq: seq, prev: prev, event: event)
            guard line.count <= maximumLineLength else { throw .lineTooLong(path: location, length: line.count) }
            switch line.withUnsafeBytes({ ChainChecker.readBack($0) }) {
            case .success(let readBack) where readBack == event: break
            case .success: throw .refusedByReader(path: location, LogProblem(line: Int(seq), kind: .schema, detail: "it reads back as another event"))
            case .failure(let problem): throw .refusedByReader(path: location, LogProblem(line: Int(seq), kind: problem.kind, detail: problem.detail))
            }
            prev = hash(line)
            lines.append(line)
        }
        return (lines, prev)
    }
}
