/// Reads the times and days people type, the way they say them at the end of
/// a shift: `14:30`, `i går 22:00` / `yesterday 22:00`, `i dag 08:15` /
/// `today 08:15`, `22.11 14:30`, `22.11.2026 14:30`, `2026-11-22 14:30`
/// (seconds allowed), `nu` / `now`, or a full RFC 3339 time; and days:
/// `i dag`, `i går`, `i morgen` (where a day ahead makes sense), `22.11`,
/// `22.11.2026`, `2026-11-22`. Local clock readings are in the given zone
/// (Europe/Copenhagen by policy). This is the one reader of typed times: the
/// register form, the follow-up, absence and action forms and every command
/// option use it, and "now" is always a parameter.
///
/// What is left out is guessed as the nearest plausible moment, and the
/// reading says so (`guessed`), so that a form can show the full date and a
/// command can print what it understood. A moment cannot lie in the future:
/// a bare clock time later than now means yesterday, a day and month later
/// than now means last year, and anything else more than `futureTolerance`
/// ahead is refused. A day without a year falls in the field's `DayWindow`.
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

    /// What was read, and whether a year or a day was left out and had to be guessed.
    public struct Reading<Value: Equatable & Sendable>: Equatable, Sendable {
        public var value: Value
        public var guessed: Bool

        public init(value: Value, guessed: Bool) {
            self.value = value
            self.guessed = guessed
        }
    }

    /// Where a day typed without its year may fall, in days around today; the
    /// year that puts it there is taken. Past-only windows also refuse a later day.
    public struct DayWindow: Equatable, Sendable {
        public var daysBefore: Int
        public var daysAfter: Int

        public init(daysBefore: Int, daysAfter: Int) {
            self.daysBefore = daysBefore
            self.daysAfter = daysAfter
        }

        /// An episode, a supervision session, a follow-up given: today or before.
        public static let past = DayWindow(daysBefore: 365, daysAfter: 0)
        /// The first day of absence: within the last 60 or the next 30 days.
        public static let absence = DayWindow(daysBefore: 60, daysAfter: 30)
        /// A preventive action's due day: mostly ahead, a little behind.
        public static let due = DayWindow(daysBefore: 30, daysAfter: 335)
        /// A report's day or a filter's bound: the nearest either way.
        public static let nearest = DayWindow(daysBefore: 182, daysAfter: 183)
    }

    /// The moment `text` names, as seen at `now`, with the zone's offset.
    public static func moment(_ text: String, now: Timestamp, zone: Zone) -> Result<Timestamp, Problem> {
        readMoment(text, now: now, zone: zone).map(\.value)
    }

    /// The moment `text` names, and whether its day was guessed. `allowingFuture` is for
    /// the time a report is made as of, which may lie ahead; guesses still look back.
    public static func readMoment(_ text: String, now: Timestamp, zone: Zone,
                                  allowingFuture: Bool = false) -> Result<Reading<Timestamp>, Problem> {
        let trimmed = text.trimmingWhitespace
        func isFuture(_ t: Timestamp) -> Bool { !allowingFuture && t.epochSeconds > now.epochSeconds + futureTolerance }
        if let exact = Timestamp(rfc3339: trimmed) {
            return isFuture(exact) ? .failure(.inTheFuture(exact)) : .success(Reading(value: exact, guessed: false))
        }
        var words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words == ["nu"] || words == ["now"] { return .success(Reading(value: now.expressed(in: zone), guessed: false)) }
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
        switch dayReading(Array(words.dropLast()), today: today, window: .past, allowsTomorrow: false) {
        case .success(let reading): day = reading
        case .failure(.unrecognised): return .failure(.unrecognised(trimmed))
        case .failure(let problem): return .failure(problem)
        }
        func at(_ date: CalendarDate) -> Timestamp {
            zone.timestamp(for: LocalDateTime(date: date, hour: clock.hour, minute: clock.minute, second: clock.second))
        }
        var moment = at(day.date)
        // A guessed day is the latest such moment not in the future, also when reports may look ahead.
        if day.guessed ? moment.epochSeconds > now.epochSeconds + futureTolerance : isFuture(moment) {
            switch day.ifInTheFuture {
            case .refuse: return .failure(.inTheFuture(moment))
            case .dayBefore: moment = at(day.date.adding(days: -1))
            case .yearBefore(let earlier):
                guard let earlier else { return .failure(.noSuchDate(trimmed)) }
                moment = at(earlier)
            }
        }
        return .success(Reading(value: moment, guessed: day.guessed))
    }

    /// The calendar day `text` names (`i dag`, `yesterday`, `22.11`, `22.11.2026`, `2026-11-22`).
    public static func day(_ text: String, now: Timestamp, zone: Zone, window: DayWindow = .past) -> Result<CalendarDate, Problem> {
        readDay(text, now: now, zone: zone, window: window).map(\.value)
    }

    /// The calendar day `text` names, and whether its year was guessed: a day without
    /// a year falls in `window`, and a past-only window refuses a day after today.
    public static func readDay(_ text: String, now: Timestamp, zone: Zone,
                               window: DayWindow = .past) -> Result<Reading<CalendarDate>, Problem> {
        let trimmed = text.trimmingWhitespace
        let words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let today = zone.local(now).date
        guard !words.isEmpty else { return .failure(.unrecognised(trimmed)) }
        switch dayReading(words, today: today, window: window, allowsTomorrow: window.daysAfter > 0) {
        case .failure(.unrecognised): return .failure(.unrecognised(trimmed))
        case .failure(let problem): return .failure(problem)
        case .success(let reading):
            if window.daysAfter == 0, reading.date > today {
                return .failure(.inTheFuture(zone.timestamp(for: LocalDateTime(date: reading.date, secondOfDay: 0))))
            }
            return .success(Reading(value: reading.date, guessed: reading.guessed))
        }
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
        /// The year or the day was left out.
        var guessed = false
    }

    /// The words before the clock time: none (today, or yesterday if later than now), a day word, or a date.
    private static func dayReading(_ words: [String], today: CalendarDate, window: DayWindow,
                                   allowsTomorrow: Bool) -> Result<DayReading, Problem> {
        switch words {
        case []: return .success(DayReading(date: today, ifInTheFuture: .dayBefore, guessed: true))
        case ["i", "dag"], ["idag"], ["today"]: return .success(DayReading(date: today, ifInTheFuture: .refuse))
        case ["i", "går"], ["igår"], ["i", "gaar"], ["igaar"], ["yesterday"]:
            return .success(DayReading(date: today.adding(days: -1), ifInTheFuture: .refuse))
        case ["i", "morgen"] where allowsTomorrow, ["imorgen"] where allowsTomorrow, ["tomorrow"] where allowsTomorrow:
            return .success(DayReading(date: today.adding(days: 1), ifInTheFuture: .refuse))
        case let single where single.count == 1:
            return date(single[0], today: today, window: window)
        default:
            return .failure(.unrecognised(words.joined(separator: " ")))
        }
    }

    /// `2026-11-22`, `22.11.2026`, `22.11` or `22.11.` (the year that puts it in `window`).
    private static func date(_ word: String, today: CalendarDate, window: DayWindow) -> Result<DayReading, Problem> {
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
            guard let date = nearest(day: day, month: month, today: today, window: window) else {
                return .failure(.noSuchDate(word))
            }
            return .success(DayReading(date: date, ifInTheFuture: .yearBefore(CalendarDate(year: date.year - 1, month: month, day: day)),
                                       guessed: true))
        case 3:
            guard isNumbers(parts, lengths: [1...2, 1...2, 4...4]), let day = Int(parts[0]), let month = Int(parts[1]),
                  let year = Int(parts[2]) else { return .failure(.unrecognised(word)) }
            guard let date = CalendarDate(year: year, month: month, day: day) else { return .failure(.noSuchDate(word)) }
            return .success(DayReading(date: date, ifInTheFuture: .refuse))
        default:
            return .failure(.unrecognised(word))
        }
    }

    /// The day and month in the year that puts it in `window` round today (the latest if two
    /// do), else in the year that puts it nearest the window; nil if it exists in none (`30.02`).
    private static func nearest(day: Int, month: Int, today: CalendarDate, window: DayWindow) -> CalendarDate? {
        let candidates = [today.year + 1, today.year, today.year - 1].compactMap { CalendarDate(year: $0, month: month, day: day) }
        let first = today.daysSinceEpoch - window.daysBefore, last = today.daysSinceEpoch + window.daysAfter
        func distance(_ date: CalendarDate) -> Int { max(0, first - date.daysSinceEpoch, date.daysSinceEpoch - last) }
        return candidates.min { distance($0) < distance($1) }
    }

    /// `14:30`, `8:15` or `14:30:05`.
    private static func clockTime(_ word: String) -> (hour: Int, minute: Int, second: Int)? {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 && isNumbers(parts, lengths: [1...2, 2...2]) || parts.count == 3 && isNumbers(parts, lengths: [1...2, 2...2, 2...2]),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 else { return nil }
        let second = parts.count == 3 ? Int(parts[2]) ?? 60 : 0
        guard second < 60 else { return nil }
        return (hour, minute, second)
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
