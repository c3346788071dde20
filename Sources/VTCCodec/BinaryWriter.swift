import VTCModel
import Foundation

/// Writes values as compact bytes (LEB128 varints, length-prefixed UTF-8,
/// raw UUIDs) and hands them to `sink` in blocks, so that a large snapshot
/// never has to be held whole in memory. Repeated short names (users, units)
/// are written once and then referred to by number.
public struct BinaryWriter {
    private var block: [UInt8] = []
    private let blockSize: Int
    private let sink: ([UInt8]) -> Void
    /// By their bytes: hashing a String normalizes æ, ø and å first, and every record has several names. Two
    /// spellings of one name (å composed or not) are two names, each read back as written.
    private var names: [BytewiseKey: Int] = [:]

    public init(blockSize: Int = 1 << 20, sink: @escaping ([UInt8]) -> Void) {
        self.blockSize = blockSize
        self.sink = sink
        block.reserveCapacity(blockSize)
    }

    /// Hands over what is still buffered; call once at the end.
    public mutating func finish() {
        if !block.isEmpty { sink(block) }
        block.removeAll(keepingCapacity: false)
    }

    public mutating func byte(_ value: UInt8) {
        block.append(value)
        if block.count >= blockSize { flush() }
    }

    public mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            block.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        byte(UInt8(rest))
    }

    public mutating func count(_ value: Int) { unsigned(UInt64(value)) }

    public mutating func signed(_ value: Int64) {
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    public mutating func bool(_ value: Bool) { byte(value ? 1 : 0) }

    public mutating func string(_ value: String) {
        let utf8 = value.utf8
        count(utf8.count)
        // The bytes where they are, without a copy of the string (a snapshot writes millions of strings).
        if utf8.withContiguousStorageIfAvailable({ block.append(contentsOf: $0) }) == nil { block.append(contentsOf: utf8) }
        if block.count >= blockSize { flush() }
    }

    public mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// A name that recurs (a user, a unit): its text the first time, its number after.
    public mutating func name(_ value: String) {
        let key = BytewiseKey(value)
        if let number = names[key] {
            count(number + 1)
        } else {
            count(0)
            string(value)
            names[key] = names.count
        }
    }

    public mutating func uuid(_ value: UUID) {
        withUnsafeBytes(of: value.uuid) { block.append(contentsOf: $0) }
        if block.count >= blockSize { flush() }
    }

    public mutating func timestamp(_ value: Timestamp) {
        signed(value.epochSeconds)
        signed(Int64(value.utcOffsetSeconds))
    }

    public mutating func date(_ value: CalendarDate) { signed(Int64(value.daysSinceEpoch)) }

    /// A case by its place in `allCases`.
    public mutating func choice<T: CaseIterable & Equatable>(_ value: T) {
        count(T.allCases.firstIndex(of: value).map { T.allCases.distance(from: T.allCases.startIndex, to: $0) }!)
    }

    public mutating func array<T>(_ values: [T], _ element: (inout BinaryWriter, T) -> Void) {
        count(values.count)
        // Each element lent, not copied: copying a record would retain every string and array in it.
        values.withUnsafeBufferPointer { values in
            for index in values.indices { element(&self, values[index]) }
        }
    }

    public mutating func optional<T>(_ value: T?, _ wrapped: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { wrapped(&self, value) }
    }

    private mutating func flush() {
        sink(block)
        block.removeAll(keepingCapacity: true)
    }
}
