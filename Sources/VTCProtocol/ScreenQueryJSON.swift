import Foundation
import VTCCodec
import VTCModel

/// The screens' questions and their answers on the wire (docs/protocol.md, "Screen queries"):
/// the home screen's numbers as JSON, a list's selection as ids in the binary tail.
enum ScreenQueryJSON {
    static func homeFields(_ counts: HomeCounts) -> [(String, JSONValue)] {
        func int(_ value: Int) -> JSONValue { .int(Int64(value)) }
        return [
            ("mine", int(counts.mine)), ("mine_open", int(counts.mineWithOpenFollowUp)),
            ("leader", counts.asLeader.map { .object([("unacknowledged", int($0.unacknowledged)), ("overdue", int($0.overdue))]) } ?? .null),
            ("amg_week", counts.amgWeek.map { week in
                .object([("year", int(week.week.year)), ("week", int(week.week.week)), ("new", int(week.new)), ("open", int(week.open)),
                         ("overdue", int(week.overdue)), ("unacknowledged", int(week.unacknowledged))])
            } ?? .null),
        ]
    }

    static func home(_ h: JSONValue) throws(ProtocolError) -> HomeCounts {
        func count(_ json: JSONValue?, _ key: String) throws(ProtocolError) -> Int {
            guard let value = json?[key]?.int, value >= 0 else { throw ProtocolError("home: \(key) is not a count") }
            return Int(clamping: value)
        }
        var leader: HomeCounts.UnitNumbers?
        if let json = h["leader"], !json.isNull {
            leader = .init(unacknowledged: try count(json, "unacknowledged"), overdue: try count(json, "overdue"))
        }
        var amgWeek: HomeCounts.WeekNumbers?
        if let json = h["amg_week"], !json.isNull {
            guard let week = ISOWeek(year: try count(json, "year"), week: try count(json, "week")) else {
                throw ProtocolError("home: amg_week is not a week")
            }
            amgWeek = .init(week: week, new: try count(json, "new"), open: try count(json, "open"),
                            overdue: try count(json, "overdue"), unacknowledged: try count(json, "unacknowledged"))
        }
        return HomeCounts(mine: try count(h, "mine"), mineWithOpenFollowUp: try count(h, "mine_open"), asLeader: leader,
                          amgWeek: amgWeek)
    }

    static func entryJSON(_ entry: FollowUpQueueEntry) -> JSONValue {
        .object([("incident", .string(entry.incident.uuidString.lowercased())), ("kind", .string(entry.kind.rawValue)),
                 ("due", .string(entry.due.rfc3339)), ("responsible", .string(entry.responsible.rawValue)),
                 ("may_record", .bool(entry.mayRecord))])
    }

    static func entries(_ h: JSONValue) throws(ProtocolError) -> [FollowUpQueueEntry] {
        guard let list = h["entries"]?.array else { throw ProtocolError("follow_ups without entries") }
        var entries: [FollowUpQueueEntry] = []
        entries.reserveCapacity(list.count)
        for item in list {
            guard let incident = item["incident"]?.string.flatMap(UUID.init(uuidString:)),
                  let kind = item["kind"]?.string.flatMap(FollowUpKind.init(rawValue:)),
                  let due = item["due"]?.string.flatMap(Timestamp.init(rfc3339:)),
                  let responsible = item["responsible"]?.string.flatMap(Role.init(rawValue:)),
                  let mayRecord = item["may_record"]?.bool else { throw ProtocolError("follow_ups: an entry without its fields") }
            entries.append(FollowUpQueueEntry(incident: incident, kind: kind, due: due, responsible: responsible, mayRecord: mayRecord))
        }
        return entries
    }

    /// The ids as 16 bytes each, in order.
    static func tail(_ ids: [UUID]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 16)
        for id in ids { withUnsafeBytes(of: id.uuid) { bytes += $0 } }
        return bytes
    }

    static func ids(_ tail: [UInt8]) throws(ProtocolError) -> [UUID] {
        guard tail.count % 16 == 0 else { throw ProtocolError("selection: a tail of \(tail.count) bytes is not ids") }
        return stride(from: 0, to: tail.count, by: 16).map { start in
            UUID(uuid: (tail[start], tail[start + 1], tail[start + 2], tail[start + 3], tail[start + 4], tail[start + 5],
                        tail[start + 6], tail[start + 7], tail[start + 8], tail[start + 9], tail[start + 10], tail[start + 11],
                        tail[start + 12], tail[start + 13], tail[start + 14], tail[start + 15]))
        }
    }

    static func time(_ h: JSONValue, _ request: String) throws(ProtocolError) -> Timestamp {
        guard let at = h["at"]?.string.flatMap(Timestamp.init(rfc3339:)) else { throw ProtocolError("\(request) without a time at") }
        return at
    }
}
