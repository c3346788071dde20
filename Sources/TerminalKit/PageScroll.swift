/// Where a page of text that scrolls stands, and the rows it gets: the keys that scroll it
/// (↑↓, PgUp/PgDn, Home/End) and a resize, for every screen that shows more text than fits.
package struct PageScroll: Equatable, Sendable {
    /// The first line shown.
    package private(set) var top = 0
    /// The text's width and height as last known from a resize, for keeping `top` in range.
    package private(set) var size: TerminalSize
    /// The screen's rows that are not the text's (title, status and help lines).
    let rowsAround: Int

    package init(size: TerminalSize, rowsAround: Int) {
        self.size = size
        self.rowsAround = rowsAround
    }

    package mutating func resize(to screen: TerminalSize) {
        size = TerminalSize(width: screen.width, height: max(1, screen.height - rowsAround))
    }

    /// Takes a key that scrolls; false for any other. `lineCount` gives how many lines the
    /// text has at a width, so that the last page stays full.
    @discardableResult
    package mutating func handle(_ key: Key, lineCount: (Int) -> Int) -> Bool {
        switch key {
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= size.height
        case .pageDown: top += size.height
        case .home: top = 0
        case .end: top = Int.max / 2
        default: return false
        }
        top = DetailLines.clampedTop(top, count: lineCount(size.width), height: size.height)
        return true
    }

    package mutating func toTop() { top = 0 }
}
