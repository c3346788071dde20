/// One row of the follow-up policy: which follow-up an episode calls for,
/// when, by when, and who answers for it.
public struct FollowUpRule: Hashable, Sendable {
    public var kind: FollowUpKind
    /// The rule applies when any one of these holds; `[.always]` applies to every registration.
    public var when: [FollowUpCondition]
    public var due: DueRule
    public var responsible: Role
    /// The offer stays open after it is made or declined: the need can come months later.
    public var staysOpen: Bool

    public init(kind: FollowUpKind, when: [FollowUpCondition], due: DueRule, responsible: Role = .leader,
                staysOpen: Bool = false) {
        self.kind = kind
        self.when = when
        self.due = due
        self.responsible = responsible
        self.staysOpen = staysOpen
    }
}

/// Requirements that must all hold; a requirement left out (nil) always holds.
public struct FollowUpCondition: Hashable, Sendable {
    public var minSeverity: Severity?
    public var kinds: Set<EpisodeKind>?
    public var counterparts: Set<Counterpart>?
    public var involvements: Set<Involvement>?
    public var absence: AbsenceRequirement?
    public var wish: Wish?
    public var repeatedCitizenRef: RepeatedCitizenRef?

    public static let always = FollowUpCondition()

    /// `minSeverity` is a grade 1–5.
    public init(minSeverity: Int? = nil, kinds: Set<EpisodeKind>? = nil, counterparts: Set<Counterpart>? = nil,
                involvements: Set<Involvement>? = nil, absence: AbsenceRequirement? = nil, wish: Wish? = nil,
                repeatedCitizenRef: RepeatedCitizenRef? = nil) {
        precondition(minSeverity.map(Severity.range.contains) ?? true, "a minimum severity is a grade 1–5")
        self.minSeverity = minSeverity.flatMap(Severity.init(rawValue:))
        self.kinds = kinds
        self.counterparts = counterparts
        self.involvements = involvements
        self.absence = absence
        self.wish = wish
        self.repeatedCitizenRef = repeatedCitizenRef
    }
}

public enum AbsenceRequirement: Hashable, Sendable {
    case atLeast(days: Int)
    /// At least the policy's EASY threshold, so that one setting moves both.
    case atLeastEASYThreshold
}

/// Something the registrant asked for on the registration.
public enum Wish: String, CaseIterable, Hashable, Sendable {
    case wantsPsychologist = "wants_psychologist"
    case wantsLeaderTalk = "wants_leader_talk"
}

/// The same citizen reference (within one unit) in at least `episodes`
/// episodes, counting this one, that happened in the `withinDays` × 24 hours up to and including this one.
public struct RepeatedCitizenRef: Hashable, Sendable {
    public var episodes: Int
    public var withinDays: Int

    public init(episodes: Int, withinDays: Int) {
        self.episodes = episodes
        self.withinDays = withinDays
    }
}

/// When a follow-up item falls due. "Days" are calendar days in the policy's
/// zone at the same local clock time (23 or 25 hours across a DST change);
/// "hours" are absolute; a day's end is 23:59:59 local time.
public enum DueRule: Hashable, Sendable {
    case hoursAfterEpisode(Int)
    case daysAfterEpisode(Int)
    case endOfEpisodeDay
    /// The end of the local day N days after the first day of absence.
    case daysAfterFirstAbsenceDay(Int)
    case daysAfterRegistration(Int)
    /// The first weekly AMG meeting strictly after the registration.
    case nextAMGMeeting
}

extension Registration {
    /// Days of absence; a first absence day without a count means at least one day.
    public var effectiveAbsenceDays: Int {
        absenceDays ?? (firstAbsenceDay == nil ? 0 : 1)
    }

    /// Did this episode lead to absence? The one answer for the policy, the statistics and the reports.
    public var ledToAbsence: Bool { effectiveAbsenceDays > 0 }

    func has(_ wish: Wish) -> Bool {
        switch wish {
        case .wantsPsychologist: wantsPsychologist
        case .wantsLeaderTalk: wantsLeaderTalk
        }
    }
}

extension FollowUpCondition {
    /// `citizenEpisodes` counts the episodes with this registration's citizen reference within a window of days.
    func holds(for facts: Registration, easyThresholdDays: Int, citizenEpisodes: (_ withinDays: Int) -> Int) -> Bool {
        if let minSeverity, facts.severity < minSeverity { return false }
        if let kinds, !kinds.contains(facts.kind) { return false }
        if let counterparts, !counterparts.contains(facts.counterpart) { return false }
        if let involvements, !involvements.contains(facts.involvement) { return false }
        if let absence {
            let needed = switch absence {
            case .atLeast(let days): days
            case .atLeastEASYThreshold: easyThresholdDays
            }
            if facts.effectiveAbsenceDays < needed { return false }
        }
        if let wish, !facts.has(wish) { return false }
        if let repeated = repeatedCitizenRef, citizenEpisodes(repeated.withinDays) < repeated.episodes { return false }
        return true
    }
}
