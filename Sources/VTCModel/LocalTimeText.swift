/// Times and dates as people read and type them on screens and in exports:
/// `2026-11-20 14:05` on the local clock of the policy's zone.
public enum LocalTimeText {
    public static func format(_ moment: Timestamp, in zone: Zone) -> String {
        let local = zone.local(moment)
        return local.date.iso + " " + pad2(local.hour) + ":" + pad2(local.minute)
    }

    /// Reads `YYYY-MM-DD HH:MM` (or with `T` between) as a local clock reading in `zone`.
    public static func parse(_ text: String, in zone: Zone) -> Timestamp? {
        let trimmed = text.trimmingWhitespace
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let date = CalendarDate(iso: parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count == 2, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return zone.timestamp(for: LocalDateTime(date: date, hour: hour, minute: minute))
    }

    /// Reads `YYYY-MM-DD`, ignoring spaces around it.
    public static func parseDate(_ text: String) -> CalendarDate? { CalendarDate(iso: text.trimmingWhitespace) }
}
