import Glibc
import VTCStore

/// Embedded mode is for one person's own folder: one that belongs to
/// someone else, or that others may write in, is what `vtc serve` is for.
public enum EmbeddedFolder {
    /// True when the folder is missing (it will be created as the user's) or
    /// belongs to the user and only its owner may write in it.
    public static func isOwn(_ folder: DataFolder, user: uid_t = geteuid()) -> Bool {
        var info = stat()
        guard stat(folder.path, &info) == 0 else { return true }
        return info.st_uid == user && info.st_mode & 0o022 == 0
    }
}
