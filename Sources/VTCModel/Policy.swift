/// What an organisation decides rather than what the code decides: how the
/// severity grades are worded, which follow-up each episode calls for and by
/// when, the EASY absence threshold, when the AMG meets, and the local zone
/// all due times are reckoned in. Replaceable as a whole by a policy file.
public struct Policy: Hashable, Sendable {
    public var zone: Zone
    /// The wording of each grade 1…5, in grade order.
    public var severityWording: [SeverityWording]
    /// Days of absence from which a work accident is reported to EASY.
    public var easyThresholdDays: Int
    public var amgMeeting: WeeklyMeeting
    /// At most one rule per follow-up kind, in the order they are shown.
    public var rules: [FollowUpRule]

    public init(zone: Zone, severityWording: [SeverityWording], easyThresholdDays: Int, amgMeeting: WeeklyMeeting,
                rules: [FollowUpRule]) {
        self.zone = zone
        self.severityWording = severityWording
        self.easyThresholdDays = easyThresholdDays
        self.amgMeeting = amgMeeting
        self.rules = rules
    }

    public func wording(of severity: Severity) -> SeverityWording { severityWording[severity.rawValue - 1] }

    public func rule(for kind: FollowUpKind) -> FollowUpRule? { rules.first { $0.kind == kind } }
}

/// How one severity grade is described to the people who choose it.
public struct SeverityWording: Hashable, Sendable {
    public var danish: String
    public var english: String

    public init(danish: String, english: String) {
        self.danish = danish
        self.english = english
    }
}

/// A meeting held every week on the same weekday at the same local time.
public struct WeeklyMeeting: Hashable, Sendable {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int
    public var hour: Int
    public var minute: Int

    public init(isoWeekday: Int, hour: Int, minute: Int) {
        self.isoWeekday = isoWeekday
        self.hour = hour
        self.minute = minute
    }

    public static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}

extension Policy {
    /// DOMAIN.md's default policy. `PolicyFile.defaultDocument` is the same policy as JSON.
    public static let `default` = Policy(
        zone: .copenhagen,
        severityWording: [
            SeverityWording(
                danish: "Ubehagelig episode: skældud, verbal chikane eller en ubehagelig bemærkning; den registrerende er ikke påvirket efter vagten.",
                english: "Unpleasant episode: scolding, verbal harassment or an unpleasant remark; the registrant is not affected after the shift."),
            SeverityWording(
                danish: "Truende eller fysisk episode uden skade (skub, spyt, trussel); kortvarig påvirkning.",
                english: "Threatening or physical episode without injury (push, spitting, threat); short-lived effect."),
            SeverityWording(
                danish: "Vold med mindre skade eller en alvorlig trussel; den registrerende er stadig påvirket efter vagten.",
                english: "Violence with minor injury or a serious threat; the registrant is still affected after the shift."),
            SeverityWording(
                danish: "Vold med skade, der kræver behandling, eller en trussel, der skaber varig frygt; fravær eller debriefing er sandsynlig.",
                english: "Violence with injury that needs treatment, or a threat that creates lasting fear; absence or debriefing likely."),
            SeverityWording(
                danish: "Livstruende eller grov vold, alvorlig skade eller langvarige følger.",
                english: "Life-threatening or gross violence, serious injury or long-term effects."),
        ],
        easyThresholdDays: 1,
        amgMeeting: WeeklyMeeting(isoWeekday: 4, hour: 13, minute: 0),
        rules: [
            FollowUpRule(kind: .acknowledgement, when: [.always], due: .daysAfterRegistration(7)),
            FollowUpRule(kind: .defusingOffer, when: [FollowUpCondition(minSeverity: 2)], due: .endOfEpisodeDay),
            FollowUpRule(kind: .defusing, when: [FollowUpCondition(minSeverity: 3)], due: .hoursAfterEpisode(24)),
            FollowUpRule(kind: .debriefing, when: [FollowUpCondition(minSeverity: 4)], due: .daysAfterEpisode(3)),
            FollowUpRule(kind: .supervisionOffer,
                         when: [FollowUpCondition(minSeverity: 4),
                                FollowUpCondition(repeatedCitizenRef: RepeatedCitizenRef(episodes: 3, withinDays: 30))],
                         due: .daysAfterEpisode(14)),
            FollowUpRule(kind: .psychologistOffer,
                         when: [FollowUpCondition(minSeverity: 4), FollowUpCondition(wish: .wantsPsychologist)],
                         due: .daysAfterEpisode(7), staysOpen: true),
            FollowUpRule(kind: .policeReportDecision,
                         when: [FollowUpCondition(minSeverity: 3, kinds: [.physicalViolence, .threat],
                                                  counterparts: [.citizen], involvements: [.direct])],
                         due: .hoursAfterEpisode(72)),
            FollowUpRule(kind: .sickLeaveContact, when: [FollowUpCondition(absence: .atLeast(days: 1))],
                         due: .daysAfterFirstAbsenceDay(3)),
            FollowUpRule(kind: .easyReport, when: [FollowUpCondition(absence: .atLeastEASYThreshold)],
                         due: .daysAfterFirstAbsenceDay(14)),
            FollowUpRule(kind: .deepAnalysis, when: [FollowUpCondition(minSeverity: 5)], due: .daysAfterEpisode(30),
                         responsible: .coordinator),
            FollowUpRule(kind: .amgDiscussion, when: [.always], due: .nextAMGMeeting, responsible: .amg),
        ]
    )
}
