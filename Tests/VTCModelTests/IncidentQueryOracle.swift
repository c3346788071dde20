import Foundation
@testable import VTCModel

/// The query as a plain filter and sort over the records, written for clarity
/// rather than speed: the oracle that `IncidentIndex.select` (and so every
/// product path: the CLI, the home counts, the list screen) must agree with.
extension IncidentQuery {
    func oracleRun(on state: VTCState, for user: UserAccess, at now: Timestamp) -> [IncidentRecord] {
        let words = TextSearch.words(text ?? "")
        let records = state.incidents.values
        // Places and small keys, not records, until the end: copying and moving records retains and releases every field.
        let keys = records.indices.lazy.filter { oracleAdmits(records[$0], for: user, at: now, words: words) }
            .map { NewestFirstKey(records[$0], index: $0) }
        switch order {
        case .newestFirst:
            return keys.sorted(by: NewestFirstKey.precedes).map { records[$0.index] }
        case .mostUrgentFirst:
            let keyed = keys.map { (urgency: Urgency(of: records[$0.index], at: now), key: $0) }
            return keyed.sorted { a, b in
                a.urgency != b.urgency ? a.urgency < b.urgency : NewestFirstKey.precedes(a.key, b.key)
            }.map { records[$0.key.index] }
        }
    }

    private func oracleAdmits(_ record: IncidentRecord, for user: UserAccess, at now: Timestamp, words: [String]) -> Bool {
        let facts = record.facts
        guard !record.isWithdrawn,
              Access.check(user, .see(unit: facts.unit, registrant: record.registrant)).isAllowed,
              units?.contains(facts.unit) ?? true,
              since.map({ facts.occurredAt.epochSeconds >= $0.epochSeconds }) ?? true,
              until.map({ facts.occurredAt.epochSeconds < $0.epochSeconds }) ?? true,
              severities?.contains(facts.severity) ?? true,
              kinds?.contains(facts.kind) ?? true,
              !notAcknowledged || record.acknowledgement == nil
        else { return false }
        if withOverdueFollowUp && !record.followUps.contains(where: { $0.status(at: now) == .overdue }) { return false }
        if withOpenFollowUp && !record.followUps.contains(where: { $0.status(at: now).isOpen }) { return false }
        return words.isEmpty || TextSearch.matches(words, in: Self.searchableText(of: record))
    }

    static func searchableText(of record: IncidentRecord) -> [String] {
        let facts = record.facts
        return [facts.description, facts.location ?? "", facts.citizenRef ?? "", facts.unit] + record.notes.map(\.text)
    }
}

/// How urgent an incident's follow-up is; smaller is more urgent.
struct Urgency: Comparable {
    /// 0: has overdue follow-up, 1: has open follow-up, 2: nothing open.
    let group: Int
    /// The earliest due time among the open items: the longest overdue, or the next due.
    let earliestDue: Int64
    let severity: Int

    init(of record: IncidentRecord, at now: Timestamp) {
        let open = record.followUps.filter { $0.status(at: now).isOpen }
        let dues = open.map(\.due.epochSeconds)
        group = open.contains { $0.status(at: now) == .overdue } ? 0 : open.isEmpty ? 2 : 1
        earliestDue = dues.min() ?? 0
        severity = record.facts.severity.rawValue
    }

    static func < (a: Urgency, b: Urgency) -> Bool {
        (a.group, a.earliestDue, -a.severity) < (b.group, b.earliestDue, -b.severity)
    }
}
