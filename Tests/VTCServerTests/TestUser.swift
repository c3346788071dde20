import Foundation
import Glibc

/// A real operating-system user made for a test with `useradd` (no login,
/// a home folder of its own under the temporary folder) and removed with
/// `userdel` when released. Only root can make them.
final class TestUser {
    let name: String
    let uid: uid_t
    let gid: gid_t
    let home: String

    static var canCreate: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd") }

    /// `role` is part of the name, which gets a random part so that runs never meet.
    init(_ role: String) throws {
        let name = "vt" + String(UUID().uuidString.prefix(6)).lowercased() + "-" + role
        home = FileManager.default.temporaryDirectory.path + "/home-" + name
        let made = TestUser.retryingWhileLocked(["/usr/sbin/useradd", "--no-create-home", "--home-dir", home,
                                                 "--shell", "/usr/sbin/nologin", "--user-group", name])
        guard made.status == 0, let entry = getpwnam(name) else {
            throw TestUserError(description: "useradd \(name) failed: \(made.stderr)")
        }
        self.name = name
        uid = entry.pointee.pw_uid
        gid = entry.pointee.pw_gid
        mkdir(home, 0o700)
        chown(home, uid, gid)
    }

    deinit {
        TestUser.retryingWhileLocked(["/usr/sbin/userdel", name])
        try? FileManager.default.removeItem(atPath: home)
    }
}

extension TestUser {
    /// useradd and userdel fail while another process (a test running beside this one) holds
    /// the lock of /etc/passwd; they are tried again for a few seconds.
    @discardableResult
    static func retryingWhileLocked(_ argv: [String]) -> Spawn.Output {
        var out = Spawn.run(argv)
        for _ in 0..<50 where out.status != 0 && out.stderr.contains("lock") {
            usleep(100_000)
            out = Spawn.run(argv)
        }
        return out
    }
}

struct TestUserError: Error, CustomStringConvertible {
    var description: String
}
