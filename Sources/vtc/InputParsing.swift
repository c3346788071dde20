import Foundation
import VTCModel
import VTCTexts

/// Turns option values into domain values, or fails with a one-line message
/// that names the option and the value given.
enum InputParsing {
    /// A moment as the register form reads it (`now`, `22:10`, `yesterday 22:10`, `26.11 08:00`,
    /// `2025-03-14T21:30[:SS]` in the policy's zone, or with `Z` or `±HH:MM`). What had to be
    /// guessed (a day or a year) is said on stderr. Only `allowingFuture` lets a moment lie ahead.
    static func dateTime(_ text: String, option: String, now: Timestamp, zone: Zone,
                         allowingFuture: Bool = false) throws(CLIFailure) -> Timestamp {
        switch OccurredInput.readMoment(text, now: now, zone: zone, allowingFuture: allowingFuture) {
        case .success(let reading):
            if reading.guessed {
                say(option, text, understoodAs: { $0.message(.dateTime(reading.value.expressed(in: zone))) })
            }
            return reading.value
        case .failure(.inTheFuture):
            throw .invalid(.inFuture(option: option, value: text))
        case .failure:
            throw .invalid(.invalidDateTime(option: option, value: text))
        }
    }

    /// A day as the forms read it (`today`, `yesterday`, `26.11`, `2025-11-26`); a day without a
    /// year falls in `window`, and the year taken is said on stderr.
    static func date(_ text: String, option: String, now: Timestamp, zone: Zone,
                     window: OccurredInput.DayWindow) throws(CLIFailure) -> CalendarDate {
        switch OccurredInput.readDay(text, now: now, zone: zone, window: window) {
        case .success(let reading):
            if reading.guessed { say(option, text, understoodAs: { $0.message(.longDate(reading.value)) }) }
            return reading.value
        case .failure(.inTheFuture):
            throw .invalid(.inFuture(option: option, value: text))
        case .failure:
            throw .invalid(.invalidDate(option: option, value: text))
        }
    }

    /// One line on stderr with what a guessed time was read as, in the language of the command.
    private static func say(_ option: String, _ typed: String, understoodAs shown: (Texts) -> String) {
        let texts = Texts(CommandRunner.language(Array(CommandLine.arguments.dropFirst())))
        CommandRunner.printError(texts.commandLine(.understood(option: option, typed: typed, as: shown(texts))))
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
