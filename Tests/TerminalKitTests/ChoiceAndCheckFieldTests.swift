import Testing
@testable import TerminalKit

@Suite struct ChoiceFieldTests {
    let kinds = ChoiceField<String>(options: [
        .init(value: "physical_violence", label: "Fysisk vold"),
        .init(value: "threat", label: "Trussel"),
        .init(value: "harassment", label: "Chikane"),
        .init(value: "sexual_harassment", label: "Seksuel chikane"),
        .init(value: "property_damage", label: "Tingskade"),
        .init(value: "other", label: "Andet"),
    ])

    @Test func nothingIsChosenUntilTheUserChooses() {
        #expect(kinds.selectedValue == nil)
    }

    @Test func eachOptionHasItsOwnLetterSoOnePressChooses() {
        var field = kinds
        let consumed1 = field.handle(.character("t"))
        #expect(consumed1)
        #expect(field.selectedValue == "threat")
        #expect(field.letters == ["f", "t", "c", "s", "i", "a"])
        field.handle(.character("I"))
        #expect(field.selectedValue == "property_damage", "Tingskade's t is taken, so its letter is the next free one")
        field.handle(.character("t"))
        #expect(field.selectedValue == "threat")
        field.handle(.character("c"))
        #expect(field.selectedValue == "harassment")
        #expect(field.letterHint.hasPrefix("[F]ysisk vold · [T]russel · [C]hikane · [S]eksuel chikane · T[i]ngskade"))
    }

    @Test func letterWithoutMatchIsNotConsumed() {
        var field = kinds
        field.handle(.character("a"))
        let consumed2 = field.handle(.character("x"))
        #expect(!consumed2)
        #expect(field.selectedValue == "other")
    }

    @Test func arrowsCycleAroundBothEnds() {
        var field = kinds
        field.handle(.right)
        #expect(field.selectedValue == "physical_violence")
        field.handle(.left)
        #expect(field.selectedValue == "other")
        field.handle(.down)
        #expect(field.selectedValue == "physical_violence")
    }

    @Test func horizontalFieldLeavesUpAndDownToTheScreen() {
        var field = kinds
        field.arrows = .horizontal
        let consumed3 = field.handle(.down)
        #expect(!consumed3)
        let consumed4 = field.handle(.right)
        #expect(consumed4)
        #expect(field.selectedValue == "physical_violence")
    }

    @Test func renderShowsLabelOrPlaceholderAndFocusMarks() {
        var field = kinds
        var buffer = CellBuffer(width: 20, height: 2)
        field.render(into: &buffer, x: 0, y: 0, width: 15, focused: false, placeholder: "(vælg)")
        field.handle(.character("s"))
        field.render(into: &buffer, x: 0, y: 1, width: 15, focused: true)
        #expect(buffer.dump() == "(vælg)\n‹ Seksuel ch… ›")
    }
}

@Suite struct CheckFieldTests {
    @Test func spaceTogglesAndOtherKeysAreNotConsumed() {
        var field = CheckField(label: "Sygefravær")
        let consumed5 = field.handle(.character(" "))
        #expect(consumed5)
        #expect(field.isChecked)
        let consumed6 = field.handle(.character("x"))
        #expect(!consumed6)
        let consumed7 = field.handle(.enter)
        #expect(!consumed7)
        field.handle(.character(" "))
        #expect(!field.isChecked)
    }

    @Test func renderShowsTheBox() {
        var buffer = CellBuffer(width: 20, height: 1)
        let field = CheckField(label: "Vidne", isChecked: true)
        let cursor = field.render(into: &buffer, x: 2, y: 0, width: 12)
        #expect(buffer.dump() == "  [x] Vidne")
        #expect(cursor == CursorPosition(x: 3, y: 0))
    }
}
