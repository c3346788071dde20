import Foundation
import VTCCodec
import VTCModel

/// What a client asks the server. Nothing in a request says who the client
/// is: the server knows that from the socket.
public enum Request: Equatable, Sendable {
    /// The first message of every connection.
    case hello(version: Int)
    /// The user's view, or the part of it the scope names: what the user may see of the state, with the
    /// roster and policy in force.
    case view(ViewScope)
    /// The events at these positions of the log, all of them about what the user may see.
    case history(positions: [Int])
    /// Every event of the log that the user's view holds, in log order.
    case events
    /// One event per payload, as one durable batch, acted by the connection's user.
    case append([EventPayload])
    /// From now on, a `changed` message whenever the log grows.
    case subscribe
    /// The home screen's numbers for the user at that time.
    case home(at: Timestamp)
    /// The open follow-up items the user answers for at that time, most urgent first: the rows asked for
    /// (at most `ProtocolLimits.maximumPage`) and the queue's length, or the whole queue when no rows are asked for.
    case followUps(at: Timestamp, rows: Range<Int>?)
    /// The week screen's report and open actions for the units at that time: with a page size (at most
    /// `ProtocolLimits.maximumPage`), each of the report's lists its first page beside its full length.
    case week(ISOWeek, units: [String], at: Timestamp, page: Int?)
    /// The week's Markdown document for the units at that time, in the language (`WeekReportMarkdown.document`): the
    /// week screen's export and `vtc week --format markdown`, made in the server, which alone holds the whole report.
    case weekDocument(ISOWeek, units: [String], at: Timestamp, language: Language)
    /// The period's statistics in the units, beside the same period in the two years before.
    case statistics(StatisticsPeriod, units: [String])
    /// The incidents the query selects for the user at that time, in its order: how many, the ids of those at the
    /// window's positions (all of them when nil), where the kept incident now is, and how many the user may see.
    case list(IncidentQuery, at: Timestamp, window: ListWindow?, keeping: UUID?)
    /// The rows of `vtc list`'s table of the incidents the query selects for the user at that time, in its order.
    case listRows(IncidentQuery, at: Timestamp)

    public var frame: Frame {
        switch self {
        case .hello(let version): Frame(header: .object([("type", .string("hello")), ("version", .int(Int64(version)))]))
        case .view(let scope): Frame(header: .object([("type", .string("view"))] + ViewScopeJSON.fields(scope)))
        case .history(let positions):
            Frame(header: .object([("type", .string("history")), ("positions", .array(positions.map { .int(Int64($0)) }))]))
        case .events: Frame(header: .object([("type", .string("events"))]))
        case .append(let payloads):
            // A payload travels as an event line's fields; the server keeps only the payload.
            Frame(header: .object([("type", .string("append")), ("payloads", .array(payloads.map(Request.payloadJSON)))]))
        case .subscribe: Frame(header: .object([("type", .string("subscribe"))]))
        case .home(let at): Frame(header: .object([("type", .string("home")), ("at", .string(at.rfc3339))]))
        case .followUps(let at, let rows):
            Frame(header: .object([("type", .string("follow_ups")), ("at", .string(at.rfc3339))]
                                  + (rows.map { [("first", .int(Int64($0.lowerBound))), ("count", .int(Int64($0.count)))] } ?? [])))
        case .week(let week, let units, let at, let page):
            Frame(header: .object([("type", .string("week")), ("year", .int(Int64(week.year))), ("week", .int(Int64(week.week))),
                                   ("units", .array(units.map(JSONValue.string))), ("at", .string(at.rfc3339))]
                                  + (page.map { [("page", .int(Int64($0)))] } ?? [])))
        case .weekDocument(let week, let units, let at, let language):
            Frame(header: .object([("type", .string("week_document")), ("year", .int(Int64(week.year))),
                                   ("week", .int(Int64(week.week))), ("units", .array(units.map(JSONValue.string))),
                                   ("at", .string(at.rfc3339)), ("language", .string(language.rawValue))]))
        case .statistics(let period, let units):
            Frame(header: .object([("type", .string("statistics")), ("period", ScreenQueryJSON.periodJSON(period)),
                                   ("units", .array(units.map(JSONValue.string)))]))
        case .list(let query, let at, let window, let kept):
            Frame(header: .object([("type", .string("list")), ("query", ViewScopeJSON.queryJSON(query)), ("at", .string(at.rfc3339))]
                                  + ScreenQueryJSON.windowFields(window, keeping: kept)))
        case .listRows(let query, let at):
            Frame(header: .object([("type", .string("list_rows")), ("query", ViewScopeJSON.queryJSON(query)),
                                   ("at", .string(at.rfc3339))]))
        }
    }

    public init(_ frame: Frame) throws(ProtocolError) {
        switch frame.type {
        case "hello":
            guard let version = frame.header["version"]?.int else { throw ProtocolError("hello without a version") }
            self = .hello(version: Int(clamping: version))
        case "view": self = .view(try ViewScopeJSON.scope(frame.header))
        case "history":
            guard let list = frame.header["positions"]?.array else { throw ProtocolError("history without positions") }
            var positions: [Int] = []
            for item in list {
                guard let position = item.int, position >= 1 else { throw ProtocolError("history: a position is not a number from 1") }
                positions.append(Int(clamping: position))
            }
            self = .history(positions: positions)
        case "events": self = .events
        case "append":
            guard let list = frame.header["payloads"]?.array, !list.isEmpty else { throw ProtocolError("append without payloads") }
            var payloads: [EventPayload] = []
            for item in list {
                do { payloads.append(try Event(json: item).payload) } catch {
                    throw ProtocolError("append: \(error)")
                }
            }
            self = .append(payloads)
        case "subscribe": self = .subscribe
        case "home": self = .home(at: try ScreenQueryJSON.time(frame.header, "home"))
        case "follow_ups":
            self = .followUps(at: try ScreenQueryJSON.time(frame.header, "follow_ups"), rows: try ScreenQueryJSON.rows(frame.header))
        case "week":
            guard let year = frame.header["year"]?.int, let number = frame.header["week"]?.int,
                  let week = ISOWeek(year: Int(clamping: year), week: Int(clamping: number)) else { throw ProtocolError("week without a week") }
            self = .week(week, units: try ScreenQueryJSON.strings(frame.header["units"], "week: units"),
                         at: try ScreenQueryJSON.time(frame.header, "week"), page: try ScreenQueryJSON.page(frame.header))
        case "week_document":
            guard let year = frame.header["year"]?.int, let number = frame.header["week"]?.int,
                  let week = ISOWeek(year: Int(clamping: year), week: Int(clamping: number)) else {
                throw ProtocolError("week_document without a week")
            }
            guard let language = frame.header["language"]?.string.flatMap(Language.init(rawValue:)) else {
                throw ProtocolError("week_document: language must be one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self = .weekDocument(week, units: try ScreenQueryJSON.strings(frame.header["units"], "week_document: units"),
                                 at: try ScreenQueryJSON.time(frame.header, "week_document"), language: language)
        case "statistics":
            guard let period = frame.header["period"], let units = frame.header["units"]?.array else {
                throw ProtocolError("statistics without a period or units")
            }
            var names: [String] = []
            for unit in units {
                guard let name = unit.string else { throw ProtocolError("statistics: a unit is not a name") }
                names.append(name)
            }
            self = .statistics(try ScreenQueryJSON.period(period), units: names)
        case "list":
            guard let query = frame.header["query"] else { throw ProtocolError("list without a query") }
            let (window, kept) = try ScreenQueryJSON.window(frame.header)
            self = .list(try ViewScopeJSON.query(query), at: try ScreenQueryJSON.time(frame.header, "list"), window: window, keeping: kept)
        case "list_rows":
            guard let query = frame.header["query"] else { throw ProtocolError("list_rows without a query") }
            self = .listRows(try ViewScopeJSON.query(query), at: try ScreenQueryJSON.time(frame.header, "list_rows"))
        default: throw ProtocolError("unknown request type \(frame.type.map { "\"\($0)\"" } ?? "")")
        }
    }

    /// The payload as an event's JSON, with a placeholder time and actor that the server replaces.
    static func payloadJSON(_ payload: EventPayload) -> JSONValue {
        Event(at: Timestamp(epochSeconds: 0), actor: "-", payload: payload).json
    }
}
