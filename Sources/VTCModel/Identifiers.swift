import Foundation

/// The stable identifiers of DOMAIN.md. Their raw values appear in the log,
/// in JSON output and in command options; the UI shows translated labels.

public enum EpisodeKind: String, CaseIterable, Sendable, Hashable, Codable {
    case physicalViolence = "physical_violence"
    case threat
    case harassment
    case sexualHarassment = "sexual_harassment"
    case propertyDamage = "property_damage"
    case other
}

public enum Involvement: String, CaseIterable, Sendable, Hashable, Codable {
    case direct
    case witness
}

public enum Counterpart: String, CaseIterable, Sendable, Hashable, Codable {
    case citizen
    case relative
    case colleague
    case other
}

public enum Injury: String, CaseIterable, Sendable, Hashable, Codable {
    case none
    case physical
    case psychological
    case both
}

public enum FollowUpKind: String, CaseIterable, Sendable, Hashable, Codable {
    case acknowledgement
    case defusingOffer = "defusing_offer"
    case defusing
    case debriefing
    case supervisionOffer = "supervision_offer"
    case psychologistOffer = "psychologist_offer"
    case policeReportDecision = "police_report_decision"
    case sickLeaveContact = "sick_leave_contact"
    case easyReport = "easy_report"
    case deepAnalysis = "deep_analysis"
    case amgDiscussion = "amg_discussion"
}

/// What someone recorded about a follow-up item.
public enum FollowUpOutcome: String, CaseIterable, Sendable, Hashable, Codable {
    case done
    case declined
    case notRelevant = "not_relevant"
}

/// The status of a follow-up item at a given time.
public enum FollowUpStatus: String, CaseIterable, Sendable, Hashable, Codable {
    case open
    case overdue
    case done
    case declined
    case notRelevant = "not_relevant"

    /// Still to be done: open, or open and past due.
    public var isOpen: Bool { self == .open || self == .overdue }
}

public enum Role: String, CaseIterable, Sendable, Hashable, Codable {
    case staff
    case leader
    case amg
    case coordinator
    case admin
}

public enum SupervisionForm: String, CaseIterable, Sendable, Hashable, Codable {
    case individual
    case group
}

/// Severity 1–5 (*belastningsgrad*): how hard the episode hit the registrant.
public struct Severity: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    public static let range: ClosedRange<Int> = 1...5
    public static let all: [Severity] = range.map { Severity(uncheckedValue: $0) }

    public let rawValue: Int

    public init?(rawValue: Int) {
        guard Severity.range.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    private init(uncheckedValue: Int) { rawValue = uncheckedValue }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension UUID {
    /// The lowercase form the log and every output use: `uuidString.lowercased()`, written here digit by digit
    /// (a list of thousands of incidents writes thousands of ids; the formatting and lowercasing cost several times more).
    public var lowercasedString: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                func digit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10 }
                var at = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[at] = UInt8(ascii: "-")
                        at += 1
                    }
                    text[at] = digit(byte >> 4)
                    text[at + 1] = digit(byte & 0xF)
                    at += 2
                }
                return at
            }
        }
    }
}
