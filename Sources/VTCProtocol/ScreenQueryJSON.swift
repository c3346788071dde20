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

    /// A follow-up queue's entries, 31 bytes each: the incident (16), the due time's epoch seconds (8, big-endian)
    /// and offset (4), the kind's and the responsible role's places in their lists (1 each), may record (1).
    static func entriesTail(_ entries: [FollowUpQueueEntry]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * entryBytes)
        for entry in entries {
            withUnsafeBytes(of: entry.incident.uuid) { bytes += $0 }
            withUnsafeBytes(of: entry.due.epochSeconds.bigEndian) { bytes += $0 }
            withUnsafeBytes(of: entry.due.utcOffsetSeconds.bigEndian) { bytes += $0 }
            bytes.append(UInt8(FollowUpKind.allCases.firstIndex(of: entry.kind)!))
            bytes.append(UInt8(Role.allCases.firstIndex(of: entry.responsible)!))
            bytes.append(entry.mayRecord ? 1 : 0)
        }
        return bytes
    }

    static let entryBytes = 31

    /// The rows a `follow_ups` request asks for: `first` (from 0) and `count` (1 to `ProtocolLimits.maximumPage`),
    /// both or neither (the whole queue).
    static func rows(_ h: JSONValue) throws(ProtocolError) -> Range<Int>? {
        if h["first"] == nil && h["count"] == nil { return nil }
        guard let first = h["first"]?.int, let count = h["count"]?.int, first >= 0, first <= Int64(Int32.max),
              (1...Int64(ProtocolLimits.maximumPage)).contains(count) else {
            throw ProtocolError("follow_ups: first must be a row from 0 and count a number from 1 to \(ProtocolLimits.maximumPage)")
        }
        return Int(first)..<Int(first + count)
    }

    /// A `follow_ups` answer's rows: from `first`, of a queue of `total` (a server that answers with the whole queue
    /// leaves both out).
    static func page(_ h: JSONValue, _ entries: [FollowUpQueueEntry]) throws(ProtocolError) -> FollowUpQueuePage {
        if h["first"] == nil && h["total"] == nil { return FollowUpQueuePage(first: 0, entries: entries, total: entries.count) }
        guard let first = h["first"]?.int, let total = h["total"]?.int, total <= Int64(Int32.max), first >= 0,
              first <= total, Int64(entries.count) <= total - first else { throw ProtocolError("follow_ups: first and total do not hold the rows sent") }
        return FollowUpQueuePage(first: Int(first), entries: entries, total: Int(total))
    }

    /// The page size a `week` request asks for: a number from 1 to `ProtocolLimits.maximumPage`, or none (the whole report).
    static func page(_ h: JSONValue) throws(ProtocolError) -> Int? {
        guard let json = h["page"] else { return nil }
        guard let page = json.int, (1...Int64(ProtocolLimits.maximumPage)).contains(page) else {
            throw ProtocolError("week: page must be a number from 1 to \(ProtocolLimits.maximumPage)")
        }
        return Int(page)
    }

    static func entries(_ tail: [UInt8]) throws(ProtocolError) -> [FollowUpQueueEntry] {
        guard tail.count % entryBytes == 0 else { throw ProtocolError("follow_ups: a tail of \(tail.count) bytes is not entries") }
        var entries: [FollowUpQueueEntry] = []
        entries.reserveCapacity(tail.count / entryBytes)
        for start in stride(from: 0, to: tail.count, by: entryBytes) {
            func integer(_ at: Int, _ length: Int) -> Int64 { tail[(start + at)..<(start + at + length)].reduce(0) { $0 << 8 | Int64($1) } }
            let seconds = integer(16, 8)
            let offset = Int32(truncatingIfNeeded: integer(24, 4))
            let (kind, role, mayRecord) = (Int(tail[start + 28]), Int(tail[start + 29]), tail[start + 30])
            guard FollowUpKind.allCases.indices.contains(kind), Role.allCases.indices.contains(role), mayRecord <= 1,
                  abs(Int(offset)) <= 18 * 3600 else { throw ProtocolError("follow_ups: an entry that is not one") }
            entries.append(FollowUpQueueEntry(
                incident: try ids(Array(tail[start..<(start + 16)]))[0], kind: FollowUpKind.allCases[kind],
                due: Timestamp(epochSeconds: seconds, utcOffsetSeconds: offset), responsible: Role.allCases[role], mayRecord: mayRecord == 1))
        }
        return entries
    }

    static func periodJSON(_ period: StatisticsPeriod) -> JSONValue {
        .object([("granularity", .string(period.granularity.rawValue)), ("year", .int(Int64(period.year))),
                 ("index", .int(Int64(period.index)))])
    }

    static func period(_ json: JSONValue) throws(ProtocolError) -> StatisticsPeriod {
        guard let granularity = json["granularity"]?.string.flatMap(StatisticsGranularity.init(rawValue:)),
              let year = json["year"]?.int, let index = json["index"]?.int, (1...9999).contains(year), (1...12).contains(index),
              let period = StatisticsPeriod(granularity, year: Int(year), index: Int(index)) else {
            throw ProtocolError("statistics: not a period")
        }
        return period
    }

    static func comparisonJSON(_ comparison: PeriodComparison) -> JSONValue {
        func counts(_ c: PeriodCounts) -> JSONValue {
            .object([
                ("period", periodJSON(c.period)), ("by_severity", .array(c.bySeverity.map { .int(Int64($0)) })),
                ("by_kind", .object(EpisodeKind.allCases.compactMap { kind in c.byKind[kind].map { (kind.rawValue, .int(Int64($0))) } })),
                ("by_unit", .object(c.byUnit.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) })),
                ("with_absence", .int(Int64(c.withAbsence))),
            ])
        }
        return .object([("current", counts(comparison.current)), ("earlier", .array(comparison.earlier.map(counts)))])
    }

    static func comparison(_ json: JSONValue) throws(ProtocolError) -> PeriodComparison {
        func count(_ value: JSONValue?) throws(ProtocolError) -> Int {
            guard let value = value?.int, value >= 0 else { throw ProtocolError("statistics: a count is not a count") }
            return Int(clamping: value)
        }
        func counts(_ json: JSONValue) throws(ProtocolError) -> PeriodCounts {
            guard let periodJSON = json["period"], let severities = json["by_severity"]?.array, severities.count == Severity.all.count,
                  case .object(let kinds)? = json["by_kind"], case .object(let units)? = json["by_unit"] else {
                throw ProtocolError("statistics: counts without their fields")
            }
            var bySeverity: [Int] = []
            for value in severities { bySeverity.append(try count(value)) }
            var byKind: [EpisodeKind: Int] = [:]
            for (name, value) in kinds {
                guard let kind = EpisodeKind(rawValue: name) else { throw ProtocolError("statistics: an unknown kind") }
                byKind[kind] = try count(value)
            }
            var byUnit: [String: Int] = [:]
            for (name, value) in units { byUnit[name] = try count(value) }
            return PeriodCounts(period: try Self.period(periodJSON), bySeverity: bySeverity, byKind: byKind, byUnit: byUnit,
                                withAbsence: try count(json["with_absence"]))
        }
        guard let current = json["current"], let earlier = json["earlier"]?.array else {
            throw ProtocolError("statistics: a comparison without current or earlier")
        }
        var older: [PeriodCounts] = []
        for item in earlier { older.append(try counts(item)) }
        return PeriodComparison(current: try counts(current), earlier: older)
    }

    static func idsJSON(_ ids: [UUID]) -> JSONValue { .array(ids.map { .string($0.uuidString.lowercased()) }) }

    static func idList(_ json: JSONValue?, _ what: String) throws(ProtocolError) -> [UUID] {
        guard let list = json?.array else { throw ProtocolError("\(what) is not a list") }
        var ids: [UUID] = []
        ids.reserveCapacity(list.count)
        for item in list {
            guard let id = item.string.flatMap(UUID.init(uuidString:)) else { throw ProtocolError("\(what) holds something not an id") }
            ids.append(id)
        }
        return ids
    }

    static func strings(_ json: JSONValue?, _ what: String) throws(ProtocolError) -> [String] {
        guard let list = json?.array else { throw ProtocolError("\(what) is not a list") }
        var strings: [String] = []
        for item in list {
            guard let string = item.string else { throw ProtocolError("\(what) holds something not a string") }
            strings.append(string)
        }
        return strings
    }

    static func outlineJSON(_ o: WeekReportOutline) -> JSONValue {
        func int(_ value: Int) -> JSONValue { .int(Int64(value)) }
        func items(_ items: [WeekReportOutline.Item]) -> JSONValue {
            .array(items.map { .object([("incident", .string($0.incident.uuidString.lowercased())), ("index", int($0.index))]) })
        }
        return .object([
            ("year", int(o.week.year)), ("week", int(o.week.week)), ("units", .array(o.units.map(JSONValue.string))),
            ("as_of", .string(o.asOf.rfc3339)), ("new", idsJSON(o.newIncidents)), ("open", items(o.openFollowUp)),
            ("overdue", items(o.overdueFollowUp)), ("unacknowledged", idsJSON(o.unacknowledged)),
            ("actions_opened", idsJSON(o.actionsOpened)), ("actions_due", idsJSON(o.actionsDue)),
            ("actions_closed", idsJSON(o.actionsClosed)), ("sessions", idsJSON(o.supervisionSessions)),
            ("trend", .array(o.severityTrend.map { .object([("year", int($0.week.year)), ("week", int($0.week.week)),
                                                            ("counts", .array($0.counts.map(int)))]) })),
            ("recurring", .array(o.recurringCitizens.map { .object([("unit", .string($0.unit)), ("citizen_ref", .string($0.citizenRef)),
                                                                   ("incidents", idsJSON($0.incidents))]) })),
            ("lengths", .object(zip(lengthNames, o.lengths.all).map { ($0, int($1)) })),
        ])
    }

    /// The names of a week report's lists in `lengths`, in the order of `WeekReport.Lengths.all`.
    static let lengthNames = ["new", "open", "overdue", "unacknowledged", "actions_opened", "actions_due", "actions_closed",
                              "sessions", "recurring"]

    /// A week outline's `lengths`: each list's full length, no less than the entries sent; a server that sends whole
    /// reports leaves it out, and the lists' lengths are theirs.
    static func lengths(_ json: JSONValue?, listed: [Int]) throws(ProtocolError) -> WeekReport.Lengths {
        var lengths: [Int] = []
        for (name, count) in zip(lengthNames, listed) {
            guard let json else {
                lengths.append(count)
                continue
            }
            guard let length = json[name]?.int, length >= Int64(count), length <= Int64(Int32.max) else {
                throw ProtocolError("week: lengths.\(name) is not a length of at least the \(count) entries sent")
            }
            lengths.append(Int(length))
        }
        return WeekReport.Lengths(newIncidents: lengths[0], openFollowUp: lengths[1], overdueFollowUp: lengths[2],
                                  unacknowledged: lengths[3], actionsOpened: lengths[4], actionsDue: lengths[5],
                                  actionsClosed: lengths[6], supervisionSessions: lengths[7], recurringCitizens: lengths[8])
    }

    static func outline(_ json: JSONValue) throws(ProtocolError) -> WeekReportOutline {
        func week(_ json: JSONValue) throws(ProtocolError) -> ISOWeek {
            guard let year = json["year"]?.int, let number = json["week"]?.int,
                  let week = ISOWeek(year: Int(clamping: year), week: Int(clamping: number)) else { throw ProtocolError("week: not a week") }
            return week
        }
        func items(_ key: String) throws(ProtocolError) -> [WeekReportOutline.Item] {
            guard let list = json[key]?.array else { throw ProtocolError("week: \(key) is not a list") }
            var items: [WeekReportOutline.Item] = []
            for item in list {
                guard let id = item["incident"]?.string.flatMap(UUID.init(uuidString:)), let index = item["index"]?.int, index >= 0 else {
                    throw ProtocolError("week: \(key) holds something not an item")
                }
                items.append(WeekReportOutline.Item(incident: id, index: Int(clamping: index)))
            }
            return items
        }
        guard let asOf = json["as_of"]?.string.flatMap(Timestamp.init(rfc3339:)), let trendList = json["trend"]?.array,
              let recurringList = json["recurring"]?.array else { throw ProtocolError("week: a report without its fields") }
        var trend: [WeekReport.SeverityWeek] = []
        for item in trendList {
            guard let counts = item["counts"]?.array, counts.count == Severity.all.count else { throw ProtocolError("week: a trend without counts") }
            var numbers: [Int] = []
            for count in counts {
                guard let value = count.int, value >= 0 else { throw ProtocolError("week: a trend count is not a count") }
                numbers.append(Int(clamping: value))
            }
            trend.append(WeekReport.SeverityWeek(week: try week(item), counts: numbers))
        }
        var recurring: [WeekReport.RecurringCitizen] = []
        for item in recurringList {
            guard let unit = item["unit"]?.string, let ref = item["citizen_ref"]?.string else { throw ProtocolError("week: a recurring citizen without its fields") }
            recurring.append(WeekReport.RecurringCitizen(unit: unit, citizenRef: ref, incidents: try idList(item["incidents"], "week: recurring")))
        }
        let (new, open, overdue) = (try idList(json["new"], "week: new"), try items("open"), try items("overdue"))
        let unacknowledged = try idList(json["unacknowledged"], "week: unacknowledged")
        let actionsOpened = try idList(json["actions_opened"], "week: actions_opened")
        let actionsDue = try idList(json["actions_due"], "week: actions_due")
        let actionsClosed = try idList(json["actions_closed"], "week: actions_closed")
        let sessions = try idList(json["sessions"], "week: sessions")
        let listed = [new.count, open.count, overdue.count, unacknowledged.count, actionsOpened.count, actionsDue.count,
                      actionsClosed.count, sessions.count, recurring.count]
        return WeekReportOutline(
            week: try week(json), units: try strings(json["units"], "week: units"), asOf: asOf, newIncidents: new,
            openFollowUp: open, overdueFollowUp: overdue, unacknowledged: unacknowledged, actionsOpened: actionsOpened,
            actionsDue: actionsDue, actionsClosed: actionsClosed, supervisionSessions: sessions, severityTrend: trend,
            recurringCitizens: recurring, lengths: try lengths(json["lengths"], listed: listed))
    }

    /// The ids as 16 bytes each, in order.
    static func tail(_ ids: some Collection<UUID>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 16)
        for id in ids { withUnsafeBytes(of: id.uuid) { bytes += $0 } }
        return bytes
    }

    /// A list request's window and incident to keep, as its header's fields; none for the whole selection.
    static func windowFields(_ window: ListWindow?, keeping kept: UUID?) -> [(String, JSONValue)] {
        (window.map { [("window", JSONValue.object([("offset", .int(Int64($0.offset))), ("limit", .int(Int64($0.limit)))]))] } ?? [])
            + (kept.map { [("keep", JSONValue.string($0.uuidString.lowercased()))] } ?? [])
    }

    static func window(_ h: JSONValue) throws(ProtocolError) -> (ListWindow?, UUID?) {
        var window: ListWindow?
        if let json = h["window"], !json.isNull {
            guard let offset = json["offset"]?.int, let limit = json["limit"]?.int, offset >= 0, offset <= Int(Int32.max),
                  (1...Int64(ProtocolLimits.maximumListWindow)).contains(limit) else {
                throw ProtocolError("list: a window is an offset from 0 and a limit of 1 to \(ProtocolLimits.maximumListWindow)")
            }
            window = ListWindow(offset: Int(offset), limit: Int(limit))
        }
        var kept: UUID?
        if let json = h["keep"], !json.isNull {
            guard let id = json.string.flatMap(UUID.init(uuidString:)) else { throw ProtocolError("list: keep is not an id") }
            kept = id
        }
        return (window, kept)
    }

    static func selectionFields(_ selection: IncidentSelection) -> [(String, JSONValue)] {
        [("visible_total", .int(Int64(selection.visibleTotal))), ("count", .int(Int64(selection.count))),
         ("offset", .int(Int64(selection.offset))), ("kept_at", selection.keptPosition.map { .int(Int64($0)) } ?? .null)]
    }

    /// A selection reply's header with its tail's ids; a server that sends no count sent every id.
    static func selection(_ h: JSONValue, ids: [UUID]) throws(ProtocolError) -> IncidentSelection {
        guard let total = h["visible_total"]?.int, total >= 0 else { throw ProtocolError("selection without visible_total") }
        let count = h["count"]?.int ?? Int64(ids.count)
        let offset = h["offset"]?.int ?? 0
        var kept: Int64?
        if let json = h["kept_at"], !json.isNull {
            guard let position = json.int else { throw ProtocolError("selection: kept_at is not a number") }
            kept = position
        }
        guard offset >= 0, count >= 0, offset <= count, Int64(ids.count) <= count - offset, kept.map({ (0..<count).contains($0) }) ?? true else {
            throw ProtocolError("selection: \(ids.count) ids from \(offset) do not fit a selection of \(count)")
        }
        return IncidentSelection(count: Int(count), offset: Int(offset), ids: SelectedIDs(ids), keptPosition: kept.map { Int($0) },
                                 visibleTotal: Int(clamping: total))
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
