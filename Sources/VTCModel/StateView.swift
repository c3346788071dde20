import Foundation

/// What one user may see of the state: what `vtc serve` sends a client, so
/// that the client never holds anything its user may not see and every
/// screen and command can run its usual code over it.
extension VTCState {
    /// The incidents the user may see (`Access.check` `.see`), with their
    /// follow-up exactly as derived from the whole state (a repeated citizen
    /// reference counts episodes the user cannot see), and the actions and
    /// supervision sessions of the units the user reads. Problems with
    /// events are left out: they can name events of any unit.
    ///
    /// It costs what the user may see, not the region: `.see` allows an
    /// incident's registrant and whoever reads its unit, so the candidates
    /// come from the table's lookups by registrant and by unit, and each is
    /// still decided by `Access.check`.
    public func view(for user: UserAccess) -> VTCState {
        let readActions = places(in: actionPlacesByUnit, readBy: user).map { actionOrder[Int($0)] }
        return part(incidents: visibleRecords(for: user), actions: readActions,
                    supervisionSessions: places(in: sessionPlacesByUnit, readBy: user).map { supervisionSessions[Int($0)] })
    }

    /// The part of the user's view that `scope` asks for. What a command
    /// computes on it is what it would compute on the whole view: the
    /// incidents left out are those it would not have picked.
    /// A `.query` of a user who may see a large part of the state selects from
    /// `everyIncident`'s index of every incident, which the server keeps
    /// between requests; a user who sees a small part has that part indexed
    /// on its own, at the cost of what they see, whatever the state took since.
    public func view(for user: UserAccess, scope: ViewScope,
                     everyIncident: (VTCState) -> IncidentIndex = { IncidentIndex(everyIncidentOf: $0) }) -> VTCState {
        switch scope {
        case .everything:
            return view(for: user)
        case .nothing:
            return part(incidents: [], actions: [], supervisionSessions: [])
        case .incidents(let idPrefix):
            let prefix = Array(idPrefix.lowercased().utf8)
            return part(incidents: visibleRecords(for: user) { Self.id($0, startsWith: prefix) }, actions: [],
                        supervisionSessions: [])
        case .query(let query, let at):
            let places = selectedPlaces(query, at: at, for: user, everyIncident: everyIncident).sorted()
            return part(incidents: places.map { incidents.values[$0] }, actions: [], supervisionSessions: [])
        case .ids(let ids):
            let wanted = Set(ids)
            let places = Self.ascendingUnique(wanted.compactMap { incidents.place(of: $0).map(Int32.init) }).map { Int($0) }
            let records = places.map { incidents.values[$0] }
                .filter { Access.check(user, .see(unit: $0.facts.unit, registrant: $0.registrant)).isAllowed }
            return part(incidents: records, actions: [], supervisionSessions: [])
        }
    }

    /// The incidents `query` selects at `at` of those the user may see, in the query's order: what
    /// `IncidentQuery.run` gives on the user's view. A user who may see a large part of the state has it
    /// selected from `everyIncident`'s index of every incident, which the server keeps between requests;
    /// a user who sees a small part has that part indexed on its own, at the cost of what they see.
    public func selection(_ query: IncidentQuery, at: Timestamp, for user: UserAccess,
                          everyIncident: (VTCState) -> IncidentIndex) -> [IncidentRecord] {
        selectedPlaces(query, at: at, for: user, everyIncident: everyIncident).map { incidents.values[$0] }
    }

    /// How many incidents `selection` gives, without taking a record.
    public func selectedCount(_ query: IncidentQuery, at: Timestamp, for user: UserAccess,
                              everyIncident: (VTCState) -> IncidentIndex) -> Int {
        selectedPlaces(query, at: at, for: user, everyIncident: everyIncident).count
    }

    /// Whether `selection` takes the user's incidents from the index of every incident: the user may see a
    /// quarter of the state or more.
    public func selectsFromEveryIncident(for user: UserAccess) -> Bool { !seesLittle(user) }

    /// The places in the incident table of `selection`'s incidents, in the query's order; from the index of every
    /// incident no record is copied or looked up by id.
    func selectedPlaces(_ query: IncidentQuery, at: Timestamp, for user: UserAccess,
                        everyIncident: (VTCState) -> IncidentIndex) -> [Int] {
        if seesLittle(user) {
            return query.run(on: part(incidents: visibleRecords(for: user), actions: [], supervisionSessions: []), for: user, at: at)
                .map { incidents.place(of: $0.id)! }
        }
        return everyIncident(self).places(selectedBy: query, at: at, seenBy: user, in: self)
    }

    /// The list's index of what the user may see: `IncidentIndex(view(for: user), for: user)`, built from the
    /// incidents found through the lookups for a user who sees little of the state, and from every incident, each
    /// decided by `Access.check`, for one who sees much of it (no view copied).
    public func listIndex(for user: UserAccess) -> IncidentIndex {
        guard seesLittle(user) else { return IncidentIndex(self, for: user) }
        return IncidentIndex(part(incidents: visibleRecords(for: user), actions: [], supervisionSessions: []), for: user)
    }

    /// Whether the units the user reads hold less than a quarter of the incidents; counted from the units'
    /// lookups alone, so that no incident is looked at to choose the way.
    private func seesLittle(_ user: UserAccess) -> Bool {
        incidents.units.filter { readsUnit(user, $0) }.reduce(0) { $0 + incidents.places(ofUnit: $1).count } < incidents.count / 4
    }

    /// The incidents the user may see whose id `keep` accepts, in registration order.
    private func visibleRecords(for user: UserAccess, keep: (UUID) -> Bool = { _ in true }) -> [IncidentRecord] {
        visiblePlaces(for: user, keep: keep).map { incidents.values[$0] }
    }

    /// The places in the table of the incidents the user may see whose id `keep` accepts, in registration
    /// order. No record is copied, so that a part of a large view costs what it keeps.
    private func visiblePlaces(for user: UserAccess, keep: (UUID) -> Bool = { _ in true }) -> [Int] {
        var candidates = incidents.places(ofRegistrant: user.user)
        for unit in incidents.units where readsUnit(user, unit) { candidates += incidents.places(ofUnit: unit) }
        let records = incidents.values
        return Self.ascendingUnique(candidates).lazy.map { Int($0) }.filter { place in
            keep(records[place].id)
                && Access.check(user, .see(unit: records[place].facts.unit, registrant: records[place].registrant)).isAllowed
        }
    }

    /// Whether the id, written lowercased with its dashes, starts with these bytes; without writing it.
    private static func id(_ id: UUID, startsWith prefix: [UInt8]) -> Bool {
        let digits = Array("0123456789abcdef".utf8)
        var matched = 0
        func next(_ character: UInt8) -> Bool {
            guard matched < prefix.count, prefix[matched] == character else { return false }
            matched += 1
            return true
        }
        return withUnsafeBytes(of: id.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if [4, 6, 8, 10].contains(index), !next(UInt8(ascii: "-")) { return matched == prefix.count }
                if !next(digits[Int(byte >> 4)]) || !next(digits[Int(byte & 0xF)]) { return matched == prefix.count }
            }
            return matched == prefix.count
        }
    }

    /// A state of these incidents, actions and sessions, with the policy and event count of this one.
    func part(incidents records: [IncidentRecord], actions actionOrder: [UUID],
                      supervisionSessions: [SupervisionRecord]) -> VTCState {
        var episodes = CitizenEpisodeIndex()
        for place in records.indices where !records[place].isWithdrawn { episodes.insert(records[place].id, records[place].facts) }
        return VTCState(policy: policy, incidents: IncidentTable(records)!,
                        actions: Dictionary(uniqueKeysWithValues: actionOrder.map { ($0, actions[$0]!) }),
                        actionOrder: actionOrder, supervisionSessions: supervisionSessions,
                        problems: [], eventCount: eventCount, citizenEpisodes: episodes)
    }

    /// Whether the user's view holds what this event is about: an incident
    /// the user may see, or an action or supervision session of a unit the user reads.
    public func viewIncludes(_ payload: EventPayload, for user: UserAccess) -> Bool {
        if let id = payload.incident {
            guard let record = incidents[id] else { return false }
            return Access.check(user, .see(unit: record.facts.unit, registrant: record.registrant)).isAllowed
        }
        switch payload {
        case .actionOpened(let action): return readsUnit(user, action.unit)
        case .actionClosed(let id, _): return actions[id].map { readsUnit(user, $0.action.unit) } ?? false
        case .supervisionHeld(let session): return readsUnit(user, session.unit)
        default: return false
        }
    }

    private func readsUnit(_ user: UserAccess, _ unit: String) -> Bool {
        Access.check(user, .readUnit(unit: unit)).isAllowed
    }

    /// The places, in log order, of the units the user reads.
    private func places(in byUnit: [String: [Int32]], readBy user: UserAccess) -> [Int32] {
        Self.ascendingUnique(byUnit.filter { readsUnit(user, $0.key) }.values.flatMap { $0 })
    }

    private static func ascendingUnique(_ places: [Int32]) -> [Int32] {
        var sorted = places.sorted()
        var kept = 0
        for place in sorted where kept == 0 || sorted[kept - 1] != place {
            sorted[kept] = place
            kept += 1
        }
        return Array(sorted.prefix(kept))
    }
}

/// How much of the user's view a client asks for: a command that needs one
/// incident, or one query's incidents, or none, asks for only that, so that
/// what travels and what the client restores follows what the command reads.
public enum ViewScope: Hashable, Sendable {
    /// All the user may see: the terminal UI, and commands that look at everything.
    case everything
    /// No incidents, actions or supervision sessions: the roster and policy (`vtc register`).
    case nothing
    /// The incidents whose id, lowercased with its dashes, starts with the prefix (any case): what an id typed
    /// on the command line can name.
    case incidents(idPrefix: String)
    /// The incidents the query selects at that time.
    case query(IncidentQuery, at: Timestamp)
    /// These incidents, those of them the user may see: the rows on a list screen, an incident opened.
    case ids([UUID])
}
