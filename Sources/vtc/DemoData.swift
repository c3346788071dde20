import VTCModel
import VTCCodec
import Foundation

/// Realistic synthetic data for trying `vtc`: two years of registrations on
/// several Danish care units with their follow-up, AMG discussions,
/// preventive actions and supervision sessions, plus the roster that lets the
/// current user see all of it. A pure function of its inputs: the same seed,
/// size, "now" and user give the same events, byte for byte.
public struct DemoData: Sendable {
    /// Every event, ordered by the time it was written, none after "now".
    public var events: [Event]
    public var roster: [DemoRosterMember]

    public static let defaultIncidentCount = 400
    public static let defaultSeed: UInt64 = 2024

    /// The follow-up recorded for each registration is for the items `policy` calls for.
    public static func generate(incidents count: Int, seed: UInt64, now: Timestamp, currentUser: String,
                                policy: Policy = .default) -> DemoData {
        var generator = DemoGenerator(seed: seed, now: now, policy: policy)
        return generator.run(incidents: count, currentUser: currentUser)
    }
}

/// One person in the demo roster: the roles they hold on the listed units.
public struct DemoRosterMember: Hashable, Sendable {
    public var user: String
    public var roles: [Role]
    public var units: [String]
}

extension DemoData {
    /// The roster as the JSON document of `roster.json` (docs/roster.md).
    public var rosterDocument: JSONValue {
        let units = DemoUnit.all.map { RosterFile.unitEntry(name: $0.name, short: $0.short) }
        return .object([
            ("units", .array(units)),
            ("users", .array(roster.map { member in
                .object([
                    ("user", .string(member.user)),
                    ("roles", .object(member.roles.map { ($0.rawValue, .array(member.units.map(JSONValue.string))) })),
                ])
            })),
        ])
    }
}

/// A demo care unit: what staff call the people they care for, and the prefix of their pseudonymous references.
struct DemoUnit {
    let name: String
    /// The roster's short name, for narrow columns; nil where the name is short already.
    let short: String?
    let code: String
    let counterpartWord: String
    let citizenPrefix: String
    let weight: Int

    static let all = [
        DemoUnit(name: "Bostedet Åen", short: "Åen", code: "aaen", counterpartWord: "beboeren", citizenPrefix: "B", weight: 30),
        DemoUnit(name: "Skovbrynet", short: nil, code: "skov", counterpartWord: "beboeren", citizenPrefix: "S", weight: 20),
        DemoUnit(name: "Psykiatrisk afsnit P3", short: "P3", code: "p3", counterpartWord: "patienten", citizenPrefix: "P", weight: 35),
        DemoUnit(name: "Hjemmeplejen Nord", short: "Hj. Nord", code: "hjnord", counterpartWord: "borgeren", citizenPrefix: "H", weight: 15),
    ]

    static let staffPerUnit = 12
    static let citizensPerUnit = 60

    func staff(_ n: Int) -> String { "\(code)-\(n < 10 ? "0" : "")\(n)" }
    var leader: String { "\(code)-leder" }
    var representative: String { "\(code)-amr" }
}

private let day: Int64 = 86_400
private let hour: Int64 = 3_600

/// The generator's working state; `DemoData.generate` is its only user.
struct DemoGenerator {
    private var random: SeededRandom
    private let now: Timestamp
    private let policy: Policy
    private var zone: Zone { policy.zone }
    private var events: [(at: Timestamp, order: Int, event: Event)] = []
    /// Sessions of group supervision per unit, one every four weeks, and the incidents they took up.
    private var groupSessionLinks: [String: [Int: [UUID]]] = [:]

    static let coordinator = "koordinator"
    static let groupSupervisionEveryDays = 28

    init(seed: UInt64, now: Timestamp, policy: Policy) {
        random = SeededRandom(seed: seed)
        self.now = now.expressed(in: policy.zone)
        self.policy = policy
    }

    mutating func run(incidents count: Int, currentUser: String) -> DemoData {
        for _ in 0..<max(0, count) { incident() }
        supervisionSessions()
        let ordered = events.sorted { ($0.at.epochSeconds, $0.order) < ($1.at.epochSeconds, $1.order) }
        return DemoData(events: ordered.map(\.event), roster: roster(currentUser: currentUser))
    }

    private func roster(currentUser: String) -> [DemoRosterMember] {
        let names = DemoUnit.all.map(\.name)
        var members = [DemoRosterMember(user: currentUser, roles: [.leader, .amg, .coordinator], units: names)]
        if currentUser != DemoGenerator.coordinator {
            members.append(DemoRosterMember(user: DemoGenerator.coordinator, roles: [.coordinator], units: names))
        }
        for unit in DemoUnit.all {
            members.append(DemoRosterMember(user: unit.leader, roles: [.leader, .amg], units: [unit.name]))
            members.append(DemoRosterMember(user: unit.representative, roles: [.staff, .amg], units: [unit.name]))
            for n in 1...DemoUnit.staffPerUnit {
                members.append(DemoRosterMember(user: unit.staff(n), roles: [.staff], units: [unit.name]))
            }
        }
        return members
    }

    // MARK: - Time

    private var today: CalendarDate { zone.local(now).date }

    private func moment(_ date: CalendarDate, secondOfDay: Int) -> Timestamp {
        zone.timestamp(for: LocalDateTime(date: date, secondOfDay: secondOfDay))
    }

    private func expressed(_ epoch: Int64) -> Timestamp { Timestamp(epochSeconds: epoch).expressed(in: zone) }

    /// Keeps an event only if it has already happened by "now".
    private mutating func emit(_ at: Timestamp, _ actor: String, _ payload: EventPayload) {
        guard at <= now else { return }
        events.append((at, events.count, Event(id: random.uuid(), at: at, actor: actor, payload: payload)))
    }

    // MARK: - Incidents

    private mutating func occurrence() -> Timestamp {
        let date = today.adding(days: -random.below(730))
        let shift = random.weighted([45, 40, 15])
        let startHour = [7, 15, 23][shift]
        let second = (startHour * 3600 + random.below(8 * 3600)) % 86_400
        let t = moment(date, secondOfDay: second)
        return t < now.adding(seconds: -hour) ? t : now.adding(seconds: -hour - Int64(random.below(Int(5 * hour))))
    }

    private mutating func citizenRef(on unit: DemoUnit) -> String {
        // Skewed toward the first references, so some citizens come back again and again.
        let n = random.below(random.below(DemoUnit.citizensPerUnit) + 1) + 1
        return unit.citizenPrefix + "-" + String(repeating: "0", count: n < 10 ? 2 : n < 100 ? 1 : 0) + String(n)
    }

    private mutating func incident() {
        let unit = DemoUnit.all[random.weighted(DemoUnit.all.map(\.weight))]
        let registrant = random.chance(0.05) ? unit.representative : unit.staff(random.int(in: 1...DemoUnit.staffPerUnit))
        let occurred = occurrence()
        let severity = Severity.all[random.weighted([17, 24, 35, 18, 6])]
        let kind = EpisodeKind.allCases[random.weighted([35, 22, 25, 7, 6, 5])]
        let involvement: Involvement = random.chance(0.15) ? .witness : .direct
        let counterpart = Counterpart.allCases[random.weighted([82, 10, 4, 4])]
        let citizen: String? = counterpart == .citizen || counterpart == .relative ? citizenRef(on: unit) : nil
        let injury = self.injury(kind: kind, severity: severity.rawValue, involvement: involvement)
        let absence = self.absenceDays(severity: severity.rawValue)
        let registration = Registration(
            occurredAt: occurred, unit: unit.name,
            location: random.chance(0.85) ? random.pick(DemoTexts.locations) : nil,
            kind: kind, severity: severity, involvement: involvement, counterpart: counterpart, citizenRef: citizen,
            injury: injury,
            firstAbsenceDay: absence.map { _ in zone.local(occurred).date.adding(days: 1) }, absenceDays: absence,
            description: description(unit: unit, kind: kind, severity: severity.rawValue, involvement: involvement,
                                     counterpart: counterpart),
            firstAid: severity.rawValue >= 3 && random.chance(0.5),
            defusingHeld: severity.rawValue >= 2 && random.chance(0.55),
            wantsLeaderTalk: random.chance(severity.rawValue >= 3 ? 0.5 : 0.1),
            wantsPsychologist: severity.rawValue >= 3 && random.chance(0.3),
            policeReport: severity.rawValue >= 4 && kind == .physicalViolence && random.chance(0.3))
        let id = random.uuid()
        let registered = occurred.adding(seconds: Int64(1800 + random.below(Int(7 * hour))))
        emit(min(registered, now), registrant, .registered(incident: id, registration))
        if random.chance(0.004) {
            emit(registered.adding(seconds: Int64(random.below(Int(2 * day)))), registrant,
                 .withdrawn(incident: id, reason: random.pick(DemoTexts.withdrawalReasons)))
            return
        }
        let current = amend(id, registration, registrant: registrant, registered: registered)
        leaderFollowUp(id, current, unit: unit, registered: registered)
        amgAndActions(id, current, unit: unit, registered: registered)
        if current.severity.rawValue >= 3, random.chance(0.3) {
            linkToGroupSupervision(id, unit: unit, occurred: occurred)
        }
    }

    private mutating func injury(kind: EpisodeKind, severity: Int, involvement: Involvement) -> Injury {
        if severity < 3 || involvement == .witness { return severity >= 2 && random.chance(0.2) ? .psychological : .none }
        if kind == .physicalViolence { return random.chance(0.4) ? .both : .physical }
        return .psychological
    }

    private mutating func absenceDays(severity: Int) -> Int? {
        switch severity {
        case 5: return random.chance(0.8) ? random.int(in: 3...30) : nil
        case 4: return random.chance(0.4) ? random.int(in: 1...5) : nil
        case 3: return random.chance(0.05) ? 1 : nil
        default: return nil
        }
    }

    private mutating func description(unit: DemoUnit, kind: EpisodeKind, severity: Int, involvement: Involvement,
                                      counterpart: Counterpart) -> String {
        let subject = switch counterpart {
        case .citizen: unit.counterpartWord
        case .relative: "en pårørende"
        case .colleague: "en kollega"
        case .other: "en besøgende"
        }
        let object = involvement == .witness ? "min kollega" : "mig"
        let act = random.pick(DemoTexts.acts[kind] ?? DemoTexts.acts[.other]!)
        var sentences: [String] = []
        if counterpart == .citizen, random.chance(0.5) {
            sentences.append(random.pick(DemoTexts.buildUps).replacingOccurrences(of: "{S}", with: capitalized(subject)))
        }
        let clause = act.verb + " " + subject + " " + act.rest.replacingOccurrences(of: "{O}", with: object) + "."
        sentences.append(random.chance(0.8)
            ? random.pick(DemoTexts.situations) + " " + clause
            : capitalized(subject) + " " + act.verb + " " + act.rest.replacingOccurrences(of: "{O}", with: object) + ".")
        sentences.append(involvement == .witness
            ? random.pick(DemoTexts.witnessAftermath) : random.pick(DemoTexts.aftermath[severity - 1]))
        if random.chance(0.5) { sentences.append(random.pick(DemoTexts.whatWasDone)) }
        return sentences.joined(separator: " ")
    }

    private func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// Now and then the registrant adds to the description a day or two later.
    private mutating func amend(_ id: UUID, _ registration: Registration, registrant: String,
                                registered: Timestamp) -> Registration {
        guard random.chance(0.04) else { return registration }
        var amended = registration
        amended.description += " " + DemoTexts.addendum
        if amended.injury == .none { amended.injury = .physical }
        emit(registered.adding(seconds: day + Int64(random.below(Int(day)))), registrant,
             .amended(incident: id, changes: registration.changes(to: amended)))
        return amended
    }

    // MARK: - Follow-up

    private mutating func leaderFollowUp(_ id: UUID, _ r: Registration, unit: DemoUnit, registered: Timestamp) {
        let leader = unit.leader
        // Old registrations are nearly all followed up; the last two months still have gaps, which show as overdue.
        let completeness = now.epochSeconds - registered.epochSeconds > 60 * day ? 0.98 : 0.85
        if random.chance(completeness) {
            let at = registered.epochSeconds + Int64(random.below(Int(random.chance(0.85) ? 6 * day : 20 * day)))
            emit(expressed(at), leader, .acknowledged(incident: id, note: random.chance(0.2) ? random.pick(DemoTexts.leaderNotes) : nil))
        }
        let items = policy.itemsCalledFor(facts: r, registeredAt: registered) { _ in 1 }
        for item in items where item.kind != .acknowledgement && item.kind != .amgDiscussion {
            // Most follow-up is given, some of it late, and some never recorded: that is what shows as overdue.
            guard random.chance(completeness) else { continue }
            let start = registered.epochSeconds
            let onTime = Int(max(item.due.epochSeconds - start, hour))
            let on = expressed(random.chance(0.15)
                ? max(item.due.epochSeconds, start) + Int64(random.below(Int(10 * day)))
                : start + Int64(random.below(onTime)))
            let outcome = self.outcome(for: item.kind)
            let note: String? = switch outcome {
            case .done: item.kind == .defusing && r.defusingHeld ? "Holdt samme vagt." : DemoTexts.doneNotes[item.kind].map { random.pick($0) }
            case .declined: DemoTexts.declinedNote
            case .notRelevant: random.pick(DemoTexts.notRelevantReasons)
            }
            let record = FollowUpRecord(kind: item.kind, outcome: outcome, on: on, note: note)
            let written = max(on, registered).adding(seconds: Int64(1 + random.below(Int(4 * hour))))
            emit(written, item.responsible == .coordinator ? DemoGenerator.coordinator : leader,
                 .followUpRecorded(incident: id, record))
        }
        if let days = r.absenceDays, let first = r.firstAbsenceDay, random.chance(0.3) {
            let longer = days + random.int(in: 1...10)
            emit(moment(first.adding(days: days), secondOfDay: 9 * 3600), leader,
                 .absenceUpdated(incident: id, firstDay: first, days: longer))
        }
        if random.chance(0.1) {
            emit(registered.adding(seconds: Int64(random.below(Int(10 * day)))), leader,
                 .noteAdded(incident: id, text: random.pick(DemoTexts.leaderNotes)))
        }
    }

    private mutating func outcome(for kind: FollowUpKind) -> FollowUpOutcome {
        switch kind {
        case .defusingOffer, .supervisionOffer, .psychologistOffer:
            [.done, .declined, .notRelevant][random.weighted([70, 25, 5])]
        case .defusing, .debriefing:
            [.done, .declined, .notRelevant][random.weighted([80, 15, 5])]
        case .policeReportDecision, .easyReport:
            random.chance(0.9) ? .done : .notRelevant
        default:
            .done
        }
    }

    /// The AMG takes up each registration at its next weekly meeting; some lead to a preventive action.
    private mutating func amgAndActions(_ id: UUID, _ r: Registration, unit: DemoUnit, registered: Timestamp) {
        let registeredDay = zone.local(registered).date
        let meetingDay = policy.amgMeeting.isoWeekday
        let meeting = registeredDay.adding(days: (meetingDay - registeredDay.isoWeekday + 6) % 7 + 1)
        let meetingTime = moment(meeting, secondOfDay: policy.amgMeeting.hour * 3600 + policy.amgMeeting.minute * 60)
        guard random.chance(now.epochSeconds - meetingTime.epochSeconds > 60 * day ? 0.98 : 0.85) else { return }
        emit(meetingTime, unit.representative,
             .amgDiscussed(incident: id, date: meeting, summary: random.pick(DemoTexts.amgSummaries)))
        guard r.severity.rawValue >= 4 ? random.chance(0.3) : random.chance(0.03) else { return }
        let action = PreventiveAction(
            id: random.uuid(), unit: unit.name,
            title: random.pick(DemoTexts.actionTitles).replacingOccurrences(of: "{C}", with: r.citizenRef ?? "borgeren"),
            owner: random.chance(0.6) ? unit.leader : unit.representative,
            due: meeting.adding(days: random.int(in: 14...70)), incidents: [id])
        emit(meetingTime.adding(seconds: 1800), unit.leader, .actionOpened(action))
        if random.chance(today.daysSinceEpoch - action.due.daysSinceEpoch > 60 ? 0.97 : 0.75) {
            let closedDay = action.due.adding(days: random.int(in: -10...(random.chance(0.2) ? 25 : 0)))
            emit(moment(max(closedDay, meeting.adding(days: 1)), secondOfDay: 10 * 3600), action.owner,
                 .actionClosed(action: action.id, note: random.pick(DemoTexts.actionClosingNotes)))
        }
    }

    // MARK: - Supervision

    private var firstSessionDay: CalendarDate { today.adding(days: -735) }

    private mutating func linkToGroupSupervision(_ id: UUID, unit: DemoUnit, occurred: Timestamp) {
        let daysIn = zone.local(occurred).date.daysSinceEpoch - firstSessionDay.daysSinceEpoch
        let session = daysIn / DemoGenerator.groupSupervisionEveryDays + 1
        var links = groupSessionLinks[unit.name, default: [:]][session, default: []]
        guard links.count < 3 else { return }
        links.append(id)
        groupSessionLinks[unit.name, default: [:]][session] = links
    }

    /// Group supervision every four weeks on every unit, and now and then an individual session.
    private mutating func supervisionSessions() {
        for unit in DemoUnit.all {
            let sessions = 735 / DemoGenerator.groupSupervisionEveryDays
            for n in 1...sessions {
                let date = firstSessionDay.adding(days: n * DemoGenerator.groupSupervisionEveryDays + random.below(3))
                let session = SupervisionSession(
                    id: random.uuid(), unit: unit.name, date: date, form: .group,
                    incidents: groupSessionLinks[unit.name]?[n] ?? [],
                    evaluation: random.chance(0.7) ? random.weighted([5, 10, 30, 35, 20]) + 1 : nil,
                    note: random.chance(0.5) ? random.pick(DemoTexts.supervisionNotes) : nil)
                emit(moment(date, secondOfDay: 15 * 3600), unit.leader, .supervisionHeld(session))
                if random.chance(0.4) {
                    let individual = SupervisionSession(
                        id: random.uuid(), unit: unit.name, date: date.adding(days: random.int(in: 3...20)),
                        form: .individual, evaluation: random.weighted([5, 10, 25, 35, 25]) + 1)
                    emit(moment(individual.date, secondOfDay: 11 * 3600), unit.leader, .supervisionHeld(individual))
                }
            }
        }
    }
}
