import Testing
@testable import TerminalKit

@Suite struct CellBufferTests {
    @Test func dumpShowsTextAtItsPositionWithTrailingSpacesRemoved() {
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.put("Hej", x: 0, y: 0)
        buffer.put("æøå", x: 4, y: 1)
        #expect(buffer.dump() == "Hej\n    æøå\n")
    }

    @Test func textIsClippedToMaxWidthAndToTheRightEdge() {
        var buffer = CellBuffer(width: 8, height: 2)
        let drawn = buffer.put("abcdefgh", x: 0, y: 0, maxWidth: 3)
        buffer.put("abcdefgh", x: 5, y: 1)
        #expect(drawn == 3)
        #expect(buffer.dump() == "abc\n     abc")
    }

    @Test func wideCharacterTakesTwoCellsAndIsLeftOutWhenOnlyOneRemains() {
        var buffer = CellBuffer(width: 5, height: 1)
        let drawn = buffer.put("日本語", x: 0, y: 0)
        #expect(drawn == 4)
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[4, 0] == .blank)
        #expect(buffer.dump() == "日本")
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("日本", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        buffer.put("y", x: 2, y: 0)
        #expect(buffer.dump() == " xy")
        #expect(buffer[0, 0] == .blank)
        #expect(buffer[3, 0] == .blank)
    }

    @Test func combiningMarkJoinsItsBaseInOneCell() {
        var buffer = CellBuffer(width: 4, height: 1)
        let drawn = buffer.put("e\u{301}x", x: 0, y: 0)
        #expect(drawn == 2)
        #expect(buffer[0, 0].character == "e\u{301}")
        #expect(buffer[1, 0].character == "x")
    }

    @Test func escapeSequencesAreDrawnAsVisibleText() {
        var buffer = CellBuffer(width: 20, height: 2)
        buffer.put("\u{1B}]0;title\u{07}", x: 0, y: 0)
        buffer.put("\u{1B}[2J", x: 0, y: 1)
        let dump = buffer.dump()
        #expect(dump == "^[]0;title^G\n^[[2J")
        #expect(!dump.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func boxDrawsFrameAndTitleAndReturnsInside() {
        var buffer = CellBuffer(width: 12, height: 4)
        let inside = buffer.box(Rect(x: 0, y: 0, width: 12, height: 4), title: "Ny")
        buffer.put("indhold", x: inside.x, y: inside.y)
        #expect(inside == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(buffer.dump() == """
        ┌─ Ny ─────┐
        │indhold   │
        │          │
        └──────────┘
        """)
    }

    @Test func fillAndRulesStayInsideTheBuffer() {
        var buffer = CellBuffer(width: 4, height: 3)
        buffer.fill(Rect(x: -2, y: 1, width: 10, height: 5), with: "#")
        buffer.horizontalRule(x: 1, y: 0, length: 2)
        #expect(buffer.dump() == " ──\n####\n####")
    }

    @Test func stylesAreKeptPerCell() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("ok", x: 0, y: 0, style: .bold)
        buffer.applyStyle(.role(.danger), to: Rect(x: 3, y: 0, width: 2, height: 1))
        #expect(buffer[1, 0].style == .bold)
        #expect(buffer[2, 0].style == .plain)
        #expect(buffer[4, 0].style.color == .danger)
    }

    @Test func monochromeStylesKeepWarningsVisible() {
        #expect(Style.role(.danger).monochrome == Style(bold: true, underline: true))
        #expect(Style.role(.warning).monochrome.bold)
        #expect(Style.role(.muted).monochrome == Style(dim: true))
        #expect(Style.reverse.monochrome == .reverse)
    }
}
