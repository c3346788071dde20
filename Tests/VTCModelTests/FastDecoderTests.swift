import Foundation
import PropertyBased
import Testing
@testable import VTCModel
@testable import VTCCodec
import VTCStore

/// The fast decoder must agree with the reference (`JSONParser` + `Event(json:)`)
/// wherever it answers, answer for everything the writer writes, and leave
/// every line the reference refuses to the reference.
@Suite("Fast event decoder against the general decoder")
struct FastDecoderTests {
    static let somePrev = String(repeating: "0123456789abcdef", count: 4)

    /// A log line as `LogFormat.eventLine` writes it.
    static func line(_ event: Event, seq: Int64 = 42, prev: String = somePrev) -> [UInt8] {
        JSONWriter.encode(.object([("seq", .int(seq)), ("prev", .string(prev))] + event.jsonFields))
    }

    struct Decoded: Equatable {
        var seq: Int64
        var prev: String
        var event: Event
    }

    static func general(_ line: [UInt8]) -> Decoded? {
        guard let json = try? JSONParser.parse(line), let seq = json["seq"]?.int, let prev = json["prev"]?.string,
              let event = try? Event(json: json) else { return nil }
        return Decoded(seq: seq, prev: prev, event: event)
    }

    static func fast(_ line: [UInt8]) -> Decoded? {
        guard let d = line.withUnsafeBufferPointer(FastEventDecoder.decodeLine) else { return nil }
        let hex = (0..<32).map { String(format: "%02x", d.prev[$0]) }.joined()
        return Decoded(seq: d.seq, prev: hex, event: d.event)
    }

    /// The fast path answers, and with what the general path gives.
    static func expectFastAgrees(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = general(line)
        #expect(reference != nil, "the general path refuses \(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
        #expect(fast(line) != nil, "the fast path gives up on \(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
        #expect(fast(line) == reference, sourceLocation: sourceLocation)
    }

    /// The general path refuses the line, and so the fast path must not answer.
    static func expectBothRefuse(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(general(line) == nil, "the general path accepts it", sourceLocation: sourceLocation)
        #expect(fast(line) == nil, "the fast path accepts \(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    static func replacing(_ line: [UInt8], _ old: String, with new: String) -> [UInt8] {
        let text = String(decoding: line, as: UTF8.self)
        precondition(text.contains(old), "fixture does not contain \(old)")
        return Array(text.replacingOccurrences(of: old, with: new).utf8)
    }

    static let incident = UUID(uuidString: "6f1c2b4e-8a3d-4c55-9e11-0b7d2f9a1c01")!
    static let at = Timestamp(epochSeconds: 1_795_000_000, utcOffsetSeconds: 3600)

    static func note(_ text: String) -> Event {
        Event(id: UUID(uuidString: "11111111-2222-4333-8444-555555555555")!, at: at, actor: "søren",
              payload: .noteAdded(incident: incident, text: text))
    }

    static func registration(description: String = "d", location: String? = "fællesstuen", absenceDays: Int? = 2) -> Event {
        Event(at: at, actor: "mette", payload: .registered(incident: incident, Registration(
            occurredAt: at, unit: "Bo Nord", location: location, kind: .threat, severity: Severity(rawValue: 3)!,
            citizenRef: nil, injury: .psychological, firstAbsenceDay: CalendarDate(year: 2026, month: 11, day: 20),
            absenceDays: absenceDays, description: description, firstAid: true)))
    }

    @Test("random events of every type decode the same both ways, and the fast path answers for each",
          arguments: EventType.allCases)
    func randomEventsAgree(type: EventType) async {
        await propertyCheck(count: 80, input: RandomEvents.event(of: type)) { event in
            Self.expectFastAgrees(Self.line(event))
        }
    }

    @Test("whole random logs decode the same both ways")
    func randomLogsAgree() async {
        await propertyCheck(count: 20, input: RandomEvents.sequence(count: 1...60)) { events in
            for (i, event) in events.enumerated() {
                Self.expectFastAgrees(Self.line(event, seq: Int64(i + 2)))
            }
        }
    }

    @Test("escapes the writer never writes decode the same both ways: \\/, \\u, surrogate pairs, uppercase hex")
    func foreignEscapesAgree() {
        let base = Self.line(Self.note("x"))
        for escaped in [#"a\/b"#, #"\u00e6\u00F8\u00e5"#, #"\ud83d\ude00"#, #"\uD83C\uDDE9\uD83C\uDDF0"#, #"\u0000\u001f"#,
                        #"\b\f\n\r\t\"\\"#, #"Æ\u00c6Æ"#, #"tab\there"#, ""] {
            let line = Self.replacing(base, #""text":"x""#, with: #""text":""# + escaped + #"""#)
            Self.expectFastAgrees(line)
        }
    }

    @Test("awkward text decodes the same both ways: Danish letters, quotes, empty strings, very long descriptions")
    func awkwardTextAgrees() {
        let long = String(repeating: "Beboeren råbte \"gå væk\" og slog ud efter mig\n", count: 1_200)
        for text in ["", "æøå ÆØÅ", "\"", "\\", "\u{1}\u{7F}\u{2028}", "😀👩‍⚕️🇩🇰", "e\u{301}", long] {
            Self.expectFastAgrees(Self.line(Self.note(text)))
            Self.expectFastAgrees(Self.line(Self.registration(description: text, location: text)))
        }
    }

    @Test("null optional values decode the same; an absent optional key is left to the general path")
    func nullsAndAbsentKeys() throws {
        let withNulls = Self.line(Self.registration(location: nil, absenceDays: nil))
        Self.expectFastAgrees(withNulls)
        let absent = Self.replacing(withNulls, #","location":null"#, with: "")
        #expect(Self.fast(absent) == nil)
        let reference = try #require(Self.general(absent))
        #expect(reference.event == Self.general(withNulls)?.event)
    }

    @Test("another key order, an unknown key or spaces are left to the general path, which accepts them")
    func unexpectedShapesFallBack() {
        let base = Self.line(Self.note("x"))
        for variant in [
            Self.replacing(base, #""actor":"søren","type":"note_added""#, with: #""type":"note_added","actor":"søren""#),
            Self.replacing(base, #","data":{"#, with: #","extra":[1,2.5],"data":{"#),
            Self.replacing(base, #""text":"x""#, with: #""text" : "x""#),
            Self.replacing(base, "6f1c2b4e-8a3d-4c55-9e11-0b7d2f9a1c01", with: "6F1C2B4E-8A3D-4C55-9E11-0B7D2F9A1C01"),
        ] {
            #expect(Self.fast(variant) == nil, "\(String(decoding: variant, as: UTF8.self))")
            #expect(Self.general(variant) != nil)
        }
    }

    /// Readers that take the first of two values and readers that take the last would disagree about the line.
    @Test("a key twice is refused by both paths, the general one naming the key")
    func duplicateKeysAreRefused() {
        let base = Self.line(Self.note("x"))
        for (old, new, key) in [
            (#""actor":"søren""#, #""actor":"mallory","actor":"søren""#, "actor"),
            (#""text":"x""#, #""text":"x","text":"y""#, "text"),
            (#""seq":42"#, #""seq":42,"seq":43"#, "seq"),
        ] {
            let line = Self.replacing(base, old, with: new)
            Self.expectBothRefuse(line)
            #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(line) }
            #expect((try? JSONParser.parse(line)) == nil)
            do { _ = try JSONParser.parse(line) } catch { #expect(error.reason == "duplicate key \"\(key)\"") }
        }
        // Wide objects use a set for the check: a duplicate among many keys is found too.
        let wide = "{" + (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k7\":0}"
        do { _ = try JSONParser.parse(Array(wide.utf8)); Issue.record("a duplicate among 41 keys was accepted") } catch {
            #expect(error.reason == "duplicate key \"k7\"")
        }
    }

    @Test("invalid UTF-8 is refused by both paths, wherever it is")
    func invalidUTF8IsRefused() {
        let base = Self.line(Self.registration(description: "ab"))
        let marker = Array(#""description":"a"#.utf8)
        let at = base.firstRange(of: marker)!.upperBound
        for bad: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80]] {
            var line = base
            line.insert(contentsOf: bad, at: at)
            Self.expectBothRefuse(line)
        }
    }

    @Test("every truncation of a line is refused by both paths")
    func truncatedLinesAreRefused() {
        let line = Self.line(Self.registration(description: "Blev skubbet; \"rolig\" efter 10 min.\næøå"))
        for length in 0..<line.count {
            Self.expectBothRefuse(Array(line[..<length]))
        }
    }

    @Test("wrong types and values out of range are refused by both paths")
    func wrongValuesAreRefused() {
        let registration = Self.line(Self.registration())
        for (old, new) in [
            (#""severity":3"#, #""severity":"3""#), (#""severity":3"#, #""severity":6"#), (#""severity":3"#, #""severity":3.0"#),
            (#""first_aid":true"#, #""first_aid":1"#), (#""absence_days":2"#, #""absence_days":-1"#),
            (#""absence_days":2"#, #""absence_days":1000001"#), (#""format":1"#, #""format":2"#),
            (#""type":"registered""#, #""type":"header""#), (#""kind":"threat""#, #""kind":"trussel""#),
            (#""first_absence_day":"2026-11-20""#, #""first_absence_day":"2026-02-30""#),
            (#""occurred_at":""#, #""occurred_at":"x"#), (#""unit":"Bo Nord""#, #""unit":null"#),
            (#""description":"d""#, #""description":"\ud800""#), (#""description":"d""#, #""description":"\x""#),
            (#""seq":42"#, #""seq":042"#), ("}}", "}},"),
        ] {
            Self.expectBothRefuse(Self.replacing(registration, old, with: new))
        }
        let evaluation = Self.line(Event(at: Self.at, actor: "a", payload: .supervisionHeld(SupervisionSession(
            unit: "Øst", date: CalendarDate(year: 2026, month: 1, day: 2)!, form: .group, evaluation: 4))))
        Self.expectBothRefuse(Self.replacing(evaluation, #""evaluation":4"#, with: #""evaluation":0"#))
        let absence = Self.line(Event(at: Self.at, actor: "a", payload: .absenceUpdated(
            incident: Self.incident, firstDay: CalendarDate(year: 2026, month: 1, day: 2)!, days: 3)))
        Self.expectBothRefuse(Self.replacing(absence, #""absence_days":3"#, with: #""absence_days":100001"#))
    }

    @Test("seeded random damage to written lines: wherever the fast path answers, it answers as the general path")
    func randomDamageNeverMakesThePathsDisagree() {
        var g = Sampler(rng: Xoshiro(seed: (0x5EED, 17, 4242, 99)))
        let interesting: [UInt8] = Array(#"{}[]:,"\-0123456789aefnrtulsx. "#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xA6, 0xFF]
        var answered = 0
        for _ in 0..<3_000 {
            let type = g.pick(EventType.allCases)
            var line = Self.line(g.event(of: type))
            for _ in 0..<g.int(1...3) {
                let i = g.int(0...(line.count - 1))
                switch g.int(0...2) {
                case 0: line[i] = g.pick(interesting)
                case 1: line.remove(at: i)
                default: line.insert(g.pick(interesting), at: i)
                }
            }
            guard let fast = Self.fast(line) else { continue }
            answered += 1
            #expect(Self.general(line) == fast, "\(String(decoding: line, as: UTF8.self))")
        }
        // Damage inside free text leaves a valid line; those must have been compared, not skipped.
        #expect(answered > 100)
    }
}
