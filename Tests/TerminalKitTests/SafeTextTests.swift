import Testing
@testable import TerminalKit

@Suite struct SafeTextTests {
    @Test func c0ControlsBecomeCaretNotation() {
        #expect(SafeText.sanitize("\u{1B}]0;title\u{07}") == "^[]0;title^G")
        #expect(SafeText.sanitize("\u{1B}[2J") == "^[[2J")
        #expect(SafeText.sanitize("a\u{00}b\u{7F}") == "a^@b^?")
        #expect(SafeText.sanitize("linje\r\nnæste") == "linje^M^Jnæste")
    }

    @Test func c1ControlsAndInvisibleScalarsBecomeReplacementCharacterAndDirectionCharactersAreWrittenOut() {
        #expect(SafeText.sanitize("a\u{9B}2Jb") == "a�2Jb")
        #expect(SafeText.sanitize("abc\u{202E}fed") == "abc\\u{202e}fed")
        #expect(SafeText.sanitize("x\u{200B}y\u{2028}z") == "x\\u{200b}y�z")
        #expect(SafeText.sanitize("\u{E000}") == "�")
    }

    @Test func printableTextIsUnchanged() {
        let text = "Æblegrød på Ørsted 日本 😀 e\u{301} 👩‍⚕️"
        #expect(SafeText.sanitize(text) == text)
    }

    /// Text of plain scalars alone is passed as it stands and measured by counting its scalars: each of them must be
    /// what the full rules give (kept as itself, one cell, a character of its own whatever plain scalar stands beside it).
    @Test func everyPlainScalarIsWhatTheFullRulesMakeOfIt() throws {
        let plain = (UInt32(0)...0x10FFFF).compactMap { Unicode.Scalar($0) }.filter(SafeText.isPlainPrintable)
        #expect(plain.count > 700 && plain.contains("å") && plain.contains("\u{2013}") && plain.contains("\u{2713}"))
        for scalar in plain {
            let text = String(scalar)
            // A control after it takes `sanitize` through its rules for every character.
            #expect(SafeText.sanitize(text + "\u{1}") == text + "^A", "U+\(String(scalar.value, radix: 16))")
            #expect(DisplayWidth.of(Character(text)) == 1, "U+\(String(scalar.value, radix: 16))")
            #expect(("a" + text + "a").count == 3 && (text + text).count == 2, "U+\(String(scalar.value, radix: 16))")
        }
        for unsafe in ["\u{AD}", "\u{2028}", "\u{202E}", "\u{2060}", "\u{200D}", "\u{300}", "\u{2714}", "\u{7F}", "\u{9B}"] {
            #expect(!SafeText.isPlainPrintable(unsafe.unicodeScalars.first!), "\(unsafe.unicodeScalars.first!.value)")
        }
    }

    @Test func plainTextIsMeasuredAsCharacterByCharacter() {
        for text in ["Bostedet Åen", "✓", "–", "Ærø – “citat” ‰ ‼", "Åen\u{301}", "æ\u{2028}", "‼\u{FE0F}", "ø日"] {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text)")
        }
    }

    @Test func tabBecomesSpacesToTheNextStop() {
        #expect(SafeText.sanitize("ab\tc") == "ab  c")
        #expect(SafeText.sanitize("\tx") == "    x")
    }

    @Test func strayCombiningMarkGetsItsOwnBase() {
        let shown = SafeText.sanitize("\u{301}a")
        #expect(shown == "\u{25CC}\u{301}a")
        #expect(DisplayWidth.of(shown) == 2)
    }

    @Test func truncateEndsWithEllipsisOnlyWhenCut() {
        #expect(SafeText.truncate("Opfølgning", toWidth: 20) == "Opfølgning")
        #expect(SafeText.truncate("Opfølgning", toWidth: 10) == "Opfølgning")
        #expect(SafeText.truncate("Opfølgning", toWidth: 6) == "Opføl…")
        #expect(SafeText.truncate("日本語", toWidth: 4) == "日…")
        #expect(SafeText.truncate("abc", toWidth: 0) == "")
    }

    @Test func truncateMeasuresTheSanitizedText() {
        let cut = SafeText.truncate("\u{1B}[2Jabc", toWidth: 5)
        #expect(cut == "^[[2…")
        #expect(DisplayWidth.of(cut) == 5)
    }

    @Test func padFillsToExactWidth() {
        #expect(SafeText.pad("åå", toWidth: 5) == "åå   ")
        #expect(SafeText.pad("42", toWidth: 5, alignment: .right) == "   42")
        #expect(SafeText.pad("ab", toWidth: 6, alignment: .center) == "  ab  ")
        #expect(SafeText.pad("abcdefgh", toWidth: 4) == "abc…")
    }

    @Test func wrapBreaksAfterSpacesAndKeepsLineBreaks() {
        let lines = SafeText.wrap("Borgeren blev vred og kastede en stol\nIngen skade", toWidth: 16)
        #expect(lines == ["Borgeren blev", "vred og kastede", "en stol", "Ingen skade"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 16 })
    }

    @Test func fortyCharacterDanishCompoundWordBreaksInsideATwentyWideBox() {
        let word = "sygefraværsopfølgningssamtaleforløbsplan"
        #expect(word.count == 40)
        let lines = SafeText.wrap("Se " + word + " nu", toWidth: 20)
        #expect(lines == ["Se", "sygefraværsopfølgnin", "gssamtaleforløbsplan", "nu"])
        var buffer = CellBuffer(width: 22, height: 6)
        let inside = buffer.box(Rect(x: 0, y: 0, width: 22, height: 6))
        for (row, line) in lines.enumerated() {
            buffer.put(line, x: inside.x, y: inside.y + row, maxWidth: inside.width)
        }
        #expect(buffer.row(2) == "│sygefraværsopfølgnin│")
        #expect(buffer.row(3) == "│gssamtaleforløbsplan│")
    }

    @Test func wrapKeepsEmptyLinesAndWideCharactersWhole() {
        #expect(SafeText.wrap("a\n\nb", toWidth: 5) == ["a", "", "b"])
        #expect(SafeText.wrap("日本語日本", toWidth: 5) == ["日本", "語日", "本"])
    }

    @Test func acceptableInputRefusesControlsAndInvisibleScalars() {
        #expect(SafeText.isAcceptableInput("ø"))
        #expect(SafeText.isAcceptableInput("😀"))
        #expect(!SafeText.isAcceptableInput("\u{1B}"))
        #expect(!SafeText.isAcceptableInput("\u{202E}"))
        #expect(!SafeText.isAcceptableInput("\u{85}"))
    }
}
