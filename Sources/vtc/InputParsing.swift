import Foundation
import VTCModel

/// Turns option values into domain values, or fails with a one-line message
/// that names the option and the value given.
enum InputParsing {
    /// `now`, `YYYY-MM-DDTHH:MM[:SS]` (Copenhagen time) or the same with `Z` or `±HH:MM`.
    static func dateTime(_ text: String, option: String, now: Timestamp, zone: Zone = .copenhagen) throws(CLIFailure) -> Timestamp {
        if text == "now" { return now }
        if let withOffset = Timestamp(rfc3339: text) { return withOffset }
        if let local = localDateTime(text) { return zone.timestamp(for: local) }
        throw .invalid(.invalidDateTime(option: option, value: text))
    }

    private static func localDateTime(_ text: String) -> LocalDateTime? {
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let date = CalendarDate(iso: parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let h = Int(clock[0]), let m = Int(clock[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        let s = clock.count == 3 ? Int(clock[2]) : 0
        guard let s, (0..<60).contains(s) else { return nil }
        return LocalDateTime(date: date, hour: h, minute: m, second: s)
    }

    static func date(_ text: String, option: String) throws(CLIFailure) -> CalendarDate {
        guard let d = CalendarDate(iso: text) else { throw .invalid(.invalidDate(option: option, value: text)) }
        return d
    }

    static func identifier<E: RawRepresentable & CaseIterable>(_ text: String, option: String, as type: E.Type = E.self) throws(CLIFailure) -> E
    where E.RawValue == String {
        guard let value = E(rawValue: text) else {
            throw .invalid(.notOneOf(option: option, allowed: E.allCases.map(\.rawValue), value: text))
        }
        return value
    }

    static func severity(_ text: String, option: String = "--severity") throws(CLIFailure) -> Severity {
        guard let n = Int(text), let s = Severity(rawValue: n) else { throw .invalid(.severityNotInRange(option: option, value: text)) }
        return s
    }

    /// `3,4,5` or `3-5`: a set of severities.
    static func severities(_ text: String) throws(CLIFailure) -> Set<Severity> {
        var result: Set<Severity> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            if bounds.count == 2 {
                let low = try severity(String(bounds[0])), high = try severity(String(bounds[1]))
                guard low <= high else { throw .invalid(.severityRangeDownward(String(part))) }
                result.formUnion(Severity.all.filter { low <= $0 && $0 <= high })
            } else {
                result.insert(try severity(String(part)))
            }
        }
        return result
    }

    static func count(_ text: String, option: String, range: ClosedRange<Int>) throws(CLIFailure) -> Int {
        guard let n = Int(text), range.contains(n) else {
            throw .invalid(.numberNotInRange(option: option, range: range, value: text))
        }
        return n
    }

    /// User text is checked at the boundary: no control characters, no CPR numbers, no empty required text.
    static func text(_ text: String, option: String, multiLine: Bool, required: Bool = true) throws(CLIFailure) -> String {
        if required, text.allSatisfy(\.isWhitespace) { throw .invalid(.text(option: option, .empty(field: option))) }
        if let problem = InputRules.checkText(text, field: option, multiLine: multiLine) {
            throw .invalid(.text(option: option, problem))
        }
        if InputRules.containsCPRNumber(text) { throw .invalid(.text(option: option, .cprNumber(field: option))) }
        return text
    }
}
