import Foundation

extension IncidentIndex {
    /// Brings this index of every incident of a state up to date with `state`: that state with the records at the
    /// places `changed` added or changed since (repeats allowed). It then equals `IncidentIndex(everyIncidentOf:
    /// state)`, at the cost of the changed records, a binary search for where each goes, and a move of the rows
    /// after each change within every column, instead of reading, scanning and sorting every record.
    ///
    /// The changed records leave their rows and come back, gathered as a build gathers them, at the rows their
    /// keys now sort to; a withdrawn one does not come back. The rows between keep their order, so the columns are
    /// edited in place (or, when many rows change, copied in runs), and the urgency order is the old one
    /// renumbered, merged with the rows that came.
    mutating func update(to state: VTCState, changing changed: some Sequence<Int32>) {
        let records = state.incidents.values
        let changedPlaces = Array(Set(changed)).sorted()
        let leaving = changedPlaces.compactMap { place in
            Int(place) < rowOfPlace.count && rowOfPlace[Int(place)] >= 0 ? Int(rowOfPlace[Int(place)]) : nil
        }.sorted()
        var arriving = Gathered(continuing: unitNames, searchable: isSearchable)
        for place in changedPlaces { arriving.add(records[Int(place)], at: place) }
        arriving.keys.sort(by: NewestFirstKey.precedes)

        // Where each arriving record goes: before the first old row whose key it precedes. The old rows are in
        // key order, those leaving too (with the keys they had), so a binary search finds it.
        func oldKey(_ row: Int) -> NewestFirstKey {
            NewestFirstKey(occurred: occurred[row], registered: records[Int(places[row])].registeredAt.epochSeconds,
                           id: ids[row], index: row)
        }
        let arrivals = arriving.keys.map { key in
            var (low, high) = (0, count)
            while low < high {
                let mid = (low + high) / 2
                if NewestFirstKey.precedes(key, oldKey(mid)) { high = mid } else { low = mid + 1 }
            }
            return (before: low, gathered: key.index)
        }
        let splice = Splice(oldCount: count, leaving: leaving, arrivals: arrivals)

        let shortFields = arriving.shortFields
        splice.edit(&ids, arriving.ids)
        splice.edit(&occurred, arriving.occurred)
        splice.edit(&severity, arriving.severity)
        splice.edit(&kind, arriving.kind)
        splice.edit(&unit, (0..<arriving.ids.count).map { shortFields[$0 * 3 + 2] })
        unitNames = arriving.shortTexts
        acknowledged = splice.rowSet(acknowledged, arriving.acknowledged)
        splice.edit(&earliestOpenDue, arriving.earliestOpenDue)
        splice.edit(&places, arriving.places)
        if isSearchable {
            splice.edit(&rowText.descriptions, arriving.descriptions)
            splice.edit(&rowText.notes, arriving.notes)
            splice.edit(&rowText.shortFields, shortFields, stride: 3)
            rowText.shortTexts = arriving.shortTexts
            splice.edit(&rowText.presence, arriving.presence)
            rowText.plain = splice.rowSet(rowText.plain, arriving.plain)
            splice.edit(&rowText.spans, rowText.lay(descriptions: arriving.descriptions, notes: arriving.notes, plain: arriving.plain))
            rowText.compactArena()
        }
        // The old rows in their urgency order, renumbered, merged with the rows that came in theirs.
        let (dues, severity) = (earliestOpenDue, self.severity)
        let came = splice.arrivingRows.sorted { Self.moreUrgent($0, $1, dues: dues, severity: severity) }
        var urgency: [Row] = []
        urgency.reserveCapacity(splice.newCount)
        var next = came.startIndex
        for oldRow in urgencyOrder {
            let row = splice.newRowOfOld[Int(oldRow)]
            guard row >= 0 else { continue }
            while next < came.endIndex, Self.moreUrgent(came[next], row, dues: dues, severity: severity) {
                urgency.append(came[next])
                next += 1
            }
            urgency.append(row)
        }
        urgencyOrder = urgency + came[next...]
        // The changed places leave (a withdrawn one for good), new places join, and every row says where it now is.
        for place in changedPlaces where Int(place) < rowOfPlace.count { rowOfPlace[Int(place)] = -1 }
        rowOfPlace += repeatElement(-1, count: records.count - rowOfPlace.count)
        for (row, place) in places.enumerated() { rowOfPlace[Int(place)] = Row(row) }
    }
}

/// How the rows of an updated index are made of the old rows (in runs, without those leaving) and the arriving
/// ones (by their place in what was gathered), in row order.
private struct Splice {
    enum Piece {
        case old(Range<Int>)
        case arriving(Int)
    }

    private(set) var pieces: [Piece] = []
    /// The old rows that leave, ascending.
    private let leaving: [Int]
    /// Where in what was gathered each arriving record is, in row order.
    private var arrivingGathered: [Int] = []
    /// For each old row its new row, -1 for a row that left.
    private(set) var newRowOfOld: [IncidentIndex.Row]
    /// The new rows of the arriving records.
    private(set) var arrivingRows: [IncidentIndex.Row] = []
    private(set) var newCount = 0

    /// `leaving` ascending; `arrivals` in row order, each going before the old row `before`.
    init(oldCount: Int, leaving: [Int], arrivals: [(before: Int, gathered: Int)]) {
        newRowOfOld = Array(repeating: -1, count: oldCount)
        self.leaving = leaving
        var next = 0
        var leavingNext = leaving.startIndex
        func takeOld(upTo end: Int) {
            while next < end {
                let stop = leavingNext < leaving.endIndex ? min(leaving[leavingNext], end) : end
                if next < stop {
                    pieces.append(.old(next..<stop))
                    for row in next..<stop { newRowOfOld[row] = IncidentIndex.Row(newCount + row - next) }
                    newCount += stop - next
                }
                next = stop
                if leavingNext < leaving.endIndex, leaving[leavingNext] == next {
                    next += 1
                    leavingNext += 1
                }
            }
        }
        for arrival in arrivals {
            takeOld(upTo: arrival.before)
            pieces.append(.arriving(arrival.gathered))
            arrivingGathered.append(arrival.gathered)
            arrivingRows.append(IncidentIndex.Row(newCount))
            newCount += 1
        }
        takeOld(upTo: oldCount)
    }

    /// A column of the new rows from the old column and the arriving records' values, `stride` values a row.
    func column<T>(_ old: [T], _ arriving: [T], stride: Int = 1) -> [T] {
        var column: [T] = []
        column.reserveCapacity(newCount * stride)
        for piece in pieces {
            switch piece {
            case .old(let rows): column += old[(rows.lowerBound * stride)..<(rows.upperBound * stride)]
            case .arriving(let index): column += arriving[(index * stride)..<((index + 1) * stride)]
            }
        }
        return column
    }

    /// The column edited into the new rows in place, `stride` values a row, when few rows change: its elements are
    /// moved within it, not copied into a new one (a copy of a column of strings retains each string and the old
    /// column's release releases each again; a new column of numbers is fresh memory the kernel must hand over page
    /// by page).
    func edit<T>(_ column: inout [T], _ arriving: [T], stride: Int = 1) {
        guard leaving.count + arrivingRows.count <= 64 else { return column = self.column(column, arriving, stride: stride) }
        for row in leaving.reversed() { column.removeSubrange((row * stride)..<((row + 1) * stride)) }
        for (row, index) in zip(arrivingRows, arrivingGathered) {
            column.insert(contentsOf: arriving[(index * stride)..<((index + 1) * stride)], at: Int(row) * stride)
        }
    }

    func rowSet(_ old: RowSet, _ arriving: [Bool]) -> RowSet {
        var members: [Bool] = []
        members.reserveCapacity(newCount)
        for piece in pieces {
            switch piece {
            case .old(let rows): members += rows.lazy.map(old.contains)
            case .arriving(let index): members.append(arriving[index])
            }
        }
        return RowSet(count: newCount) { members[$0] }
    }
}
