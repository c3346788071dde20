/// A row of block characters, one per count, for a trend at a glance.
public enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per count, scaled to `maximum`: `▁` for none, and any
    /// count above zero at least `▂`, so a single episode is never lost in the baseline.
    public static func line(_ counts: [Int], maximum: Int) -> String {
        String(counts.map { count -> Character in
            guard count > 0, maximum > 0 else { return levels[0] }
            let level = (min(count, maximum) * (levels.count - 1) + maximum - 1) / maximum
            return levels[max(1, level)]
        })
    }
}
