/// The places of an incident table's records as they change: what was added to or changed in the table since an
/// earlier moment, so that what is derived from the records (the server's `KeptIncidentIndex`) is brought up to
/// date by those records alone. Only the latest changes are kept; a keeper that fell further behind builds anew.
package struct IncidentChanges: Sendable {
    /// The table these changes are of: a table made anew (restored, a part of another) has a line of its own, so
    /// that its change count is never taken for another's. Copies of the table share it.
    package let line = Line()
    /// How many changes were noted since the table was made.
    package private(set) var count = 0
    /// The places of the latest changes, oldest first; the `count - recent.count` before them are forgotten.
    private var recent: [Int32] = []

    package final class Line: Sendable {}

    /// How many of the latest changes are kept (between this and twice this), about 256 KB.
    static let kept = 32_768

    /// Each step of a change is noted, repeats too: a keeper may have read the changes between two steps.
    mutating func note(_ place: Int32) {
        count += 1
        recent.append(place)
        if recent.count >= 2 * Self.kept { recent.removeFirst(recent.count - Self.kept) }
    }

    /// The places changed (or added) after the first `count` changes of the same line, with repeats; nil when
    /// those changes are no longer all kept, or are of another line.
    package func places(since earlier: (line: Line, count: Int)) -> ArraySlice<Int32>? {
        guard earlier.line === line, earlier.count <= count, count - earlier.count <= recent.count else { return nil }
        return recent.suffix(count - earlier.count)
    }
}
