import Foundation
import Glibc
import Testing
@testable import VTCStore

@Suite struct ReadTests {
    /// A log with a header and `count` notes, written by a closed instance.
    func makeLog(_ dir: TemporaryFolder, count: Int = 5) throws {
        let log = try EventLog.open(in: dir.folder, system: .testing)
        try log.append(contentsOf: (0..<count).map { Fixture.note("nr. \($0)") })
    }

    @Test func readNewReturnsOnlyWhatOtherInstancesAppendedSince() throws {
        let dir = TemporaryFolder()
        try makeLog(dir, count: 3)
        let reader = try EventLog.open(in: dir.folder)
        #expect(try reader.readNew().count == 3)
        #expect(try reader.readNew().isEmpty)
        let writer = try EventLog.open(in: dir.folder)
        let appended = [Fixture.note("a"), Fixture.note("b")]
        try writer.append(contentsOf: appended)
        let new = try reader.readNew()
        #expect(new.map(\.seq) == [5, 6])
        #expect(new.map(\.event) == appended)
        #expect(reader.head == LogVerifier.verify(bytes: dir.bytes()).head)
    }

    @Test func readNewNoticesWhenTheChainDoesNotContinueFromTheLastHashItSaw() throws {
        let dir = TemporaryFolder()
        try makeLog(dir, count: 2)
        let reader = try EventLog.open(in: dir.folder)
        _ = try reader.readNew()
        // The file is replaced by another log that agrees on lines 1–2, has a line 3 of the same
        // length but other content, and a line 4 chained to that: line 4 does not follow what the reader saw.
        var lines = dir.lines()
        lines[2] = Array(String(decoding: lines[2], as: UTF8.self).replacingOccurrences(of: "nr. 1", with: "nr. X").utf8)
        lines.append(LogFormat.eventLine(seq: 4, prev: LogFormat.hash(lines[2]), event: Fixture.note("ny")))
        dir.write(lines.flatMap { $0 + [0x0A] })
        #expect(try reader.readNew().isEmpty)
        #expect(reader.damage?.line == 4)
        #expect(reader.damage?.kind == .hashMismatch)
    }

    @Test func aTornLastLineWithoutLFIsCopiedAsideCutAndReportedOnce() throws {
        let dir = TemporaryFolder()
        try makeLog(dir, count: 3)
        let good = dir.bytes()
        let torn = Array("{\"seq\":5,\"prev\":\"ab".utf8)
        dir.write(good + torn)
        let log = try EventLog.open(in: dir.folder, system: .testing)
        #expect(dir.bytes() == good)
        let copies = dir.names().filter { $0.hasPrefix("events.jsonl.torn-") }
        #expect(copies == ["events.jsonl.torn-20261119T145320Z"])
        #expect(dir.bytes(copies[0]) == torn)
        let notices = log.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.contains(dir.path + "/events.jsonl.torn-20261119T145320Z") == true)
        #expect(log.takeNotices().isEmpty)
        #expect(log.damage == nil)
        #expect(try log.readNew().count == 3)
        #expect(try log.append(Fixture.note("videre")).seq == 5)
        #expect(LogVerifier.verify(bytes: dir.bytes()).isIntact)
    }

    @Test func aTailTornAfterOpeningIsRepairedByTheNextReadOrAppend() throws {
        let dir = TemporaryFolder()
        try makeLog(dir, count: 2)
        let log = try EventLog.open(in: dir.folder, system: .testing)
        _ = try log.readNew()
        let good = dir.bytes()
        // Another writer died half-way through its line after this instance opened the log.
        dir.write(good + Array("{\"seq\":4,\"pr".utf8))
        #expect(try log.readNew().isEmpty)
        #expect(log.takeNotices().count == 1)
        #expect(dir.bytes() == good)
        dir.write(good + Array("{\"seq\":4,\"prev".utf8))
        #expect(try log.append(Fixture.note("videre")).seq == 4)
        #expect(log.takeNotices().count == 1)
        #expect(LogVerifier.verify(bytes: dir.bytes()).isIntact)
        #expect(dir.names().filter { $0.contains(".torn-") }.count == 2)
    }

    @Test(arguments: [
        Array("{\"seq\":5,\"prev\":\"00\",\"for".utf8),
        [UInt8](repeating: 0, count: 300),
    ])
    func aFinalFragmentWithoutLFIsTornAndRepaired(tail: [UInt8]) throws {
        let dir = TemporaryFolder()
        try makeLog(dir)
        let good = dir.bytes()
        dir.write(good + tail)
        let log = try EventLog.open(in: dir.folder, system: .testing)
        #expect(dir.bytes() == good)
        #expect(log.takeNotices().count == 1)
        #expect(log.isWritable)
    }

    /// A disk that is full (or a folder that is not writable) cannot take the torn copy: the log is read up
    /// to the fragment, opens read-only, keeps every byte, and no empty or partial copy is left behind.
    @Test(arguments: [ENOSPC, EACCES])
    func aTornTailThatCannotBeMovedAsideLeavesTheLogReadableAndUnchanged(failure: Int32) throws {
        let dir = TemporaryFolder()
        try makeLog(dir)
        let damaged = dir.bytes() + Array("{\"seq\":7,\"prev\":\"0".utf8)
        dir.write(damaged)
        var system = SystemCalls.testing
        system.pwrite = { fd, buffer, count, offset in
            // Only the copy is written to: the log itself is not, when nothing is appended.
            errno = failure
            return -1
        }
        let log = try EventLog.open(in: dir.folder, system: system)
        #expect(try log.readNew().count == 5)
        #expect(log.damage?.kind == .tornTail)
        #expect(!log.isWritable)
        #expect(log.takeNotices().first?.contains("could not be moved aside") == true)
        #expect(dir.bytes() == damaged)
        #expect(!dir.names().contains { $0.hasPrefix("events.jsonl.torn-") })
    }

    /// A line with its LF was synced and may have been acknowledged: it is damage, never cut away.
    @Test(arguments: [
        Array("{\"seq\":5,\"prev\":\"00\",\"for\n".utf8),
        [UInt8](repeating: 0, count: 40) + [0x0A],
    ])
    func aCompleteLastLineThatDoesNotParseIsDamageAndStays(tail: [UInt8]) throws {
        let dir = TemporaryFolder()
        try makeLog(dir)
        let damaged = dir.bytes() + tail
        dir.write(damaged)
        let log = try EventLog.open(in: dir.folder, system: .testing)
        #expect(dir.bytes() == damaged)
        #expect(log.damage?.kind == .invalidJSON)
        #expect(!log.isWritable)
        #expect(!dir.names().contains { $0.hasPrefix("events.jsonl.torn-") })
    }

    @Test func twoTornCopiesInTheSameSecondGetDistinctNames() throws {
        let dir = TemporaryFolder()
        try makeLog(dir)
        let good = dir.bytes()
        dir.write(good + Array("{\"seq".utf8))
        _ = try EventLog.open(in: dir.folder, system: .testing)
        dir.write(good + Array("{\"se".utf8))
        _ = try EventLog.open(in: dir.folder, system: .testing)
        let copies = Set(dir.names().filter { $0.hasPrefix("events.jsonl.torn-") })
        #expect(copies == ["events.jsonl.torn-20261119T145320Z", "events.jsonl.torn-20261119T145320Z-2"])
    }

    @Test func aLastLineWithoutLFIsNotRepairedWhileAnotherWriterHoldsTheLock() throws {
        let dir = TemporaryFolder()
        try makeLog(dir)
        let reader = try EventLog.open(in: dir.folder)
        _ = try reader.readNew()
        let head = try #require(reader.head)
        // Another writer, mid-append: holds the lock with half its line written.
        let fd = open(dir.logPath, O_RDWR)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        let line = LogFormat.eventLine(seq: head.seq + 1, prev: Array(head.hash.utf8), event: Fixture.note("langsom")) + [0x0A]
        let size = lseek(fd, 0, SEEK_END)
        #expect(pwrite(fd, line, 20, size) == 20)
        let finished = Thread {
            usleep(200_000)
            _ = line.withUnsafeBytes { pwrite(fd, $0.baseAddress! + 20, line.count - 20, size + 20) }
            flock(fd, LOCK_UN)
        }
        finished.start()
        // The reader waits for the writer's lock, then sees its whole line: nothing torn, nothing cut.
        let new = try reader.readNew()
        #expect(new.map(\.seq) == [head.seq + 1])
        #expect(reader.takeNotices().isEmpty)
        #expect(!dir.names().contains { $0.contains("torn") })
    }

    @Test func aBadLineFollowedByGoodLinesMakesTheLogReadOnlyAndNamesTheLine() throws {
        let dir = TemporaryFolder()
        try makeLog(dir, count: 5)
        var bytes = dir.bytes()
        let thirdLineStart = dir.lines()[0..<2].reduce(0) { $0 + $1.count + 1 }
        bytes[thirdLineStart + 1] = UInt8(ascii: "x")
        dir.write(bytes)
        let log = try EventLog.open(in: dir.folder)
        #expect(try log.readNew().count == 1)
        #expect(log.damage?.line == 3)
        #expect(log.damage?.kind == .invalidJSON)
        #expect(log.takeNotices().isEmpty)
        #expect(dir.bytes() == bytes)
        #expect {
            try log.append(Fixture.note("nej"))
        } throws: { error in
            let text = (error as? LogError)?.description ?? ""
            return text.hasPrefix("cannot append to \(dir.logPath): the log is damaged at line 3 (invalid JSON")
        }
        #expect(dir.bytes() == bytes)
    }

    @Test func aLongLogIsReadAcrossManyBufferRefills() throws {
        let dir = TemporaryFolder()
        let log = try EventLog.open(in: dir.folder)
        let text = String(repeating: "ø", count: 2000)
        try log.append(contentsOf: (0..<600).map { Fixture.note("\($0) \(text)") })
        #expect(dir.bytes().count > 2 << 20)
        let read = try EventLog.open(in: dir.folder).readNew()
        #expect(read.count == 600)
        #expect(read.last.map { if case .noteAdded(_, let t) = $0.event.payload { t.hasPrefix("599 ") } else { false } } == true)
    }
}
