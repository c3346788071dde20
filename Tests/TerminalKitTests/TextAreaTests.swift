import Testing
import VTCModel
@testable import TerminalKit

@Suite struct TextAreaTests {
    func area(typing text: String, width: Int = 10, height: Int = 4) -> TextArea {
        var area = TextArea(width: width, height: height)
        for key in Key.typing(text) { area.handle(key) }
        return area
    }

    func screen(_ area: TextArea) -> (dump: String, cursor: CursorPosition) {
        var buffer = CellBuffer(width: area.width, height: area.height)
        let cursor = area.render(into: &buffer, x: 0, y: 0)
        return (buffer.dump(), cursor)
    }

    @Test func wordsWrapAtTheWidthLeavingACellForTheCursor() {
        let area = area(typing: "Borgeren var vred")
        #expect(area.visualLines == ["Borgeren ", "var vred"])
        #expect(screen(area).dump == "Borgeren\nvar vred\n\n")
        #expect(screen(area).cursor == CursorPosition(x: 8, y: 1))
    }

    @Test func typingPastTheWidthMovesTheCursorToTheNextRow() {
        let area = area(typing: "abcdefghijkl")
        #expect(area.visualLines == ["abcdefghi", "jkl"])
        #expect(screen(area).cursor == CursorPosition(x: 3, y: 1))
    }

    @Test func aFullLineKeepsTheCursorInsideAndASpaceAfterItStartsANewRow() {
        var area = area(typing: "abcdefghi")
        #expect(screen(area).cursor == CursorPosition(x: 9, y: 0))
        area.handle(.character(" "))
        #expect(screen(area).cursor == CursorPosition(x: 0, y: 1))
    }

    @Test func enterInsertsALineBreak() {
        let area = area(typing: "ab\ncd")
        #expect(area.text == "ab\ncd")
        #expect(area.visualLines == ["ab", "cd"])
        #expect(area.cursorLocation == (row: 1, column: 2))
    }

    @Test func backspaceAtTheStartOfALineJoinsItToTheLineAbove() {
        var area = area(typing: "ab\ncd")
        area.handle(.home)
        area.handle(.backspace)
        #expect(area.text == "abcd")
        #expect(area.cursorLocation == (row: 0, column: 2))
    }

    @Test func deleteAtTheEndOfALineJoinsTheNextLine() {
        var area = area(typing: "ab\ncd")
        area.handle(.up)
        area.handle(.delete)
        #expect(area.text == "abcd")
        #expect(area.cursor == 2)
    }

    @Test func upAndDownKeepTheColumnAcrossShortLines() {
        var area = area(typing: "abcdefgh\nab\nabcdefgh", height: 5)
        area.handle(.up)
        #expect(area.cursorLocation == (row: 1, column: 2))
        area.handle(.up)
        #expect(area.cursorLocation == (row: 0, column: 8))
        area.handle(.down)
        area.handle(.down)
        #expect(area.cursorLocation == (row: 2, column: 8))
    }

    @Test func arrowsMoveByWrappedLines() {
        var area = area(typing: "aaaa bbbb cccc dd")
        #expect(area.visualLines == ["aaaa bbbb ", "cccc dd"])
        area.handle(.up)
        #expect(area.cursorLocation == (row: 0, column: 7))
        #expect(area.cursor == 7)
        area.handle(.end)
        #expect(area.cursor == 9)
        area.handle(.down)
        area.handle(.home)
        #expect(area.cursor == 10)
    }

    @Test func upOnTheFirstRowAndDownOnTheLastAreLeftForTheScreen() {
        var area = area(typing: "ab\ncd")
        let consumed1 = area.handle(.down)
        #expect(!consumed1)
        area.handle(.up)
        let consumed2 = area.handle(.up)
        #expect(!consumed2)
        let consumed3 = area.handle(.tab)
        #expect(!consumed3)
    }

    @Test func scrollsSoTheCursorStaysVisible() {
        var area = area(typing: "1\n2\n3\n4\n5\n6", height: 3)
        #expect(area.topRow == 3)
        #expect(screen(area).dump == "4\n5\n6")
        #expect(screen(area).cursor == CursorPosition(x: 1, y: 2))
        area.handle(.pageUp)
        #expect(area.cursorLocation.row == 2)
        #expect(area.topRow == 2)
        area.handle(.pageUp)
        #expect(screen(area).dump == "1\n2\n3")
        #expect(screen(area).cursor == CursorPosition(x: 1, y: 0))
        area.handle(.pageDown)
        #expect(area.cursorLocation.row == 3)
        #expect(area.topRow == 1)
    }

    @Test func pastedLinesArriveAsKeysAndKeepDanishLetters() {
        let pasted = "Han slog ud efter mig.\nJeg fik et blåt mærke.\nKollega så det."
        let area = area(typing: pasted, width: 20, height: 6)
        #expect(area.text == pasted)
        #expect(screen(area).dump == "Han slog ud efter\nmig.\nJeg fik et blåt\nmærke.\nKollega så det.\n")
        #expect(screen(area).cursor == CursorPosition(x: 15, y: 4))
    }

    @Test func longWordBreaksInsideAndWideCharactersStayWhole() {
        let area = area(typing: "sygefraværsopfølgningssamtale 日本語", width: 12)
        #expect(area.visualLines == ["sygefraværs", "opfølgnings", "samtale ", "日本語"])
        #expect(area.visualLines.joined() == area.text)
    }

    @Test func wrapKeptUpToDateByEditsMatchesAFreshWrapAfterEveryKey() throws {
        var random = SeededRandom(seed: 20261122)
        let keys: [Key] = [
            .character("a"), .character("ø"), .character(" "), .character(" "), .character("日"),
            .character("\u{301}"), .enter, .backspace, .delete, .left, .right, .up, .down, .home, .end,
        ]
        var area = TextArea(width: 7, height: 3)
        for _ in 0..<1200 {
            area.handle(keys[Int(random.next() % UInt64(keys.count))])
            let fresh = TextArea(text: area.text, width: 7, height: 3)
            try #require(area.lines == fresh.lines, "after \(area.text.debugDescription)")
        }
        #expect(area.text.count > 20)
    }
}
