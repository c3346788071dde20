import Foundation

/// The incidents in the order they were registered, found by id, by unit and
/// by registrant. Records sit in one array and the lookups hold only their
/// places, which takes a region's state about a third less memory than a
/// dictionary of records.
public struct IncidentTable: Equatable, Sendable {
    /// In registration order.
    public private(set) var values: [IncidentRecord] = []
    private var places: [UUID: Int32] = [:]
    /// The places of each unit's incidents and of each registrant's, in
    /// registration order: what a user may see is found without walking the
    /// region. Kept here, where every change to a record passes, so they
    /// follow an amended unit.
    private var placesByUnit: [String: [Int32]] = [:]
    private var placesByRegistrant: [String: [Int32]] = [:]
    /// The places of the records changed or added lately, for what is kept beside the table (`KeptIncidentIndex`).
    package private(set) var changes = IncidentChanges()

    init() {}

    /// Records in registration order; nil when an id appears twice.
    package init?(_ records: [IncidentRecord]) {
        values = records
        places.reserveCapacity(records.count)
        // By place, each record read where it is: a copy of each would retain every string and array in it.
        for place in records.indices {
            guard places.updateValue(Int32(place), forKey: records[place].id) == nil else { return nil }
            placesByUnit[records[place].facts.unit, default: []].append(Int32(place))
            placesByRegistrant[records[place].registrant, default: []].append(Int32(place))
        }
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    public func contains(_ id: UUID) -> Bool { places[id] != nil }

    public subscript(id: UUID) -> IncidentRecord? {
        places[id].map { values[Int($0)] }
    }

    /// Where the incident is in `values`.
    package func place(of id: UUID) -> Int? { places[id].map(Int.init) }

    /// An incident known to be in the table, changed in place.
    subscript(existing id: UUID) -> IncidentRecord {
        get { values[Int(places[id]!)] }
        _modify {
            let place = places[id]!
            let unit = values[Int(place)].facts.unit
            changes.note(place)
            defer {
                let newUnit = values[Int(place)].facts.unit
                if newUnit != unit { move(place, from: unit, to: newUnit) }
            }
            yield &values[Int(place)]
        }
    }

    mutating func insert(_ record: IncidentRecord) {
        let place = Int32(values.count)
        places[record.id] = place
        placesByUnit[record.facts.unit, default: []].append(place)
        placesByRegistrant[record.registrant, default: []].append(place)
        values.append(record)
        changes.note(place)
    }

    /// Every unit that has an incident.
    package var units: Dictionary<String, [Int32]>.Keys { placesByUnit.keys }

    /// The places in `values` of the unit's incidents, in registration order.
    package func places(ofUnit unit: String) -> [Int32] { placesByUnit[unit] ?? [] }

    /// The places in `values` of the incidents the user registered, in registration order.
    package func places(ofRegistrant user: String) -> [Int32] { placesByRegistrant[user] ?? [] }

    private mutating func move(_ place: Int32, from old: String, to new: String) {
        placesByUnit[old]!.remove(at: placesByUnit[old]!.sortedIndex(of: place))
        if placesByUnit[old]!.isEmpty { placesByUnit[old] = nil }
        placesByUnit[new, default: []].insertSorted(place)
    }

    public static func == (a: IncidentTable, b: IncidentTable) -> Bool { a.values == b.values }
}

extension Array where Element == Int32 {
    /// Where `value` goes in this ascending array: the index of the first element not below it.
    package func sortedIndex(of value: Int32) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    mutating func insertSorted(_ value: Int32) {
        insert(value, at: sortedIndex(of: value))
    }
}
