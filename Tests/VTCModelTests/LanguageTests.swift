import Testing
import VTCModel

@Suite struct LanguageTests {
    @Test func lcAllWinsOverTheOthers() {
        #expect(Language.select(environment: ["LC_ALL": "da_DK.UTF-8", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "en_US.UTF-8"]) == .da)
        #expect(Language.select(environment: ["LC_ALL": "C", "LANG": "da_DK.UTF-8"]) == .en)
    }

    @Test func lcMessagesComesBeforeLang() {
        #expect(Language.select(environment: ["LC_MESSAGES": "da_DK.UTF-8", "LANG": "en_US.UTF-8"]) == .da)
        #expect(Language.select(environment: ["LC_MESSAGES": "en_US.UTF-8", "LANG": "da_DK.UTF-8"]) == .en)
    }

    @Test func emptyValuesAreSkipped() {
        #expect(Language.select(environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "da_DK.UTF-8"]) == .da)
    }

    @Test func noLocaleGivesEnglish() {
        #expect(Language.select(environment: [:]) == .en)
        #expect(Language.select(environment: ["LANG": "de_DE.UTF-8"]) == .en)
    }

    @Test func anExplicitChoiceOverridesTheEnvironment() {
        #expect(Language.select(explicit: .en, environment: ["LC_ALL": "da_DK.UTF-8"]) == .en)
        #expect(Language.select(explicit: .da, environment: ["LANG": "en_US.UTF-8"]) == .da)
    }
}
