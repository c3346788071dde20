import Foundation
import VTCModel

/// Reads events back from the log's store by their position (from 1: the
/// n-th event read), so that the state can keep an incident's history as
/// positions instead of copies of its events. Safe to share between threads.
final class EventArchive: @unchecked Sendable {
    private let store: any LogStore
    private let lock = NSLock()
    /// Where each event's line is in the store (`LoggedEvent.offset`), by position − 1.
    private var places: [Int64]

    init(store: any LogStore, places: [Int64]) {
        self.store = store
        self.places = places
    }

    /// Records where the next event's line is.
    func add(_ logged: LoggedEvent) {
        lock.withLock { places.append(logged.offset) }
    }

    /// The events at these positions; nil when one cannot be read or is not the line expected.
    func events(at positions: [Int]) -> [Event]? {
        store.events(at: positions, places: lock.withLock { places })
    }
}
