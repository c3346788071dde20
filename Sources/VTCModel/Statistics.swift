/// The counts of one period, for the units asked about. An episode belongs to
/// the period of the local day it occurred on; withdrawn episodes are not counted.
public struct PeriodCounts: Hashable, Sendable {
    public let period: StatisticsPeriod
    /// Indexed by severity − 1.
    public let bySeverity: [Int]
    public let byKind: [EpisodeKind: Int]
    public let byUnit: [String: Int]
    /// Episodes that led to absence (a first absence day or absence days given).
    public let withAbsence: Int

    public init(period: StatisticsPeriod, bySeverity: [Int], byKind: [EpisodeKind: Int], byUnit: [String: Int], withAbsence: Int) {
        self.period = period
        self.bySeverity = bySeverity
        self.byKind = byKind
        self.byUnit = byUnit
        self.withAbsence = withAbsence
    }

    public var total: Int { bySeverity.reduce(0, +) }
    public func count(_ severity: Severity) -> Int { bySeverity[severity.rawValue - 1] }
    public func count(_ kind: EpisodeKind) -> Int { byKind[kind] ?? 0 }
    public func count(unit: String) -> Int { byUnit[unit] ?? 0 }

    /// Minor episodes (VTC 1) as a share of all, 0…1; nil for an empty period.
    /// A high share is read as a healthy registration culture.
    public var severity1Share: Double? { total == 0 ? nil : Double(bySeverity[0]) / Double(total) }

    /// The most common severity; the lower one on a tie; nil for an empty period.
    public var mostCommonSeverity: Severity? {
        guard let top = bySeverity.max(), top > 0 else { return nil }
        return Severity(rawValue: bySeverity.firstIndex(of: top)! + 1)
    }
}

/// A period beside the same period in earlier years ("H1 2025 compared with H1 2023 and H1 2024").
public struct PeriodComparison: Hashable, Sendable {
    public let current: PeriodCounts
    /// Oldest first.
    public let earlier: [PeriodCounts]

    public init(current: PeriodCounts, earlier: [PeriodCounts]) {
        self.current = current
        self.earlier = earlier
    }
}

/// Counts for coordinators, the HMU and the AMG.
public enum Statistics {
    /// Counts for each period, in the order given. Throws the refusal for the first unit the user may not read.
    public static func counts(for periods: [StatisticsPeriod], units: [String], state: VTCState,
                              user: UserAccess) throws(AccessRefusal) -> [PeriodCounts] {
        for unit in units {
            if case .refused(let refusal) = Access.check(user, .readStatistics(unit: unit)) { throw refusal }
        }
        let unitSet = Set(units)
        let zone = state.policy.zone
        let granularities = Set(periods.map(\.granularity))
        var buckets: [StatisticsPeriod: [IncidentRecord]] = [:]
        for record in state.incidents.values where !record.isWithdrawn && unitSet.contains(record.facts.unit) {
            let day = zone.local(record.facts.occurredAt).date
            for granularity in granularities { buckets[StatisticsPeriod(granularity, containing: day), default: []].append(record) }
        }
        return periods.map { period in
            let records = buckets[period] ?? []
            var bySeverity = Array(repeating: 0, count: Severity.all.count)
            var byKind: [EpisodeKind: Int] = [:]
            var byUnit: [String: Int] = [:]
            var withAbsence = 0
            for record in records {
                let facts = record.facts
                bySeverity[facts.severity.rawValue - 1] += 1
                byKind[facts.kind, default: 0] += 1
                byUnit[facts.unit, default: 0] += 1
                if facts.ledToAbsence { withAbsence += 1 }
            }
            return PeriodCounts(period: period, bySeverity: bySeverity, byKind: byKind, byUnit: byUnit,
                                withAbsence: withAbsence)
        }
    }

    /// The periods from `first` through `last`, of `first`'s length.
    public static func periods(from first: StatisticsPeriod, through last: StatisticsPeriod) -> [StatisticsPeriod] {
        var periods: [StatisticsPeriod] = []
        var period = first
        while period.firstDay <= last.firstDay {
            periods.append(period)
            period = period.next
        }
        return periods
    }

    /// Each period beside the same period in the `yearsBefore` years before it.
    public static func compared(_ periods: [StatisticsPeriod], yearsBefore: Int = 2, units: [String], state: VTCState,
                                user: UserAccess) throws(AccessRefusal) -> [PeriodComparison] {
        let groups = periods.map { period in stride(from: yearsBefore, to: 0, by: -1).map { period.sameIn(yearsLater: -$0) } + [period] }
        let counts = try Statistics.counts(for: Array(Set(groups.joined())), units: units, state: state, user: user)
        let byPeriod = Dictionary(uniqueKeysWithValues: counts.map { ($0.period, $0) })
        return groups.map { group in
            PeriodComparison(current: byPeriod[group.last!]!, earlier: group.dropLast().map { byPeriod[$0]! })
        }
    }
}
