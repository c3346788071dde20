import Testing
@testable import TerminalKit

@Suite struct TextFieldTests {
    func field(typing text: String, width: Int = 10) -> TextField {
        var field = TextField(width: width)
        for key in Key.typing(text) { field.handle(key) }
        return field
    }

    func rendered(_ field: TextField) -> (row: String, cursor: CursorPosition) {
        var buffer = CellBuffer(width: field.width + 2, height: 1)
        let cursor = field.render(into: &buffer, x: 1, y: 0)
        return (buffer.row(0), cursor)
    }

    @Test func typingInsertsAtTheCursor() {
        var field = field(typing: "abc")
        field.handle(.left)
        field.handle(.left)
        field.handle(.character("æ"))
        #expect(field.text == "aæbc")
        #expect(field.cursor == 2)
    }

    @Test func backspaceAndDeleteRemoveAroundTheCursor() {
        var field = field(typing: "blåbær")
        field.handle(.backspace)
        field.handle(.home)
        field.handle(.delete)
        #expect(field.text == "låbæ")
        #expect(field.cursor == 0)
    }

    @Test func ctrlAAndCtrlEJumpAndCtrlUClears() {
        var field = field(typing: "Hej")
        field.handle(.ctrl("a"))
        #expect(field.cursor == 0)
        field.handle(.ctrl("e"))
        #expect(field.cursor == 3)
        field.handle(.ctrl("u"))
        #expect(field.text == "")
        #expect(field.cursor == 0)
    }

    @Test func scrollsSidewaysSoTheCursorStaysVisible() {
        var field = field(typing: "Hej med dig", width: 10)
        var shown = rendered(field)
        #expect(shown.row == " j med dig")
        #expect(shown.cursor == CursorPosition(x: 10, y: 0))
        field.handle(.home)
        shown = rendered(field)
        #expect(shown.row == " Hej med di")
        #expect(shown.cursor == CursorPosition(x: 1, y: 0))
        field.handle(.end)
        for _ in 0..<3 { field.handle(.backspace) }
        shown = rendered(field)
        #expect(shown.row == " Hej med")
        #expect(shown.cursor == CursorPosition(x: 9, y: 0))
    }

    @Test func cursorCountsCellsOfWideCharacters() {
        let field = field(typing: "日本", width: 10)
        #expect(rendered(field).cursor == CursorPosition(x: 5, y: 0))
    }

    @Test func combiningMarkTypedAloneJoinsItsBase() {
        var field = field(typing: "e")
        field.handle(.character("\u{301}"))
        #expect(field.text == "e\u{301}")
        #expect(field.cursor == 1)
    }

    @Test func keysThatAreNotTheFieldsAreLeftForTheScreen() {
        var field = field(typing: "x")
        let consumed1 = field.handle(.tab)
        #expect(!consumed1)
        let consumed2 = field.handle(.enter)
        #expect(!consumed2)
        let consumed3 = field.handle(.escape)
        #expect(!consumed3)
        let consumed4 = field.handle(.character("\u{202E}"))
        #expect(!consumed4)
        #expect(field.text == "x")
    }
}
