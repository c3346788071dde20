import VTCModel
/// One thing wrong with a policy file, and where.
public struct PolicyProblem: Hashable, Sendable, CustomStringConvertible {
    /// Where, as a path into the document: `rules[3].kind`, `amg_meeting.time`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Every problem found in a policy file; the file is used only when there are none.
public struct PolicyFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [PolicyProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The policy file (`policy.json`): a JSON object whose keys each replace
/// one part of the default policy. A key left out keeps the default.
public enum PolicyFile {
    /// Reads and checks a policy file, returning every problem at once.
    public static func parse(_ bytes: some Collection<UInt8>) throws(PolicyFileError) -> Policy {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw PolicyFileError(problems: [PolicyProblem(path: "policy", message: "not valid JSON: \(error)")])
        }
        var reader = PolicyReader()
        let policy = reader.policy(document)
        guard let policy, reader.problems.isEmpty else { throw PolicyFileError(problems: reader.problems) }
        return policy
    }

    public static func parse(_ text: String) throws(PolicyFileError) -> Policy { try parse(Array(text.utf8)) }

    /// `Policy.default` written as a policy file.
    public static let defaultDocument = """
    {
      "zone": "Europe/Copenhagen",
      "easy_threshold_days": 1,
      "amg_meeting": {"weekday": "thursday", "time": "13:00"},
      "severity_wording": [
        {"grade": 1,
         "da": "Ubehagelig episode: skældud, verbal chikane eller en ubehagelig bemærkning; den registrerende er ikke påvirket efter vagten.",
         "en": "Unpleasant episode: scolding, verbal harassment or an unpleasant remark; the registrant is not affected after the shift."},
        {"grade": 2,
         "da": "Truende eller fysisk episode uden skade (skub, spyt, trussel); kortvarig påvirkning.",
         "en": "Threatening or physical episode without injury (push, spitting, threat); short-lived effect."},
        {"grade": 3,
         "da": "Vold med mindre skade eller en alvorlig trussel; den registrerende er stadig påvirket efter vagten.",
         "en": "Violence with minor injury or a serious threat; the registrant is still affected after the shift."},
        {"grade": 4,
         "da": "Vold med skade, der kræver behandling, eller en trussel, der skaber varig frygt; fravær eller debriefing er sandsynlig.",
         "en": "Violence with injury that needs treatment, or a threat that creates lasting fear; absence or debriefing likely."},
        {"grade": 5,
         "da": "Livstruende eller grov vold, alvorlig skade eller langvarige følger.",
         "en": "Life-threatening or gross violence, serious injury or long-term effects."}
      ],
      "rules": [
        {"kind": "acknowledgement", "when": [{}],
         "due": {"type": "days_after_registration", "days": 7}, "responsible": "leader"},
        {"kind": "defusing_offer", "when": [{"min_severity": 2}],
         "due": {"type": "end_of_episode_day"}, "responsible": "leader"},
        {"kind": "defusing", "when": [{"min_severity": 3}],
         "due": {"type": "hours_after_episode", "hours": 24}, "responsible": "leader"},
        {"kind": "debriefing", "when": [{"min_severity": 4}],
         "due": {"type": "days_after_episode", "days": 3}, "responsible": "leader"},
        {"kind": "supervision_offer",
         "when": [{"min_severity": 4}, {"repeated_citizen_ref": {"episodes": 3, "within_days": 30}}],
         "due": {"type": "days_after_episode", "days": 14}, "responsible": "leader"},
        {"kind": "psychologist_offer", "when": [{"min_severity": 4}, {"wish": "wants_psychologist"}],
         "due": {"type": "days_after_episode", "days": 7}, "responsible": "leader", "stays_open": true},
        {"kind": "police_report_decision",
         "when": [{"min_severity": 3, "kinds": ["physical_violence", "threat"], "counterparts": ["citizen"],
                   "involvements": ["direct"]}],
         "due": {"type": "hours_after_episode", "hours": 72}, "responsible": "leader"},
        {"kind": "sick_leave_contact", "when": [{"min_absence_days": 1}],
         "due": {"type": "days_after_first_absence_day", "days": 3}, "responsible": "leader"},
        {"kind": "easy_report", "when": [{"absence_reaches_easy_threshold": true}],
         "due": {"type": "days_after_first_absence_day", "days": 14}, "responsible": "leader"},
        {"kind": "deep_analysis", "when": [{"min_severity": 5}],
         "due": {"type": "days_after_episode", "days": 30}, "responsible": "coordinator"},
        {"kind": "amg_discussion", "when": [{}],
         "due": {"type": "next_amg_meeting"}, "responsible": "amg"}
      ]
    }
    """
}

/// Walks a parsed policy file, collecting every problem with its path.
private struct PolicyReader {
    static let maximumDays = 3650
    static let maximumHours = 24 * 3650

    var problems: [PolicyProblem] = []

    mutating func problem(_ path: String, _ message: String) { problems.append(PolicyProblem(path: path, message: message)) }

    /// The object's keys, after reporting keys that are unknown or written twice.
    mutating func object(_ value: JSONValue, at path: String, keys allowed: Set<String>) -> [String: JSONValue]? {
        guard case .object(let pairs) = value else {
            problem(path, "must be an object")
            return nil
        }
        var fields: [String: JSONValue] = [:]
        for (key, item) in pairs {
            let keyPath = path.isEmpty ? key : path + "." + key
            if !allowed.contains(key) {
                problem(keyPath, "unknown key (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            } else if fields[key] != nil {
                problem(keyPath, "written twice")
            } else {
                fields[key] = item
            }
        }
        return fields
    }

    mutating func int(_ value: JSONValue, at path: String, in range: ClosedRange<Int>) -> Int? {
        guard let n = value.int else {
            problem(path, "must be a whole number")
            return nil
        }
        if n < 0 && range.lowerBound == 0 {
            problem(path, "must not be negative, got \(n)")
            return nil
        }
        guard let small = Int(exactly: n), range.contains(small) else {
            problem(path, "must be \(range.lowerBound)–\(range.upperBound), got \(n)")
            return nil
        }
        return small
    }

    mutating func text(_ value: JSONValue, at path: String) -> String? {
        guard let s = value.string, s.contains(where: { !$0.isWhitespace }) else {
            problem(path, "must be a non-empty string")
            return nil
        }
        if InputRules.checkText(s, field: path, multiLine: false) != nil {
            problem(path, "must be one line of at most 16 KB without control characters")
            return nil
        }
        return s
    }

    mutating func identifier<E: RawRepresentable & CaseIterable>(_ value: JSONValue, at path: String, what: String) -> E?
    where E.RawValue == String {
        guard let s = value.string else {
            problem(path, "must be a string")
            return nil
        }
        guard let e = E(rawValue: s) else {
            problem(path, "unknown \(what) \"\(s)\" (expected one of: \(E.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return e
    }

    mutating func identifiers<E: RawRepresentable & CaseIterable & Hashable>(_ value: JSONValue, at path: String,
                                                                             what: String) -> Set<E>?
    where E.RawValue == String {
        guard let items = value.array, !items.isEmpty else {
            problem(path, "must be a non-empty array")
            return nil
        }
        var result: Set<E> = []
        for (i, item) in items.enumerated() {
            if let e: E = identifier(item, at: "\(path)[\(i)]", what: what) { result.insert(e) }
        }
        return result.count == items.count ? result : nil
    }

    mutating func policy(_ document: JSONValue) -> Policy? {
        let keys: Set = ["zone", "easy_threshold_days", "amg_meeting", "severity_wording", "rules"]
        guard let fields = object(document, at: "", keys: keys) else { return nil }
        var policy = Policy.default
        if let value = fields["zone"] {
            if let name = value.string {
                if let zone = Zone(identifier: name) { policy.zone = zone } else { problem("zone", "unknown time zone \"\(name)\"") }
            } else {
                problem("zone", "must be a string such as \"Europe/Copenhagen\"")
            }
        }
        if let value = fields["easy_threshold_days"], let days = int(value, at: "easy_threshold_days", in: 1...365) {
            policy.easyThresholdDays = days
        }
        if let value = fields["amg_meeting"], let meeting = meeting(value) { policy.amgMeeting = meeting }
        if let value = fields["severity_wording"], let wording = severityWording(value) { policy.severityWording = wording }
        if let value = fields["rules"], let rules = rules(value) { policy.rules = rules }
        return policy
    }

    mutating func meeting(_ value: JSONValue) -> WeeklyMeeting? {
        guard let fields = object(value, at: "amg_meeting", keys: ["weekday", "time"]) else { return nil }
        var weekday: Int?
        if let w = fields["weekday"] {
            if let name = w.string, let index = WeeklyMeeting.weekdayNames.firstIndex(of: name) {
                weekday = index + 1
            } else {
                problem("amg_meeting.weekday",
                        "must be one of: \(WeeklyMeeting.weekdayNames.joined(separator: ", ")), got \(JSONWriter.encodeString(w))")
            }
        } else {
            problem("amg_meeting.weekday", "missing")
        }
        var clock: (Int, Int)?
        if let t = fields["time"] {
            clock = t.string.flatMap(Self.clockTime)
            if clock == nil { problem("amg_meeting.time", "must be a local time \"HH:MM\" (00:00–23:59), got \(JSONWriter.encodeString(t))") }
        } else {
            problem("amg_meeting.time", "missing")
        }
        guard let weekday, let (hour, minute) = clock else { return nil }
        return WeeklyMeeting(isoWeekday: weekday, hour: hour, minute: minute)
    }

    static func clockTime(_ s: String) -> (Int, Int)? {
        let b = Array(s.utf8)
        guard b.count == 5, b[2] == UInt8(ascii: ":"),
              let hour = Int(String(s.prefix(2))), let minute = Int(String(s.suffix(2))),
              b[0...1].allSatisfy({ (48...57).contains($0) }), b[3...4].allSatisfy({ (48...57).contains($0) }),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }

    mutating func severityWording(_ value: JSONValue) -> [SeverityWording]? {
        guard let items = value.array else {
            problem("severity_wording", "must be an array with one entry per grade 1–5")
            return nil
        }
        var byGrade: [Int: SeverityWording] = [:]
        var complete = true
        for (i, item) in items.enumerated() {
            let path = "severity_wording[\(i)]"
            guard let fields = object(item, at: path, keys: ["grade", "da", "en"]) else { complete = false; continue }
            var grade: Int?
            if let g = fields["grade"] {
                grade = int(g, at: path + ".grade", in: Severity.range)
            } else {
                problem(path + ".grade", "missing")
            }
            var texts: [String] = []
            for key in ["da", "en"] {
                if let t = fields[key] { if let s = text(t, at: path + "." + key) { texts.append(s) } } else { problem(path + "." + key, "missing") }
            }
            guard let grade, texts.count == 2 else { complete = false; continue }
            if byGrade[grade] != nil {
                problem(path + ".grade", "grade \(grade) is worded twice")
                complete = false
            }
            byGrade[grade] = SeverityWording(danish: texts[0], english: texts[1])
        }
        let missing = Severity.range.filter { byGrade[$0] == nil }
        if complete, !missing.isEmpty {
            problem("severity_wording", "no wording for grade \(missing.map(String.init).joined(separator: ", "))")
        }
        guard complete, missing.isEmpty else { return nil }
        return Severity.range.map { byGrade[$0]! }
    }

    mutating func rules(_ value: JSONValue) -> [FollowUpRule]? {
        guard let items = value.array else {
            problem("rules", "must be an array of rules")
            return nil
        }
        var rules: [FollowUpRule] = []
        var seen: [FollowUpKind: Int] = [:]
        var complete = true
        for (i, item) in items.enumerated() {
            guard let rule = rule(item, at: "rules[\(i)]") else { complete = false; continue }
            if let first = seen[rule.kind] {
                problem("rules[\(i)].kind", "\"\(rule.kind.rawValue)\" already has a rule (rules[\(first)])")
                complete = false
            }
            seen[rule.kind] = seen[rule.kind] ?? i
            rules.append(rule)
        }
        return complete ? rules : nil
    }

    mutating func rule(_ value: JSONValue, at path: String) -> FollowUpRule? {
        guard let fields = object(value, at: path, keys: ["kind", "when", "due", "responsible", "stays_open"]) else { return nil }
        func required(_ key: String) -> JSONValue? {
            if fields[key] == nil { problem(path + "." + key, "missing") }
            return fields[key]
        }
        let kind: FollowUpKind? = required("kind").flatMap { identifier($0, at: path + ".kind", what: "follow-up kind") }
        let conditions = required("when").flatMap { when($0, at: path + ".when") }
        let due = required("due").flatMap { dueRule($0, at: path + ".due") }
        let role: Role? = required("responsible").flatMap { identifier($0, at: path + ".responsible", what: "role") }
        var staysOpen: Bool? = false
        if let value = fields["stays_open"] {
            staysOpen = value.bool
            if staysOpen == nil { problem(path + ".stays_open", "must be true or false") }
        }
        guard let kind, let conditions, let due, let role, let staysOpen else { return nil }
        return FollowUpRule(kind: kind, when: conditions, due: due, responsible: role, staysOpen: staysOpen)
    }

    mutating func when(_ value: JSONValue, at path: String) -> [FollowUpCondition]? {
        guard let items = value.array, !items.isEmpty else {
            problem(path, "must be a non-empty array of conditions ([{}] applies to every registration)")
            return nil
        }
        var conditions: [FollowUpCondition] = []
        for (i, item) in items.enumerated() {
            if let condition = condition(item, at: "\(path)[\(i)]") { conditions.append(condition) }
        }
        return conditions.count == items.count ? conditions : nil
    }

    mutating func condition(_ value: JSONValue, at path: String) -> FollowUpCondition? {
        let keys: Set = ["min_severity", "kinds", "counterparts", "involvements", "min_absence_days",
                         "absence_reaches_easy_threshold", "wish", "repeated_citizen_ref"]
        guard let fields = object(value, at: path, keys: keys) else { return nil }
        let before = problems.count
        var c = FollowUpCondition()
        if let v = fields["min_severity"] {
            c.minSeverity = int(v, at: path + ".min_severity", in: Severity.range).flatMap(Severity.init(rawValue:))
        }
        if let v = fields["kinds"] { c.kinds = identifiers(v, at: path + ".kinds", what: "kind of episode") }
        if let v = fields["counterparts"] { c.counterparts = identifiers(v, at: path + ".counterparts", what: "counterpart") }
        if let v = fields["involvements"] { c.involvements = identifiers(v, at: path + ".involvements", what: "involvement") }
        if let v = fields["min_absence_days"], let days = int(v, at: path + ".min_absence_days", in: 1...Self.maximumDays) {
            c.absence = .atLeast(days: days)
        }
        if let v = fields["absence_reaches_easy_threshold"] {
            if v.bool != true {
                problem(path + ".absence_reaches_easy_threshold", "must be true (leave the key out for no absence requirement)")
            } else if fields["min_absence_days"] != nil {
                problem(path + ".absence_reaches_easy_threshold", "cannot be combined with min_absence_days")
            } else {
                c.absence = .atLeastEASYThreshold
            }
        }
        if let v = fields["wish"] { c.wish = identifier(v, at: path + ".wish", what: "wish") }
        if let v = fields["repeated_citizen_ref"] { c.repeatedCitizenRef = repeated(v, at: path + ".repeated_citizen_ref") }
        return problems.count == before ? c : nil
    }

    mutating func repeated(_ value: JSONValue, at path: String) -> RepeatedCitizenRef? {
        guard let fields = object(value, at: path, keys: ["episodes", "within_days"]) else { return nil }
        var episodes: Int?
        var days: Int?
        if let v = fields["episodes"] { episodes = int(v, at: path + ".episodes", in: 2...1000) } else { problem(path + ".episodes", "missing") }
        if let v = fields["within_days"] { days = int(v, at: path + ".within_days", in: 1...Self.maximumDays) } else { problem(path + ".within_days", "missing") }
        guard let episodes, let days else { return nil }
        return RepeatedCitizenRef(episodes: episodes, withinDays: days)
    }

    mutating func dueRule(_ value: JSONValue, at path: String) -> DueRule? {
        guard case .object = value else {
            problem(path, "must be an object with a \"type\"")
            return nil
        }
        let types = ["hours_after_episode", "days_after_episode", "end_of_episode_day", "days_after_first_absence_day",
                     "days_after_registration", "next_amg_meeting"]
        guard let type = value["type"]?.string, types.contains(type) else {
            let got = value["type"].map { " got " + JSONWriter.encodeString($0) } ?? " missing"
            problem(path + ".type", "must be one of: \(types.joined(separator: ", "));\(got)")
            return nil
        }
        switch type {
        case "hours_after_episode":
            guard let fields = object(value, at: path, keys: ["type", "hours"]) else { return nil }
            guard let v = fields["hours"] else { problem(path + ".hours", "missing"); return nil }
            return int(v, at: path + ".hours", in: 0...Self.maximumHours).map(DueRule.hoursAfterEpisode)
        case "end_of_episode_day":
            _ = object(value, at: path, keys: ["type"])
            return .endOfEpisodeDay
        case "next_amg_meeting":
            _ = object(value, at: path, keys: ["type"])
            return .nextAMGMeeting
        default:
            guard let fields = object(value, at: path, keys: ["type", "days"]) else { return nil }
            guard let v = fields["days"] else { problem(path + ".days", "missing"); return nil }
            guard let days = int(v, at: path + ".days", in: 0...Self.maximumDays) else { return nil }
            switch type {
            case "days_after_episode": return .daysAfterEpisode(days)
            case "days_after_first_absence_day": return .daysAfterFirstAbsenceDay(days)
            default: return .daysAfterRegistration(days)
            }
        }
    }
}
