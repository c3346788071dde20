import Foundation
import Testing
@testable import VTCModel
@testable import VTCTexts
@testable import TerminalKit
@testable import VTCTerminal

@Suite struct WeekScreenTests {
    static let now = "2026-11-20T12:00:00+01:00"
    static let week47 = ISOWeek(year: 2026, week: 47)!
    static let actionID = UUID(uuid: (0xAC, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 1))

    /// Week 47 of 2026 in Bo Nord: three episodes with citizen B12, one acknowledged, an action
    /// and a group supervision; earlier a VTC 1 in week 45 and a VTC 5 in week 40; one in Bo Syd.
    static func scenario() -> ScreenScenario {
        var s = ScreenScenario()
        s.register(1, occurred: "2026-11-16T10:00:00+01:00", severity: 2, citizenRef: "B12")
        s.register(2, occurred: "2026-11-17T10:00:00+01:00", severity: 3, citizenRef: "B12")
        s.register(3, occurred: "2026-11-18T10:00:00+01:00", severity: 1, citizenRef: "B12")
        s.register(4, by: "ledersyd", unit: ScreenScenario.syd, occurred: "2026-11-18T10:00:00+01:00", severity: 4)
        s.register(5, occurred: "2026-11-03T10:00:00+01:00", severity: 1)
        s.register(6, occurred: "2026-09-29T10:00:00+02:00", severity: 5, kind: .physicalViolence)
        s.add(.acknowledged(incident: ScreenScenario.id(1), note: nil), by: "leder", at: ScreenScenario.at("2026-11-16T14:00:00+01:00"))
        s.add(.actionOpened(PreventiveAction(id: actionID, unit: ScreenScenario.nord, title: "Opdatér LA2 | *B12*", owner: "leder",
                                             due: CalendarDate(iso: "2026-11-30")!, incidents: [ScreenScenario.id(1)])),
              by: "amr", at: ScreenScenario.at("2026-11-19T13:30:00+01:00"))
        s.add(.supervisionHeld(SupervisionSession(id: ScreenScenario.id(90), unit: ScreenScenario.nord,
                                                  date: CalendarDate(iso: "2026-11-18")!, form: .group, evaluation: 4,
                                                  note: "Godt udbytte")),
              by: "amr", at: ScreenScenario.at("2026-11-18T15:00:00+01:00"))
        return s
    }

    static func week(for user: String, language: Language = .da, week: ISOWeek? = nil) -> Simulator<HarnessState, AppEffect> {
        let context = scenario().context(for: user, now: now, language: language)
        return ScreenHarness.simulator(WeekScreen(context: context, week: week), context)
    }

    @Test func theWeeksNumbersForTheUsersUnits() {
        let rows = Self.week(for: "amr").areaRows
        #expect(rows[0] == "Uge 47, 2026 · 2026-11-16 – 2026-11-22 · Bo Nord")
        #expect(rows.contains("   3  Nye registreringer"))
        #expect(rows.contains("   3  Åben opfølgning"))
        #expect(rows.contains("! 17  Opfølgning over fristen"))
        #expect(rows.contains("!  4  Registreringer, lederen ikke har kvitteret for"))
        #expect(rows.contains("   1  Nye tiltag"))
        #expect(rows.contains("   1  Afholdt supervision"))
    }

    @Test func aTwelveWeekTrendPerSeverityWithTheCounts() {
        let rows = Self.week(for: "amr").areaRows
        #expect(rows.contains("VTC 1  ▁▁▁▁▁▁▁▁▁▁█▁█  2 i alt, 1 denne uge"))
        #expect(rows.contains("VTC 3  ▁▁▁▁▁▁▁▁▁▁▁▁█  1 i alt, 1 denne uge"))
        #expect(rows.contains("VTC 4  ▁▁▁▁▁▁▁▁▁▁▁▁▁  0 i alt, 0 denne uge"))
        #expect(rows.contains("VTC 5  ▁▁▁▁▁█▁▁▁▁▁▁▁  1 i alt, 0 denne uge"))
    }

    @Test func theSparklineScalesToTheLargestWeek() {
        #expect(Sparkline.line([0, 1, 2, 4, 8], maximum: 8) == "▁▂▃▅█")
        #expect(Sparkline.line([1, 100], maximum: 100) == "▂█")
        #expect(Sparkline.line([0, 0], maximum: 0) == "▁▁")
    }

    @Test func theListsFurtherDown() {
        var sim = Self.week(for: "amr")
        let text = (sim.state.top as! WeekScreen).lines(sim.state.context, width: 80).lines.map(\.text)
        #expect(text.contains("1. 2026-11-18 10:00 · Bo Nord · VTC 1 · Chikane · B12"))
        #expect(text.contains("! Debriefing · Frist 2026-10-02 10:00 · VTC 5 · Bo Nord"))
        #expect(text.contains("  Opdatér LA2 | *B12* · leder · frist 2026-11-30 · Bo Nord"))
        #expect(text.contains("2026-11-18 · Bo Nord · Gruppesupervision · udbytte 4/5 · Godt udbytte"))
        #expect(text.contains("Bo Nord · B12 · 3 registreringer"))
        #expect(!text.joined().contains("Bo Syd"))
        sim.press(.end)
        #expect(sim.areaRows.last { !$0.isEmpty } == "Bo Nord · B12 · 3 registreringer")
        sim.press(.home)
        #expect(sim.areaRows[0].hasPrefix("Uge 47, 2026"))
    }

    /// A week of 310 new registrations in Bo Nord (all unacknowledged, their AMG discussion overdue): each list shows its first page with one line
    /// saying how many more there are and where, the numbers and the export count every one, `m` picks among the page.
    @Test func aListLongerThanAPageShowsItsFirstPageAndHowManyMore() {
        var s = ScreenScenario()
        let count = WeekScreenData.pageSize + 10
        for n in 1...count { s.register(n, occurred: ScreenScenario.at("2026-11-16T08:00:00+01:00").adding(seconds: Int64(n) * 600)) }
        let context = s.context(for: "amr", now: Self.now)
        var sim = ScreenHarness.simulator(WeekScreen(context: context), context)
        let text = (sim.state.top as! WeekScreen).lines(sim.state.context, width: 80).lines.map(\.text)
        #expect(text.contains("  \(count)  Nye registreringer"))
        #expect(text.contains("! \(count)  Registreringer, lederen ikke har kvitteret for"))
        // Newest first: the page ends with the 11th registration (09:50 on Monday), the first ten are left out.
        #expect(text.contains("\(WeekScreenData.pageSize). 2026-11-16 09:50 · Bo Nord · VTC 1 · Chikane"))
        #expect(!text.contains { $0.hasPrefix("\(WeekScreenData.pageSize + 1). ") })
        #expect(text.contains("… og 10 flere: listen (l på forsiden) og eksporten (x) har dem alle."))
        #expect(text.contains("… og 10 flere: listen med filteret »Ukvitterede« (k) og eksporten (x) har dem"))
        #expect(text.contains("… og 10 flere: opfølgningskøen (f på forsiden), listen med filteret »Over frist«"))
        #expect(text.filter { $0.hasPrefix("… og") }.count == 3, "only the lists longer than a page say so")
        sim.press(.character("x"))
        // The export's tables of new and unacknowledged registrations hold a row for every one.
        let export = sim.state.exports.first?.contents ?? ""
        func rows(under heading: String) -> Int {
            guard let start = export.range(of: "# " + heading + "\n") else { return 0 }
            let section = export[start.upperBound...].prefix { $0 != "#" }
            return section.split(separator: "\n").filter { $0.hasPrefix("| 2026-") }.count
        }
        #expect(rows(under: "Nye registreringer") == count, "\(export.prefix(3_000))")
        #expect(rows(under: "Registreringer, lederen ikke har kvitteret for") == count)
        sim.press(.character("m"))
        #expect(sim.dump().contains("Vælg registrering"), "m picks among the week's new registrations on screen")
    }

    @Test func previousAndNextWeekAcrossTheNewYear() {
        var sim = Self.week(for: "amr", week: ISOWeek(year: 2026, week: 53)!)
        sim.press(.right)
        #expect((sim.state.top as! WeekScreen).week == ISOWeek(year: 2027, week: 1)!)
        #expect(sim.dump().hasPrefix("AMG's ugeoversigt · Uge 1, 2027"))
        sim.press(.character("p"))
        #expect((sim.state.top as! WeekScreen).week == ISOWeek(year: 2026, week: 53)!)
        sim.press(.left, .character("n"), .character("n"))
        #expect((sim.state.top as! WeekScreen).week == ISOWeek(year: 2027, week: 1)!)
    }

    @Test func exportTheWeekAsMarkdown() throws {
        var sim = Self.week(for: "amr")
        sim.press(.character("x"))
        let export = try #require(sim.state.exports.first)
        #expect(export.fileName == "uge-2026-W47.md")
        let lines = export.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "# AMG's ugeoversigt – Uge 47, 2026")
        #expect(lines.contains("| Nye registreringer | 3 |"))
        #expect(lines.contains("| Opfølgning over fristen | 17 |"))
        #expect(lines.contains("| 2026-11-18 10:00 | Bo Nord | VTC 1 | Chikane | B12 |"))
        #expect(lines.contains("- Opdatér LA2 \\| \\*B12\\* – leder – frist 2026-11-30 – Bo Nord"))
        #expect(lines.contains("- 2026-11-18 – Bo Nord – Gruppesupervision – udbytte 4/5 – Godt udbytte"))
        #expect(lines.contains("- Bo Nord – B12 – 3 registreringer"))
        #expect(lines.contains("| 2026-W40 | 0 | 0 | 0 | 0 | 1 | 1 |"))
        #expect(lines.contains("| 2026-W47 | 1 | 1 | 1 | 0 | 0 | 3 |"))
        #expect(!export.contents.contains("Episode"))
    }

    @Test func textFromUsersIsInertInTheMarkdown() {
        #expect(WeekReportMarkdown.cell("Plan \u{1B}[2J\n# Ny | *fed* <b> [link](x)") ==
                "Plan \u{FFFD}\\[2J \\# Ny \\| \\*fed\\* \\<b\\> \\[link\\](x)")
        #expect(WeekReportMarkdown.cell("Bøgehøj Æblehaven") == "Bøgehøj Æblehaven")
    }

    /// `cell` returns most cells as they are; the oracle is the rule it had, written one character at a time.
    @Test func aCellIsWrittenCharacterByCharacterByOneRule() {
        func oracle(_ text: String) -> String {
            var out = ""
            for scalar in InputRules.showingInvisible(text).unicodeScalars {
                let value = scalar.value
                if [0x0A, 0x0D, 0x09, 0x2028, 0x2029].contains(value) {
                    out.append(" ")
                } else if value < 0x20 || (0x7F...0x9F).contains(value) {
                    out.append("\u{FFFD}")
                } else if "\\|*_`[]<>#!~".unicodeScalars.contains(scalar) {
                    out += "\\" + String(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let alphabet = Array("aZ09 -.:æøåÆØÅé€—–\\|*_`[]<>#!~\n\r\t\u{0}\u{1B}\u{7F}\u{85}\u{9F}\u{A0}\u{2028}\u{2029}\u{202E}\u{200B}\u{FEFF}\u{061C}😀".unicodeScalars)
        var random = SeededRandom(seed: 47)
        var changed = 0
        for _ in 0..<5_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.below(12) { text.append(alphabet[random.below(alphabet.count)]) }
            let cell = WeekReportMarkdown.cell(String(text))
            #expect(cell == oracle(String(text)), "\(String(text).unicodeScalars.map { String($0.value, radix: 16) })")
            if cell != String(text) { changed += 1 }
        }
        #expect(changed > 1_000 && changed < 5_000, "both kinds of cells were tried: \(changed) changed")
        #expect(WeekReportMarkdown.cell("2026-11-18 10:00 | Bo Nord") == "2026-11-18 10:00 \\| Bo Nord")
    }

    @Test func theEnglishExportIsNamedWeek() {
        var sim = Self.week(for: "amr", language: .en)
        sim.press(.character("x"))
        #expect(sim.state.exports.first?.fileName == "week-2026-W47.md")
        #expect(sim.state.exports.first?.contents.hasPrefix("# AMG week overview – Week 47, 2026\n") == true)
    }

    @Test func openAnActionWithLinkedIncidents() throws {
        var sim = Self.week(for: "amr")
        sim.press(.character("t"), .tab)
        sim.type("Ny risikovurdering")
        sim.press(.tab, .tab, .tab)
        sim.type("1 9")
        sim.press(.enter)
        #expect(sim.dump().contains("»1 9« er ikke numre fra listen"))
        sim.press(.ctrl("u"))
        sim.type("1 3")
        sim.press(.enter)
        let payloads = try #require(sim.state.appended.first)
        guard case .actionOpened(let action) = payloads.first, payloads.count == 1 else {
            Issue.record("expected one action_opened, got \(payloads)")
            return
        }
        #expect(action.unit == ScreenScenario.nord)
        #expect(action.title == "Ny risikovurdering")
        #expect(action.owner == "amr")
        #expect(action.due == CalendarDate(iso: "2026-12-04"))
        #expect(action.incidents == [ScreenScenario.id(3), ScreenScenario.id(1)])
    }

    @Test func closeAnActionWithANote() {
        var sim = Self.week(for: "amr")
        sim.press(.character("l"), .enter)
        sim.type("Planen er opdateret")
        sim.press(.enter)
        #expect(sim.state.appended == [[.actionClosed(action: Self.actionID, note: "Planen er opdateret")]])
        #expect(sim.dump().contains("   1  Afsluttede tiltag"))
    }

    @Test func recordThatTheAMGDiscussedAnIncident() {
        var sim = Self.week(for: "amr")
        sim.press(.character("m"), .down, .enter, .enter, .enter)
        #expect(sim.dump().contains("Resumé: må ikke være tom."))
        sim.type("Gennemgået; LA2 opdateres")
        sim.press(.enter)
        #expect(sim.state.appended == [[.amgDiscussed(incident: ScreenScenario.id(2), date: CalendarDate(iso: "2026-11-20")!,
                                                     summary: "Gennemgået; LA2 opdateres")]])
    }

    @Test func recordASupervisionSession() throws {
        var sim = Self.week(for: "amr")
        sim.press(.character("s"), .tab, .ctrl("u"))
        sim.type("2026-11-19")
        sim.press(.tab, .left, .tab, .right, .right, .right, .right, .tab)
        sim.type("Fokus på aftenvagter")
        sim.press(.enter)
        let payloads = try #require(sim.state.appended.first)
        guard case .supervisionHeld(let session) = payloads.first else {
            Issue.record("expected supervision_held, got \(payloads)")
            return
        }
        #expect(session.unit == ScreenScenario.nord)
        #expect(session.date == CalendarDate(iso: "2026-11-19"))
        #expect(session.form == .individual)
        #expect(session.evaluation == 4)
        #expect(session.note == "Fokus på aftenvagter")
    }

    @Test func aLeaderWithoutTheAMGRoleReadsButCannotAct() {
        var sim = Self.week(for: "leder")
        #expect(sim.dump().contains("Nye registreringer"))
        #expect(!sim.render().buffer.row(23).contains("Nyt tiltag"))
        sim.press(.character("t"))
        #expect(sim.state.statuses == ["Det kræver rollen AMG i enheden »Bo Nord«."])
        #expect(sim.state.appended.isEmpty)
    }

    @Test func staffHaveNoWeekToRead() {
        let text = Self.week(for: "anna").dump()
        #expect(text.contains("Du har ingen rolle, der giver adgang til enhedernes tal."))
        #expect(!text.contains("B12"))
    }
}
