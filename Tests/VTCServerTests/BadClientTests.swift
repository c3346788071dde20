import Foundation
import Glibc
import Testing
import VTCModel

/// The server against clients that break the protocol: each gets an error
/// answer or a closed connection, and the server goes on serving the others
/// with its log intact.
@Suite(.serialized) final class BadClientTests {
    let server: TestServer
    let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)

    init() throws {
        server = try TestServer(units: ["A"], users: [(me, [.staff: ["A"], .leader: ["A"]])])
        try server.start()
    }

    deinit { server.stop() }

    private func expectStillServing() {
        let register = server.vtc(["register", "--unit", "A", "--kind", "threat", "--severity", "2", "--description", "stadig i drift"])
        #expect(register.status == 0, "\(register.stderr)")
        let list = server.vtc(["list"])
        #expect(list.status == 0 && list.stdout.contains(String(register.line.prefix(8))))
        let verify = Spawn.run([Spawn.vtc, "verify", "--data", server.data, "--lang", "en"])
        #expect(verify.status == 0, "the log is not intact: \(verify.stdout)")
    }

    @Test func malformedMessagesGetAnErrorAndAClosedConnection() throws {
        let hello = RawClient.frame(#"{"type":"hello","version":2}"#)
        let cases: [(String, [UInt8])] = [
            ("not JSON", RawClient.frame("{nope")),
            ("unknown type", hello + RawClient.frame(#"{"type":"format_disk"}"#)),
            ("no hello", RawClient.frame(#"{"type":"view"}"#)),
            ("wrong version", RawClient.frame(#"{"type":"hello","version":99}"#)),
            ("header longer than frame", RawClient.be32(8) + RawClient.be32(1_000) + [0, 0, 0, 0]),
            ("oversized", RawClient.be32(64 << 20) + [UInt8](repeating: 0x41, count: 1_000)),
            ("append of garbage", hello + RawClient.frame(#"{"type":"append","payloads":[{"type":"registered"}]}"#)),
            ("history of nothing visible", hello + RawClient.frame(#"{"type":"history","positions":[-5]}"#)),
        ]
        for (name, bytes) in cases {
            let client = try #require(RawClient(server.socket))
            client.send(bytes)
            let reply = String(decoding: client.readUntilClosed(), as: UTF8.self)
            #expect(reply.contains("protocol_error") || reply.contains("failure"), "\(name): \(reply)")
        }
        expectStillServing()
    }

    @Test func randomAndTruncatedBytesNeverStopTheServer() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<60 {
            let client = try #require(RawClient(server.socket))
            if round % 2 == 0 {
                client.send((0..<Int.random(in: 1...4_096, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
            } else {
                // A valid frame cut short, then the client goes away.
                let frame = RawClient.frame(#"{"type":"hello","version":2}"#)
                client.send(Array(frame.prefix(Int.random(in: 1..<frame.count, using: &generator))))
            }
        }
        expectStillServing()
    }

    @Test func aClientThatNeverReadsDoesNotHoldUpTheOthers() throws {
        let greedy = try #require(RawClient(server.socket))
        // Ask for the view again and again and never read: the replies pile up on the server's side.
        var bytes = RawClient.frame(#"{"type":"hello","version":2}"#)
        for _ in 0..<2_000 { bytes += RawClient.frame(#"{"type":"view"}"#) }
        var flags = fcntl(greedy.fd, F_GETFL)
        flags |= O_NONBLOCK
        _ = fcntl(greedy.fd, F_SETFL, flags)
        greedy.send(bytes)
        let started = Date()
        expectStillServing()
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func twoHundredConnectionsAtOnce() throws {
        do {
            let clients = (0..<200).compactMap { _ in RawClient(server.socket) }
            #expect(clients.count == 200, "every connection is accepted at first")
            for client in clients { client.send(RawClient.frame(#"{"type":"hello","version":2}"#) + RawClient.frame(#"{"type":"view"}"#)) }
            var welcomed = 0
            for client in clients {
                if client.readFrame()?["type"] as? String == "welcome" { welcomed += 1 }
            }
            // One user may hold 32 connections; the rest are closed, and the server goes on.
            #expect(welcomed == 32, "\(welcomed) welcomed")
        }
        // The server counts a connection out once it has seen it close.
        let deadline = Date().addingTimeInterval(10)
        while server.vtc(["list"]).status != 0, Date() < deadline { usleep(50_000) }
        expectStillServing()
    }
}
