import Testing
@testable import TerminalKit

@Suite struct PlainTableTests {
    @Test func columnsAlignByTerminalCellsNotCharacters() {
        var table = PlainTable(["Navn", "Enhed"])
        table.add(["日本", "Åen"])
        table.add(["Søren", "Bostedet"])
        let lines = table.render(width: nil).split(separator: "\n").map(String.init)
        // Each second column starts at the same cell: "日本" is 4 cells, like "Navn".
        #expect(lines == ["Navn   Enhed", "日本   Åen", "Søren  Bostedet"])
    }

    @Test func theWidestFlexibleColumnIsNarrowedWithAnEllipsisToFitTheWidth() {
        var table = PlainTable(["id", "text"], flexible: [1])
        table.add(["a1", "sygefraværsopfølgningssamtalen blev holdt"])
        let lines = table.render(width: 20).split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(lines[1] == "a1  sygefraværsopfø…")
    }

    @Test func trailingSpacesAreCutAsWholeCharacters() {
        var table = PlainTable(["a", "b"])
        table.add(["x", ""])
        table.add(["\u{D4E}", ""])
        table.add(["Åen ✓", "–"])
        // U+0D4E joins the space after it into one character, which is not a space and stays.
        #expect(table.render(width: nil) == "a      b\nx\n\u{D4E} \nÅen ✓  –")
    }

    @Test func controlCharactersInCellsAreShownNotObeyed() {
        var table = PlainTable(["x"])
        table.add(["a\u{1B}[2Jb"])
        #expect(!table.render(width: nil).contains("\u{1B}"))
    }
}
