import Glibc

extension SystemCalls {
    /// Opens a file of the data folder the only way `vtc` opens one: never
    /// through a symbolic link (`O_NOFOLLOW`), never blocking on a FIFO or a
    /// device (`O_NONBLOCK`, which changes nothing for a regular file), and
    /// only when it is a regular file. A link or anything else that is not a
    /// regular file throws with one line naming the path; other failures
    /// return -1 with `errno` set, as `open` does, so that the caller can
    /// still tell a missing file from a refused one.
    func openRegularFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0) throws(LogError) -> Int32 {
        let fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK, mode)
        if fd < 0 {
            if errno == ELOOP { throw .invalidFile(path: path, reason: "is a symbolic link; vtc opens only regular files, never a link") }
            return -1
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let failure = errno
            _ = close(fd)
            errno = failure
            return -1
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            _ = close(fd)
            throw .invalidFile(path: path, reason: "is not a regular file (\(RegularFile.kind(of: info.st_mode))); vtc opens only regular files")
        }
        return fd
    }

    /// Reads a whole small file opened by `openRegularFile`, refusing one larger than `limit` bytes.
    func readSmallFile(_ fd: Int32, path: String, limit: Int) throws(LogError) -> [UInt8] {
        let size = fileSize(fd)
        guard size >= 0 else { throw .system(action: "read", path: path, errno: errno) }
        guard size <= off_t(limit) else { throw RegularFile.tooLarge(path: path, limit: limit) }
        // One byte more than the limit, so that a file that grew meanwhile is caught too.
        switch readBytes(fd, count: limit + 1, at: 0) {
        case .success(let bytes):
            guard bytes.count <= limit else { throw RegularFile.tooLarge(path: path, limit: limit) }
            return bytes
        case .failure(let e):
            throw .system(action: "read", path: path, errno: e.code)
        }
    }
}

enum RegularFile {
    /// The most `roster.json` and `policy.json` may hold: far more than any real roster or policy.
    static let settingsLimit = 1 << 20

    static func tooLarge(path: String, limit: Int) -> LogError {
        .invalidFile(path: path, reason: "is larger than the \(limit / 1024) KiB a file of this kind may be")
    }

    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        case S_IFSOCK: "a socket"
        default: "not a plain file"
        }
    }
}
