/// Times and dates as people read and type them on screens and in exports:
/// `2026-11-20 14:05` on the local clock of the policy's zone.
public enum LocalTimeText {
    public static func format(_ moment: Timestamp, in zone: Zone) -> String {
        let local = zone.local(moment)
        return local.date.iso + " " + pad2(local.hour) + ":" + pad2(local.minute)
    }
}
