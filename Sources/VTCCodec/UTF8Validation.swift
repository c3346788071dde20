/// UTF-8 validation over raw bytes (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF). Any slice of a valid buffer cut at
/// ASCII bytes is valid too, so a line checked once can be cut into strings
/// at its quotes without checking each string again.
enum UTF8Validation {
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        while i < n {
            // Most log text is ASCII: skip 8 bytes at a time while no high bit is set.
            if n - i >= 8, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            func continuation(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
            switch c {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard continuation(1), continuation(2) else { return false }
                let c1 = b[i + 1]
                if c == 0xE0, c1 < 0xA0 { return false }
                if c == 0xED, c1 > 0x9F { return false }
                i += 3
            case 0xF0...0xF4:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                let c1 = b[i + 1]
                if c == 0xF0, c1 < 0x90 { return false }
                if c == 0xF4, c1 > 0x8F { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }
}
