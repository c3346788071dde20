/// Text laid out as screen lines for the scrolling screens (detail, week):
/// labelled values with wrapped continuation lines, headings and plain
/// paragraphs, each line with its own style. Everything goes through
/// `SafeText`, so text from users is drawn harmlessly.
package struct DetailLines {
    package struct Line: Equatable {
        var text: String
        var style: Style
    }

    let width: Int
    package private(set) var lines: [Line] = []

    package init(width: Int) { self.width = max(10, width) }

    /// `label` in a column of `labelWidth` cells, the value wrapped beside it.
    package mutating func field(_ label: String, _ value: String, labelWidth: Int, style: Style = .plain) {
        let valueWidth = max(4, width - labelWidth - 1)
        let wrapped = SafeText.wrap(value, toWidth: valueWidth)
        for (number, piece) in wrapped.enumerated() {
            let head = number == 0 ? SafeText.pad(label, toWidth: labelWidth) : String(repeating: " ", count: labelWidth)
            lines.append(Line(text: head + " " + piece, style: style))
        }
    }

    package mutating func heading(_ text: String) {
        if !lines.isEmpty { lines.append(Line(text: "", style: .plain)) }
        let title = "── " + SafeText.truncate(text, toWidth: width - 4) + " "
        let rule = String(repeating: "─", count: max(0, width - DisplayWidth.of(title)))
        lines.append(Line(text: title + rule, style: Style(bold: true, color: .accent)))
    }

    /// A paragraph wrapped to the width, every line indented by `indent`.
    package mutating func paragraph(_ text: String, indent: Int = 0, style: Style = .plain) {
        let pad = String(repeating: " ", count: indent)
        for piece in SafeText.wrap(text, toWidth: width - indent) {
            lines.append(Line(text: pad + piece, style: style))
        }
    }

    package mutating func blank() { lines.append(Line(text: "", style: .plain)) }

    /// The first line shown for a wanted scroll position, so the last page stays full.
    package static func clampedTop(_ top: Int, count: Int, height: Int) -> Int { max(0, min(top, count - height)) }

    /// Draws the lines from `top` into `rect`.
    package func render(into buffer: inout CellBuffer, rect: Rect, top: Int) {
        let first = DetailLines.clampedTop(top, count: lines.count, height: rect.height)
        for row in 0..<rect.height where first + row < lines.count {
            let line = lines[first + row]
            buffer.put(line.text, x: rect.x, y: rect.y + row, maxWidth: rect.width, style: line.style)
        }
    }
}
