import VTCModel
import Foundation

/// Reads what `BinaryWriter` wrote, from bytes that arrive in blocks. Every
/// read is checked: bytes that end early or hold impossible values give a
/// `BinaryReader.Malformed` naming the offset, never a crash.
public struct BinaryReader {
    public struct Malformed: Error, Equatable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "at byte \(offset): \(reason)" }
    }

    /// The longest string accepted: far above any field the log allows, far below what damage could claim.
    static let longestString = 1 << 24

    private var buffer: [UInt8] = []
    private var position = 0
    /// The offset in the whole stream of `buffer[0]`.
    private var base = 0
    private var ended = false
    private let more: () -> [UInt8]?
    private var names: [String] = []

    /// `more` returns the next block, or nil at the end.
    public init(more: @escaping () -> [UInt8]?) { self.more = more }

    public init(bytes: [UInt8]) {
        var pending: [UInt8]? = bytes
        self.init { defer { pending = nil }; return pending }
    }

    /// True when every byte has been read.
    public mutating func isAtEnd() -> Bool {
        (try? ensure(1)) == nil
    }

    public mutating func byte() throws(Malformed) -> UInt8 {
        try ensure(1)
        defer { position += 1 }
        return buffer[position]
    }

    public mutating func unsigned() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64, shift < 63 || next <= 1 else { throw fail("a number longer than 64 bits") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    /// A count or index: a non-negative number that fits in an `Int` and is at most `limit`.
    public mutating func count(limit: Int = Int(Int32.max)) throws(Malformed) -> Int {
        let value = try unsigned()
        guard value <= UInt64(limit) else { throw fail("\(value) is more than the \(limit) allowed here") }
        return Int(value)
    }

    public mutating func signed() throws(Malformed) -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    public mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw fail("\(other) is not a truth value")
        }
    }

    public mutating func string() throws(Malformed) -> String {
        let length = try count(limit: Self.longestString)
        try ensure(length)
        defer { position += length }
        return String(decoding: buffer[position..<(position + length)], as: UTF8.self)
    }

    public mutating func optionalString() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }

    /// A name written by `BinaryWriter.name`: every occurrence shares one string.
    public mutating func name() throws(Malformed) -> String {
        let number = try count(limit: names.count)
        if number > 0 { return names[number - 1] }
        let text = try string()
        names.append(text)
        return text
    }

    public mutating func uuid() throws(Malformed) -> UUID {
        try ensure(16)
        defer { position += 16 }
        let at = position
        return buffer.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(fromByteOffset: at, as: uuid_t.self)) }
    }

    public mutating func timestamp() throws(Malformed) -> Timestamp {
        let epoch = try signed()
        let offset = try signed()
        // Ranges, not `abs`: the absolute value of Int64.min traps.
        guard (-Timestamp.farthestEpochSeconds...Timestamp.farthestEpochSeconds).contains(epoch) else {
            throw fail("a time \(epoch) seconds from 1970")
        }
        guard (-86_399...86_399).contains(offset) else { throw fail("a UTC offset of \(offset) seconds") }
        return Timestamp(epochSeconds: epoch, utcOffsetSeconds: Int32(offset))
    }

    public mutating func date() throws(Malformed) -> CalendarDate {
        let days = try signed()
        guard (-2_999_999...2_999_999).contains(days) else { throw fail("a date \(days) days from 1970") }
        return CalendarDate(daysSinceEpoch: Int(days))
    }

    public mutating func choice<T: CaseIterable>(_: T.Type) throws(Malformed) -> T {
        let index = try count(limit: T.allCases.count - 1)
        return T.allCases[T.allCases.index(T.allCases.startIndex, offsetBy: index)]
    }

    public mutating func array<T>(_ element: (inout BinaryReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(min(n, 1 << 16))
        for _ in 0..<n { values.append(try element(&self)) }
        return values
    }

    public mutating func optional<T>(_ wrapped: (inout BinaryReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try wrapped(&self) : nil
    }

    public func fail(_ reason: String) -> Malformed { Malformed(offset: base + position, reason: reason) }

    /// Makes `count` unread bytes available, taking more blocks as needed.
    @inline(__always)
    private mutating func ensure(_ count: Int) throws(Malformed) {
        if buffer.count - position < count { try refill(count) }
    }

    private mutating func refill(_ count: Int) throws(Malformed) {
        while buffer.count - position < count {
            guard !ended, let block = more() else {
                ended = true
                throw fail("the data ends early")
            }
            if position > 0 {
                buffer.removeSubrange(0..<position)
                base += position
                position = 0
            }
            buffer.append(contentsOf: block)
        }
    }
}
