import Foundation
import VTCCodec
import VTCModel

/// A view request's scope as the fields of its header (docs/protocol.md, "The view").
enum ViewScopeJSON {
    static func fields(_ scope: ViewScope) -> [(String, JSONValue)] {
        switch scope {
        case .everything: return [("scope", .string("everything"))]
        case .nothing: return [("scope", .string("nothing"))]
        case .incidents(let prefix): return [("scope", .string("incidents")), ("id_prefix", .string(prefix))]
        case .query(let query, let at):
            return [("scope", .string("query")), ("query", queryJSON(query)), ("at", .string(at.rfc3339))]
        case .ids(let ids):
            return [("scope", .string("ids")), ("ids", .array(ids.map { .string($0.uuidString.lowercased()) }))]
        }
    }

    /// The scope a view request's header asks for; a header without one asks for everything.
    static func scope(_ header: JSONValue) throws(ProtocolError) -> ViewScope {
        switch header["scope"] {
        case nil, .string("everything")?: return .everything
        case .string("nothing")?: return .nothing
        case .string("incidents")?:
            guard let prefix = header["id_prefix"]?.string else { throw ProtocolError("view: incidents without id_prefix") }
            return .incidents(idPrefix: prefix)
        case .string("query")?:
            guard let json = header["query"], let at = header["at"]?.string.flatMap(Timestamp.init(rfc3339:)) else {
                throw ProtocolError("view: a query without query or at")
            }
            return .query(try query(json), at: at)
        case .string("ids")?:
            guard let list = header["ids"]?.array, list.count <= ProtocolLimits.maximumViewIDs else {
                throw ProtocolError("view: ids without a list of at most \(ProtocolLimits.maximumViewIDs)")
            }
            var ids: [UUID] = []
            for item in list {
                guard let id = item.string.flatMap(UUID.init(uuidString:)) else { throw ProtocolError("view: ids holds something not an id") }
                ids.append(id)
            }
            return .ids(ids)
        default: throw ProtocolError("view: unknown scope")
        }
    }

    static func queryJSON(_ q: IncidentQuery) -> JSONValue {
        func list<T>(_ set: Set<T>?, _ sorted: (Set<T>) -> [JSONValue]) -> JSONValue { set.map { .array(sorted($0)) } ?? .null }
        return .object([
            ("units", list(q.units) { $0.sorted().map(JSONValue.string) }),
            ("since", q.since.map { .string($0.rfc3339) } ?? .null),
            ("until", q.until.map { .string($0.rfc3339) } ?? .null),
            ("severities", list(q.severities) { $0.map(\.rawValue).sorted().map { .int(Int64($0)) } }),
            ("kinds", list(q.kinds) { kinds in EpisodeKind.allCases.filter(kinds.contains).map { .string($0.rawValue) } }),
            ("open", .bool(q.withOpenFollowUp)), ("overdue", .bool(q.withOverdueFollowUp)),
            ("unacknowledged", .bool(q.notAcknowledged)),
            ("text", q.text.map(JSONValue.string) ?? .null),
            ("order", .string(q.order.rawValue)),
        ])
    }

    static func query(_ json: JSONValue) throws(ProtocolError) -> IncidentQuery {
        /// nil for null; throws for anything that is not a list of what `item` reads.
        func list<T>(_ key: String, _ item: (JSONValue) -> T?) throws(ProtocolError) -> Set<T>? {
            guard let value = json[key], !value.isNull else { return nil }
            guard let items = value.array else { throw ProtocolError("view: query's \(key) is not a list") }
            var set = Set<T>()
            for element in items {
                guard let read = item(element) else { throw ProtocolError("view: query's \(key) holds an unknown value") }
                set.insert(read)
            }
            return set
        }
        func time(_ key: String) throws(ProtocolError) -> Timestamp? {
            guard let value = json[key], !value.isNull else { return nil }
            guard let time = value.string.flatMap(Timestamp.init(rfc3339:)) else { throw ProtocolError("view: query's \(key) is not a time") }
            return time
        }
        func flag(_ key: String) throws(ProtocolError) -> Bool {
            guard let flag = json[key]?.bool else { throw ProtocolError("view: query's \(key) is not true or false") }
            return flag
        }
        guard let order = json["order"]?.string.flatMap(IncidentQuery.Order.init(rawValue:)) else {
            throw ProtocolError("view: query without a known order")
        }
        let text: String?
        switch json["text"] {
        case nil, .null?: text = nil
        case .string(let words)?: text = words
        default: throw ProtocolError("view: query's text is not a string")
        }
        return IncidentQuery(
            units: try list("units") { $0.string }, since: try time("since"), until: try time("until"),
            severities: try list("severities") { $0.int.flatMap { Severity(rawValue: Int(clamping: $0)) } },
            kinds: try list("kinds") { $0.string.flatMap(EpisodeKind.init(rawValue:)) },
            withOpenFollowUp: try flag("open"), withOverdueFollowUp: try flag("overdue"),
            notAcknowledged: try flag("unacknowledged"), text: text, order: order)
    }
}
