/// One key hint on the help line, e.g. `F10` `Gem`. Higher priority entries
/// are kept when the line is too narrow for all.
public struct HelpEntry: Equatable, Sendable {
    public var key: String
    public var label: String
    public var priority: Int

    public init(_ key: String, _ label: String, priority: Int = 0) {
        self.key = key
        self.label = label
        self.priority = priority
    }

    /// Cells the entry takes: key, a space, label.
    public var width: Int { DisplayWidth.of(SafeText.sanitize(key)) + 1 + DisplayWidth.of(SafeText.sanitize(label)) }
}

/// The bottom row of key hints. Entries are never cut or wrapped: when they do
/// not all fit, the lower-priority ones are left out.
public enum HelpLine {
    public static let spacing = 2

    /// The entries that fit in `width` cells, in their original order: the
    /// highest priorities first claim room, and an entry that does not fit is
    /// skipped while smaller ones after it may still fit.
    public static func fitting(_ entries: [HelpEntry], width: Int) -> [HelpEntry] {
        let byPriority = entries.indices.sorted { a, b in
            entries[a].priority != entries[b].priority ? entries[a].priority > entries[b].priority : a < b
        }
        var kept: Set<Int> = []
        var used = 0
        for index in byPriority {
            let needed = entries[index].width + (kept.isEmpty ? 0 : spacing)
            if used + needed <= width {
                kept.insert(index)
                used += needed
            }
        }
        return entries.indices.filter { kept.contains($0) }.map { entries[$0] }
    }

    /// Clears row `y` and draws the entries that fit the buffer's width.
    public static func render(_ entries: [HelpEntry], into buffer: inout CellBuffer, y: Int, keyStyle: Style = Style(bold: true, color: .accent), labelStyle: Style = .plain) {
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: labelStyle)
        var x = 0
        for entry in fitting(entries, width: buffer.width) {
            x += buffer.put(entry.key, x: x, y: y, style: keyStyle)
            x += buffer.put(" " + entry.label, x: x, y: y, style: labelStyle)
            x += spacing
        }
    }
}
