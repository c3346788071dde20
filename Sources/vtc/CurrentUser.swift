import Glibc
import VTCDomain

/// The acting user: the operating-system user running `vtc`. There is
/// deliberately no option or environment variable to act as someone else.
enum CurrentUser {
    static func name() throws(CLIFailure) -> String {
        let uid = geteuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else {
            throw CLIFailure(.ioError, .noUserName(uid: uid))
        }
        return String(cString: name)
    }
}
