import Foundation

/// The incidents in the order they were registered, found by id. Records
/// sit in one array and the id lookup holds only their places, which takes
/// a region's state about a third less memory than a dictionary of records.
public struct IncidentTable: Equatable, Sendable {
    /// In registration order.
    public private(set) var values: [IncidentRecord] = []
    private var places: [UUID: Int32] = [:]

    init() {}

    /// Records in registration order; nil when an id appears twice.
    package init?(_ records: [IncidentRecord]) {
        values = records
        places.reserveCapacity(records.count)
        for (place, record) in records.enumerated() {
            guard places.updateValue(Int32(place), forKey: record.id) == nil else { return nil }
        }
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    public func contains(_ id: UUID) -> Bool { places[id] != nil }

    public subscript(id: UUID) -> IncidentRecord? {
        places[id].map { values[Int($0)] }
    }

    /// An incident known to be in the table, changed in place.
    subscript(existing id: UUID) -> IncidentRecord {
        get { values[Int(places[id]!)] }
        _modify { yield &values[Int(places[id]!)] }
    }

    mutating func insert(_ record: IncidentRecord) {
        places[record.id] = Int32(values.count)
        values.append(record)
    }

    public static func == (a: IncidentTable, b: IncidentTable) -> Bool { a.values == b.values }
}
