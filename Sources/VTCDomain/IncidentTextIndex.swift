import Dispatch
import Foundation

/// The searchable text of each row of an `IncidentIndex`, kept without a copy:
/// the description and notes are the records' own strings; the place, citizen
/// reference and unit repeat, so each is kept once and searched once.
///
/// Most text is "plain": every scalar is ASCII or a Latin-1 letter or sign
/// (æ, ø, å, é …) and there is no CR LF. There each Character is one scalar and
/// lower case is a byte-wise mapping, so a word is found by comparing UTF-8
/// bytes. Other text goes through `TextSearch`, which compares Characters.
/// Both give what `TextSearch.matches` gives on the same fields.
public struct IncidentTextIndex: Sendable {
    let descriptions: [String]
    let notes: [[String]]
    /// Place, citizen reference and unit of each row, three per row, into `shortTexts`.
    let shortFields: [UInt32]
    let shortTexts: [String]
    /// Rows whose description and notes are all plain.
    let plain: RowSet
    /// Per row, one bit per lower-case letter a–z and digit in the description
    /// and notes, and 28 bits shared by every other byte: a word can only occur
    /// where all its bits are set.
    let presence: [UInt64]

    init(_ records: [IncidentRecord]) {
        descriptions = records.map(\.facts.description)
        notes = records.map { $0.notes.map(\.text) }
        var numbers: [String: UInt32] = [:]
        var texts: [String] = []
        var fields: [UInt32] = []
        fields.reserveCapacity(records.count * 3)
        for record in records {
            for text in [record.facts.location ?? "", record.facts.citizenRef ?? "", record.facts.unit] {
                if let number = numbers[text] {
                    fields.append(number)
                } else {
                    numbers[text] = UInt32(texts.count)
                    fields.append(UInt32(texts.count))
                    texts.append(text)
                }
            }
        }
        shortFields = fields
        shortTexts = texts
        var presence = [UInt64](repeating: 0, count: records.count)
        var plainWords = [UInt64](repeating: 0, count: (records.count + 63) / 64)
        for row in records.indices {
            var bits: UInt64 = 0
            var isPlain = PlainText.scan(descriptions[row], into: &bits)
            for note in notes[row] { isPlain = PlainText.scan(note, into: &bits) && isPlain }
            presence[row] = bits
            if isPlain { plainWords[row >> 6] |= 1 << UInt64(row & 63) }
        }
        self.presence = presence
        plain = RowSet(words: plainWords)
    }

    /// The rows where every word of `text` occurs, in any case, in one of the fields;
    /// only rows in `candidates` are looked at (all when nil).
    public func search(_ text: String, within candidates: RowSet? = nil) -> RowSet {
        var result = candidates ?? RowSet(count: descriptions.count) { _ in true }
        for word in TextSearch.words(text) {
            result = search(word: word, within: result)
        }
        return result
    }

    private func search(word: String, within candidates: RowSet) -> RowSet {
        let needle = PlainText.Needle(word)
        let shortMatches = shortTexts.map { PlainText.contains($0, needle, word: word) }
        let required = needle.map { PlainText.presenceBits(of: $0.bytes) } ?? 0
        // One plain character with a bit of its own: the presence bit is the answer.
        let presenceDecides = needle.map { $0.bytes.count == 1 && PlainText.hasOwnBit($0.bytes[0]) } ?? false

        let input = candidates.words
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount, max(1, input.count / 256))
        nonisolated(unsafe) var output = [UInt64](repeating: 0, count: input.count)
        output.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (input.count * chunk / chunks)..<(input.count * (chunk + 1) / chunks)
                for wordIndex in range {
                    var bits = input[wordIndex]
                    var found: UInt64 = 0
                    while bits != 0 {
                        let bit = bits.trailingZeroBitCount
                        bits &= bits - 1
                        let row = wordIndex << 6 | bit
                        if matches(row: row, word: word, needle: needle, required: required,
                                   presenceDecides: presenceDecides, shortMatches: shortMatches) {
                            found |= 1 << UInt64(bit)
                        }
                    }
                    out[wordIndex] = found
                }
            }
        }
        return RowSet(words: output)
    }

    private func matches(row: Int, word: String, needle: PlainText.Needle?, required: UInt64, presenceDecides: Bool,
                         shortMatches: [Bool]) -> Bool {
        let fields = row * 3
        if shortMatches[Int(shortFields[fields])] || shortMatches[Int(shortFields[fields + 1])]
            || shortMatches[Int(shortFields[fields + 2])] {
            return true
        }
        guard plain.contains(row) else {
            return TextSearch.matches([word], in: [descriptions[row]] + notes[row])
        }
        // A word that is not plain never occurs in plain text.
        guard let needle, presence[row] & required == required else { return false }
        if presenceDecides { return true }
        return PlainText.contains(descriptions[row], needle) || notes[row].contains { PlainText.contains($0, needle) }
    }
}
