import Foundation

/// The episodes of each citizen reference within a unit (the reference is
/// the unit's own resident code), sorted by when they happened, so that
/// "N episodes within D days" is two binary searches. Withdrawn episodes are not in it.
package struct CitizenEpisodeIndex: Equatable, Sendable {
    package struct Key: Hashable, Sendable {
        package var unit: String
        package var ref: String

        package init(unit: String, ref: String) {
            self.unit = unit
            self.ref = ref
        }
    }

    package struct Entry: Equatable, Sendable {
        package var epoch: Int64
        package var id: UUID

        package init(epoch: Int64, id: UUID) {
            self.epoch = epoch
            self.id = id
        }
    }

    package var entries: [Key: [Entry]] = [:]

    static func key(_ facts: Registration) -> Key? {
        guard let ref = facts.citizenRef, !ref.isEmpty else { return nil }
        return Key(unit: facts.unit, ref: ref)
    }

    mutating func insert(_ id: UUID, _ facts: Registration) {
        guard let key = Self.key(facts) else { return }
        let epoch = facts.occurredAt.epochSeconds
        // In place: one lookup, and the list is never copied.
        entries[key, default: []].insertSorted(Entry(epoch: epoch, id: id))
    }

    mutating func remove(_ id: UUID, _ facts: Registration) {
        guard let key = Self.key(facts), let list = entries[key] else { return }
        let epoch = facts.occurredAt.epochSeconds
        let sameTime = Self.firstIndex(in: list, after: epoch - 1)..<Self.firstIndex(in: list, after: epoch)
        guard let index = list[sameTime].firstIndex(where: { $0.id == id }) else { return }
        entries[key]!.remove(at: index)
        if entries[key]!.isEmpty { entries[key] = nil }
    }

    /// Episodes of the same citizen that happened from `days` × 24 hours before these facts up to them.
    func count(around facts: Registration, withinDays days: Int) -> Int {
        guard let key = Self.key(facts), let list = entries[key] else { return 0 }
        let start = facts.occurredAt.epochSeconds - Int64(days) * 86_400
        return Self.firstIndex(in: list, after: facts.occurredAt.epochSeconds) - Self.firstIndex(in: list, after: start - 1)
    }

    /// The first `limit` episodes other than `id` of the same citizen that happened in `facts.occurredAt...until`.
    func episodes(after id: UUID, _ facts: Registration, until: Timestamp, limit: Int) -> [UUID] {
        guard let key = Self.key(facts), let list = entries[key] else { return [] }
        let lower = Self.firstIndex(in: list, after: facts.occurredAt.epochSeconds - 1)
        let upper = Self.firstIndex(in: list, after: until.epochSeconds)
        return list[lower..<upper].lazy.map(\.id).filter { $0 != id }.prefix(limit).map { $0 }
    }

    /// The index of the first entry later than `epoch`.
    fileprivate static func firstIndex(in list: [Entry], after epoch: Int64) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].epoch <= epoch { low = mid + 1 } else { high = mid }
        }
        return low
    }

    package init() {}
}

private extension Array where Element == CitizenEpisodeIndex.Entry {
    /// Inserts after every entry at the same moment or earlier.
    mutating func insertSorted(_ entry: Element) {
        insert(entry, at: CitizenEpisodeIndex.firstIndex(in: self, after: entry.epoch))
    }
}
