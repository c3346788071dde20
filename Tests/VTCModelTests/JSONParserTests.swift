import Foundation
import Testing
@testable import VTCCodec

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let v = try JSONParser.parse(Array(#"{"a":null,"b":true,"c":-12,"d":1.5,"e":"x","f":[1,{"g":false}]}"#.utf8))
        #expect(v["a"] == .null)
        #expect(v["b"] == .bool(true))
        #expect(v["c"] == .int(-12))
        #expect(v["d"] == .float(1.5))
        #expect(v["e"] == .string("x"))
        #expect(v["f"] == .array([.int(1), .object([("g", .bool(false))])]))
    }

    @Test func keepsKeyOrder() throws {
        let v = try JSONParser.parse(Array(#"{"z":1,"a":2,"m":3}"#.utf8))
        guard case .object(let pairs) = v else { Issue.record("not an object"); return }
        #expect(pairs.map(\.0) == ["z", "a", "m"])
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let v = try JSONParser.parse(Array(#""a\"b\\c\/d\n\t\u00e6\u00F8\u00e5 \ud83d\ude00""#.utf8))
        #expect(v == .string("a\"b\\c/d\n\tæøå 😀"))
    }

    @Test func keepsRawUTF8() throws {
        #expect(try JSONParser.parse(Array("\"Æble og blåbær\"".utf8)) == .string("Æble og blåbær"))
    }

    @Test(arguments: [
        (#"{"a":1"#, "unexpected end of input"),
        (#"{"a" 1}"#, "expected ':'"),
        (#"[1,]"#, "unexpected character"),
        (#""\ud83d""#, #"lone surrogate in \u escape"#),
        ("\"a\u{01}b\"", "unescaped control character in a string"),
        (#"01"#, "unexpected text after the JSON value"),
        (#"{"a":1} x"#, "unexpected text after the JSON value"),
        (#"tru"#, "unexpected end of input"),
        (#""\x""#, "invalid escape"),
    ])
    func refusesMalformedInput(text: String, reason: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
        do {
            _ = try JSONParser.parse(Array(text.utf8))
        } catch {
            #expect(error.reason == reason)
        }
    }

    @Test func refusesInvalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(bytes) }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(deep.utf8)) }
        let fine = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        #expect(throws: Never.self) { try JSONParser.parse(Array(fine.utf8)) }
    }

    @Test func largeIntegersBecomeFloats() throws {
        #expect(try JSONParser.parse(Array("9223372036854775807".utf8)) == .int(Int64.max))
        #expect(try JSONParser.parse(Array("100000000000000000000".utf8)) == .float(1e20))
    }

    @Test func writerEscapesControlCharactersAndRoundTrips() throws {
        let value = JSONValue.object([
            ("text", .string("line1\nline2\t\"q\" \\ \u{1B}[2J æøå 😀")),
            ("n", .int(-7)),
            ("list", .array([.null, .bool(true)])),
        ])
        let bytes = JSONWriter.encode(value)
        #expect(!bytes.contains(0x1B))
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"\u001b[2J"#))
        #expect(try JSONParser.parse(bytes) == value)
        #expect(JSONWriter.encode(try JSONParser.parse(bytes)) == bytes)
    }

    @Test func agreesWithFoundation() throws {
        let text = #"{"a":"æ\u00f8\"x","b":[1,2,3],"c":{"d":null}}"#
        let ours = try JSONParser.parse(Array(text.utf8))
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(ours["a"]?.string == theirs?["a"] as? String)
        #expect(ours["b"]?.array?.count == (theirs?["b"] as? [Any])?.count)
    }
}
