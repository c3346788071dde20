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

    /// The presence bit of a lower-cased byte: its own for a–z and 0–9, shared for the others.
    @inline(__always)
    static func presenceBit(_ byte: UInt8) -> UInt64 {
        switch byte {
        case 0x61...0x7A: 1 << UInt64(byte - 0x61)
        case 0x30...0x39: 1 << UInt64(26 + byte - 0x30)
        default: 1 << UInt64(36 + byte % 28)
        }
    }

    static func hasOwnBit(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }

    static func presenceBits(of bytes: [UInt8]) -> UInt64 { bytes.reduce(0) { $0 | presenceBit($1) } }

    /// Adds the presence bits of `text`'s lower-cased bytes to `bits`; true when the text is plain.
    static func scan(_ text: String, into bits: inout UInt64) -> Bool {
        withBytes(text) { bytes in
            var isPlain = true
            var previous: UInt8 = 0
            for byte in bytes {
                bits |= presenceBit(lower(byte))
                switch byte {
                case 0x0A where previous == 0x0D: isPlain = false
                case 0x80...0xBF where previous == 0xC2: isPlain = isPlain && byte >= 0xA0
                case 0x80...0xBF: isPlain = isPlain && (previous == 0xC3 || previous == 0xC2)
                case 0xC4...: isPlain = false
                default: break
                }
                previous = byte
            }
            return isPlain
        }
    }

    /// A lower-cased word as the UTF-8 bytes of its plain scalars; nil when some Character
    /// of it is not one plain scalar, composed or not (it then never occurs in plain text).
    struct Needle: Sendable {
        let bytes: [UInt8]

        init?(_ lowercasedWord: String) {
            var scalars = String.UnicodeScalarView()
            for character in lowercasedWord {
                guard let scalar = Needle.plainScalar(character) else { return nil }
                scalars.append(scalar)
            }
            guard !scalars.isEmpty else { return nil }
            bytes = Array(String(scalars).utf8)
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

    /// Whether `needle` occurs in the plain `text`, in any case.
    static func contains(_ text: String, _ needle: Needle) -> Bool {
        withBytes(text) { find(needle.bytes, in: $0) }
    }

    /// Whether `word` (lower-cased, with `needle` made from it) occurs in `text`, plain or not.
    static func contains(_ text: String, _ needle: Needle?, word: String) -> Bool {
        var bits: UInt64 = 0
        guard scan(text, into: &bits) else { return TextSearch.matches([word], in: [text]) }
        return needle.map { contains(text, $0) } ?? false
    }

    private static func find(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let (n, m) = (text.count, needle.count)
        guard m <= n else { return false }
        return needle.withUnsafeBufferPointer { word in
            let first = word[0]
            var start = 0
            while start <= n - m {
                if lower(text[start]) == first {
                    var offset = 1
                    while offset < m && lower(text[start + offset]) == word[offset] { offset += 1 }
                    if offset == m { return true }
                }
                start += 1
            }
            return false
        }
    }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
