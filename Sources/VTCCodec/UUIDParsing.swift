import Foundation

import Foundation

extension UUID {
    /// Parses the lowercase 8-4-4-4-12 form the log writes, by hand: `UUID(uuidString:)`
    /// goes through `sscanf`, which dominated decoding. Anything else is nil
    /// (callers fall back to `UUID(uuidString:)`, which also takes uppercase).
    package static func parseLowercase(_ b: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard b.count == 36, b[8] == 0x2D, b[13] == 0x2D, b[18] == 0x2D, b[23] == 0x2D else { return nil }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
            var i = 0
            for k in 0..<16 {
                if i == 8 || i == 13 || i == 18 || i == 23 { i += 1 }
                guard let high = lowercaseHexDigit(b[i]), let low = lowercaseHexDigit(b[i + 1]) else { return false }
                out[k] = high << 4 | low
                i += 2
            }
            return true
        }
        return valid ? UUID(uuid: bytes) : nil
    }
}

/// The value of `0`–`9` or `a`–`f`; nil for anything else, uppercase included.
@inline(__always)
func lowercaseHexDigit(_ c: UInt8) -> UInt8? {
    switch c {
    case 0x30...0x39: c &- 0x30
    case 0x61...0x66: c &- 0x61 &+ 10
    default: nil
    }
}

/// Four hex digits of either case at `offset`, as in a JSON `\u` escape; nil when they are not there.
func fourHexDigits(_ b: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32? {
    guard b.count - offset >= 4 else { return nil }
    var value: UInt32 = 0
    for c in b[offset..<(offset + 4)] {
        guard let digit = lowercaseHexDigit(c | 0x20), c >= 0x30 else { return nil }
        value = value << 4 | UInt32(digit)
    }
    return value
}
