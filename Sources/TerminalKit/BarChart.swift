/// Horizontal bar charts drawn with block characters, eighths of a cell
/// for the last part of each bar, with the number beside the bar.
public enum BarChart {
    public struct Bar: Equatable, Sendable {
        public var label: String
        public var value: Int
        public var style: Style

        public init(label: String, value: Int, style: Style = .role(.accent)) {
            self.label = label
            self.value = value
            self.style = style
        }
    }

    static let partialBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar for `value` out of `maximum` over `width` cells. Any value above
    /// zero shows at least an eighth, so a single episode is never invisible.
    public static func bar(value: Int, maximum: Int, width: Int) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let clamped = min(value, maximum)
        var eighths = (clamped * width * 16 + maximum) / (2 * maximum)
        eighths = max(1, eighths)
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(partialBlocks[eighths % 8 - 1]) }
        return bar
    }

    /// One row per bar inside `rect`: label, bar scaled to the largest value, number.
    public static func render(_ bars: [Bar], into buffer: inout CellBuffer, rect: Rect, labelStyle: Style = .plain) {
        guard !bars.isEmpty, rect.width > 0 else { return }
        let maximum = bars.map(\.value).max() ?? 0
        let labelWidth = min(bars.map { DisplayWidth.of(SafeText.sanitize($0.label)) }.max() ?? 0, rect.width / 3)
        let numberWidth = bars.map { String(max(0, $0.value)).count }.max() ?? 1
        let barWidth = max(0, rect.width - labelWidth - numberWidth - 2)
        for (offset, bar) in bars.prefix(rect.height).enumerated() {
            let y = rect.y + offset
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: labelStyle)
            buffer.put(SafeText.pad(bar.label, toWidth: labelWidth), x: rect.x, y: y, style: labelStyle)
            let barX = rect.x + labelWidth + 1
            let drawn = buffer.put(self.bar(value: bar.value, maximum: maximum, width: barWidth), x: barX, y: y, style: bar.style)
            buffer.put(String(max(0, bar.value)), x: barX + drawn + (drawn > 0 ? 1 : 0), y: y, style: labelStyle)
        }
    }
}
