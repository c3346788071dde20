import Testing
@testable import TerminalKit

@Suite struct TableTests {
    let columns = [
        TableColumn("Nr", minWidth: 3, maxWidth: 7, priority: 2, alignment: .right),
        TableColumn("Dato", minWidth: 10, maxWidth: 10, priority: 5),
        TableColumn("Grad", minWidth: 5, maxWidth: 5, priority: 4),
        TableColumn("Beskrivelse", minWidth: 8, priority: 1),
    ]

    @Test func columnsGetMinimumsByPriorityThenGrowToTheirMaximum() {
        #expect(Table.columnWidths(columns, totalWidth: 40) == [7, 10, 5, 15])
        #expect(Table.columnWidths(columns, totalWidth: 20) == [3, 10, 5, 0])
        #expect(Table.columnWidths(columns, totalWidth: 12) == [0, 10, 0, 0])
    }

    @Test func onlyTheVisibleRowsOfAMillionAreBuilt() {
        var selection = ListSelection(count: 1_000_000, pageHeight: 9)
        selection.select(500_000)
        var buffer = CellBuffer(width: 40, height: 10)
        var built: [Int] = []
        Table.render(columns: columns, selection: selection, into: &buffer, rect: buffer.bounds) { index in
            built.append(index)
            return TableRow([String(index + 1), "2026-11-22", "VTC 3", "Spyttede efter mig"])
        }
        #expect(built == Array(499_992...500_000))
        #expect(buffer.row(0) == "     Nr Dato       Grad  Beskrivelse")
        #expect(buffer.row(9) == " 500001 2026-11-22 VTC 3 Spyttede efter…")
        #expect(buffer[0, 9].style.reverse)
        #expect(!buffer[0, 8].style.reverse)
    }

    @Test func cellsAreTruncatedWithEllipsisAndUserTextIsSanitized() {
        var buffer = CellBuffer(width: 20, height: 2)
        let selection = ListSelection(count: 1, pageHeight: 1)
        Table.render(columns: columns, selection: selection, into: &buffer, rect: buffer.bounds) { _ in
            TableRow(["1", "2026-11-22\u{1B}[2J", "VTC 5"])
        }
        #expect(buffer.row(1) == "  1 2026-11-2… VTC 5")
    }

    @Test func selectionScrollsToStayVisible() {
        var selection = ListSelection(count: 100, pageHeight: 10)
        selection.handle(.pageDown)
        #expect(selection.selected == 10)
        #expect(selection.visibleRows(height: 10) == 1..<11)
        selection.handle(.up)
        #expect(selection.visibleRows(height: 10) == 1..<11)
        selection.handle(.end)
        #expect(selection.visibleRows(height: 10) == 90..<100)
        selection.setCount(5)
        #expect(selection.selected == 4)
        #expect(selection.visibleRows(height: 10) == 0..<5)
        let consumed1 = selection.handle(.enter)
        #expect(!consumed1)
    }
}
