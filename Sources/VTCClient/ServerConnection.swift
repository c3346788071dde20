import Glibc
import VTCCodec
import VTCModel
import VTCProtocol
import VTCStore

/// A blocking connection to `vtc serve`: one request, then its reply. The
/// server may push `changed` between replies; those are counted, not returned.
public final class ServerConnection {
    public let socketPath: String
    private let fd: Int32
    private var received: [UInt8] = []
    /// How many `changed` messages arrived since the last look.
    private(set) var changes = 0

    /// Connects and says hello; the server's answer names the user the socket says we are.
    public init(socketPath: String) throws(WorkspaceError) {
        self.socketPath = socketPath
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .log(.system(action: "connect to the vtc server at", path: socketPath, errno: errno)) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(socketPath.utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(fd)
            throw .log(.system(action: "connect to the vtc server at", path: socketPath, errno: ENAMETOOLONG))
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw .log(.system(action: "connect to the vtc server at", path: socketPath, errno: code))
        }
        switch try exchange(.hello(version: ProtocolLimits.version)) {
        case .welcome: break
        case let other: throw unexpected(other)
        }
    }

    deinit { close(fd) }

    /// Sends a request and waits for its reply.
    public func exchange(_ request: Request) throws(WorkspaceError) -> Reply {
        try send(request.frame.encoded())
        while true {
            let reply = try receive(blocking: true)!
            if case .changed = reply { changes += 1; continue }
            if case .failure(let error) = reply { throw error }
            if case .protocolError(let reason) = reply {
                throw .log(.invalidFile(path: socketPath, reason: "the server refused the request: \(reason)"))
            }
            return reply
        }
    }

    /// Asks for the part of the view that `scope` names and hands its snapshot to `restore` as it
    /// arrives from the socket, so that a region's view is never held as bytes beside the state
    /// restored from them. `restore` reads the whole snapshot; whatever it leaves is skipped.
    public func view<T>(_ scope: ViewScope, restore: (ServerView, inout BinaryReader) throws(WorkspaceError) -> T)
        throws(WorkspaceError) -> T {
        try send(Request.view(scope).frame.encoded())
        let (header, tailLength) = try header(of: "view")
        let view: ServerView
        do { view = try ServerView(header: header, snapshot: []) } catch {
            throw .log(.invalidFile(path: socketPath, reason: "the server sent a message this vtc does not understand: \(error)"))
        }
        var remaining = tailLength
        var readError: WorkspaceError?
        var reader = BinaryReader { [self] () -> [UInt8]? in
            guard remaining > 0, readError == nil else { return nil }
            do throws(WorkspaceError) {
                if received.isEmpty { try fill(1) }
            } catch {
                readError = error
                return nil
            }
            let block = Array(received.prefix(remaining))
            received.removeFirst(block.count)
            remaining -= block.count
            return block
        }
        let restored: Result<T, WorkspaceError> = Result { () throws(WorkspaceError) in try restore(view, &reader) }
        if let readError { throw readError }
        // What `restore` left of the snapshot, so that the next reply starts where it should.
        while remaining > 0 {
            if received.isEmpty { try fill(1) }
            let skipped = min(received.count, remaining)
            received.removeFirst(skipped)
            remaining -= skipped
        }
        return try restored.get()
    }

    /// Sends a request whose reply of `type` carries its bulk in the tail (a week's document) and reads that tail
    /// from the socket into one array of its size, so that the bytes are held once, not in the receive buffer (which
    /// grows by doubling) and again in the frame and its tail.
    public func exchange(_ request: Request, bulkyReply type: String) throws(WorkspaceError) -> Reply {
        try send(request.frame.encoded())
        let (header, tailLength) = try header(of: type)
        var tail: [UInt8] = []
        tail.reserveCapacity(tailLength)
        while tail.count < tailLength {
            if received.isEmpty { try fill(1) }
            let taken = min(received.count, tailLength - tail.count)
            tail += received[0..<taken]
            received.removeFirst(taken)
        }
        do { return try Reply(Frame(header: header, tail: tail)) } catch {
            throw .log(.invalidFile(path: socketPath, reason: "the server sent a message this vtc does not understand: \(error)"))
        }
    }

    /// Reads replies until one of `type` and returns its header, taken from the buffer, with the length of its tail,
    /// which is left on the socket; a change pushed before it is counted, a failure instead of it thrown.
    private func header(of type: String) throws(WorkspaceError) -> (JSONValue, tailLength: Int) {
        while true {
            try fill(8)
            let length = Frame.length(received, at: 0)
            let headerLength = Frame.length(received, at: 4)
            guard length <= ProtocolLimits.maximumReplyBytes, headerLength <= length - 4 else {
                throw .log(.invalidFile(path: socketPath, reason: "the server sent a message of \(length) bytes"))
            }
            try fill(8 + headerLength)
            let header: JSONValue
            do { header = try JSONParser.parse(received[8..<(8 + headerLength)]) } catch {
                throw .log(.invalidFile(path: socketPath, reason: "the server sent a message this vtc does not understand: \(error)"))
            }
            guard header["type"]?.string == type else {
                // A change pushed before the reply, or a failure instead of it: read as any reply.
                switch try receive(blocking: true)! {
                case .changed: changes += 1; continue
                case .failure(let error): throw error
                case .protocolError(let reason):
                    throw .log(.invalidFile(path: socketPath, reason: "the server refused the request: \(reason)"))
                case let other: throw unexpected(other)
                }
            }
            received.removeFirst(8 + headerLength)
            return (header, length - 4 - headerLength)
        }
    }

    /// Reads from the socket until at least `count` bytes are buffered.
    private func fill(_ count: Int) throws(WorkspaceError) {
        while received.count < count {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .log(.system(action: "read from the vtc server at", path: socketPath, errno: errno))
            }
            if n == 0 { throw .log(.system(action: "read from the vtc server at", path: socketPath, errno: ECONNRESET)) }
            received += chunk[0..<n]
        }
    }

    /// Asks for `changed` messages from now on; the server's first one
    /// answers, with how many events the log holds now.
    public func subscribe() throws(WorkspaceError) -> Int {
        try send(Request.subscribe.frame.encoded())
        while true {
            switch try receive(blocking: true)! {
            case .changed(let eventCount): return eventCount
            case .failure(let error): throw error
            default: continue
            }
        }
    }

    /// Reads what the server pushed without waiting; returns how many `changed` arrived since the last call.
    public func takeChanges() throws(WorkspaceError) -> Int {
        while let reply = try receive(blocking: false) {
            if case .changed = reply { changes += 1 }
        }
        defer { changes = 0 }
        return changes
    }

    private func send(_ bytes: [UInt8]) throws(WorkspaceError) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .log(.system(action: "write to the vtc server at", path: socketPath, errno: errno))
            }
            sent += n
        }
    }

    /// The next whole message; nil when not blocking and none is complete yet.
    private func receive(blocking: Bool) throws(WorkspaceError) -> Reply? {
        while true {
            if received.count >= 4 {
                let length = Frame.length(received, at: 0)
                guard length <= ProtocolLimits.maximumReplyBytes else {
                    throw .log(.invalidFile(path: socketPath, reason: "the server sent a message of \(length) bytes"))
                }
                if received.count >= 4 + length {
                    let body = received[4..<(4 + length)]
                    let frame: Frame
                    let reply: Reply
                    do {
                        frame = try Frame(body: body)
                        reply = try Reply(frame)
                    } catch {
                        throw .log(.invalidFile(path: socketPath, reason: "the server sent a message this vtc does not understand: \(error)"))
                    }
                    received.removeFirst(4 + length)
                    return reply
                }
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, blocking ? 0 : Int32(MSG_DONTWAIT)) }
            if n < 0 {
                if errno == EINTR { continue }
                if !blocking, errno == EAGAIN || errno == EWOULDBLOCK { return nil }
                throw .log(.system(action: "read from the vtc server at", path: socketPath, errno: errno))
            }
            if n == 0 { throw .log(.system(action: "read from the vtc server at", path: socketPath, errno: ECONNRESET)) }
            received += chunk[0..<n]
        }
    }

    private func unexpected(_ reply: Reply) -> WorkspaceError {
        .log(.invalidFile(path: socketPath, reason: "the server answered with something else than asked for"))
    }
}
