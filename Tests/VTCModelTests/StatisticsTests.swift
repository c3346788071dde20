import Testing
import VTCModel

@Suite struct StatisticsTests {
    static let coordinator = UserAccess(user: "hmu", roles: [.coordinator: .allUnits])
    static let leaderAaen = UserAccess(user: "lis", roles: [.leader: .units(["Åen"])])
    static let units = ["Åen", "Skoven"]

    /// Episodes on both sides of the half-year and year ends, in Copenhagen time.
    static let state: VTCState = {
        var s = QueryScenario()
        s.register(1, by: "a", unit: "Åen", occurred: "2024-03-01T10:00:00+01:00", severity: 5, kind: .physicalViolence)
        s.register(2, by: "a", unit: "Åen", occurred: "2024-06-30T23:30:00+02:00", severity: 5, kind: .physicalViolence)
        s.register(3, by: "a", unit: "Åen", occurred: "2024-07-01T00:30:00+02:00", severity: 5, kind: .physicalViolence)
        // 2024-12-31 23:30 UTC is New Year's night in Copenhagen: H1 2025.
        s.register(4, by: "b", unit: "Skoven", occurred: "2024-12-31T23:30:00Z", severity: 1)
        s.register(5, by: "a", unit: "Åen", occurred: "2025-02-10T10:00:00+01:00", severity: 5, kind: .physicalViolence)
        s.register(6, by: "a", unit: "Åen", occurred: "2025-12-31T23:30:00+01:00", severity: 3, kind: .threat, absenceDays: 2)
        s.register(7, by: "a", unit: "Åen", occurred: "2026-01-01T00:30:00+01:00", severity: 1)
        s.register(8, by: "b", unit: "Skoven", occurred: "2026-03-03T10:00:00+01:00", severity: 1)
        s.register(9, by: "a", unit: "Åen", occurred: "2026-05-05T10:00:00+02:00", severity: 3, kind: .physicalViolence, absenceDays: 1)
        s.register(10, by: "a", unit: "Åen", occurred: "2026-02-02T10:00:00+01:00", severity: 5, kind: .physicalViolence)
        s.add(.withdrawn(incident: QueryScenario.id(10), reason: "Fejl"), by: "a", at: "2026-02-02T12:00:00+01:00")
        return s.state
    }()

    static func half(_ year: Int, _ half: Int) -> StatisticsPeriod { StatisticsPeriod(.halfYear, year: year, index: half)! }

    @Test func eachHalfYearBesideTheSameHalfOfTheTwoYearsBefore() throws {
        let comparisons = try Statistics.compared([Self.half(2025, 2), Self.half(2026, 1)], units: Self.units,
                                                   state: Self.state, user: Self.coordinator)
        #expect(comparisons.map(\.current.period.description) == ["2025-H2", "2026-H1"])
        #expect(comparisons[0].earlier.map(\.period.description) == ["2023-H2", "2024-H2"])
        #expect(comparisons[0].earlier.map(\.total) == [0, 1])
        #expect(comparisons[0].current.total == 1)
        #expect(comparisons[1].earlier.map(\.period.description) == ["2024-H1", "2025-H1"])
        #expect(comparisons[1].earlier.map { $0.count(Severity(rawValue: 5)!) } == [2, 1])
        #expect(comparisons[1].earlier.map(\.total) == [2, 2])
        #expect(comparisons[1].current.count(Severity(rawValue: 5)!) == 0)
        #expect(comparisons[1].current.total == 3)
    }

    @Test func countsBySeverityKindUnitAndAbsence() throws {
        let h1 = try #require(try Statistics.counts(for: [Self.half(2026, 1)], units: Self.units, state: Self.state,
                                                    user: Self.coordinator).first)
        #expect(h1.bySeverity == [2, 0, 1, 0, 0])
        #expect(h1.count(.harassment) == 2)
        #expect(h1.count(.physicalViolence) == 1)
        #expect(h1.count(unit: "Åen") == 2)
        #expect(h1.count(unit: "Skoven") == 1)
        #expect(h1.withAbsence == 1)
        #expect(h1.mostCommonSeverity == Severity(rawValue: 1))
        #expect(h1.severity1Share == 2.0 / 3.0)
    }

    @Test func monthsQuartersAndYears() throws {
        let quarters = Statistics.periods(from: StatisticsPeriod(.quarter, year: 2025, index: 4)!,
                                          through: StatisticsPeriod(.quarter, year: 2026, index: 2)!)
        let byQuarter = try Statistics.counts(for: quarters, units: Self.units, state: Self.state, user: Self.coordinator)
        #expect(byQuarter.map(\.period.description) == ["2025-Q4", "2026-Q1", "2026-Q2"])
        #expect(byQuarter.map(\.total) == [1, 2, 1])
        let other = try Statistics.counts(for: [StatisticsPeriod(.month, year: 2026, index: 1)!, StatisticsPeriod(.year, year: 2025)!],
                                          units: Self.units, state: Self.state, user: Self.coordinator)
        #expect(other.map(\.total) == [1, 3])
        #expect(other[1].withAbsence == 1)
    }

    @Test func anEmptyPeriodHasNoShareAndNoMostCommonSeverity() throws {
        let empty = try Statistics.counts(for: [Self.half(2023, 1)], units: Self.units, state: Self.state, user: Self.coordinator)
        #expect(empty.first?.total == 0)
        #expect(empty.first?.severity1Share == nil)
        #expect(empty.first?.mostCommonSeverity == nil)
    }

    @Test func onlyTheUnitsAskedForAndAllowedAreCounted() throws {
        let own = try Statistics.counts(for: [Self.half(2026, 1)], units: ["Åen"], state: Self.state, user: Self.leaderAaen)
        #expect(own.first?.total == 2)
        #expect(throws: AccessRefusal.needsRole(.leader, unit: "Skoven")) {
            try Statistics.counts(for: [Self.half(2026, 1)], units: Self.units, state: Self.state, user: Self.leaderAaen)
        }
    }
}
