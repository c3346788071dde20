import Dispatch
import Foundation

/// The searchable text of each row of an `IncidentIndex`: the description and
/// notes are the records' own strings, and the bytes of the plain ones are also
/// laid one row after the other in one array (`arena`), which a search reads in
/// sequence rather than string by string; the place, citizen reference and unit
/// repeat, so each is kept once and searched once.
///
/// Most text is "plain": every scalar is ASCII or a Latin-1 letter or sign
/// (æ, ø, å, é …) and there is no CR LF. There each Character is one scalar and
/// lower case is a byte-wise mapping, so a word is found by comparing UTF-8
/// bytes. Other text goes through `TextSearch`, which compares Characters.
/// Both give what `TextSearch.matches` gives on the same fields.
public struct IncidentTextIndex: Sendable {
    var descriptions: [String]
    var notes: [[String]]
    /// Place, citizen reference and unit of each row, three per row, into `shortTexts`.
    var shortFields: [UInt32]
    var shortTexts: [String]
    /// Rows whose description and notes are all plain.
    var plain: RowSet
    /// Per row, `PlainText.presenceBits` of the description and notes: a word can only
    /// occur where all its bits are set.
    var presence: [UInt64]
    /// The UTF-8 bytes of each plain row's description and notes, each note after a line feed (which no word holds,
    /// so that no word is found across two texts). A row's bytes, once laid here, stay until the arena is laid
    /// anew: a row that changes has its new bytes added at the end (`IncidentIndex.update`).
    var arena: [UInt8]
    /// By row, where its bytes are in `arena`; empty for a row that is not plain.
    var spans: [Span]

    struct Span: Sendable {
        var start: UInt32
        var count: UInt32
    }

    init(descriptions: [String], notes: [[String]], shortFields: [UInt32], shortTexts: [String],
         presence: [UInt64], plain: RowSet) {
        self.descriptions = descriptions
        self.notes = notes
        self.shortFields = shortFields
        self.shortTexts = shortTexts
        self.presence = presence
        self.plain = plain
        (arena, spans) = Self.laid(descriptions: descriptions, notes: notes, plain: plain)
    }

    /// The arena of these rows in row order, sized first and then laid by every processor at once, each its share of
    /// the rows (one processor laying a region's text made building the index a sixth slower).
    private static func laid(descriptions: [String], notes: [[String]], plain: RowSet) -> ([UInt8], [Span]) {
        var spans = [Span](repeating: Span(start: 0, count: 0), count: descriptions.count)
        var total = 0
        for row in descriptions.indices where plain.contains(row) {
            let count = notes[row].reduce(descriptions[row].utf8.count) { $0 + 1 + $1.utf8.count }
            spans[row] = Span(start: UInt32(total), count: UInt32(count))
            total += count
        }
        precondition(total < Int(UInt32.max), "a text index of 4 GB")
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount, max(1, descriptions.count / 4096))
        let arena = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            spans.withUnsafeBufferPointer { spans in
                descriptions.withUnsafeBufferPointer { descriptions in
                    notes.withUnsafeBufferPointer { notes in
                        nonisolated(unsafe) let shared = (buffer, spans, descriptions, notes)
                        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                            let (buffer, spans, descriptions, notes) = shared
                            for row in (spans.count * chunk / chunks)..<(spans.count * (chunk + 1) / chunks) where spans[row].count > 0 {
                                var at = Int(spans[row].start)
                                func copy(_ text: String) {
                                    let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
                                        if let base = bytes.baseAddress { (buffer.baseAddress! + at).initialize(from: base, count: bytes.count) }
                                    }
                                    if copied == nil { for (offset, byte) in text.utf8.enumerated() { buffer[at + offset] = byte } }
                                    at += text.utf8.count
                                }
                                copy(descriptions[row])
                                for note in notes[row] {
                                    buffer[at] = 0x0A
                                    at += 1
                                    copy(note)
                                }
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        return (arena, spans)
    }

    /// Adds the bytes of the texts that are plain to the end of the arena; their spans, empty for those that are not.
    /// Lays the arena anew, in row order, when most of its bytes are of rows that changed since.
    mutating func lay(descriptions: [String], notes: [[String]], plain: [Bool]) -> [Span] {
        let adding = descriptions.indices.reduce(0) { bytes, row in
            plain[row] ? notes[row].reduce(bytes + descriptions[row].utf8.count) { $0 + 1 + $1.utf8.count } : bytes
        }
        precondition(arena.count + adding < Int(UInt32.max), "a text index of 4 GB")
        // Laid whole, in one allocation of its size; added to, grown as arrays grow.
        if arena.isEmpty { arena.reserveCapacity(adding) }
        return descriptions.indices.map { row in
            guard plain[row] else { return Span(start: 0, count: 0) }
            let start = arena.count
            append(descriptions[row])
            for note in notes[row] {
                arena.append(0x0A)
                append(note)
            }
            return Span(start: UInt32(start), count: UInt32(arena.count - start))
        }
    }

    /// Adds the text's bytes to the arena, copied as one block rather than byte by byte.
    private mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { arena.append(contentsOf: $0) }
        if copied == nil { arena += Array(text.utf8) }
    }

    /// Lays the arena anew in row order when less than half of it is of the rows' present text.
    mutating func compactArena() {
        let present = spans.reduce(0) { $0 + Int($1.count) }
        guard arena.count > 2 * present + 4096 else { return }
        var laid: [UInt8] = []
        laid.reserveCapacity(present)
        for row in spans.indices where spans[row].count > 0 {
            let start = laid.count
            laid += arena[Int(spans[row].start)..<Int(spans[row].start + spans[row].count)]
            spans[row].start = UInt32(start)
        }
        arena = laid
    }

    /// The rows where every word of `text` occurs, in any case, in one of the fields;
    /// only rows in `candidates` are looked at (all when nil).
    public func search(_ text: String, within candidates: RowSet? = nil) -> RowSet {
        search(text, within: candidates, after: nil).rows
    }

    /// The rows where every word of `text` occurs, as `search(_:within:)`, after `previous`, the result of a text that
    /// `text` only adds to (typing): when it adds to the last word, only that word is looked for, and first where the
    /// shorter one was found; when it adds a word, only that word is looked for; both among the rows found before.
    public func search(_ text: String, within candidates: RowSet?, after previous: TextMatches?) -> TextMatches {
        let words = TextSearch.words(text)
        var rows = candidates ?? RowSet(count: descriptions.count) { _ in true }
        var first = words.startIndex
        var hint: [UInt32] = []
        if let previous, let last = words.last, let before = previous.words.last {
            if words.count == previous.words.count, words.dropLast() == previous.words.dropLast(), last.hasPrefix(before) {
                (rows, first) = (previous.rows, words.count - 1)
                let (old, new) = (PlainText.Needle(before), PlainText.Needle(last))
                if let old, let new, new.bytes.starts(with: old.bytes) { hint = previous.firstAt }
            } else if words.count == previous.words.count + 1, Array(words.dropLast()) == previous.words {
                (rows, first) = (previous.rows, words.count - 1)
            }
        }
        var firstAt: [UInt32] = []
        for word in words[first...] {
            (rows, firstAt) = search(word: word, within: rows, hint: word == words.last ? hint : [])
        }
        return TextMatches(rows: rows, words: words, firstAt: firstAt)
    }

    /// First, on the columns alone, the rows a short field or the presence bits decide;
    /// then the rest are looked through, split over the processors. Where the word first occurs in the arena's bytes
    /// of each row read there; `hint`, where a word it starts with first occurs, is looked at first.
    private func search(word: String, within candidates: RowSet, hint: [UInt32]) -> (RowSet, [UInt32]) {
        let needle = PlainText.Needle(word)
        let shortMatches = shortTexts.map { PlainText.contains($0, needle, word: word) }
        let required = needle.map { PlainText.presenceBits(of: $0.bytes) } ?? 0
        // One plain character with a bit of its own: the presence bit is the answer.
        let presenceDecides = needle.map { $0.bytes.count == 1 && PlainText.hasOwnBit($0.bytes[0]) } ?? false

        var found = candidates.words
        var toRead: [Int32] = []
        for block in found.indices {
            var bits = found[block]
            var decided: UInt64 = 0
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                bits &= bits - 1
                let row = block << 6 | bit
                let fields = row * 3
                if shortMatches[Int(shortFields[fields])] || shortMatches[Int(shortFields[fields + 1])]
                    || shortMatches[Int(shortFields[fields + 2])] {
                    decided |= 1 << UInt64(bit)
                } else if !plain.contains(row) {
                    toRead.append(Int32(row))
                } else if needle != nil && presence[row] & required == required {
                    // A word that is not plain never occurs in plain text.
                    if presenceDecides { decided |= 1 << UInt64(bit) } else { toRead.append(Int32(row)) }
                }
            }
            found[block] = decided
        }
        var firstAt = [UInt32](repeating: TextMatches.unplaced, count: needle == nil ? 0 : descriptions.count)
        for (row, at) in zip(toRead, read(toRead, for: word, needle, hint: hint)) where at != Self.absent {
            found[Int(row) >> 6] |= 1 << UInt64(row & 63)
            if !firstAt.isEmpty { firstAt[Int(row)] = at }
        }
        return (RowSet(words: found), firstAt)
    }

    /// What `read` gives for a row where the word does not occur.
    private static let absent = UInt32.max - 1

    /// For each of `rows`, where `word` first occurs in its bytes in the arena (`TextMatches.unplaced` for a row that
    /// is not plain, where it occurs), or `absent`.
    private func read(_ rows: [Int32], for word: String, _ needle: PlainText.Needle?, hint: [UInt32]) -> [UInt32] {
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount, max(1, rows.count / 1024))
        var occurs = [UInt32](repeating: Self.absent, count: rows.count)
        // The threads share no reference-counted object: each retain of a shared array
        // from two processors at once would cost more than the search itself.
        occurs.withUnsafeMutableBufferPointer { occurs in
            rows.withUnsafeBufferPointer { rows in
                descriptions.withUnsafeBufferPointer { descriptions in
                    notes.withUnsafeBufferPointer { notes in
                        plain.words.withUnsafeBufferPointer { plain in
                            arena.withUnsafeBufferPointer { arena in
                                spans.withUnsafeBufferPointer { spans in
                                    hint.withUnsafeBufferPointer { hint in
                                        PlainText.withNeedle(needle) { needle in
                                            nonisolated(unsafe) let shared = (occurs, rows, descriptions, notes, plain, arena, spans, hint, needle)
                                            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                                                let (occurs, rows, descriptions, notes, plain, arena, spans, hint, needle) = shared
                                                for index in (rows.count * chunk / chunks)..<(rows.count * (chunk + 1) / chunks) {
                                                    let row = Int(rows[index])
                                                    if plain[row >> 6] & (1 << UInt64(row & 63)) == 0 {
                                                        if TextSearch.matches([word], in: [descriptions[row]] + notes[row]) {
                                                            occurs[index] = TextMatches.unplaced
                                                        }
                                                    } else if let needle {
                                                        let span = spans[row]
                                                        let bytes = UnsafeBufferPointer(rebasing: arena[Int(span.start)..<Int(span.start + span.count)])
                                                        occurs[index] = Self.firstOccurrence(needle, in: bytes, after: hint.isEmpty ? TextMatches.unplaced : hint[row])
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return occurs
    }

    /// Where the needle first occurs in `bytes`, knowing that a needle it starts with first occurs at `start`
    /// (`unplaced` when not known): there, or after it.
    private static func firstOccurrence(_ needle: PlainText.NeedleBytes, in bytes: UnsafeBufferPointer<UInt8>, after start: UInt32) -> UInt32 {
        var from = 0
        if start != TextMatches.unplaced {
            if PlainText.occurs(needle, at: Int(start), in: bytes) { return start }
            from = Int(start) + 1
            guard from < bytes.count else { return absent }
        }
        return PlainText.firstOccurrence(needle, in: UnsafeBufferPointer(rebasing: bytes[from...])).map { UInt32(from + $0) } ?? absent
    }
}

/// The rows a search found, the words it looked for, and for the rows whose arena bytes were read, where the last word
/// first occurs in them: a text that adds to that word is looked for there first (`IncidentTextIndex.search(_:within:after:)`).
public struct TextMatches: Sendable {
    public let rows: RowSet
    let words: [String]
    /// By row; `unplaced` where the row was not read in the arena (a short field or a presence bit decided it, or its
    /// text is not plain), or the last word is not plain.
    var firstAt: [UInt32]

    static let unplaced = UInt32.max

    /// The rows alone, as a search that is not typed on keeps them.
    func withoutPlaces() -> TextMatches { TextMatches(rows: rows, words: words, firstAt: []) }
}
