import Foundation
import Glibc
import VTCModel

/// A file replaced whole: the new contents go to a temporary file beside it,
/// which is then renamed into place, so that a reader sees the old file or the
/// new one, never half of one. Every call goes through the `SystemCalls` seam,
/// so tests can make any step fail.
struct AtomicFile {
    let path: String
    let mode: mode_t
    let system: SystemCalls

    /// Writes what `produce` puts and renames it into place. When `durable`,
    /// the file is synced before the rename and its folder after it, so the new
    /// contents survive a crash once this returns. `failure` names, in the
    /// error, what could not be done.
    func replace(durable: Bool, failure action: String,
                 _ produce: (_ put: @escaping ([UInt8]) -> Void) -> Void) throws(LogError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/.tmp-" + UUID().lowercasedString
        let fd = system.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw .system(action: "create", path: temporary, errno: errno) }
        let writing = Writing(fd: fd, system: system)
        produce(writing.put)
        var failure = writing.failure
        if failure == 0, durable, system.fsync(fd) != 0 { failure = errno }
        _ = system.close(fd)
        if failure == 0, system.rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            _ = system.unlink(temporary)
            throw .system(action: action, path: path, errno: failure)
        }
        if durable {
            failure = system.syncDirectory(folder)
            if failure != 0 { throw .system(action: action, path: path, errno: failure) }
        }
    }

    /// Writes at the end of what was written; after the first failure, nothing more.
    private final class Writing {
        let fd: Int32
        let system: SystemCalls
        var failure: Int32 = 0
        var offset: off_t = 0

        init(fd: Int32, system: SystemCalls) {
            self.fd = fd
            self.system = system
        }

        func put(_ bytes: [UInt8]) {
            guard failure == 0 else { return }
            failure = system.writeAll(fd, bytes, at: offset)
            offset += off_t(bytes.count)
        }
    }
}
