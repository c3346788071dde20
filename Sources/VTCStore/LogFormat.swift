import Crypto
import Foundation
import VTCModel
import VTCCodec

/// The shape of the log file's lines (docs/log-format.md).
public enum LogFormat {
    public static let version: Int64 = 1
    public static let fileName = "events.jsonl"
    /// The longest line accepted, in bytes, without its LF.
    public static let maximumLineLength = 64 * 1024
    /// How much of the file the reader takes at a time: enough lines to keep every core busy.
    static let readChunkSize = 8 << 20
    /// The header's `prev`: 64 zeros.
    public static let zeroHash = [UInt8](repeating: UInt8(ascii: "0"), count: 64)

    /// The header line, without its LF.
    public static func headerLine(logID: UUID, createdAt: Timestamp) -> [UInt8] {
        JSONWriter.encode(.object([
            ("seq", .int(1)),
            ("prev", .string(String(decoding: zeroHash, as: UTF8.self))),
            ("format", .int(version)),
            ("type", .string("header")),
            ("log_id", .string(logID.lowercasedString)),
            ("created_at", .string(createdAt.rfc3339)),
        ]))
    }

    /// An event's line, without its LF: `{"seq":N,"prev":"<hex>",` then the event's fields.
    public static func eventLine(seq: Int64, prev: [UInt8], event: Event) -> [UInt8] {
        JSONWriter.encode(.object(
            [("seq", .int(seq)), ("prev", .string(String(decoding: prev, as: UTF8.self)))] + event.jsonFields))
    }

    /// The lowercase hex SHA-256 of a line's bytes as stored, without its LF.
    public static func hash(_ line: UnsafeRawBufferPointer) -> [UInt8] {
        hex(SHA256.hash(data: line))
    }

    public static func hash(_ line: [UInt8]) -> [UInt8] {
        line.withUnsafeBytes { hash($0) }
    }

    /// The SHA-256 of a line's bytes as 32 raw bytes: the reader compares
    /// these, and writes hex only for the head.
    package static func digest(_ line: UnsafeRawBufferPointer) -> SIMD32<UInt8> {
        SHA256.hash(data: line).withUnsafeBytes { $0.loadUnaligned(as: SIMD32<UInt8>.self) }
    }

    package static func hex(_ digest: SIMD32<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for k in 0..<32 {
            out.append(hexDigits[Int(digest[k] >> 4)])
            out.append(hexDigits[Int(digest[k] & 0xF)])
        }
        return out
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex(_ digest: SHA256.Digest) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(64)
        digest.withUnsafeBytes { bytes in
            for b in bytes {
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0xF)])
            }
        }
        return out
    }
}

/// The log's first line.
public struct LogHeader: Hashable, Sendable {
    public var logID: UUID
    public var createdAt: Timestamp
}

/// An event as stored: its line number (= `seq`), the event, and where its line starts in the file.
public struct LoggedEvent: Hashable, Sendable {
    public var seq: Int64
    public var event: Event
    /// Where its line is: the byte offset in a file; a row's `seq` in a database.
    public var offset: Int64

    package init(seq: Int64, event: Event, offset: Int64) {
        self.seq = seq
        self.event = event
        self.offset = offset
    }
}

/// One line of one log, pinned down: the log's id, the line's `seq`, where
/// it starts and how long it is, and the SHA-256 of its bytes. A reader that
/// finds the same bytes there has the same log up to that line.
/// What the log says about a line that a checkpoint or a witness names.
public enum PositionCheck: Hashable, Sendable {
    case holds
    /// The log ends before that line (`have`: its line count, when known).
    case truncated(have: Int64?, named: Int64)
    /// The log holds other bytes there: why.
    case rewritten(String)
}

public struct LogPosition: Hashable, Sendable {
    public var logID: UUID
    public var seq: Int64
    public var offset: Int64
    /// Bytes, without the LF.
    public var length: Int
    public var digest: SIMD32<UInt8>
}

/// The last line of a log: its `seq` and the hex SHA-256 of its bytes. Two
/// copies of a log that agree on the checkpoint agree on every line before it.
public struct Checkpoint: Hashable, Sendable, CustomStringConvertible {
    public var seq: Int64
    public var hash: String
    public var description: String { "seq \(seq), sha256 \(hash)" }

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }
}
