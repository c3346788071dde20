import Testing
import Foundation
import VTCModel
import VTCCodec
import VTCTexts

@Suite struct TextsTests {
    static let messages: [Message] = [
        .input(.controlCharacter(field: "description", scalar: 0x1B)),
        .input(.lineBreakInSingleLine(field: "location")),
        .input(.cprNumber(field: "citizen_ref")),
        .input(.empty(field: "description")),
        .input(.tooLong(field: "description", limit: 16_384)),
        .severityOutOfRange(7),
        .refused(.needsRole(.amg, unit: "A")),
        .refused(.needsRole(.admin, unit: nil)),
        .refused(.onlyRegistrant),
        .rosterProblem(RosterFile.Problem(path: "users[0]", kind: .noRoles)),
        .singleUserBanner(unit: Roster.defaultSingleUserUnit),
        .week(ISOWeek(year: 2026, week: 53)!),
        .invalidWeek("2026-W54"),
        .weekday(1), .weekday(7),
        .period(StatisticsPeriod(.month, year: 2026, index: 1)!), .period(StatisticsPeriod(.month, year: 2026, index: 12)!),
        .period(StatisticsPeriod(.quarter, year: 2026, index: 4)!), .period(StatisticsPeriod(.halfYear, year: 2026, index: 2)!),
        .period(StatisticsPeriod(.year, year: 2026)!),
        .incidentCount(1), .incidentCount(3),
        .overdueByDays(0), .overdueByDays(1), .overdueByDays(12),
        .recurringCitizens(minimumEpisodes: 3, days: 30),
    ]

    @Test(arguments: Language.allCases)
    func everyEntryIsNonEmpty(language: Language) {
        let texts = Texts(language)
        var all = TextKey.allCases.map { texts[$0] }
        all += EpisodeKind.allCases.map(texts.label) + Involvement.allCases.map(texts.label)
        all += Counterpart.allCases.map(texts.label) + Injury.allCases.map(texts.label)
        all += FollowUpKind.allCases.map(texts.label) + FollowUpStatus.allCases.map(texts.label)
        all += FollowUpOutcome.allCases.map(texts.label) + Role.allCases.map(texts.label)
        all += SupervisionForm.allCases.map(texts.label)
        all += Severity.all.map(texts.label)
        all += RegistrationField.allCases.map(texts.label) + RegistrationField.allCases.map(texts.help)
        all += Self.messages.map(texts.message)
        for text in all {
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty)
        }
    }

    @Test func danishAndEnglishDifferForWordsThatAreTranslated() {
        let (da, en) = (Texts(.da), Texts(.en))
        for key in TextKey.allCases where ![.status, .supervision, .helpSupervision].contains(key) {
            #expect(da[key] != en[key], "\(key) is not translated")
        }
        for kind in FollowUpKind.allCases where kind != .debriefing { #expect(da.label(kind) != en.label(kind)) }
    }

    @Test func citizenReferenceHelpForbidsNamesAndCPRNumbers() {
        #expect(Texts(.da).help(.citizenRef).contains("beboerkode"))
        #expect(Texts(.da).help(.citizenRef).contains("CPR-nummer"))
        #expect(Texts(.en).help(.citizenRef).contains("resident code"))
        #expect(Texts(.en).help(.citizenRef).contains("CPR number"))
    }

    @Test func validationMessagesNameTheFieldAndWhy() {
        let cpr = Texts(.da).message(.input(.cprNumber(field: "citizen_ref")))
        #expect(cpr.hasPrefix("Borgerreference:"))
        #expect(cpr.contains("CPR-nummer"))
        let control = Texts(.en).message(.input(.controlCharacter(field: "description", scalar: 0x7)))
        #expect(control == "Description: contains a control character (U+0007), which is not allowed.")
        #expect(Texts(.da).message(.severityOutOfRange(0)).contains("1 til 5"))
    }

    @Test func danishTextUsesDanishLetters() {
        let da = Texts(.da)
        #expect(da[.followUp] == "Opfølgning")
        #expect(da.label(.notRelevant as FollowUpStatus) == "Ikke relevant")
        #expect(da.message(.period(StatisticsPeriod(.halfYear, year: 2025, index: 1)!)) == "1. halvår 2025")
        #expect(da.message(.weekday(6)) == "lørdag")
    }
}
