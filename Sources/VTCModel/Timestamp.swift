/// A moment in time with the UTC offset it was written with.
///
/// Kept as integers so that millions of them cost little and compare fast;
/// the offset is kept so that a time read from the log is written back
/// exactly as it was (RFC 3339, whole seconds).
public struct Timestamp: Hashable, Comparable, Sendable {
    /// No time read from a file lies further from 1970 than this (about 8 000
    /// years), so that local times and sums of seconds can never overflow.
    public static let farthestEpochSeconds: Int64 = 1 << 38

    public var epochSeconds: Int64
    public var utcOffsetSeconds: Int32

    public init(epochSeconds: Int64, utcOffsetSeconds: Int32 = 0) {
        self.epochSeconds = epochSeconds
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The same moment, expressed with the offset that `zone` has then.
    public func expressed(in zone: Zone) -> Timestamp {
        Timestamp(epochSeconds: epochSeconds, utcOffsetSeconds: Int32(zone.offset(atEpoch: epochSeconds)))
    }

    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(epochSeconds: epochSeconds + seconds, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// The calendar date and time of day at the written offset.
    public var local: LocalDateTime {
        LocalDateTime(civilSeconds: epochSeconds + Int64(utcOffsetSeconds))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        if lhs.epochSeconds != rhs.epochSeconds { return lhs.epochSeconds < rhs.epochSeconds }
        return lhs.utcOffsetSeconds < rhs.utcOffsetSeconds
    }
}

extension Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`. Fractions are dropped.
    public init?(rfc3339 text: some StringProtocol) {
        var bytes = Array(text.utf8)
        guard let parsed = bytes.withUnsafeMutableBufferPointer({ Timestamp.parse(UnsafeBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// The byte-level parser behind `init(rfc3339:)`, also used by the fast log decoder.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard b.count >= 20 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<(from + count) {
                let d = Int(b[i]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let year = digits(0, 4), b[4] == 45, let month = digits(5, 2), b[7] == 45, let day = digits(8, 2),
              b[10] == 84 || b[10] == 116 || b[10] == 32,
              let hour = digits(11, 2), b[13] == 58, let minute = digits(14, 2), b[16] == 58, let second = digits(17, 2),
              hour < 24, minute < 60, second < 61,
              let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        var i = 19
        if b[i] == 46 {
            i += 1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            guard i > start, i < b.count else { return nil }
        }
        var offset = 0
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45 {
            guard b.count - i >= 6, let oh = digits(i + 1, 2), b[i + 3] == 58, let om = digits(i + 4, 2), oh < 24, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (b[i] == 45 ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let civil = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59))
        return Timestamp(epochSeconds: civil - Int64(offset), utcOffsetSeconds: Int32(offset))
    }

    public var rfc3339: String {
        let l = local
        var s = l.date.iso
        s += "T" + pad2(l.hour) + ":" + pad2(l.minute) + ":" + pad2(l.second)
        if utcOffsetSeconds == 0 { return s + "Z" }
        let magnitude = abs(Int(utcOffsetSeconds))
        s += utcOffsetSeconds < 0 ? "-" : "+"
        return s + pad2(magnitude / 3600) + ":" + pad2(magnitude % 3600 / 60)
    }
}

package func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
