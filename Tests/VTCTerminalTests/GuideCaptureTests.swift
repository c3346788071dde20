import Foundation
import Testing
import VTCModel
@testable import TerminalKit
@testable import VTCTerminal

/// The month the guide's captures show, and the check that docs/guide.md's captures are the
/// golden screens (`GoldenScreens.guide`) as the program draws them now.
@Suite struct GuideCaptureTests {
    static let now = "2026-11-20T14:30:00+01:00"

    static func realisticMonth() -> ScreenScenario {
        var s = ScreenScenario()
        let episodes: [(String, String, Int, EpisodeKind, String?, String)] = [
            ("anna", "2026-10-27T19:10:00+01:00", 1, .harassment, "B12", "Borgeren skældte ud over maden."),
            ("bent", "2026-10-30T07:45:00+01:00", 2, .threat, "B12", "Truede med at slå, da medicinen kom."),
            ("anna", "2026-11-03T21:20:00+01:00", 3, .physicalViolence, "B12", "Skub mod væggen i gangen; ømhed i skulderen."),
            ("bent", "2026-11-05T15:00:00+01:00", 1, .harassment, "C7", "Nedladende bemærkninger under aktiviteten."),
            ("anna", "2026-11-09T08:30:00+01:00", 2, .sexualHarassment, "C7", "Uønsket berøring ved morgenplejen."),
            ("leder", "2026-11-12T13:00:00+01:00", 1, .propertyDamage, nil, "Stol kastet i fællesstuen; ingen ramt."),
            ("anna", "2026-11-16T20:05:00+01:00", 4, .physicalViolence, "B12", "Slag i ansigtet ved aftenmedicinen."),
            ("bent", "2026-11-17T10:30:00+01:00", 1, .harassment, "D3", "Råben og skældud i telefonen."),
            ("anna", "2026-11-18T17:40:00+01:00", 2, .threat, "B12", "Trussel om at vente på mig efter vagten."),
            ("bent", "2026-11-19T22:15:00+01:00", 1, .harassment, "C7", "Gentagne ukvemsord ved sengetid."),
        ]
        for (n, episode) in episodes.enumerated() {
            s.register(n + 1, by: episode.0, occurred: episode.1, severity: episode.2, kind: episode.3,
                       description: episode.5, citizenRef: episode.4, absenceDays: n == 6 ? 3 : nil)
        }
        let earlierYears: [(String, Int)] = [
            ("2024-08-14T10:00:00+02:00", 1), ("2024-09-02T18:00:00+02:00", 3), ("2024-10-21T07:30:00+02:00", 5),
            ("2024-11-11T20:00:00+01:00", 3), ("2025-07-09T09:00:00+02:00", 1), ("2025-08-19T16:00:00+02:00", 1),
            ("2025-09-30T21:00:00+02:00", 2), ("2025-10-12T11:00:00+02:00", 3), ("2025-12-03T19:00:00+01:00", 4),
        ]
        for (n, episode) in earlierYears.enumerated() {
            s.register(30 + n, by: "bent", occurred: episode.0, severity: episode.1, kind: .harassment, description: "Tidligere episode")
            s.add(.acknowledged(incident: ScreenScenario.id(30 + n), note: nil), by: "leder",
                  at: ScreenScenario.at(episode.0).adding(seconds: 86_400))
        }
        s.register(20, by: "ledersyd", unit: ScreenScenario.syd, occurred: "2026-11-17T11:00:00+01:00", severity: 2)
        for n in [1, 2, 3, 4, 5, 6] {
            s.add(.acknowledged(incident: ScreenScenario.id(n), note: nil), by: "leder",
                  at: ScreenScenario.at("2026-11-19T09:00:00+01:00"))
        }
        s.add(.followUpRecorded(incident: ScreenScenario.id(3), FollowUpRecord(
            kind: .defusing, outcome: .done, on: ScreenScenario.at("2026-11-03T22:00:00+01:00"), note: "Kort defusing i vagten")),
              by: "leder", at: ScreenScenario.at("2026-11-04T08:00:00+01:00"))
        s.add(.noteAdded(incident: ScreenScenario.id(7), text: "Anna er sygemeldt; jeg ringer torsdag."), by: "leder",
              at: ScreenScenario.at("2026-11-17T09:30:00+01:00"))
        s.add(.actionOpened(PreventiveAction(id: ScreenScenario.id(100), unit: ScreenScenario.nord,
                                             title: "Opdatér LA2-plan for B12", owner: "leder",
                                             due: CalendarDate(iso: "2026-11-27")!, incidents: [ScreenScenario.id(7)])),
              by: "amr", at: ScreenScenario.at("2026-11-19T13:40:00+01:00"))
        s.add(.actionOpened(PreventiveAction(id: ScreenScenario.id(101), unit: ScreenScenario.nord,
                                             title: "To på vagt ved aftenmedicin", owner: "amr",
                                             due: CalendarDate(iso: "2026-11-15")!)),
              by: "amr", at: ScreenScenario.at("2026-11-05T13:40:00+01:00"))
        s.add(.supervisionHeld(SupervisionSession(id: ScreenScenario.id(110), unit: ScreenScenario.nord,
                                                  date: CalendarDate(iso: "2026-11-18")!, form: .group, evaluation: 4,
                                                  note: "Fokus på aftensituationer")),
              by: "amr", at: ScreenScenario.at("2026-11-18T15:00:00+01:00"))
        return s
    }

    static let guidePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/guide.md")

    /// The guide with each block after a `<!-- capture: NAME … -->` line replaced by the text of
    /// the golden dump NAME, as drawn now.
    static func guide(_ text: String, captures: [String: String]) -> (text: String, missing: [String]) {
        var out: [String] = []
        var missing: [String] = []
        var lines = text.components(separatedBy: "\n")[...]
        while let line = lines.popFirst() {
            out.append(line)
            guard line.hasPrefix("<!-- capture: "), let name = line.dropFirst(14).split(separator: " ").first.map(String.init),
                  lines.first?.hasPrefix("```") == true else { continue }
            guard let capture = captures[name] else {
                missing.append(name)
                continue
            }
            out.append(lines.removeFirst())
            while let inner = lines.first, !inner.hasPrefix("```") { lines.removeFirst() }
            out.append(contentsOf: capture.components(separatedBy: "\n"))
        }
        return (out.joined(separator: "\n"), missing)
    }

    @Test func theGuidesCapturesAreTheGoldenScreens() throws {
        let captures = Dictionary(uniqueKeysWithValues: GoldenScreens.all().map { ($0.name, $0.buffer.dump()) })
        let text = try String(contentsOf: Self.guidePath, encoding: .utf8)
        let (expected, missing) = Self.guide(text, captures: captures)
        #expect(missing.isEmpty, "captures named in docs/guide.md without a golden screen: \(missing)")
        #expect(text.contains("<!-- capture: guide-list-da"))
        if GoldenScreens.regenerating {
            try expected.write(to: Self.guidePath, atomically: true, encoding: .utf8)
        } else {
            #expect(text == expected, "docs/guide.md's captures differ from the screens; run VTC_REGENERATE_GOLDEN=1 swift test --filter Golden")
        }
    }
}
