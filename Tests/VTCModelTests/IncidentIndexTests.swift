import Foundation
import PropertyBased
import Testing
@testable import VTCModel

/// The index gives what `IncidentQuery.run` gives: every filter, both orders, any user, any text.
@Suite struct IncidentIndexTests {
    static let users = [
        UserAccess(user: "koordinator", roles: [.coordinator: .allUnits]),
        UserAccess(user: "leder1", roles: [.leader: .units(["Bo Nord"])]),
        UserAccess(user: "anna", roles: [.staff: .units(["Bo Syd"])]),
    ]
    /// Pieces of the random texts (Danish letters, combining marks, CR, emoji), their case
    /// changed, composed and decomposed, and words that span them.
    static let texts = [
        "æ", "Æ", "ø", "å", "Å", "a\u{30A}", "A\u{30A}", "a", "ae", "e", "é", "e\u{301}", "É", "\\", "\"", "/",
        "borger", "BORGER", "skæld", "SKÆLDUD", "borgerskældud", "b12", "c7", "bo", "bo syd", "nord", "😀", "👩‍⚕️",
        "🇩🇰", "\u{2028}", "\u{1}", "\u{7F}", "æ ø", "borger æ", "{:", "u00e6", "\\u00e6", "ærø", "}borger",
    ]
    static let now = Timestamp(epochSeconds: 1_767_222_000 + 20 * 86_400)

    static func queries() -> [IncidentQuery] {
        let since = Timestamp(epochSeconds: 1_767_222_000 + 10 * 86_400)
        let until = Timestamp(epochSeconds: 1_767_222_000 + 40 * 86_400)
        var queries = [
            IncidentQuery(), IncidentQuery(units: ["Bo Nord"]), IncidentQuery(units: ["Bo Syd", "Bo Vest"]),
            IncidentQuery(since: since), IncidentQuery(until: until), IncidentQuery(since: since, until: until),
            IncidentQuery(severities: [.init(rawValue: 2)!, .init(rawValue: 5)!]), IncidentQuery(kinds: [.threat, .harassment]),
            IncidentQuery(withOpenFollowUp: true), IncidentQuery(withOverdueFollowUp: true), IncidentQuery(notAcknowledged: true),
            IncidentQuery(units: ["Bo Nord"], severities: [.init(rawValue: 3)!], withOverdueFollowUp: true, notAcknowledged: true),
        ]
        queries += texts.map { IncidentQuery(text: $0) }
        queries += texts.map { IncidentQuery(units: ["Bo Syd"], withOpenFollowUp: true, text: $0) }
        return queries.flatMap { query in
            IncidentQuery.Order.allCases.map { order in
                var q = query
                q.order = order
                return q
            }
        }
    }

    @Test("the index selects the same incidents in the same order as IncidentQuery.run, for every filter and order")
    func agreesWithTheQuery() async {
        await propertyCheck(count: 40, input: RandomEvents.sequence(count: 0...150)) { events in
            let state = VTCState.replay(events)
            for user in Self.users {
                let index = IncidentIndex(state, for: user)
                for query in Self.queries() {
                    let selected = index.select(query, at: Self.now).map { index.ids[Int($0)] }
                    #expect(selected == query.oracleRun(on: state, for: user, at: Self.now).map(\.id),
                            "\(query) for \(user.user)")
                }
            }
        }
    }

    @Test("searching a longer text within the result of its prefix finds what searching it afresh finds")
    func narrowingFromAPrefixFindsTheSameRows() async {
        await propertyCheck(count: 20, input: RandomEvents.sequence(count: 1...150)) { events in
            let index = IncidentIndex(VTCState.replay(events), for: Self.users[0])
            for text in Self.texts {
                let whole = index.text.search(text)
                for length in 1..<text.count {
                    let prefix = String(text.prefix(length))
                    #expect(index.text.search(text, within: index.text.search(prefix)) == whole, "\(prefix) → \(text)")
                }
                // Typed character by character, each search after the one before, as the list's cache asks: the last
                // word is looked for first where the shorter one was found.
                var typed: TextMatches?
                for length in 1...text.count {
                    let prefix = String(text.prefix(length))
                    typed = index.text.search(prefix, within: typed?.rows, after: typed)
                    #expect(typed!.rows == index.text.search(prefix), "typed \(prefix)")
                }
                // Typed again from a case that moves where words first occur.
                typed = nil
                for prefix in ["e", "ep", "epi", "episode", "episode 1", "episode 12"] {
                    typed = index.text.search(prefix, within: typed?.rows, after: typed)
                    #expect(typed!.rows == index.text.search(prefix), "typed \(prefix)")
                }
            }
        }
    }

    @Test("a word typed letter by letter is found where its first occurrence is not where its start first occurs, in a note, in any case, and never across two texts")
    func typedWordsFoundAfterTheirStart() {
        let texts: [(description: String, notes: [String])] = [
            ("Kolleger kom. Min KOLLEGA så det.", []), ("Min kolle", ["ga er syg"]), ("Kolle", ["Ny KOLLEGA"]),
            ("kollega 😀", []), ("kollegaen", []), ("ingen", [])]
        var events: [Event] = []
        for (n, text) in texts.enumerated() {
            let id = UUID()
            let at = Timestamp(epochSeconds: 1_767_222_000 + Int64(n) * 60)
            events.append(Event(at: at, actor: "anna", payload: .registered(incident: id, Registration(
                occurredAt: at, unit: "Bo Nord", kind: .threat, severity: Severity(rawValue: 2)!, description: text.description))))
            events += text.notes.map { Event(at: at, actor: "leder1", payload: .noteAdded(incident: id, text: $0)) }
        }
        let index = IncidentIndex(VTCState.replay(events), for: Self.users[0])
        func described(_ rows: RowSet) -> Set<String> {
            Set((0..<index.count).filter(rows.contains).map { index.text.descriptions[$0] })
        }
        var typed: TextMatches?
        for prefix in ["k", "ko", "kolle", "kolleg", "kollega", "kollegae"] {
            typed = index.text.search(prefix, within: typed?.rows, after: typed)
            #expect(typed!.rows == index.text.search(prefix), "\(prefix)")
        }
        typed = nil
        for prefix in ["kolleg", "kollega"] { typed = index.text.search(prefix, within: typed?.rows, after: typed) }
        #expect(described(typed!.rows) == ["Kolleger kom. Min KOLLEGA så det.", "Kolle", "kollega 😀", "kollegaen"])
    }

    @Test("an index read in parts on several processors merges them into the query's order")
    func manyIncidentsReadInPartsKeepTheQueryOrder() {
        var g = Sampler(rng: Xoshiro(seed: (7, 70, 700, 7_000)))
        let start: Int64 = 1_767_222_000
        let events = (0..<12_000).map { n -> Event in
            // Whole hours over a year: many incidents share their occurrence time.
            let occurred = Timestamp(epochSeconds: start + Int64(g.int(0...8_759)) * 3_600)
            let facts = Registration(occurredAt: occurred, unit: n % 3 == 0 ? "Bo Syd" : "Bo Nord", kind: .threat,
                                     severity: Severity(rawValue: g.int(1...5))!, description: "Episode \(n)")
            let written = occurred.adding(seconds: Int64(g.int(0...1)) * 60)
            return Event(at: written, actor: "anna", payload: .registered(incident: UUID(), facts))
        }
        let state = VTCState.replay(events)
        let now = Timestamp(epochSeconds: start + 200 * 86_400)
        for user in Self.users {
            let index = IncidentIndex(state, for: user)
            for order in IncidentQuery.Order.allCases {
                let query = IncidentQuery(order: order)
                #expect(index.select(query, at: now).map { index.ids[Int($0)] } == query.oracleRun(on: state, for: user, at: now).map(\.id))
            }
        }
    }

    /// 1: "Borgeren kastede et ÆBLE", in the common room, citizen B12, unit Åen, a note about relatives.
    /// 2: "Slag på armen" with å decomposed, in the garden, unit Skoven.
    /// 3: "Aeble og paa" in the hall, unit Skoven.
    static let scenario: VTCState = {
        var s = QueryScenario()
        s.register(1, by: "anna", unit: "Åen", occurred: "2026-05-04T14:00:00+02:00",
                   description: "Borgeren kastede et ÆBLE", location: "Fællesstuen", citizenRef: "B12")
        s.add(.noteAdded(incident: QueryScenario.id(1), text: "Pårørende informeret"), by: "lis", at: "2026-05-06T09:00:00+02:00")
        s.register(2, by: "bo", unit: "Skoven", occurred: "2026-05-05T10:00:00+02:00",
                   description: "Slag pa\u{30A} armen", location: "Haven")
        s.register(3, by: "bo", unit: "Skoven", occurred: "2026-05-06T10:00:00+02:00",
                   description: "Aeble og paa", location: "Gangen")
        return s.state
    }()

    func search(_ text: String) -> [UInt8] {
        let index = IncidentIndex(Self.scenario, for: IncidentIndexTests.users[0])
        return index.select(IncidentQuery(text: text), at: Self.now).map { index.ids[Int($0)].uuid.15 }
    }

    @Test func searchIgnoresCaseInEveryField() {
        #expect(search("æble") == [1])
        #expect(search("BORGEREN") == [1])
        #expect(search("fÆLLESSTUEN") == [1])
        #expect(search("b12") == [1])
        #expect(search("ÅEN") == [1])
        #expect(search("skoven") == [3, 2])
        #expect(search("PÅRØRENDE") == [1])
    }

    @Test func danishLettersAreNotTheirSpellingsWithoutThem() {
        #expect(search("aeble") == [3])
        #expect(search("paa") == [3])
        #expect(search("på") == [2, 1])
        #expect(search("a") == [3, 2, 1])
        #expect(search("ae") == [3])
    }

    @Test func composedAndDecomposedÅMatchAlike() {
        #expect(search("PÅ") == [2, 1])
        #expect(search("pa\u{30A}") == [2, 1])
        #expect(search("slag pa\u{30A}") == [2])
        #expect(search("pa\u{30A}rørende") == [1])
        #expect(search("A\u{30A}EN") == [1])
    }

    @Test func everyWordMustOccurSomewhere() {
        #expect(search("æble  fællesstuen") == [1])
        #expect(search("informeret b12 ÆBLE") == [1])
        #expect(search("æble slag") == [])
        #expect(search("slag haven") == [2])
    }
}
