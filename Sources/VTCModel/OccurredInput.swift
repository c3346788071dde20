/// Reads the times and days people type into the register form, the way they
/// say them at the end of a shift: `14:30`, `i går 22:00` / `yesterday 22:00`,
/// `i dag 08:15` / `today 08:15`, `22.11 14:30`, `22.11.2026 14:30`,
/// `2026-11-22 14:30`, `nu` / `now`, or a full RFC 3339 time. Local clock
/// readings are in the given zone (Europe/Copenhagen by policy).
///
/// An episode cannot lie in the future: a bare clock time later than now
/// means yesterday, a day and month without a year later than now means last
/// year, and anything else more than `futureTolerance` ahead is refused.
public enum OccurredInput {
    /// Clocks disagree a little; a time this close ahead of now is taken as now-ish and accepted.
    public static let futureTolerance: Int64 = 300

    public enum Problem: Error, Equatable, Sendable {
        /// Not a time in any of the accepted forms.
        case unrecognised(String)
        /// The form is right but the date does not exist (`31.02`).
        case noSuchDate(String)
        /// More than `futureTolerance` after now.
        case inTheFuture(Timestamp)
    }

    /// The moment `text` names, as seen at `now`, with the zone's offset.
    public static func moment(_ text: String, now: Timestamp, zone: Zone) -> Result<Timestamp, Problem> {
        let trimmed = text.trimmingWhitespace
        if let exact = Timestamp(rfc3339: trimmed) {
            return exact.epochSeconds > now.epochSeconds + futureTolerance ? .failure(.inTheFuture(exact)) : .success(exact)
        }
        var words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words == ["nu"] || words == ["now"] { return .success(now.expressed(in: zone)) }
        // `2026-11-22T14:30`: a local reading written the ISO way.
        if words.count == 1, words[0].contains("-"), let t = words[0].firstIndex(of: "t") {
            words = [String(words[0][..<t]), String(words[0][words[0].index(after: t)...])]
        }
        if words.count >= 2, words[words.count - 2] == "kl" || words[words.count - 2] == "kl." {
            words.remove(at: words.count - 2)
        }
        guard let last = words.last, let clock = clockTime(last) else { return .failure(.unrecognised(trimmed)) }
        let today = zone.local(now).date
        let day: DayReading
        switch dayReading(Array(words.dropLast()), today: today) {
        case .success(let reading): day = reading
        case .failure(.unrecognised): return .failure(.unrecognised(trimmed))
        case .failure(let problem): return .failure(problem)
        }
        func at(_ date: CalendarDate) -> Timestamp {
            zone.timestamp(for: LocalDateTime(date: date, hour: clock.hour, minute: clock.minute))
        }
        func isFuture(_ t: Timestamp) -> Bool { t.epochSeconds > now.epochSeconds + futureTolerance }
        var moment = at(day.date)
        if isFuture(moment) {
            switch day.ifInTheFuture {
            case .refuse: return .failure(.inTheFuture(moment))
            case .dayBefore: moment = at(day.date.adding(days: -1))
            case .yearBefore(let earlier):
                guard let earlier else { return .failure(.noSuchDate(trimmed)) }
                moment = at(earlier)
            }
        }
        return .success(moment)
    }

    /// The calendar day `text` names (`i dag`, `yesterday`, `22.11`,
    /// `22.11.2026`, `2026-11-22`), never after today.
    public static func day(_ text: String, now: Timestamp, zone: Zone) -> Result<CalendarDate, Problem> {
        let trimmed = text.trimmingWhitespace
        let words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let today = zone.local(now).date
        guard !words.isEmpty else { return .failure(.unrecognised(trimmed)) }
        switch dayReading(words, today: today) {
        case .failure(.unrecognised): return .failure(.unrecognised(trimmed))
        case .failure(let problem): return .failure(problem)
        case .success(let reading):
            guard reading.date > today else { return .success(reading.date) }
            if case .yearBefore(let earlier?) = reading.ifInTheFuture { return .success(earlier) }
            return .failure(.inTheFuture(zone.timestamp(for: LocalDateTime(date: reading.date, secondOfDay: 0))))
        }
    }

    /// How the form writes a moment so it reads back the same: `2026-11-22 14:30`.
    public static func format(_ t: Timestamp, zone: Zone) -> String {
        let local = zone.local(t)
        return local.date.iso + " " + pad2(local.hour) + ":" + pad2(local.minute)
    }

    // MARK: - Pieces

    private enum FutureRule {
        case refuse
        case dayBefore
        /// The same day and month a year earlier; nil when that day does not exist (29 February).
        case yearBefore(CalendarDate?)
    }

    private struct DayReading {
        var date: CalendarDate
        var ifInTheFuture: FutureRule
    }

    /// The words before the clock time: none (today, or yesterday if later than now), a day word, or a date.
    private static func dayReading(_ words: [String], today: CalendarDate) -> Result<DayReading, Problem> {
        switch words {
        case []: return .success(DayReading(date: today, ifInTheFuture: .dayBefore))
        case ["i", "dag"], ["idag"], ["today"]: return .success(DayReading(date: today, ifInTheFuture: .refuse))
        case ["i", "går"], ["igår"], ["i", "gaar"], ["igaar"], ["yesterday"]:
            return .success(DayReading(date: today.adding(days: -1), ifInTheFuture: .refuse))
        case let single where single.count == 1:
            return date(single[0], today: today)
        default:
            return .failure(.unrecognised(words.joined(separator: " ")))
        }
    }

    /// `2026-11-22`, `22.11.2026`, `22.11` or `22.11.` (this year, or last year if later than today).
    private static func date(_ word: String, today: CalendarDate) -> Result<DayReading, Problem> {
        if word.count == 10, word.contains("-") {
            guard let date = CalendarDate(iso: word) else {
                return .failure(isNumbers(word.split(separator: "-"), lengths: [4, 2, 2]) ? .noSuchDate(word) : .unrecognised(word))
            }
            return .success(DayReading(date: date, ifInTheFuture: .refuse))
        }
        var parts = word.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts[2].isEmpty { parts.removeLast() }
        switch parts.count {
        case 2:
            guard isNumbers(parts, lengths: [1...2, 1...2]), let day = Int(parts[0]), let month = Int(parts[1]) else {
                return .failure(.unrecognised(word))
            }
            guard let date = CalendarDate(year: today.year, month: month, day: day) else { return .failure(.noSuchDate(word)) }
            return .success(DayReading(date: date, ifInTheFuture: .yearBefore(CalendarDate(year: today.year - 1, month: month, day: day))))
        case 3:
            guard isNumbers(parts, lengths: [1...2, 1...2, 4...4]), let day = Int(parts[0]), let month = Int(parts[1]),
                  let year = Int(parts[2]) else { return .failure(.unrecognised(word)) }
            guard let date = CalendarDate(year: year, month: month, day: day) else { return .failure(.noSuchDate(word)) }
            return .success(DayReading(date: date, ifInTheFuture: .refuse))
        default:
            return .failure(.unrecognised(word))
        }
    }

    /// `14:30` or `8:15`.
    private static func clockTime(_ word: String) -> (hour: Int, minute: Int)? {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, isNumbers(parts, lengths: [1...2, 2...2]),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { return nil }
        return (hour, minute)
    }

    private static func isNumbers(_ parts: [Substring], lengths: [ClosedRange<Int>]) -> Bool {
        parts.count == lengths.count && zip(parts, lengths).allSatisfy { part, length in
            length.contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    private static func isNumbers(_ parts: [Substring], lengths: [Int]) -> Bool {
        isNumbers(parts, lengths: lengths.map { $0...$0 })
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
