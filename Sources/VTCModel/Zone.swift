import Foundation

/// A time zone's rules: the UTC offset in force at each moment, and the
/// moment a local clock reading stands for. Europe/Copenhagen by default.
///
/// The offsets are read from the system's time-zone data once, as a table of
/// transitions, because replaying a long log asks for them millions of times.
public struct Zone: Sendable, Hashable {
    public static let copenhagen = Zone(identifier: "Europe/Copenhagen")!

    /// The years the table covers; moments outside it ask the system directly.
    static let tabulatedYears = 1970...2100

    public let identifier: String
    private let timeZone: TimeZone
    private let table: TransitionTable

    public init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        timeZone = tz
        table = TransitionTable(tz, years: Zone.tabulatedYears)
    }

    public func offset(atEpoch seconds: Int64) -> Int {
        table.offset(atEpoch: seconds) ?? timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The moment a local clock reading stands for. A reading inside the
    /// spring-forward gap moves forward by the gap; one in the autumn overlap
    /// takes the earlier of its two moments.
    public func timestamp(for local: LocalDateTime) -> Timestamp {
        let civil = local.civilSeconds
        let before = offset(atEpoch: civil - 86_400)
        let after = offset(atEpoch: civil + 86_400)
        for candidateOffset in [max(before, after), min(before, after)] {
            let epoch = civil - Int64(candidateOffset)
            if offset(atEpoch: epoch) == candidateOffset {
                return Timestamp(epochSeconds: epoch, utcOffsetSeconds: Int32(candidateOffset))
            }
        }
        let epoch = civil - Int64(before)
        return Timestamp(epochSeconds: epoch, utcOffsetSeconds: Int32(offset(atEpoch: epoch)))
    }

    /// The local clock reading of a moment in this zone.
    public func local(_ t: Timestamp) -> LocalDateTime {
        LocalDateTime(civilSeconds: t.epochSeconds + Int64(offset(atEpoch: t.epochSeconds)))
    }

    public static func == (lhs: Zone, rhs: Zone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}

/// The moments a zone's offset changes within a span of years, and the offset from each on.
private struct TransitionTable: Sendable {
    private let start: Int64
    private let end: Int64
    private let startOffset: Int
    private let moments: [Int64]
    private let offsets: [Int]

    init(_ timeZone: TimeZone, years: ClosedRange<Int>) {
        start = Int64(CalendarDate(year: years.lowerBound, month: 1, day: 1)!.daysSinceEpoch) * 86_400
        end = Int64(CalendarDate(year: years.upperBound, month: 12, day: 31)!.daysSinceEpoch + 1) * 86_400
        startOffset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start)))
        var moments: [Int64] = []
        var offsets: [Int] = []
        var date = Date(timeIntervalSince1970: TimeInterval(start))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: date), next.timeIntervalSince1970 < TimeInterval(end) {
            moments.append(Int64(next.timeIntervalSince1970.rounded()))
            offsets.append(timeZone.secondsFromGMT(for: next))
            date = next
        }
        self.moments = moments
        self.offsets = offsets
    }

    /// The offset at a moment inside the table's span; nil outside it.
    func offset(atEpoch seconds: Int64) -> Int? {
        guard seconds >= start, seconds < end else { return nil }
        var low = 0
        var high = moments.count
        while low < high {
            let middle = (low + high) / 2
            if moments[middle] <= seconds { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? startOffset : offsets[low - 1]
    }
}
