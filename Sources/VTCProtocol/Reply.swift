import Foundation
import VTCCodec
import VTCModel
import VTCStore

/// What the server answers, and the one message it sends unasked (`changed`).
public enum Reply: Equatable, Sendable {
    /// The answer to a hello: the protocol version and the user the socket says the client is.
    case welcome(version: Int, user: String)
    case view(ServerView)
    /// History or the user's events, in log order.
    case events([LoggedEvent])
    /// The events appended, stamped by the server (actor, time, id).
    case appended([Event])
    /// The request could not be carried out; nothing was written.
    case failure(WorkspaceError)
    /// The log grew: `eventCount` events are applied now. Sent to subscribers.
    case changed(eventCount: Int)
    /// The request broke the protocol; the server closes the connection after this.
    case protocolError(String)
    /// The home screen's numbers.
    case home(HomeCounts)
    /// Rows of a follow-up queue, most urgent first, and the queue's length.
    case followUps(FollowUpQueuePage)
    /// The week screen's data: the report's outline (nil when the user may not read a unit), the open actions' ids,
    /// and the snapshot of the state part holding what they name.
    case week(WeekReportOutline?, openActions: [UUID], snapshot: [UInt8])
    /// The week's Markdown document as UTF-8 bytes, in the frame's tail; nil when the user may not read one of the units.
    case weekDocument([UInt8]?)
    /// The statistics asked for; nil when the user may not read them.
    case statistics(PeriodComparison?)
    /// A list's selection: how many are selected, the ids of the window asked for in order, where the kept
    /// incident is, and how many incidents the user may see.
    case selection(IncidentSelection)
    /// The rows of `vtc list`'s table, in the query's order.
    case rows([IncidentRow])

    public var frame: Frame {
        func header(_ type: String, _ fields: [(String, JSONValue)] = []) -> JSONValue {
            .object([("type", .string(type))] + fields)
        }
        switch self {
        case .welcome(let version, let user):
            return Frame(header: header("welcome", [("version", .int(Int64(version))), ("user", .string(user))]))
        case .view(let view):
            return Frame(header: header("view", view.headerFields), tail: view.snapshot)
        case .events(let events):
            return Frame(header: header("events", [("events", .array(events.map {
                .object([("seq", .int($0.seq)), ("event", $0.event.json)])
            }))]))
        case .appended(let events):
            return Frame(header: header("appended", [("events", .array(events.map(\.json)))]))
        case .failure(let error):
            return Frame(header: header("failure", WireError.fields(error)))
        case .changed(let count):
            return Frame(header: header("changed", [("event_count", .int(Int64(count)))]))
        case .protocolError(let reason):
            return Frame(header: header("protocol_error", [("message", .string(reason))]))
        case .home(let counts):
            return Frame(header: header("home", ScreenQueryJSON.homeFields(counts)))
        case .followUps(let page):
            return Frame(header: header("follow_ups", [("first", .int(Int64(page.first))), ("total", .int(Int64(page.total)))]),
                         tail: ScreenQueryJSON.entriesTail(page.entries))
        case .week(let outline, let openActions, let snapshot):
            return Frame(header: header("week", [("report", outline.map(ScreenQueryJSON.outlineJSON) ?? .null),
                                                 ("open_actions", ScreenQueryJSON.idsJSON(openActions))]), tail: snapshot)
        case .weekDocument(let document):
            return Frame(header: header("week_document", [("readable", .bool(document != nil))]), tail: document ?? [])
        case .statistics(let comparison):
            return Frame(header: header("statistics", [("comparison", comparison.map(ScreenQueryJSON.comparisonJSON) ?? .null)]))
        case .selection(let selection):
            return Frame(header: header("selection", ScreenQueryJSON.selectionFields(selection)), tail: ScreenQueryJSON.tail(selection.ids))
        case .rows(let rows):
            return Frame(header: header("rows"), tail: IncidentRowsWire.tail(rows))
        }
    }

    public init(_ frame: Frame) throws(ProtocolError) {
        let h = frame.header
        switch frame.type {
        case "welcome":
            guard let version = h["version"]?.int, let user = h["user"]?.string else { throw ProtocolError("welcome without version or user") }
            self = .welcome(version: Int(clamping: version), user: user)
        case "view":
            self = .view(try ServerView(header: h, snapshot: frame.tail))
        case "events":
            guard let list = h["events"]?.array else { throw ProtocolError("events without a list") }
            var events: [LoggedEvent] = []
            for item in list {
                guard let seq = item["seq"]?.int, let json = item["event"] else { throw ProtocolError("an event without seq") }
                do { events.append(LoggedEvent(seq: seq, sentEvent: try Event(json: json))) } catch {
                    throw ProtocolError("events: \(error)")
                }
            }
            self = .events(events)
        case "appended":
            guard let list = h["events"]?.array else { throw ProtocolError("appended without events") }
            var events: [Event] = []
            for item in list {
                do { events.append(try Event(json: item)) } catch { throw ProtocolError("appended: \(error)") }
            }
            self = .appended(events)
        case "failure":
            self = .failure(try WireError.error(h))
        case "changed":
            guard let count = h["event_count"]?.int else { throw ProtocolError("changed without event_count") }
            self = .changed(eventCount: Int(clamping: count))
        case "protocol_error":
            self = .protocolError(h["message"]?.string ?? "")
        case "home":
            self = .home(try ScreenQueryJSON.home(h))
        case "follow_ups":
            self = .followUps(try ScreenQueryJSON.page(h, try ScreenQueryJSON.entries(frame.tail)))
        case "week":
            guard let json = h["report"] else { throw ProtocolError("week without a report") }
            self = .week(json.isNull ? nil : try ScreenQueryJSON.outline(json),
                         openActions: try ScreenQueryJSON.idList(h["open_actions"], "week: open_actions"), snapshot: frame.tail)
        case "week_document":
            guard let readable = h["readable"]?.bool else { throw ProtocolError("week_document without readable") }
            guard readable || frame.tail.isEmpty else { throw ProtocolError("week_document: a document the user may not read") }
            self = .weekDocument(readable ? frame.tail : nil)
        case "statistics":
            guard let json = h["comparison"] else { throw ProtocolError("statistics without a comparison") }
            self = .statistics(json.isNull ? nil : try ScreenQueryJSON.comparison(json))
        case "selection":
            self = .selection(try ScreenQueryJSON.selection(h, ids: try ScreenQueryJSON.ids(frame.tail)))
        case "rows":
            self = .rows(try IncidentRowsWire.rows(frame.tail))
        default:
            throw ProtocolError("unknown reply type \(frame.type.map { "\"\($0)\"" } ?? "")")
        }
    }
}
