import Glibc

/// Loops over the seam's calls the way the log needs them: whole writes and
/// reads despite short counts and EINTR. Failures are returned as errno values.
extension SystemCalls {
    /// Writes all of `bytes` at `offset`; returns 0 or the errno of the failure.
    func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: off_t) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, base + done, bytes.count - done, offset + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            done += n
        }
        return 0
    }

    func writeAll(_ fd: Int32, _ bytes: [UInt8], at offset: off_t) -> Int32 {
        bytes.withUnsafeBytes { writeAll(fd, $0, at: offset) }
    }

    /// Reads `count` bytes at `offset` (fewer only at the end of the file).
    func readBytes(_ fd: Int32, count: Int, at offset: off_t) -> Result<[UInt8], Errno> {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, offset + off_t(done)) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(errno))
            }
            if n == 0 { break }
            done += n
        }
        buffer.removeLast(count - done)
        return .success(buffer)
    }

    /// Retries `flock` on EINTR; returns 0 or the errno.
    func lock(_ fd: Int32, _ operation: Int32) -> Int32 {
        while flock(fd, operation) != 0 {
            if errno != EINTR { return errno }
        }
        return 0
    }

    /// Makes a directory entry just created or renamed durable.
    func syncDirectory(_ path: String) -> Int32 {
        let fd = open(path, O_RDONLY | O_DIRECTORY, 0)
        guard fd >= 0 else { return errno }
        defer { _ = close(fd) }
        return fsync(fd) == 0 ? 0 : errno
    }

    /// Creates `path` and any missing parents with `mode`, syncing each parent after a creation.
    func makeDirectories(_ path: String, mode: mode_t) -> Int32 {
        if mkdir(path, mode) == 0 {
            return syncDirectory(parent(of: path))
        }
        switch errno {
        case EEXIST: return 0
        case ENOENT:
            let up = parent(of: path)
            guard up != path else { return ENOENT }
            let failure = makeDirectories(up, mode: mode)
            guard failure == 0 else { return failure }
            if mkdir(path, mode) != 0 { return errno == EEXIST ? 0 : errno }
            return syncDirectory(up)
        default: return errno
        }
    }
}

/// An errno value as an Error, for `Result`.
struct Errno: Error {
    var code: Int32
    init(_ code: Int32) { self.code = code }
}

func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}
