import VTCCodec
import VTCModel

/// One message on the wire: a big-endian `UInt32` length of what follows,
/// then a big-endian `UInt32` length of the JSON header, the header (an
/// object with a `"type"`), and a binary tail (empty but for a view, which
/// carries the state snapshot there).
public struct Frame: Equatable, Sendable {
    public var header: JSONValue
    public var tail: [UInt8]

    public init(header: JSONValue, tail: [UInt8] = []) {
        self.header = header
        self.tail = tail
    }

    public var type: String? { header["type"]?.string }

    /// The bytes to send, length prefix included.
    public func encoded() -> [UInt8] { prefix + tail }

    /// The bytes before the tail: both lengths and the header. A large tail can be sent after them without
    /// being copied into one array with them.
    public var prefix: [UInt8] {
        let json = JSONWriter.encode(header)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + json.count)
        Frame.appendLength(4 + json.count + tail.count, to: &bytes)
        Frame.appendLength(json.count, to: &bytes)
        bytes += json
        return bytes
    }

    /// A frame from its body: the bytes after the length prefix.
    public init(body: some Collection<UInt8>) throws(ProtocolError) {
        let body = Array(body)
        guard body.count >= 4 else { throw ProtocolError("a frame of \(body.count) bytes is shorter than its header length") }
        let jsonLength = Frame.length(body, at: 0)
        guard jsonLength <= body.count - 4 else { throw ProtocolError("the header length \(jsonLength) is longer than the frame") }
        let header: JSONValue
        do { header = try JSONParser.parse(body[4..<(4 + jsonLength)]) } catch {
            throw ProtocolError("the header is not JSON: \(error)")
        }
        guard header["type"]?.string != nil else { throw ProtocolError("the header is not an object with a \"type\"") }
        self.init(header: header, tail: Array(body[(4 + jsonLength)...]))
    }

    /// The big-endian `UInt32` at `offset`.
    public static func length(_ bytes: some RandomAccessCollection<UInt8>, at offset: Int) -> Int {
        let start = bytes.index(bytes.startIndex, offsetBy: offset)
        return (0..<4).reduce(0) { value, i in value << 8 | Int(bytes[bytes.index(start, offsetBy: i)]) }
    }

    static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        precondition(length <= Int(UInt32.max), "a frame longer than 4 GiB")
        bytes += [UInt8(length >> 24 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
    }
}

/// A message that breaks the protocol, in one line.
public struct ProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
