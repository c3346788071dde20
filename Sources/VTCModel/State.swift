import Foundation

/// What the log says, folded event by event: the incidents with their
/// follow-up, the preventive actions, the supervision sessions, and the
/// events that could not be applied. Each event costs about the same to
/// apply however long the log is.
public struct VTCState: Equatable, Sendable {
    public let policy: Policy
    public private(set) var incidents = IncidentTable()
    public private(set) var actions: [UUID: ActionRecord] = [:]
    public private(set) var actionOrder: [UUID] = []
    /// In log order.
    public private(set) var supervisionSessions: [SupervisionRecord] = []
    public private(set) var problems: [StateProblem] = []
    /// How many events were applied: the position (from 1) of the last one.
    public private(set) var eventCount = 0

    private(set) var supervisionIndex: [UUID: Int] = [:]
    /// The places in `actionOrder` of each unit's actions, and in
    /// `supervisionSessions` of each unit's sessions, in log order: a user's
    /// view takes the units they read without walking the others.
    private(set) var actionPlacesByUnit: [String: [Int32]] = [:]
    private(set) var sessionPlacesByUnit: [String: [Int32]] = [:]
    package private(set) var citizenEpisodes = CitizenEpisodeIndex()
    /// The most episodes and the widest window any repeated-citizen condition of the policy asks for.
    private let citizenReach: RepeatedCitizenRef?

    public init(policy: Policy = .default) {
        self.policy = policy
        let conditions = policy.rules.flatMap { $0.when.compactMap(\.repeatedCitizenRef) }
        citizenReach = conditions.isEmpty ? nil : RepeatedCitizenRef(episodes: conditions.map(\.episodes).max()!,
                                                                     withinDays: conditions.map(\.withinDays).max()!)
    }

    /// A state restored from its parts (a snapshot); the lookups are rebuilt from them.
    package init(policy: Policy, incidents: IncidentTable, actions: [UUID: ActionRecord],
         actionOrder: [UUID], supervisionSessions: [SupervisionRecord], problems: [StateProblem], eventCount: Int,
         citizenEpisodes: CitizenEpisodeIndex) {
        self.init(policy: policy)
        self.incidents = incidents
        self.actions = actions
        self.actionOrder = actionOrder
        self.supervisionSessions = supervisionSessions
        self.problems = problems
        self.eventCount = eventCount
        self.citizenEpisodes = citizenEpisodes
        for (index, record) in supervisionSessions.enumerated() {
            supervisionIndex[record.session.id] = index
            sessionPlacesByUnit[record.session.unit, default: []].append(Int32(index))
        }
        for (place, id) in actionOrder.enumerated() {
            guard let unit = actions[id]?.action.unit else { continue }
            actionPlacesByUnit[unit, default: []].append(Int32(place))
        }
    }

    public static func replay(_ events: some Sequence<Event>, policy: Policy = .default) -> VTCState {
        var state = VTCState(policy: policy)
        for event in events { state.apply(event) }
        return state
    }

    public var registrationOrder: [UUID] { incidents.values.map(\.id) }

    public mutating func apply(_ event: Event) {
        eventCount += 1
        switch event.payload {
        case .registered(let id, let facts):
            register(id, facts, event)
        case .amended(let id, let changes):
            amend(id, changes, event)
        case .followUpRecorded(let id, let record):
            guard admit(id, event) else { return }
            recordOutcome(RecordedOutcome(record: record, by: event.actor, at: event.at), on: id)
        case .acknowledged(let id, let note):
            guard isLive(id, event) else { return }
            if let earlier = incidents[existing: id].acknowledgement {
                return reject(event, "already acknowledged by \(earlier.by) at \(earlier.at.rfc3339)")
            }
            incidents[existing: id].history.append(eventCount)
            incidents[existing: id].acknowledgement = Acknowledgement(by: event.actor, at: event.at, note: note)
            let record = FollowUpRecord(kind: .acknowledgement, outcome: .done, on: event.at, note: note)
            recordOutcome(RecordedOutcome(record: record, by: event.actor, at: event.at), on: id)
        case .noteAdded(let id, let text):
            guard admit(id, event) else { return }
            incidents[existing: id].notes.append(IncidentNote(by: event.actor, at: event.at, text: text))
        case .absenceUpdated(let id, let firstDay, let days):
            guard admit(id, event) else { return }
            incidents[existing: id].facts.firstAbsenceDay = firstDay
            incidents[existing: id].facts.absenceDays = days
            rederive(id)
        case .amgDiscussed(let id, let date, let summary):
            guard admit(id, event) else { return }
            incidents[existing: id].amgDiscussions.append(AMGDiscussion(date: date, summary: summary, by: event.actor))
            let meeting = policy.zone.timestamp(
                for: LocalDateTime(date: date, hour: policy.amgMeeting.hour, minute: policy.amgMeeting.minute))
            let record = FollowUpRecord(kind: .amgDiscussion, outcome: .done, on: meeting, note: summary)
            recordOutcome(RecordedOutcome(record: record, by: event.actor, at: event.at), on: id)
        case .actionOpened(let action):
            guard actions[action.id] == nil else { return reject(event, "action \(action.id.lowercasedString) already opened") }
            actions[action.id] = ActionRecord(action: action, openedBy: event.actor, openedAt: event.at)
            actionPlacesByUnit[action.unit, default: []].append(Int32(actionOrder.count))
            actionOrder.append(action.id)
            noteUnknownIncidents(action.incidents, event)
        case .actionClosed(let id, let note):
            guard let action = actions[id] else { return reject(event, "unknown action \(id.lowercasedString)") }
            if let closure = action.closure {
                return reject(event, "action already closed by \(closure.by) at \(closure.at.rfc3339)")
            }
            actions[id]!.closure = ActionClosure(by: event.actor, at: event.at, note: note)
        case .supervisionHeld(let session):
            guard supervisionIndex[session.id] == nil else {
                return reject(event, "supervision session \(session.id.lowercasedString) already recorded")
            }
            supervisionIndex[session.id] = supervisionSessions.count
            sessionPlacesByUnit[session.unit, default: []].append(Int32(supervisionSessions.count))
            supervisionSessions.append(SupervisionRecord(session: session, recordedBy: event.actor, recordedAt: event.at))
            noteUnknownIncidents(session.incidents, event)
        case .withdrawn(let id, let reason):
            guard admit(id, event) else { return }
            let facts = incidents[existing: id].facts
            incidents[existing: id].withdrawal = Withdrawal(by: event.actor, at: event.at, reason: reason)
            citizenEpisodes.remove(id, facts)
            rederiveNeighbours(of: facts, excluding: id)
        }
    }

    private mutating func register(_ id: UUID, _ facts: Registration, _ event: Event) {
        guard incidents[id] == nil else { return reject(event, "incident \(id.lowercasedString) already registered") }
        incidents.insert(IncidentRecord(id: id, registration: event, facts: facts, position: eventCount))
        citizenEpisodes.insert(id, facts)
        rederive(id)
        rederiveNeighbours(of: facts, excluding: id)
    }

    private mutating func amend(_ id: UUID, _ changes: [FieldChange], _ event: Event) {
        guard isLive(id, event) else { return }
        let old = incidents[existing: id].facts
        var new = old
        var stale: [String] = []
        for change in changes {
            guard let changed = new.setting(change.field, to: change.new) else {
                return reject(event, "\(change.field.rawValue): value does not fit the field")
            }
            if old.value(of: change.field) != change.old { stale.append(change.field.rawValue) }
            new = changed
        }
        incidents[existing: id].history.append(eventCount)
        if !stale.isEmpty {
            problems.append(StateProblem(event: event.id, type: event.payload.type,
                                         message: "applied, but the old value of \(stale.joined(separator: ", ")) was not the current one"))
        }
        incidents[existing: id].facts = new
        let movesInIndex = CitizenEpisodeIndex.key(old) != CitizenEpisodeIndex.key(new) || old.occurredAt != new.occurredAt
        if movesInIndex {
            citizenEpisodes.remove(id, old)
            citizenEpisodes.insert(id, new)
        }
        rederive(id)
        if movesInIndex {
            rederiveNeighbours(of: old, excluding: id)
            rederiveNeighbours(of: new, excluding: id)
        }
    }

    /// Whether the event's incident exists and is not withdrawn; the event is a problem otherwise.
    private mutating func isLive(_ id: UUID, _ event: Event) -> Bool {
        guard incidents.contains(id) else {
            reject(event, "unknown incident \(id.lowercasedString)")
            return false
        }
        if let withdrawal = incidents[existing: id].withdrawal {
            reject(event, "incident \(id.lowercasedString) was withdrawn at \(withdrawal.at.rfc3339)")
            return false
        }
        return true
    }

    /// Admits an event about a live incident into its history.
    private mutating func admit(_ id: UUID, _ event: Event) -> Bool {
        guard isLive(id, event) else { return false }
        incidents[existing: id].history.append(eventCount)
        return true
    }

    private mutating func reject(_ event: Event, _ message: String) {
        problems.append(StateProblem(event: event.id, type: event.payload.type, message: message))
    }

    private mutating func noteUnknownIncidents(_ ids: [UUID], _ event: Event) {
        for id in ids where incidents[id] == nil {
            problems.append(StateProblem(event: event.id, type: event.payload.type,
                                         message: "refers to unknown incident \(id.lowercasedString)"))
        }
    }

    private mutating func recordOutcome(_ outcome: RecordedOutcome, on id: UUID) {
        let (facts, registeredAt) = (incidents[existing: id].facts, incidents[existing: id].registeredAt)
        let policy = policy
        incidents[existing: id].record(outcome) {
            policy.uncalledItem(outcome.record.kind, facts: facts, registeredAt: registeredAt, recordedAt: outcome.at)
        }
    }

    private mutating func rederive(_ id: UUID) {
        guard incidents.contains(id), !incidents[existing: id].isWithdrawn else { return }
        let facts = incidents[existing: id].facts
        let items = policy.itemsCalledFor(facts: facts, registeredAt: incidents[existing: id].registeredAt) { days in
            citizenEpisodes.count(around: facts, withinDays: days)
        }
        incidents[existing: id].rederive(calledFor: items)
    }

    /// Derives again the episodes of the same citizen whose count an episode
    /// at `facts` joining or leaving can move across a threshold. The k-th
    /// episode after it already counts k + 1 in its window without it, so only
    /// the first N − 1 of them can cross a threshold of N: the work per event
    /// stays bounded however many episodes a citizen has.
    private mutating func rederiveNeighbours(of facts: Registration, excluding id: UUID) {
        guard let reach = citizenReach else { return }
        let until = facts.occurredAt.adding(seconds: Int64(reach.withinDays) * 86_400)
        for other in citizenEpisodes.episodes(after: id, facts, until: until, limit: reach.episodes - 1) {
            rederive(other)
        }
    }
}
