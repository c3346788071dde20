import Foundation
import Glibc
import Testing
import VTCClient

/// Which server a run of `vtc` talks to, if any.
@Suite struct ServerAddressTests {
    let socketPath = FileManager.default.temporaryDirectory.path + "/vtc-address-\(UUID().uuidString.prefix(8)).sock"

    /// A socket file that exists (nobody needs to listen on it for the choice).
    private func withSocketFile(_ body: () -> Void) {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socketPath.utf8)) }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        defer { close(fd); unlink(socketPath) }
        body()
    }

    @Test func theOptionThenTheEnvironmentNameTheServer() {
        #expect(ServerAddress.choose(serverOption: "/a.sock", dataOption: "/d", environment: ["VTC_SERVER": "/b.sock"]) == "/a.sock")
        #expect(ServerAddress.choose(serverOption: nil, dataOption: nil, environment: ["VTC_SERVER": "/b.sock"]) == "/b.sock")
    }

    @Test func theDefaultSocketIsUsedOnlyWhenItExistsAndNoFolderIsNamed() {
        #expect(ServerAddress.choose(serverOption: nil, dataOption: nil, environment: [:], defaultSocket: socketPath) == nil,
                "no socket: embedded mode")
        withSocketFile {
            #expect(ServerAddress.choose(serverOption: nil, dataOption: nil, environment: [:], defaultSocket: socketPath) == socketPath)
            #expect(ServerAddress.choose(serverOption: nil, dataOption: "/d", environment: [:], defaultSocket: socketPath) == nil)
            #expect(ServerAddress.choose(serverOption: nil, dataOption: nil, environment: ["VTC_DATA": "/d"],
                                         defaultSocket: socketPath) == nil)
        }
    }
}
