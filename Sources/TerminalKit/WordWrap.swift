/// Greedy word wrap over characters whose widths and kinds are known, shared
/// by display wrapping and the text area (which needs the character ranges to
/// place its cursor). Works on plain integers so the text area can re-wrap
/// on every key press.
enum WordWrap {
    /// What a character means to wrapping.
    enum Kind: UInt8, Sendable {
        case other
        case space
        case lineBreak
    }

    /// Ranges (absolute indices) for each line of one paragraph. A line holds
    /// at most `limit` cells, except that one space that does not fit may hang
    /// at its end; a paragraph without characters gives one empty line.
    static func lines(widths: ArraySlice<Int>, kinds: ArraySlice<Kind>, limit: Int) -> [Range<Int>] {
        let end = widths.endIndex
        var lines: [Range<Int>] = []
        var start = widths.startIndex
        while start < end {
            var used = 0
            var index = start
            var lastSpace = -1
            while index < end, used + widths[index] <= limit {
                if kinds[index] == .space { lastSpace = index }
                used += widths[index]
                index += 1
            }
            if index == end {
                lines.append(start..<end)
                break
            }
            let lineEnd: Int
            if kinds[index] == .space {
                lineEnd = index + 1
            } else if lastSpace >= start {
                lineEnd = lastSpace + 1
            } else {
                lineEnd = max(index, start + 1)
            }
            lines.append(start..<lineEnd)
            start = lineEnd
        }
        if lines.isEmpty { lines.append(start..<start) }
        return lines
    }
}
