import Glibc
import Foundation
import VTCModel

/// The system calls the log makes, as replaceable closures, so that tests can
/// inject short writes, EINTR, ENOSPC, EACCES and failed syncs. Each follows the
/// POSIX convention: a negative result means failure, with the cause in `errno`.
public struct SystemCalls: Sendable {
    public var open: @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
    public var close: @Sendable (_ fd: Int32) -> Int32
    public var pread: @Sendable (_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, _ offset: off_t) -> Int
    public var pwrite: @Sendable (_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int, _ offset: off_t) -> Int
    public var fdatasync: @Sendable (_ fd: Int32) -> Int32
    public var fsync: @Sendable (_ fd: Int32) -> Int32
    public var ftruncate: @Sendable (_ fd: Int32, _ length: off_t) -> Int32
    /// `flock(2)`: the log's only lock (see docs/log-format.md, "Locking").
    public var flock: @Sendable (_ fd: Int32, _ operation: Int32) -> Int32
    /// The file's size, or -1.
    public var fileSize: @Sendable (_ fd: Int32) -> off_t
    public var mkdir: @Sendable (_ path: String, _ mode: mode_t) -> Int32
    public var rename: @Sendable (_ from: String, _ to: String) -> Int32
    public var unlink: @Sendable (_ path: String) -> Int32
    /// The current time, for the header's `created_at`, drafts and the names of torn-tail copies.
    public var now: @Sendable () -> Timestamp

    public init(
        open: @escaping @Sendable (String, Int32, mode_t) -> Int32,
        close: @escaping @Sendable (Int32) -> Int32,
        pread: @escaping @Sendable (Int32, UnsafeMutableRawPointer, Int, off_t) -> Int,
        pwrite: @escaping @Sendable (Int32, UnsafeRawPointer, Int, off_t) -> Int,
        fdatasync: @escaping @Sendable (Int32) -> Int32,
        fsync: @escaping @Sendable (Int32) -> Int32,
        ftruncate: @escaping @Sendable (Int32, off_t) -> Int32,
        flock: @escaping @Sendable (Int32, Int32) -> Int32,
        fileSize: @escaping @Sendable (Int32) -> off_t,
        mkdir: @escaping @Sendable (String, mode_t) -> Int32,
        rename: @escaping @Sendable (String, String) -> Int32,
        unlink: @escaping @Sendable (String) -> Int32,
        now: @escaping @Sendable () -> Timestamp
    ) {
        self.open = open
        self.close = close
        self.pread = pread
        self.pwrite = pwrite
        self.fdatasync = fdatasync
        self.fsync = fsync
        self.ftruncate = ftruncate
        self.flock = flock
        self.fileSize = fileSize
        self.mkdir = mkdir
        self.rename = rename
        self.unlink = unlink
        self.now = now
    }

    /// The real operating system.
    public static let live = SystemCalls(
        open: { path, flags, mode in Glibc.open(path, flags | O_CLOEXEC, mode) },
        close: { Glibc.close($0) },
        pread: { Glibc.pread($0, $1, $2, $3) },
        pwrite: { Glibc.pwrite($0, $1, $2, $3) },
        fdatasync: { Glibc.fdatasync($0) },
        fsync: { Glibc.fsync($0) },
        ftruncate: { Glibc.ftruncate($0, $1) },
        flock: { systemFlock($0, $1) },
        fileSize: { fd in
            var info = stat()
            return fstat(fd, &info) == 0 ? info.st_size : -1
        },
        mkdir: { Glibc.mkdir($0, $1) },
        rename: { Glibc.rename($0, $1) },
        unlink: { Glibc.unlink($0) },
        now: { Timestamp(epochSeconds: Int64(Date().timeIntervalSince1970.rounded(.down))) }
    )
}

// Swift imports C's `struct flock` under the same name as the `flock` function, which hides
// the function; it is looked up once by name instead, with the C calling convention.
private let systemFlock: @convention(c) (Int32, Int32) -> Int32 = {
    guard let symbol = dlsym(nil, "flock") else { fatalError("the C library has no flock") }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
}()

/// The text of an errno value, as `strerror` gives it.
func describe(errno code: Int32) -> String {
    String(cString: strerror(code))
}
