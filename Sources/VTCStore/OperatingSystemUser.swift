import Glibc

/// The operating-system user running the program, which is who acts in the log.
public enum OperatingSystemUser {
    public static func name() throws(WorkspaceError) -> String {
        let uid = geteuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { throw .unknownUser(uid: uid) }
        return String(cString: name)
    }
}
