/// Text in which every scalar is ASCII or between U+00A0 and U+00FF (Latin-1
/// letters and signs: æ, ø, å, é, ß …), with no CR LF. There every Character is one
/// scalar with no other canonically equivalent spelling, and lower case maps each
/// UTF-8 byte on its own: A–Z, and the second byte of À–Þ (× excepted). So in
/// plain text a lower-case word occurs as a Character sequence exactly when its
/// UTF-8 bytes occur in the text's lower-cased bytes.
enum PlainText {
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        let upperASCII = byte &- 0x41 < 26
        // In plain text the bytes 0x80–0x9F only follow 0xC3: the second byte of À–ß.
        let upperLatin = byte &- 0x80 < 0x1F && byte != 0x97
        return upperASCII || upperLatin ? byte &+ 0x20 : byte
    }

    /// The presence bit of a lower-cased byte: its own for a–z and 0–9, one of 26 shared bits for the others.
    @inline(__always)
    static func presenceBit(_ byte: UInt8) -> UInt64 {
        switch byte {
        case 0x61...0x7A: 1 << UInt64(byte - 0x61)
        case 0x30...0x39: 1 << UInt64(26 + byte - 0x30)
        default: 1 << UInt64(36 + byte % 26)
        }
    }

    static func hasOwnBit(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }

    static func presenceBits(of bytes: [UInt8]) -> UInt64 { bytes.reduce(0) { $0 | presenceBit($1) } }

    private static let presenceMask: UInt64 = 1 << 62 - 1
    /// A byte that starts a scalar above U+00FF.
    private static let notPlainFlag: UInt64 = 1 << 62
    /// 0xC2 (before 0x80–0x9F: a C1 control) or CR (before LF: one Character of two scalars).
    private static let lookCloserFlag: UInt64 = 1 << 63
    /// Per byte as written: the presence bit of its lower case and the flags above.
    private static let scanTable: [UInt64] = (0...255).map { value in
        let byte = UInt8(value)
        let flags = byte >= 0xC4 ? notPlainFlag : byte == 0xC2 || byte == 0x0D ? lookCloserFlag : 0
        return presenceBit(lower(byte)) | flags
    }

    /// Adds the presence bits of `text`'s lower-cased bytes to `bits`; true when the text is plain.
    static func scan(_ text: String, into bits: inout UInt64) -> Bool {
        let seen = withBytes(text) { bytes in
            scanTable.withUnsafeBufferPointer { table in
                // Four accumulators, so that each OR need not wait for the one before.
                var (a, b, c, d): (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
                var index = 0
                while index + 4 <= bytes.count {
                    a |= table[Int(bytes[index])]
                    b |= table[Int(bytes[index + 1])]
                    c |= table[Int(bytes[index + 2])]
                    d |= table[Int(bytes[index + 3])]
                    index += 4
                }
                while index < bytes.count {
                    a |= table[Int(bytes[index])]
                    index += 1
                }
                return a | b | c | d
            }
        }
        bits |= seen & presenceMask
        if seen & notPlainFlag != 0 { return false }
        if seen & lookCloserFlag == 0 { return true }
        return withBytes(text) { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if previous == 0xC2 && byte < 0xA0 || previous == 0x0D && byte == 0x0A { return false }
                previous = byte
            }
            return true
        }
    }

    /// A lower-cased word as the UTF-8 bytes of its plain scalars; nil when some Character
    /// of it is not one plain scalar, composed or not (it then never occurs in plain text).
    struct Needle: Sendable {
        let bytes: [UInt8]
        /// Per byte, the bit that turns its upper-case form into it: a byte of the text
        /// matches when `text | caseBit == byte`.
        let caseBits: [UInt8]

        init?(_ lowercasedWord: String) {
            var scalars = String.UnicodeScalarView()
            for character in lowercasedWord {
                guard let scalar = Needle.plainScalar(character) else { return nil }
                scalars.append(scalar)
            }
            guard !scalars.isEmpty else { return nil }
            bytes = Array(String(scalars).utf8)
            caseBits = bytes.map { byte in
                (0x61...0x7A).contains(byte) || ((0xA0...0xBE).contains(byte) && byte != 0xB7) ? 0x20 : 0
            }
        }

        private static func plainScalar(_ character: Character) -> Unicode.Scalar? {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, isPlain(scalar) { return scalar }
            // A decomposed letter (a + ring) equals its composed form (å).
            return (0xC0...0xFF).lazy.compactMap(Unicode.Scalar.init).first { Character($0) == character }
        }

        private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value)
        }
    }

    /// A needle's bytes and case bits as pointers, for searches on several threads at once.
    struct NeedleBytes {
        let bytes: UnsafeBufferPointer<UInt8>
        let caseBits: UnsafeBufferPointer<UInt8>
    }

    static func withNeedle<R>(_ needle: Needle?, _ body: (NeedleBytes?) -> R) -> R {
        guard let needle else { return body(nil) }
        return needle.bytes.withUnsafeBufferPointer { bytes in
            needle.caseBits.withUnsafeBufferPointer { caseBits in body(NeedleBytes(bytes: bytes, caseBits: caseBits)) }
        }
    }

    /// Whether `needle` occurs in the plain `text`, in any case.
    static func contains(_ text: String, _ needle: NeedleBytes) -> Bool {
        withBytes(text) { firstOccurrence(needle, in: $0) != nil }
    }

    /// Whether the needle occurs in `text` at `start`, in any case.
    static func occurs(_ needle: NeedleBytes, at start: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let m = needle.bytes.count
        guard start >= 0, start + m <= text.count else { return false }
        var offset = 0
        while offset < m && text[start + offset] | needle.caseBits[offset] == needle.bytes[offset] { offset += 1 }
        return offset == m
    }

    /// Whether `word` (lower-cased, with `needle` made from it) occurs in `text`, plain or not.
    static func contains(_ text: String, _ needle: Needle?, word: String) -> Bool {
        var bits: UInt64 = 0
        guard scan(text, into: &bits) else { return TextSearch.matches([word], in: [text]) }
        return withNeedle(needle) { needle in needle.map { contains(text, $0) } ?? false }
    }

    /// Where the needle first occurs in `text`, in any case.
    /// Looks at 16 starts at once for the needle's first and last byte, then compares the rest.
    /// The 16 bytes are two 64-bit lanes: whole-vector integer operations compile to plain
    /// SSE, where the SIMD mask reductions would be a call per step.
    static func firstOccurrence(_ needle: NeedleBytes, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let (n, m) = (text.count, needle.bytes.count)
        guard m <= n, let base = text.baseAddress else { return nil }
        let (word, caseBits) = (needle.bytes, needle.caseBits)
        func occurs(at start: Int) -> Bool {
            var offset = 0
            while offset < m && base[start + offset] | caseBits[offset] == word[offset] { offset += 1 }
            return offset == m
        }
        func spread(_ byte: UInt8) -> SIMD2<UInt64> { SIMD2(repeating: UInt64(byte) &* 0x0101_0101_0101_0101) }
        let (first, firstCase) = (spread(word[0]), spread(caseBits[0]))
        let (last, lastCase) = (spread(word[m - 1]), spread(caseBits[m - 1]))
        let (low7, high) = (spread(0x7F), spread(0x80))
        let lastStart = n - m
        var start = 0
        while start + 15 <= lastStart {
            let heads = UnsafeRawPointer(base + start).loadUnaligned(as: SIMD2<UInt64>.self)
            let tails = UnsafeRawPointer(base + start + m - 1).loadUnaligned(as: SIMD2<UInt64>.self)
            // Zero bytes where both the first and the last byte match.
            let differ = ((heads | firstCase) ^ first) | ((tails | lastCase) ^ last)
            // The high bit of each non-zero byte, with no borrow from one byte to the next.
            let hits = ~((((differ & low7) &+ low7) | differ) & high) & high
            for lane in 0..<2 {
                var bits = hits[lane]
                while bits != 0 {
                    let at = start + lane * 8 + bits.trailingZeroBitCount >> 3
                    if occurs(at: at) { return at }
                    bits &= bits - 1
                }
            }
            start += 16
        }
        while start <= lastStart {
            if occurs(at: start) { return start }
            start += 1
        }
        return nil
    }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
