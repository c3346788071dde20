import Testing
@testable import TerminalKit

@Suite struct HelpLineTests {
    let entries = [
        HelpEntry("F10", "Gem og afslut", priority: 9),
        HelpEntry("Esc", "Tilbage", priority: 8),
        HelpEntry("Tab", "Næste felt", priority: 5),
        HelpEntry("S-Tab", "Forrige felt", priority: 4),
        HelpEntry("↑↓", "Vælg", priority: 3),
        HelpEntry("F2", "Gem kladde", priority: 7),
        HelpEntry("F1", "Hjælp", priority: 6),
        HelpEntry("Ctrl-U", "Ryd felt", priority: 1),
        HelpEntry("F5", "Opdater listen med nye registreringer", priority: 2),
        HelpEntry("F8", "Slet kladde", priority: 0),
    ]

    func entryTexts(_ entries: [HelpEntry]) -> [String] {
        entries.map { "\($0.key) \($0.label)" }
    }

    @Test func alwaysFitsEightyColumnsWithWholeEntries() {
        #expect(entries.map(\.width).reduce(0, +) + 2 * (entries.count - 1) > 80)
        var buffer = CellBuffer(width: 80, height: 1)
        HelpLine.render(entries, into: &buffer, y: 0)
        let row = buffer.row(0)
        let fitted = HelpLine.fitting(entries, width: 80)
        #expect(row == entryTexts(fitted).joined(separator: "  "))
        #expect(DisplayWidth.of(row) <= 80)
        #expect(entryTexts(fitted).allSatisfy { entryTexts(entries).contains($0) })
    }

    @Test(arguments: [0, 5, 12, 20, 33, 40, 52, 64, 79, 80])
    func neverWiderThanTheLineAtAnyWidth(_ width: Int) {
        var buffer = CellBuffer(width: width, height: 1)
        HelpLine.render(entries, into: &buffer, y: 0)
        let fitted = HelpLine.fitting(entries, width: width)
        #expect(buffer.row(0) == entryTexts(fitted).joined(separator: "  "))
        #expect(fitted.map(\.width).reduce(0, +) + 2 * max(0, fitted.count - 1) <= width)
    }

    @Test func higherPrioritiesClaimRoomFirstAndOrderIsKept() {
        let fitted = HelpLine.fitting(entries, width: 40)
        #expect(entryTexts(fitted) == ["F10 Gem og afslut", "Esc Tilbage", "F1 Hjælp"])
    }

    @Test func anEntryTooWideForTheLineIsLeftOutNotCut() {
        let fitted = HelpLine.fitting([HelpEntry("F5", "Opdater listen med nye registreringer", priority: 9), HelpEntry("q", "Luk")], width: 20)
        #expect(entryTexts(fitted) == ["q Luk"])
    }
}

@Suite struct BarChartTests {
    @Test func barLengthIsProportionalInEighths() {
        #expect(BarChart.bar(value: 10, maximum: 10, width: 8) == "████████")
        #expect(BarChart.bar(value: 5, maximum: 10, width: 8) == "████")
        #expect(BarChart.bar(value: 3, maximum: 8, width: 1) == "▍")
        #expect(BarChart.bar(value: 9, maximum: 16, width: 2) == "█▏")
        #expect(BarChart.bar(value: 0, maximum: 10, width: 8) == "")
    }

    @Test func smallestPositiveValueStillShows() {
        #expect(BarChart.bar(value: 1, maximum: 1000, width: 10) == "▏")
    }

    @Test func chartDrawsLabelBarAndNumberPerRow() {
        var buffer = CellBuffer(width: 30, height: 4)
        BarChart.render([
            .init(label: "VTC 1", value: 20),
            .init(label: "VTC 2", value: 10),
            .init(label: "VTC 3", value: 0),
            .init(label: "VTC 4", value: 5),
        ], into: &buffer, rect: Rect(x: 0, y: 0, width: 29, height: 4))
        #expect(buffer.dump() == """
        VTC 1 ████████████████████ 20
        VTC 2 ██████████ 10
        VTC 3 0
        VTC 4 █████ 5
        """)
        #expect(buffer[6, 0].style.color == .accent)
    }
}
