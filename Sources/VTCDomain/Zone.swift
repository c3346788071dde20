import Foundation

/// A time zone's rules: the UTC offset in force at each moment, and the
/// moment a local clock reading stands for. Europe/Copenhagen by default.
public struct Zone: Sendable, Hashable {
    public static let copenhagen = Zone(identifier: "Europe/Copenhagen")!

    public let identifier: String
    private let timeZone: TimeZone

    public init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        timeZone = tz
    }

    public func offset(atEpoch seconds: Int64) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
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
