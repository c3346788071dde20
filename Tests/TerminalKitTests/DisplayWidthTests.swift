import Testing
@testable import TerminalKit

@Suite struct DisplayWidthTests {
    @Test(arguments: ["æ", "ø", "å", "Æ", "Ø", "Å", "a", "é"] as [Character])
    func danishAndLatinLettersAreOneCell(_ character: Character) {
        #expect(DisplayWidth.of(character) == 1)
    }

    @Test(arguments: ["日", "本", "한", "カ", "Ａ", "。"] as [Character])
    func eastAsianWideAndFullwidthAreTwoCells(_ character: Character) {
        #expect(DisplayWidth.of(character) == 2)
    }

    @Test(arguments: ["😀", "👍🏽", "❤️", "🇩🇰", "👩‍⚕️"] as [Character])
    func emojiAreTwoCells(_ character: Character) {
        #expect(DisplayWidth.of(character) == 2)
    }

    @Test func combiningMarksAndZeroWidthScalarsTakeNoCell() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("a\u{308}\u{304}" as Character) == 1)
    }

    @Test("a text measures as its characters added up, ASCII alone (measured by its bytes) or mixed with others")
    func textWidthIsItsCharactersWidths() {
        let pieces = ["a", "Z", " ", "~", "0", "\r\n", "\t", "\u{1}", "\u{7F}", "e\u{301}", "æ", "日", "😀", "-", "\r"]
        for first in pieces {
            for second in pieces {
                for third in ["", "abc", "\n", "å"] {
                    let text = first + second + third
                    #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func stringWidthAddsItsCharacters() {
        #expect(DisplayWidth.of("blåbærgrød") == 10)
        #expect(DisplayWidth.of("日本 ok") == 7)
        #expect(DisplayWidth.of("") == 0)
    }
}
