import Glibc

/// Which build of the program is running: the device, inode, size and
/// modification time of its file. A checkpoint made by another build is not
/// used, since that build may project events differently. Nil when the
/// program file cannot be found: then no checkpoint is used or made.
enum ProgramIdentity {
    static let current: String? = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
