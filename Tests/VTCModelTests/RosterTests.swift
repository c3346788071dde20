import Testing
import VTCModel
import VTCCodec
import VTCTexts

@Suite struct RosterTests {
    func parse(_ text: String) throws(RosterFile.Failure) -> Roster { try RosterFile.parse(Array(text.utf8)) }

    func problems(_ text: String) -> [RosterFile.Problem] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func readsUnitsUsersAndRoles() throws {
        let roster = try parse("""
            {"units": ["Bostedet Åen", "Bostedet Skoven"],
             "users": [
               {"user": "anna", "name": "Anna Holm", "roles": {"staff": ["Bostedet Åen"], "leader": ["Bostedet Skoven"]}},
               {"user": "per", "roles": {"coordinator": "*"}}
             ]}
            """)
        #expect(roster.units == ["Bostedet Åen", "Bostedet Skoven"])
        #expect(!roster.isSingleUser)
        let anna = try #require(roster.access(for: "anna"))
        #expect(anna.name == "Anna Holm")
        #expect(anna.has(.staff, in: "Bostedet Åen"))
        #expect(!anna.has(.staff, in: "Bostedet Skoven"))
        #expect(anna.has(.leader, in: "Bostedet Skoven"))
        let per = try #require(roster.access(for: "per"))
        #expect(per.name == "per")
        #expect(per.scope(of: .coordinator) == .allUnits)
        #expect(roster.access(for: "ukendt") == nil)
    }

    @Test func unknownRoleIsNamedWithWhere() {
        let found = problems("""
            {"units": ["A"], "users": [{"user": "anna", "roles": {"chef": ["A"]}}]}
            """)
        #expect(found == [RosterFile.Problem(path: "users[0].roles", kind: .unknownRole("chef"))])
        #expect(found.first.map { Texts(.en).message(.rosterProblem($0)) }
            == "roster.json, users[0].roles: unknown role \"chef\"; the roles are staff, leader, amg, coordinator, admin.")
        #expect(found.first.map { Texts(.da).message(.rosterProblem($0)) }?.hasPrefix("roster.json, users[0].roles: ukendt rolle \"chef\"") == true)
    }

    @Test func unitNotListedIsNamedWithWhere() {
        let found = problems("""
            {"units": ["A"], "users": [{"user": "anna", "roles": {"staff": ["A", "B"]}}]}
            """)
        #expect(found == [RosterFile.Problem(path: "users[0].roles.staff[1]", kind: .unknownUnit("B"))])
    }

    @Test func duplicateUserNamesTheFirstPlace() {
        let found = problems("""
            {"units": ["A"], "users": [{"user": "anna", "roles": {"staff": ["A"]}},
                                      {"user": "anna", "roles": {"leader": ["A"]}}]}
            """)
        #expect(found == [RosterFile.Problem(path: "users[1].user", kind: .duplicateUser("anna", firstAt: "users[0]"))])
    }

    @Test func emptyUserIDIsRefused() {
        let found = problems("""
            {"units": ["A"], "users": [{"user": "  ", "roles": {"staff": ["A"]}}]}
            """)
        #expect(found == [RosterFile.Problem(path: "users[0].user", kind: .emptyUserID)])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let found = problems("""
            {"units": ["A", "A", ""], "users": [{"user": "", "roles": {"boss": ["A"]}}, {"name": "x", "roles": {}, "extra": 1}]}
            """)
        #expect(found.map(\.kind) == [
            .duplicateUnit("A"), .emptyUnit, .emptyUserID, .unknownRole("boss"),
            .unknownField("extra"), .missingField("user"), .noRoles,
        ])
    }

    @Test func wrongShapesAreNamed() {
        #expect(problems(#"{"units": "A", "users": []}"#) == [RosterFile.Problem(path: "units", kind: .expected(.array))])
        #expect(problems(#"{"units": ["A"], "users": [{"user": "a", "roles": {"staff": "A"}}]}"#)
            == [RosterFile.Problem(path: "users[0].roles.staff", kind: .expected(.unitList))])
        #expect(problems(#"{"units": ["*"], "users": []}"#) == [RosterFile.Problem(path: "units[0]", kind: .reservedUnitName("*"))])
    }

    @Test func controlCharactersInNamesAreRefused() {
        let found = problems("{\"units\": [\"A\"], \"users\": [{\"user\": \"a\", \"name\": \"x\\u001b[2J\", \"roles\": {\"staff\": [\"A\"]}}]}")
        #expect(found.count == 1)
        #expect(found.first?.path == "users[0].name")
        #expect(found.first.map { Texts(.en).message(.rosterProblem($0)) } == "roster.json, users[0].name: contains a control character (U+001B), which is not allowed.")
    }

    @Test func invalidJSONSaysWhere() {
        let found = problems(#"{"units": ["A"],"#)
        #expect(found.count == 1)
        guard case .invalidJSON(let reason) = found.first?.kind else {
            Issue.record("expected invalid JSON")
            return
        }
        #expect(reason.contains("byte"))
    }

    @Test func singleUserModeGivesEveryRoleInTheOneUnit() throws {
        let roster = Roster.singleUser()
        #expect(roster.isSingleUser)
        #expect(roster.units == [Roster.defaultSingleUserUnit])
        let me = try #require(roster.access(for: "kim"))
        for role in Role.allCases { #expect(me.has(role, in: Roster.defaultSingleUserUnit)) }
        #expect(!me.has(.leader, in: "Et andet sted"))
        #expect(Roster.singleUser(unit: "Bostedet Åen").access(for: "kim")?.has(.amg, in: "Bostedet Åen") == true)
    }
}

/// Units in narrow columns (issue 13, point 5): the roster's short name, else the shortest unique start.
@Suite struct UnitShortNameTests {
    @Test func aShortNameFromTheRosterIsReadAndUsed() throws {
        let roster = try RosterFile.parse(Array(#"""
        {"units": ["Bostedet Åen", {"name": "Psykiatrisk afsnit P3", "short": "P3"}],
         "users": [{"user": "lis", "roles": {"leader": "*"}}]}
        """#.utf8))
        #expect(roster.units == ["Bostedet Åen", "Psykiatrisk afsnit P3"])
        #expect(roster.shortName(of: "Psykiatrisk afsnit P3") == "P3")
        #expect(roster.shortName(of: "Bostedet Åen") == "Bost")
    }

    @Test func withoutOneTheShortestUniqueStartOfAtLeastFourCharacters() {
        let roster = Roster(units: ["Bostedet Åen", "Bostedet Skoven", "Skovbrynet", "Hjemmeplejen Nord", "Hjemmeplejen Syd", "Bo"],
                            users: [])
        #expect(roster.shortName(of: "Bostedet Åen") == "Bostedet Å")
        #expect(roster.shortName(of: "Bostedet Skoven") == "Bostedet S")
        #expect(roster.shortName(of: "Skovbrynet") == "Skovbrynet", "ten characters are shown whole")
        #expect(roster.shortName(of: "Hjemmeplejen Syd") == "Hjemmeplejen S")
        #expect(roster.shortName(of: "Bo") == "Bo")
    }

    @Test func aShortNameUsedTwiceOrEmptyIsReported() {
        #expect(throws: RosterFile.Failure.self) {
            try RosterFile.parse(Array(#"""
            {"units": [{"name": "A1", "short": "A"}, {"name": "A2", "short": "A"}, {"name": "B", "short": " "}],
             "users": [{"user": "lis", "roles": {"leader": "*"}}]}
            """#.utf8))
        }
    }
}
