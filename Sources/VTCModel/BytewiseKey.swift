import Foundation

/// A string hashed and compared by its UTF-8 bytes: String's own hashing and equality
/// normalize text with æ, ø or å first, at several times the cost of the lookup. Two
/// spellings of the same text (å composed or not) are two keys, which only costs a
/// second entry.
package struct BytewiseKey: Hashable {
    package let text: String

    package init(_ text: String) { self.text = text }

    package func hash(into hasher: inout Hasher) {
        BytewiseKey.withBytes(text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    package static func == (a: BytewiseKey, b: BytewiseKey) -> Bool {
        withBytes(a.text) { a in
            withBytes(b.text) { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    /// The bytes without copying the string (which would retain it).
    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
