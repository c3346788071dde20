import Foundation
import Glibc
import Testing
import VTCCodec
@testable import VTCStore

@Suite struct AppendTests {
    @Test func aNewLogStartsWithAHeaderLineChainedFromZeros() throws {
        let dir = TemporaryFolder()
        let log = try EventLog.open(in: dir.folder, system: .testing)
        let lines = dir.lines()
        #expect(lines.count == 1)
        let header = try JSONParser.parse(lines[0])
        #expect(header["seq"] == .int(1))
        #expect(header["prev"] == .string(String(repeating: "0", count: 64)))
        #expect(header["format"] == .int(1))
        #expect(header["type"] == .string("header"))
        #expect(header["created_at"] == .string("2026-11-19T14:53:20Z"))
        #expect(log.header?.logID.lowercasedString == header["log_id"]?.string)
        #expect(log.head?.seq == 1)
    }

    @Test func eventLinesAreSeqPrevThenTheEventFieldsWithTheHashOfThePreviousLine() throws {
        let dir = TemporaryFolder()
        let log = try EventLog.open(in: dir.folder, system: .testing)
        let events = Fixture.events()
        for event in events { try log.append(event) }
        let lines = dir.lines()
        #expect(lines.count == events.count + 1)
        for (i, event) in events.enumerated() {
            let expected = Array("{\"seq\":\(i + 2),\"prev\":\"".utf8) + LogFormat.hash(lines[i]) + Array("\",".utf8)
                + JSONWriter.encode(event.json).dropFirst()
            #expect(lines[i + 1] == expected)
        }
        #expect(dir.bytes().last == 0x0A)
    }

    @Test func appendedEventsReadBackEqualInOrderWithTheirSeq() throws {
        let dir = TemporaryFolder()
        let events = Fixture.events()
        do {
            let log = try EventLog.open(in: dir.folder)
            try log.append(contentsOf: events)
        }
        let read = try EventLog.open(in: dir.folder).readNew()
        #expect(read.map(\.event) == events)
        #expect(read.map(\.seq) == Array(2...Int64(events.count + 1)))
    }

    @Test func theFolderAndFilesGetTheirModes() throws {
        let dir = TemporaryFolder()
        let folder = DataFolder(path: dir.path + "/nested/data")
        _ = try EventLog.open(in: folder)
        let umask = currentUmask()
        #expect(mode(of: folder.path) == 0o750 & ~umask)
        #expect(mode(of: folder.eventsPath) == 0o640 & ~umask)
    }

    @Test func aBatchIsOneWriteAndOneSync() throws {
        let dir = TemporaryFolder()
        let counter = Injector()
        var system = SystemCalls.live
        system.fdatasync = { fd in _ = counter.next("fdatasync"); return Glibc.fdatasync(fd) }
        system.pwrite = { fd, b, n, o in _ = counter.next("pwrite"); return Glibc.pwrite(fd, b, n, o) }
        let log = try EventLog.open(in: dir.folder, system: system)
        let before = (counter.count("fdatasync"), counter.count("pwrite"))
        let logged = try log.append(contentsOf: (0..<50).map { Fixture.note("nr. \($0)") })
        #expect(counter.count("fdatasync") - before.0 == 1)
        #expect(counter.count("pwrite") - before.1 == 1)
        #expect(logged.map(\.seq) == Array(2...51))
        #expect(LogVerifier.verify(bytes: dir.bytes()).events == 50)
    }

    @Test func shortWritesAndEINTRAreRetriedUntilTheWholeLineIsWritten() throws {
        let dir = TemporaryFolder()
        let injector = Injector()
        var system = SystemCalls.live
        system.pwrite = { fd, buffer, count, offset in
            let call = injector.next("pwrite")
            if call % 3 == 0 { return fail(EINTR) }
            return Glibc.pwrite(fd, buffer, min(count, 7), offset)
        }
        let log = try EventLog.open(in: dir.folder, system: system)
        try log.append(contentsOf: Fixture.events())
        try log.append(Fixture.note("én til"))
        let report = LogVerifier.verify(bytes: dir.bytes())
        #expect(report.isIntact)
        #expect(report.events == Fixture.events().count + 1)
        #expect(injector.count("pwrite") > 100)
    }

    @Test(arguments: [ENOSPC, EIO, EDQUOT])
    func aWriteFailingPartwayLeavesTheLogAsItWasAndNamesTheCause(code: Int32) throws {
        let dir = TemporaryFolder()
        let injector = Injector()
        var system = SystemCalls.live
        system.pwrite = { fd, buffer, count, offset in
            // The first append succeeds; the second writes 10 bytes, then the disk is full.
            switch injector.next("pwrite") {
            case 1, 2: return Glibc.pwrite(fd, buffer, count, offset)
            case 3: return Glibc.pwrite(fd, buffer, min(count, 10), offset)
            default: return fail(code)
            }
        }
        let log = try EventLog.open(in: dir.folder, system: system)
        try log.append(Fixture.note("første"))
        let before = dir.bytes()
        #expect(throws: LogError.system(action: "append to", path: dir.logPath, errno: code)) {
            try log.append(Fixture.note("anden"))
        }
        #expect(dir.bytes() == before)
        let message = LogError.system(action: "append to", path: dir.logPath, errno: ENOSPC).description
        #expect(message == "cannot append to \(dir.logPath): No space left on device")
    }

    @Test func aFailedSyncIsAFailedAppendNotRetriedAndTheLineIsRemoved() throws {
        let dir = TemporaryFolder()
        let injector = Injector()
        var system = SystemCalls.live
        system.fdatasync = { fd in
            injector.next("fdatasync") == 2 ? fail(EIO) : Glibc.fdatasync(fd)
        }
        let log = try EventLog.open(in: dir.folder, system: system)
        let before = dir.bytes()
        #expect(throws: LogError.system(action: "append to", path: dir.logPath, errno: EIO)) {
            try log.append(Fixture.note("tabt"))
        }
        #expect(dir.bytes() == before)
        // One failed call, then one to make the cut-back durable: never a retry reported as success.
        #expect(injector.count("fdatasync") == 3)
        let next = try log.append(Fixture.note("næste"))
        #expect(next.seq == 2)
        #expect(LogVerifier.verify(bytes: dir.bytes()).isIntact)
    }

    @Test func aLineLongerThanTheMaximumIsRefusedBeforeAnythingIsWritten() throws {
        let dir = TemporaryFolder()
        let log = try EventLog.open(in: dir.folder)
        let before = dir.bytes()
        let huge = Fixture.note(String(repeating: "æ", count: LogFormat.maximumLineLength / 2))
        #expect {
            try log.append(contentsOf: [Fixture.note("ok"), huge])
        } throws: { error in
            guard case LogError.lineTooLong(let path, let length) = error else { return false }
            return path == dir.logPath && length > LogFormat.maximumLineLength
        }
        #expect(dir.bytes() == before)
        let fits = Fixture.note(String(repeating: "a", count: LogFormat.maximumLineLength - 300))
        try log.append(fits)
        #expect(LogVerifier.verify(bytes: dir.bytes()).isIntact)
    }

    @Test(arguments: [EACCES, EROFS])
    func aFileThatCannotBeOpenedForWritingIsReadButEveryAppendIsRefused(code: Int32) throws {
        let dir = TemporaryFolder()
        do {
            let log = try EventLog.open(in: dir.folder)
            try log.append(Fixture.note("før"))
        }
        var system = SystemCalls.live
        system.open = { path, flags, mode in
            flags & O_ACCMODE == O_RDONLY ? Glibc.open(path, flags, mode) : fail(code)
        }
        let log = try EventLog.open(in: dir.folder, system: system)
        #expect(try log.readNew().count == 1)
        #expect(!log.isWritable)
        #expect(throws: LogError.system(action: "append to", path: dir.logPath, errno: code)) {
            try log.append(Fixture.note("efter"))
        }
    }

    @Test func aFolderThatCannotBeWrittenGivesAOneLineErrorNamingTheFile() throws {
        let dir = TemporaryFolder()
        var system = SystemCalls.live
        system.open = { path, flags, mode in flags & O_CREAT != 0 ? fail(EROFS) : Glibc.open(path, flags, mode) }
        #expect {
            try EventLog.open(in: dir.folder, system: system)
        } throws: { error in
            (error as? LogError)?.description == "cannot create \(dir.logPath): Read-only file system"
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores file permissions"))
    func aReallyReadOnlyFolderAndFileRefuseAppends() throws {
        let dir = TemporaryFolder()
        do { _ = try EventLog.open(in: dir.folder) }
        chmod(dir.logPath, 0o440)
        chmod(dir.path, 0o550)
        defer { chmod(dir.path, 0o750); chmod(dir.logPath, 0o640) }
        let log = try EventLog.open(in: dir.folder)
        #expect(throws: LogError.system(action: "append to", path: dir.logPath, errno: EACCES)) {
            try log.append(Fixture.note("nej"))
        }
    }

    @Test func twoInstancesInOneProcessAppendInTurnWithoutBreakingTheChain() throws {
        let dir = TemporaryFolder()
        let a = try EventLog.open(in: dir.folder)
        let b = try EventLog.open(in: dir.folder)
        for i in 0..<20 {
            try (i % 2 == 0 ? a : b).append(Fixture.note("nr. \(i)"))
        }
        let report = LogVerifier.verify(bytes: dir.bytes())
        #expect(report.isIntact)
        #expect(report.events == 20)
        #expect(try a.readNew().map(\.seq) == Array(2...21))
    }
}

func mode(of path: String) -> mode_t {
    var info = stat()
    stat(path, &info)
    return info.st_mode & 0o7777
}

/// The process's umask, read from /proc without changing it (tests run in parallel).
func currentUmask() -> mode_t {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
    return line.flatMap { mode_t($0.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
}
