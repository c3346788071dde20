import Testing
@testable import VTCCodec

/// The general parser reads short integers without building text (a speed-up
/// made with the fast decoder); at and past the 18-digit edge it must read
/// numbers exactly as `Int64(text)` / `Double(text)` do.
@Suite("JSONParser integers around the digit-count shortcut")
struct FastDecoderJSONParserTests {
    @Test("integers of every length up to Int64's limits, and past them, read as Int64(text) or Double(text) would",
          arguments: [
              "0", "-0", "7", "-7", "120", "999999999999999999", "-999999999999999999", "1000000000000000000",
              "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
              "123456789012345678901234567890",
          ])
    func integersReadAsBefore(text: String) throws {
        let expected: JSONValue = Int64(text).map(JSONValue.int) ?? .float(Double(text)!)
        #expect(try JSONParser.parse(Array(text.utf8)) == expected)
        #expect(try JSONParser.parse(Array("[\(text)]".utf8)) == .array([expected]))
    }
}
