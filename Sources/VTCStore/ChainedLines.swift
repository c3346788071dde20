import VTCModel

/// The log reader for bytes that arrive in chunks from anywhere (a
/// database's rows, a copy): splits lines, checks the chain as `EventLog`
/// does, and hands over each event. A line set aside is listed and reading
/// goes on; the first damage stops it.
package struct ChainedLines {
    package private(set) var header: LogHeader?
    package private(set) var damage: LogProblem?
    package private(set) var setAside: [LogProblem] = []
    private var splitter: LineSplitter
    private var checker = ChainChecker()
    /// The length of the last line read, without its LF.
    private var lastLength = 0

    package init() { splitter = LineSplitter(startingAt: 0) }

    /// Goes on after a line already checked (a checkpoint's): the header's line, then the lines after `position`.
    package init(header line: [UInt8], resumingAfter position: LogPosition) {
        self.init()
        (line + [0x0A]).withUnsafeBytes { feed($0, each: { _ in }) }
        checker = ChainChecker(resumingAfter: position.seq, digest: position.digest)
        lastLength = position.length
    }

    /// The last line read, placed at `place` (where its store keeps it); nil before the first event.
    package func position(place: Int64) -> LogPosition? {
        guard let header, checker.lines > 1 else { return nil }
        return LogPosition(logID: header.logID, seq: checker.expectedSeq &- 1, offset: place, length: lastLength,
                           digest: checker.prev)
    }

    /// The `seq` and hash of the last line read.
    package var head: Checkpoint? { checker.head }

    /// Bytes after the last LF: a line not yet complete.
    package var unfinished: [UInt8] { splitter.remainder }

    /// Reads the lines of `chunk`; each event goes to `each` with `offset`
    /// = where its line starts in the bytes fed so far.
    package mutating func feed(_ chunk: UnsafeRawBufferPointer, each: (LoggedEvent) -> Void) {
        guard damage == nil else { return }
        var checker = self.checker
        var header = self.header
        var damage: LogProblem?
        var setAside = self.setAside
        var lastLength = self.lastLength
        splitter.feed(chunk) { line in
            let before = checker
            switch checker.check(line) {
            case .header(let found):
                header = found
            case .event(let event):
                each(LoggedEvent(seq: checker.expectedSeq &- 1, event: event, offset: line.end - Int64(line.length) - 1))
            case .setAside(let problem):
                setAside.append(problem)
            case .bad(let problems):
                checker = before
                damage = problems[0]
                return false
            }
            lastLength = line.length
            return true
        }
        self.lastLength = lastLength
        self.checker = checker
        self.header = header
        self.damage = damage
        self.setAside = setAside
    }
}
