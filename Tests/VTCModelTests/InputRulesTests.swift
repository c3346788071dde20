import Testing
@testable import VTCModel

@Suite struct InputRulesTests {
    @Test(arguments: ["010190-1234", "0101901234", "010190 1234", "borger 010190-1234", "x0101901234y", "12345678901"])
    func cprLikeReferencesAreFound(text: String) {
        #expect(InputRules.containsCPRNumber(text))
    }

    @Test(arguments: ["B-014", "borger 17", "010190-123", "01019-01234", "0101901-234", "", "ÆØÅ-123456"])
    func otherReferencesPass(text: String) {
        #expect(!InputRules.containsCPRNumber(text))
    }

    @Test func multiLineTextKeepsNewlinesAndTabs() {
        #expect(InputRules.checkText("Linje 1\n\tLinje 2 æøå 😀", field: "description", multiLine: true) == nil)
    }

    @Test func controlCharactersAreRefused() {
        #expect(InputRules.checkText("a\u{1B}[2J", field: "description", multiLine: true)
            == .controlCharacter(field: "description", scalar: 0x1B))
        #expect(InputRules.checkText("a\u{85}", field: "description", multiLine: true)
            == .controlCharacter(field: "description", scalar: 0x85))
        #expect(InputRules.checkText("a\rb", field: "description", multiLine: true)
            == .controlCharacter(field: "description", scalar: 0x0D))
    }

    @Test func singleLineFieldsRefuseLineBreaks() {
        #expect(InputRules.checkText("Stue\n2", field: "location", multiLine: false) == .lineBreakInSingleLine(field: "location"))
    }

    @Test func overlongTextIsRefused() {
        let text = String(repeating: "æ", count: 9000)
        #expect(InputRules.checkText(text, field: "description", multiLine: true) == .tooLong(field: "description", limit: 16_384))
    }
}
