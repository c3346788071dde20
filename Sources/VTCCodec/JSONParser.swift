import VTCModel
/// A strict JSON parser over raw bytes (RFC 8259): UTF-8 validated, nesting
/// limited, never trapping on hostile input. Errors name the byte offset.
public struct JSONParser {
    public static let maximumDepth = 64

    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset + 1)" }
    }

    public static func parse(_ bytes: some Collection<UInt8>) throws(Failure) -> JSONValue {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(Failure) -> JSONValue in try parse(buffer) }
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            Result { () throws(Failure) -> JSONValue in try parse(buffer) }
        }
        return try result.get()
    }

    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var parser = JSONParser(buffer)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.at == buffer.count else { throw parser.fail("unexpected text after the JSON value") }
        return value
    }

    private let b: UnsafeBufferPointer<UInt8>
    private var at = 0

    private init(_ buffer: UnsafeBufferPointer<UInt8>) { b = buffer }

    private func fail(_ reason: String) -> Failure { Failure(offset: at, reason: reason) }

    private mutating func skipSpace() {
        while at < b.count {
            switch b[at] {
            case 0x20, 0x09, 0x0A, 0x0D: at += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard depth < JSONParser.maximumDepth else { throw fail("nesting deeper than \(JSONParser.maximumDepth) levels") }
        guard at < b.count else { throw fail("unexpected end of input") }
        switch b[at] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard b.count - at >= count else { throw fail("unexpected end of input") }
        for i in 0..<count where b[at + i] != word.utf8Start[i] { throw fail("invalid literal") }
        at += count
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        at += 1
        var pairs: [(String, JSONValue)] = []
        // Keys seen, kept once an object is big enough that comparing with each earlier key would cost more.
        var seen: Set<String> = []
        skipSpace()
        if at < b.count, b[at] == UInt8(ascii: "}") { at += 1; return .object(pairs) }
        while true {
            skipSpace()
            guard at < b.count, b[at] == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
            let keyStart = at
            let key = try string()
            // Two readers of one line must agree: with a key twice, one would take the first value and another the last.
            if pairs.count < 16 ? pairs.contains(where: { $0.0 == key }) : !seen.insert(key).inserted {
                throw Failure(offset: keyStart, reason: "duplicate key \"\(JSONParser.quoted(key))\"")
            }
            if pairs.count == 15 { seen = Set(pairs.map(\.0) + [key]) }
            skipSpace()
            guard at < b.count, b[at] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            at += 1
            skipSpace()
            pairs.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard at < b.count else { throw fail("unexpected end of input") }
            if b[at] == UInt8(ascii: ",") { at += 1; continue }
            if b[at] == UInt8(ascii: "}") { at += 1; return .object(pairs) }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        at += 1
        var items: [JSONValue] = []
        skipSpace()
        if at < b.count, b[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard at < b.count else { throw fail("unexpected end of input") }
            if b[at] == UInt8(ascii: ",") { at += 1; continue }
            if b[at] == UInt8(ascii: "]") { at += 1; return .array(items) }
            throw fail("expected ',' or ']'")
        }
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = at
        let negative = b[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        guard at < b.count, isDigit(b[at]) else { throw fail("invalid number") }
        let digitsStart = at
        var magnitude: Int64 = 0
        if b[at] == UInt8(ascii: "0") {
            at += 1
        } else {
            while at < b.count, isDigit(b[at]) {
                magnitude = magnitude &* 10 &+ Int64(b[at] &- 0x30)
                at += 1
            }
        }
        var integral = true
        if at < b.count, b[at] == UInt8(ascii: ".") {
            integral = false
            at += 1
            guard at < b.count, isDigit(b[at]) else { throw fail("invalid number") }
            while at < b.count, isDigit(b[at]) { at += 1 }
        }
        if at < b.count, b[at] == UInt8(ascii: "e") || b[at] == UInt8(ascii: "E") {
            integral = false
            at += 1
            if at < b.count, b[at] == UInt8(ascii: "+") || b[at] == UInt8(ascii: "-") { at += 1 }
            guard at < b.count, isDigit(b[at]) else { throw fail("invalid number") }
            while at < b.count, isDigit(b[at]) { at += 1 }
        }
        // Up to 18 digits cannot overflow: the common case needs no text.
        if integral, at - digitsStart <= 18 { return .int(negative ? -magnitude : magnitude) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<at]), as: UTF8.self)
        if integral, let n = Int64(text) { return .int(n) }
        guard let d = Double(text), d.isFinite else { throw Failure(offset: start, reason: "number out of range") }
        return .float(d)
    }

    /// A key as it may be quoted in a one-line error: control characters escaped, at most 60 characters.
    static func quoted(_ key: String) -> String {
        var out = ""
        for scalar in key.unicodeScalars.prefix(60) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return key.unicodeScalars.count > 60 ? out + "…" : out
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private mutating func string() throws(Failure) -> String {
        at += 1
        let start = at
        // Fast path: no escapes; the bytes are validated as UTF-8 once.
        while at < b.count {
            let c = b[at]
            if c == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: b[start..<at])
                at += 1
                // Checked here, so that building the String need not check (or repair) again.
                guard UTF8Validation.isValid(slice) else { throw Failure(offset: start, reason: "invalid UTF-8 in a string") }
                return String(decoding: slice, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw fail("unescaped control character in a string") }
            at += 1
        }
        var bytes = Array(UnsafeBufferPointer(rebasing: b[start..<at]))
        while at < b.count {
            let c = b[at]
            switch c {
            case UInt8(ascii: "\""):
                at += 1
                guard let s = String(validating: bytes, as: UTF8.self) else { throw Failure(offset: start, reason: "invalid UTF-8 in a string") }
                return s
            case UInt8(ascii: "\\"):
                at += 1
                guard at < b.count else { throw fail("unexpected end of input") }
                let e = b[at]
                at += 1
                switch e {
                case UInt8(ascii: "\""): bytes.append(0x22)
                case UInt8(ascii: "\\"): bytes.append(0x5C)
                case UInt8(ascii: "/"): bytes.append(0x2F)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"): appendUTF8(try unicodeEscape(), to: &bytes)
                default: throw Failure(offset: at - 1, reason: "invalid escape")
                }
            default:
                if c < 0x20 { throw fail("unescaped control character in a string") }
                bytes.append(c)
                at += 1
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard b.count - at >= 4 else { throw fail("unexpected end of input") }
        guard let value = fourHexDigits(b, at: at) else {
            var bad = at
            while lowercaseHexDigit(b[bad] | 0x20) != nil, b[bad] >= 0x30 { bad += 1 }
            at = bad
            throw fail("invalid \\u escape")
        }
        at += 4
        return value
    }

    private mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800...0xDBFF).contains(first) {
            guard b.count - at >= 6, b[at] == UInt8(ascii: "\\"), b[at + 1] == UInt8(ascii: "u") else { throw fail("lone surrogate in \\u escape") }
            at += 2
            let second = try hex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw fail("lone surrogate in \\u escape") }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(first) else { throw fail("lone surrogate in \\u escape") }
        return scalar
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UTF8.encode(scalar)!)
    }
}
