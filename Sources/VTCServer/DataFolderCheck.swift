import Glibc
import VTCStore

/// What `vtc serve` requires of its data folder before it starts, as
/// PostgreSQL requires of a data directory and ssh of a key file: the folder
/// and everything in it belong to the server's user, nobody else may write
/// there, others may not even look (a backup group may read), every entry is
/// a plain folder or regular file (no symbolic links, devices or pipes), and
/// there is a roster.
public enum DataFolderCheck {
    /// One line saying what is wrong, or nil when the folder may be served.
    public static func problem(in folder: DataFolder, owner: uid_t = geteuid()) -> String? {
        var info = stat()
        guard stat(folder.path, &info) == 0 else {
            return "cannot serve \(folder.path): \(String(cString: strerror(errno)))"
        }
        if let problem = problem(folder.path, info, owner: owner) { return problem }
        if let problem = problemInside(folder.path, owner: owner, depth: 0) { return problem }
        guard lstat(folder.rosterPath, &info) == 0 else {
            return "cannot serve \(folder.path): it has no roster.json (a shared server needs one; see docs/roster.md)"
        }
        return nil
    }

    private static func problem(_ path: String, _ info: stat, owner: uid_t) -> String? {
        let type = info.st_mode & S_IFMT
        let mode = info.st_mode & 0o7777
        let what = type == S_IFDIR ? "the folder" : "the file"
        guard type == S_IFDIR || type == S_IFREG else {
            return "cannot serve: \(path) is \(type == S_IFLNK ? "a symbolic link" : "not a regular file or folder"); remove it"
        }
        if info.st_uid != owner {
            return "cannot serve: \(what) \(path) belongs to uid \(info.st_uid), not to the server's user (uid \(owner)); chown it"
        }
        if mode & 0o022 != 0 || mode & 0o007 != 0 {
            let fix = type == S_IFDIR ? "chmod 0750" : "chmod 0640"
            return "cannot serve: \(what) \(path) has mode \(String(mode, radix: 8)): only its owner may write and others may not read (\(fix))"
        }
        return nil
    }

    private static func problemInside(_ path: String, owner: uid_t, depth: Int) -> String? {
        guard let directory = opendir(path) else { return "cannot serve: cannot read \(path): \(String(cString: strerror(errno)))" }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            var info = stat()
            guard lstat(child, &info) == 0 else { return "cannot serve: cannot look at \(child): \(String(cString: strerror(errno)))" }
            if let problem = problem(child, info, owner: owner) { return problem }
            if info.st_mode & S_IFMT == S_IFDIR {
                guard depth < 4 else { return "cannot serve: \(child) is nested too deep for a data folder" }
                if let problem = problemInside(child, owner: owner, depth: depth + 1) { return problem }
            }
        }
        return nil
    }
}
