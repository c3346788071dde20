/// The numbers on the home screen, for the roles the user holds: their own
/// registrations, their units' unacknowledged and overdue incidents as a
/// leader, and this week's as AMG. Each counts only what the user may see,
/// so that the same numbers come from the user's view and from the whole
/// state (which `vtc serve` counts on for its clients).
public struct HomeCounts: Equatable, Sendable {
    public struct UnitNumbers: Equatable, Sendable {
        public var unacknowledged: Int
        public var overdue: Int

        public init(unacknowledged: Int, overdue: Int) {
            self.unacknowledged = unacknowledged
            self.overdue = overdue
        }
    }

    public struct WeekNumbers: Equatable, Sendable {
        public var week: ISOWeek
        public var new: Int
        public var open: Int
        public var overdue: Int
        public var unacknowledged: Int

        public init(week: ISOWeek, new: Int, open: Int, overdue: Int, unacknowledged: Int) {
            self.week = week
            self.new = new
            self.open = open
            self.overdue = overdue
            self.unacknowledged = unacknowledged
        }
    }

    public var mine: Int
    public var mineWithOpenFollowUp: Int
    /// nil unless the user leads a unit.
    public var asLeader: UnitNumbers?
    /// nil unless the user is AMG of a unit.
    public var amgWeek: WeekNumbers?

    public init(mine: Int, mineWithOpenFollowUp: Int, asLeader: UnitNumbers?, amgWeek: WeekNumbers?) {
        self.mine = mine
        self.mineWithOpenFollowUp = mineWithOpenFollowUp
        self.asLeader = asLeader
        self.amgWeek = amgWeek
    }

    /// The counts for `user` at `now` in `state`. `selectedCount` counts what a
    /// query selects for the user; by default through an index of what the user
    /// may see, which a server with an index of every incident can do cheaper.
    public init(state: VTCState, user: UserAccess, roster: Roster, now: Timestamp,
                selectedCount: ((IncidentQuery) -> Int)? = nil) {
        let own = state.incidents.places(ofRegistrant: user.user).map { state.incidents.values[Int($0)] }
            .filter { !$0.isWithdrawn }
        mine = own.count
        mineWithOpenFollowUp = own.filter { record in
            record.followUps.contains { $0.status(at: now).isOpen }
        }.count
        let leaderUnits = Set(roster.units.filter { user.has(.leader, in: $0) })
        if !leaderUnits.isEmpty {
            let count = selectedCount ?? { [index = IncidentIndex(state, for: user, searchable: false)] query in
                index.select(query, at: now).count
            }
            asLeader = UnitNumbers(unacknowledged: count(IncidentQuery(units: leaderUnits, notAcknowledged: true)),
                                   overdue: count(IncidentQuery(units: leaderUnits, withOverdueFollowUp: true)))
        }
        let amgUnits = roster.units.filter { user.has(.amg, in: $0) }
        let week = ISOWeek(containing: now, in: state.policy.zone)
        if !amgUnits.isEmpty, let numbers = try? WeekReport.numbers(week: week, units: amgUnits, state: state, user: user, now: now) {
            amgWeek = WeekNumbers(week: week, new: numbers.new, open: numbers.open, overdue: numbers.overdue,
                                  unacknowledged: numbers.unacknowledged)
        }
    }
}
