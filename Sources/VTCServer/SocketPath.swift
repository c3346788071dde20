import Glibc

/// The socket file: taken by a live server, or left behind by one that died.
enum SocketPath {
    /// One line when the path cannot be served on; a stale socket (nobody
    /// accepts on it) is removed so that the server can bind again.
    static func prepare(_ path: String) -> String? {
        guard path.utf8.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path) else {
            return "cannot serve on \(path): the path is too long for a socket"
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            return "cannot serve on \(path): it exists and is not a socket; remove it or name another --socket"
        }
        if accepts(path) { return "cannot serve on \(path): a vtc server is running on it already" }
        guard unlink(path) == 0 else { return "cannot remove the stale socket \(path): \(String(cString: strerror(errno)))" }
        return nil
    }

    /// Whether a server accepts connections on the socket at `path`.
    static func accepts(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            raw.copyBytes(from: bytes.prefix(raw.count - 1))
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return connected == 0
    }
}
