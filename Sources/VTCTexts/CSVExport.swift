import VTCModel
/// One CSV row per incident: its current fields and a summary of its
/// follow-up at a given time. The columns are documented in docs/cli.md.
public enum CSVExport {
    public static let followUpColumns = ["follow_up_open", "follow_up_overdue", "follow_up_done", "follow_up_declined",
                                         "follow_up_not_relevant", "follow_up"]

    public static var header: [String] {
        ["id", "registered_at", "registrant"] + RegistrationField.allCases.map(\.rawValue)
            + ["acknowledged_at", "acknowledged_by", "withdrawn"] + followUpColumns
    }

    public static func row(_ record: IncidentRecord, at now: Timestamp) -> [String] {
        let fields = RegistrationField.allCases.map { field -> String in
            switch record.facts.value(of: field) {
            case .null: ""
            case .bool(let b): b ? "true" : "false"
            case .int(let n): String(n)
            case .string(let s): s
            }
        }
        let statuses = record.followUps.map { ($0.kind, $0.status(at: now)) }
        func count(_ status: FollowUpStatus) -> String { String(statuses.filter { $0.1 == status }.count) }
        return [record.id.lowercasedString, record.registeredAt.rfc3339, record.registrant] + fields + [
            record.acknowledgement?.at.rfc3339 ?? "", record.acknowledgement?.by ?? "", record.isWithdrawn ? "true" : "false",
            count(.open), count(.overdue), count(.done), count(.declined), count(.notRelevant),
            statuses.map { "\($0.0.rawValue)=\($0.1.rawValue)" }.joined(separator: "; "),
        ]
    }
}
