import Testing
import VTCModel
import VTCTexts

/// The texts of the terminal UI's frame, home, register form and saved screen.
@Suite struct ShellTextsTests {
    static let moment = Timestamp(rfc3339: "2026-11-22T14:37:00+01:00")!
    static let messages: [Message] = [
        .windowTooSmall(width: 60, height: 20), .draftsWaiting(1), .draftsWaiting(2),
        .timeInput(.occurredAt, .unrecognised("")), .timeInput(.occurredAt, .unrecognised("kl. fem")),
        .timeInput(.firstAbsenceDay, .noSuchDate("31.02")), .timeInput(.occurredAt, .inTheFuture(moment)),
        .chooseOne(.kind), .notANumberOfDays("tre"), .absenceIncomplete, .notSaved("disk full"),
        .exported(path: "/data/exports/a.csv"), .logReadFailed("EIO"), .contactLeaders([]), .contactLeaders(["Bo Leth"]),
        .dueBy(moment), .dateTime(moment), .shortDateTime(moment),
    ]

    @Test(arguments: Language.allCases)
    func everyMessageIsWrittenOut(language: Language) {
        for message in Self.messages {
            #expect(!Texts(language).message(message).isEmpty)
        }
    }

    @Test func timesAreWrittenTheWayEachLanguageReadsThem() {
        let (da, en) = (Texts(.da), Texts(.en))
        #expect(da.message(.dateTime(Self.moment)) == "søndag 22.11.2026 kl. 14:37")
        #expect(en.message(.dateTime(Self.moment)) == "Sunday 2026-11-22 14:37")
        #expect(da.message(.shortDateTime(Self.moment)) == "22.11.2026 14:37")
        #expect(da.message(.dueBy(Self.moment)) == "senest 22.11.2026 kl. 14:37")
        #expect(da.message(.timeInput(.occurredAt, .inTheFuture(Self.moment)))
            == "Tidspunkt: 22.11.2026 kl. 14:37 ligger i fremtiden; en episode kan kun registreres, når den er sket.")
        #expect(en.message(.timeInput(.occurredAt, .unrecognised("kl. fem"))).contains("yesterday 22:00"))
        #expect(da.message(.timeInput(.firstAbsenceDay, .unrecognised("x"))).hasPrefix("Første fraværsdag: »x«"))
    }
}
