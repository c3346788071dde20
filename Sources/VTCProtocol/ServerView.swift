import VTCCodec
import VTCModel
import VTCStore

/// One user's view of the server's data: what the user may see of the state
/// (as a snapshot, `VTCState.writeSnapshot`), the part of the roster that
/// concerns them, the policy in force, and whether the log takes writes.
public struct ServerView: Equatable, Sendable {
    public var user: String
    /// The roster in `roster.json`'s format: every unit; the users the user shares a unit they read with.
    public var roster: JSONValue
    /// The server's `policy.json`, or null for the default policy.
    public var policy: JSONValue
    public var rosterPath: String
    public var readOnlyReason: String?
    public var damage: LogProblem?
    /// The log's head, which a witness records (`vtc head`, the week report).
    public var head: Checkpoint?
    public var snapshot: [UInt8]

    public init(user: String, roster: JSONValue, policy: JSONValue, rosterPath: String, readOnlyReason: String?,
                damage: LogProblem?, head: Checkpoint?, snapshot: [UInt8]) {
        self.user = user
        self.roster = roster
        self.policy = policy
        self.rosterPath = rosterPath
        self.readOnlyReason = readOnlyReason
        self.damage = damage
        self.head = head
        self.snapshot = snapshot
    }

    var headerFields: [(String, JSONValue)] {
        [("user", .string(user)), ("roster", roster), ("policy", policy), ("roster_path", .string(rosterPath)),
         ("read_only_reason", readOnlyReason.map(JSONValue.string) ?? .null),
         ("damage", damage.map { .object([("line", .int(Int64($0.line))), ("kind", .string($0.kind.rawValue)),
                                          ("detail", .string($0.detail))]) } ?? .null),
         ("head", head.map { .object([("seq", .int($0.seq)), ("sha256", .string($0.hash))]) } ?? .null)]
    }

    /// A view from its frame's header and tail; a client that reads the tail as it arrives gives no tail here.
    public init(header h: JSONValue, snapshot: [UInt8]) throws(ProtocolError) {
        guard let user = h["user"]?.string, let roster = h["roster"], let policy = h["policy"],
              let rosterPath = h["roster_path"]?.string else { throw ProtocolError("a view without user, roster, policy or roster_path") }
        var damage: LogProblem?
        if let d = h["damage"], !d.isNull {
            guard let line = d["line"]?.int, let kind = d["kind"]?.string.flatMap(LogProblem.Kind.init(rawValue:)),
                  let detail = d["detail"]?.string else { throw ProtocolError("a view's damage is incomplete") }
            damage = LogProblem(line: Int(clamping: line), kind: kind, detail: detail)
        }
        var head: Checkpoint?
        if let c = h["head"], !c.isNull {
            guard let seq = c["seq"]?.int, let hash = c["sha256"]?.string else { throw ProtocolError("a view's head is incomplete") }
            head = Checkpoint(seq: seq, hash: hash)
        }
        self.init(user: user, roster: roster, policy: policy, rosterPath: rosterPath,
                  readOnlyReason: h["read_only_reason"]?.string, damage: damage, head: head, snapshot: snapshot)
    }

    /// The roster of `roster.json` as the user may see it: every unit, the
    /// user, and the users of the units the user reads; an admin sees all.
    public static func rosterJSON(_ roster: Roster, for user: UserAccess) -> JSONValue {
        let reads = roster.units.filter { Access.check(user, .readUnit(unit: $0)).isAllowed }
        let users = roster.users.filter { other in
            other.user == user.user || user.hasAnywhere(.admin) || reads.contains { other.belongs(to: $0) }
        }
        return .object([
            ("units", .array(roster.units.map { RosterFile.unitEntry(name: $0, short: roster.shortNames[$0]) })),
            ("users", .array(users.map { member in
                .object([("user", .string(member.user)), ("name", .string(member.name)),
                         ("roles", .object(Role.allCases.compactMap { role in
                             member.roles[role].map { scope in
                                 switch scope {
                                 case .allUnits: (role.rawValue, .string("*"))
                                 case .units(let units): (role.rawValue, .array(roster.units.filter(units.contains).map(JSONValue.string)))
                                 }
                             }
                         }))])
            })),
        ])
    }
}
