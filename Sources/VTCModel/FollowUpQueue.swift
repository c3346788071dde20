import Foundation
import Synchronization

/// One open follow-up item on a user's queue.
public struct FollowUpQueueEntry: Equatable, Sendable {
    public let incident: UUID
    public let kind: FollowUpKind
    public let due: Timestamp
    public let responsible: Role
    /// False for an offer on the user's own registration that the leader records.
    public let mayRecord: Bool

    public init(incident: UUID, kind: FollowUpKind, due: Timestamp, responsible: Role, mayRecord: Bool) {
        self.incident = incident
        self.kind = kind
        self.due = due
        self.responsible = responsible
        self.mayRecord = mayRecord
    }

    /// The offers a registrant answers (accepts or declines) themselves.
    public static let offers: Set<FollowUpKind> = [.defusingOffer, .supervisionOffer, .psychologistOffer]

    /// Every open follow-up item the user answers for at `now`, most urgent first: the items whose
    /// responsible role the user holds in the incident's unit, and the offers made on the user's own
    /// registrations. Only incidents the user may see count, so the same queue comes from the user's
    /// view and from the whole state.
    public static func queue(in state: VTCState, for user: UserAccess, at now: Timestamp) -> [FollowUpQueueEntry] {
        // Each request (a unit and registrant, a unit, kind and role) is asked of `Access` once: a region's queue
        // walks about a million items.
        var decided: [AccessRequest: Bool] = [:]
        func may(_ request: AccessRequest) -> Bool {
            if let known = decided[request] { return known }
            let allowed = Access.check(user, request).isAllowed
            decided[request] = allowed
            return allowed
        }
        struct Found {
            let entry: FollowUpQueueEntry
            let severity: Int
            /// The incident's id as two numbers, whose order is its text's (`uuidString`), compared without making the text.
            let id: (UInt64, UInt64)
        }
        var found: [Found] = []
        // The records are read in place, through the buffer: a copy of each of a region's would cost more than the walk.
        state.incidents.values.withUnsafeBufferPointer { records in
            for place in records.indices where !records[place].isWithdrawn {
                let (unit, registrant) = (records[place].facts.unit, records[place].registrant)
                guard may(.see(unit: unit, registrant: registrant)) else { continue }
                let incident = records[place].id
                let severity = records[place].facts.severity.rawValue
                let id = withUnsafeBytes(of: incident.uuid) {
                    (UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self)), UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
                }
                for item in records[place].followUps where item.status(at: now).isOpen {
                    let mayRecord = may(.recording(item.kind, responsible: item.responsible, unit: unit))
                    let ownOffer = registrant == user.user && offers.contains(item.kind)
                    guard mayRecord || ownOffer else { continue }
                    found.append(Found(entry: FollowUpQueueEntry(incident: incident, kind: item.kind, due: item.due, responsible: item.responsible,
                                                                 mayRecord: mayRecord), severity: severity, id: id))
                }
            }
        }
        // The earliest due first puts every overdue item (longest overdue on top) before the open ones.
        found.sort { a, b in
            if a.entry.due.epochSeconds != b.entry.due.epochSeconds { return a.entry.due.epochSeconds < b.entry.due.epochSeconds }
            if a.severity != b.severity { return a.severity > b.severity }
            if a.id != b.id { return a.id < b.id }
            return a.entry.kind.rawValue < b.entry.kind.rawValue
        }
        return found.map(\.entry)
    }
}

extension AccessRequest {
    /// What recording the outcome of a follow-up item of this kind needs in the unit.
    public static func recording(_ kind: FollowUpKind, responsible: Role, unit: String) -> AccessRequest {
        switch kind {
        case .acknowledgement: .acknowledge(unit: unit)
        default: .recordFollowUp(unit: unit, responsible: responsible)
        }
    }
}

/// Rows of a user's follow-up queue, and how long the whole queue is: what the queue screen asks for, the rows it
/// shows, so that a coordinator's queue of a region (165 000 items) is not sent to or held by the client.
public struct FollowUpQueuePage: Equatable, Sendable {
    /// The row (from 0) of the first entry.
    public let first: Int
    public let entries: [FollowUpQueueEntry]
    /// How many entries the whole queue has.
    public let total: Int

    public init(first: Int, entries: [FollowUpQueueEntry], total: Int) {
        self.first = first
        self.entries = entries
        self.total = total
    }

    /// The rows of `queue` that `rows` asks for, those past its end left out.
    public init(_ queue: [FollowUpQueueEntry], rows: Range<Int>) {
        let held = rows.clamped(to: 0..<queue.count)
        self.init(first: held.lowerBound, entries: Array(queue[held]), total: queue.count)
    }

    public static let empty = FollowUpQueuePage(first: 0, entries: [], total: 0)

    /// The rows held.
    public var rows: Range<Int> { first..<(first + entries.count) }

    /// The entry at `row` of the queue, if this page holds it.
    public func entry(at row: Int) -> FollowUpQueueEntry? { rows.contains(row) ? entries[row - first] : nil }
}

/// The follow-up queues last asked for, each for one user at one time over one state (its event count), so that the
/// queue screen's pages and keys cost a slice, not a walk of the region. A few users' queues are kept (a region's
/// coordinator's: 165 000 entries, about 8 MB). Embedded mode keeps one; `vtc serve` one for every connection.
public final class FollowUpQueueCache: Sendable {
    private struct Kept {
        let eventCount: Int
        let user: UserAccess
        let at: Timestamp
        let queue: [FollowUpQueueEntry]
    }
    static let kept = 4
    private let queues = Mutex<[Kept]>([])

    public init() {}

    /// The user's queue at `now` in `state` (`FollowUpQueueEntry.queue`), computed once while the state takes no events.
    func queue(in state: VTCState, for user: UserAccess, at now: Timestamp) -> [FollowUpQueueEntry] {
        if let queue = queues.withLock({ $0.first { $0.eventCount == state.eventCount && $0.user == user && $0.at == now }?.queue }) {
            return queue
        }
        let queue = FollowUpQueueEntry.queue(in: state, for: user, at: now)
        queues.withLock { queues in
            queues.removeAll { $0.user == user || $0.eventCount != state.eventCount }
            queues.append(Kept(eventCount: state.eventCount, user: user, at: now, queue: queue))
            if queues.count > Self.kept { queues.removeFirst() }
        }
        return queue
    }
}

extension FollowUpQueuePage {
    /// The page of `rows` (those past the queue's end left out), when this page holds every one of them.
    public func rows(_ asked: Range<Int>) -> FollowUpQueuePage? {
        let wanted = asked.clamped(to: 0..<total)
        if wanted.isEmpty { return FollowUpQueuePage(first: wanted.lowerBound, entries: [], total: total) }
        guard wanted.lowerBound >= first, wanted.upperBound <= first + entries.count else { return nil }
        return FollowUpQueuePage(first: wanted.lowerBound, entries: Array(entries[(wanted.lowerBound - first)..<(wanted.upperBound - first)]),
                                 total: total)
    }
}
