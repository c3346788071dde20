import VTCCodec
import VTCModel

/// The `rows` answer's tail (docs/protocol.md, "list_rows"): the number of rows, then each row as the
/// snapshot writes values (`BinaryWriter`): the id (16 bytes), the day (a signed varint of days since
/// 1970-01-01), the unit (a name: its text the first time, its number after), the kind's place in its list,
/// the severity (1–5), the citizen reference (a truth byte, then a name), acknowledged (a truth byte), and the
/// open and overdue follow-up counts. About 30 bytes a row.
enum IncidentRowsWire {
    static func tail(_ rows: [IncidentRow]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.count * 32 + 8)
        var writer = BinaryWriter { bytes += $0 }
        // The kind by its place in the concrete list: `BinaryWriter.choice` and `BinaryReader.choice` look through any
        // `CaseIterable`, with a generic look-up for every row.
        let kinds = EpisodeKind.allCases
        writer.array(rows) { writer, row in
            writer.uuid(row.id)
            writer.date(row.occurred)
            writer.name(row.unit)
            writer.count(kinds.firstIndex(of: row.kind)!)
            writer.count(row.severity.rawValue)
            writer.bool(row.citizenRef != nil)
            if let citizenRef = row.citizenRef { writer.name(citizenRef) }
            writer.bool(row.isAcknowledged)
            writer.count(row.openFollowUps)
            writer.count(row.overdueFollowUps)
        }
        writer.finish()
        return bytes
    }

    static func rows(_ tail: [UInt8]) throws(ProtocolError) -> [IncidentRow] {
        var reader = BinaryReader(bytes: tail)
        do throws(BinaryReader.Malformed) {
            let items = FollowUpKind.allCases.count
            let kinds = EpisodeKind.allCases
            let rows = try reader.array { reader throws(BinaryReader.Malformed) in
                let id = try reader.uuid()
                let occurred = try reader.date()
                let unit = try reader.name()
                let kind = kinds[try reader.count(limit: kinds.count - 1)]
                guard let severity = Severity(rawValue: try reader.count(limit: Severity.range.upperBound)) else {
                    throw reader.fail("not a severity")
                }
                let citizenRef = try reader.bool() ? try reader.name() : nil
                let acknowledged = try reader.bool()
                let open = try reader.count(limit: items)
                let overdue = try reader.count(limit: items - open)
                return IncidentRow(id: id, occurred: occurred, unit: unit, kind: kind, severity: severity, citizenRef: citizenRef,
                                   isAcknowledged: acknowledged, openFollowUps: open, overdueFollowUps: overdue)
            }
            guard reader.isAtEnd() else { throw reader.fail("more after the rows") }
            return rows
        } catch {
            throw ProtocolError("rows: \(error)")
        }
    }
}
