import Foundation
import Testing
import VTCModel
@testable import TerminalKit
@testable import VTCTerminal

@Suite struct SavedScreenTests {
    func render(_ facts: Registration, language: Language = .da, user: String = "anna") -> CellBuffer {
        let id = UUID()
        let state = VTCState.replay([Event(at: Sample.now, actor: user, payload: .registered(incident: id, facts))])
        var buffer = CellBuffer(width: 80, height: 40)
        _ = SavedScreen(incident: id).render(Sample.context(user: user, language: language, state: state), into: &buffer,
                                             area: buffer.bounds)
        return buffer
    }

    /// The rows trimmed and joined by spaces, so wrapped sentences read whole.
    func flattened(_ buffer: CellBuffer) -> String {
        (0..<buffer.height).map { buffer.row($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    @Test func terminalControlSequencesInADescriptionAreShownHarmlessly() {
        let hostile = "Før \u{1B}]0;title\u{07} midt \u{1B}[2J efter"
        let buffer = render(Sample.registration(hostile, severity: 1, kind: .harassment))
        #expect(buffer.dump().contains("Før ^[]0;title^G midt ^[[2J efter"))
        let scalars = buffer.cells.flatMap { $0.character.unicodeScalars.map(\.value) }
        #expect(!scalars.contains { $0 < 0x20 || (0x7F...0x9F).contains($0) })
    }

    @Test func theFollowUpNowDueIsListedWithDueTimes() {
        let screen = render(Sample.registration("Skubbede mig", severity: 2, kind: .harassment)).dump()
        #expect(screen.contains("Opfølgning, der nu skal ske"))
        #expect(screen.contains("• Lederen har læst og kvitteret – senest 29.11.2026 kl. 14:37 (Leder)"))
        #expect(screen.contains("• Tilbud om kollegial defusing – senest 22.11.2026 kl. 23:59 (Leder)"))
        #expect(screen.contains("• Drøftet i AMG – senest 26.11.2026 kl. 13:00 (AMG)"))
        #expect(!screen.contains("Det skal du vide"))
    }

    @Test func theActionCardComesWhenTheFactsCallForItAndNamesTheLeader() {
        var threat = Sample.registration("Truede med kniv", severity: 1, kind: .threat)
        #expect(SavedScreen.needsActionCard(threat))
        var calm = Sample.registration("Skældte ud", severity: 2, kind: .harassment)
        #expect(!SavedScreen.needsActionCard(calm))
        calm.policeReport = true
        #expect(SavedScreen.needsActionCard(calm))
        calm.policeReport = false
        calm.injury = .psychological
        #expect(SavedScreen.needsActionCard(calm))
        threat.severity = Severity(rawValue: 4)!
        let screen = flattened(render(threat, language: .en))
        #expect(screen.contains("What you should know"))
        #expect(screen.contains("you may always report it to the police yourself"))
        #expect(screen.contains("within 72 hours"))
        #expect(screen.contains("exceptions for care staff"))
        #expect(screen.contains("Contact: your leader (Bo Leth)"))
    }
}
