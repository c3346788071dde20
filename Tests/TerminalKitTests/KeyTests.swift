import Testing
@testable import TerminalKit

@Suite struct KeyTests {
    @Test func rawControlCodesBecomeNamedKeys() {
        #expect(Key.fromCharacter(0x0D) == .enter)
        #expect(Key.fromCharacter(0x0A) == .enter)
        #expect(Key.fromCharacter(0x09) == .tab)
        #expect(Key.fromCharacter(0x7F) == .backspace)
        #expect(Key.fromCharacter(0x08) == .backspace)
        #expect(Key.fromCharacter(0x1B) == .escape)
        #expect(Key.fromCharacter(0x03) == .ctrl("c"))
        #expect(Key.fromCharacter(0x13) == .ctrl("s"))
        #expect(Key.fromCharacter(0x01) == .ctrl("a"))
    }

    @Test func printableCharactersIncludingDanishPassThrough() {
        #expect(Key.fromCharacter(0x61) == .character("a"))
        #expect(Key.fromCharacter(0xF8) == .character("ø"))
        #expect(Key.fromCharacter(0x65E5) == .character("日"))
    }

    @Test func otherControlsAreDropped() {
        #expect(Key.fromCharacter(0x00) == nil)
        #expect(Key.fromCharacter(0x1C) == nil)
        #expect(Key.fromCharacter(0x9B) == nil)
    }

    @Test func typingTurnsLineBreaksIntoEnter() {
        #expect(Key.typing("å\r\nb\nc") == [.character("å"), .enter, .character("b"), .enter, .character("c")])
    }

    /// The codes are ncurses' own (octal in ncurses.h), so this checks the shim wrappers.
    @Test func ncursesKeyCodesTranslate() {
        #expect(NcursesKeys.key(forKeyCode: 0o403) == .up)
        #expect(NcursesKeys.key(forKeyCode: 0o402) == .down)
        #expect(NcursesKeys.key(forKeyCode: 0o404) == .left)
        #expect(NcursesKeys.key(forKeyCode: 0o405) == .right)
        #expect(NcursesKeys.key(forKeyCode: 0o406) == .home)
        #expect(NcursesKeys.key(forKeyCode: 0o550) == .end)
        #expect(NcursesKeys.key(forKeyCode: 0o523) == .pageUp)
        #expect(NcursesKeys.key(forKeyCode: 0o522) == .pageDown)
        #expect(NcursesKeys.key(forKeyCode: 0o512) == .delete)
        #expect(NcursesKeys.key(forKeyCode: 0o407) == .backspace)
        #expect(NcursesKeys.key(forKeyCode: 0o541) == .backTab)
        #expect(NcursesKeys.key(forKeyCode: 0o527) == .enter)
        #expect(NcursesKeys.key(forKeyCode: 0o410 + 10) == .function(10))
        #expect(NcursesKeys.key(forKeyCode: 0o410 + 1) == .function(1))
        #expect(NcursesKeys.key(forKeyCode: 0o777) == nil)
    }
}
