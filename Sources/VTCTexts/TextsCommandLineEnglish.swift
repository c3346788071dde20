import VTCModel
extension EnglishTexts {
    static func commandLine(_ text: CommandLineText) -> String {
        switch text {
        case .history: "History"
        case .recorded: "Recorded"
        case .recurringCitizens: "Citizens in several episodes"
        case .severityTrend: "Severity over the weeks"
        case .noneListed: "(none)"
        case .rosterFile(let path): "Roster: \(path)"
        case .noRosterFile(let path): "No roster file: \(path)"
        case .checkpoint(let head): "checkpoint: " + (head ?? "none (no events)")
        case .logHead(let head): "Log head: \(head)"
        case .noHeadsInWitness(let path): "\(path) holds no head (a line like: seq 1234 sha256 9f86d081884c7d65…)"
        case .logDamagedShowingBefore(let line, let kind):
            "the log is damaged at line \(line) (\(kind)); showing what comes before it, read-only; run vtc verify"
        case .demoWritten(let incidents, let events, let users, let folder):
            "\(incidents) incidents, \(events) events and a roster for \(users) users written to \(folder)"
        case .createdDataFolder(let path): "created the data folder \(path)"
        case .understood(let option, let typed, let understood): "\(option) \(typed) taken as \(understood)"
        case .column(let column): columnName(column)
        case .invalidDateTime(let option, let value):
            "\(option) must be a time such as 22:10, \"yesterday 22:10\", \"26.11 08:00\", 2025-03-14T21:30 (Copenhagen time) or \"now\", got \"\(value)\""
        case .invalidDate(let option, let value): "\(option) must be a date such as today, 26.11 or YYYY-MM-DD, got \"\(value)\""
        case .notOneOf(let option, let allowed, let value):
            "\(option) must be one of \(allowed.joined(separator: ", ")), got \"\(value)\""
        case .severityNotInRange(let option, let value): "\(option) must be 1–5, got \(value)"
        case .severityRangeDownward(let range): "--severity range must go upward, got \(range)"
        case .numberNotInRange(let option, let range, let value):
            "\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(value)"
        case .text(let option, let problem):
            switch problem {
            case .controlCharacter(_, let scalar):
                "\(option) holds a control character (\(unicodeName(scalar))), which is not allowed"
            case .invisibleCharacter(_, let scalar):
                "\(option) holds an invisible or text-direction character (\(unicodeName(scalar))), which is not allowed"
            case .lineBreakInSingleLine: "\(option) must be a single line, but holds a line break"
            case .cprNumber:
                "\(option) looks like a CPR number; use the unit's pseudonymous reference (such as B-014), never a CPR number"
            case .empty: "\(option) must not be empty"
            case .tooLong(_, let limit): "\(option) is longer than \(limit) bytes"
            }
        case .inFuture(let option, let value): "\(option) is in the future: \(value)"
        case .absenceDaysNeedFirstDay(let days): "--absence-days \(days) needs --first-absence-day"
        case .firstDayNeedsAbsenceDays: "--first-absence-day needs --absence-days"
        case .bothDescriptionOptions: "give --description or --description-file, not both"
        case .jsonWithFieldOptions: "--json cannot be combined with field options"
        case .jsonInvalid(let detail): "--json: not valid JSON: \(detail)"
        case .jsonNotAnObject: "--json: expected one JSON object"
        case .jsonUnknownKey(let key, let known): "--json: unknown key \"\(key)\" (the keys are \(known.joined(separator: ", ")))"
        case .jsonRepeatedKey(let key): "--json: key \"\(key)\" appears twice"
        case .jsonNotAScalar(let key): "--json: \(key) must be a string, number, boolean or null"
        case .jsonBadValue(let field, let value): "--json: \(field.rawValue) cannot be \(value) (expected \(expected(field)))"
        case .jsonMissing(let keys): "--json: missing \(keys.joined(separator: ", "))"
        case .kindRequired(let allowed): "--kind is required (one of \(allowed.joined(separator: ", ")))"
        case .severityRequired: "--severity is required (1–5)"
        case .descriptionRequired: "--description or --description-file is required"
        case .unitRequired(let yours):
            "--unit is required" + (yours.isEmpty ? "" : " (yours: \(yours.joined(separator: ", ")))")
        case .unknownUnit(let unit, let known):
            "unknown unit \"\(unit)\"" + (known.isEmpty ? "" : " (the roster's units: \(known.joined(separator: ", ")))")
        case .nothingToAmend: "give at least one field option to change"
        case .nothingChanges: "nothing changes: the values given are the current ones"
        case .notRelevantNeedsReason: "--not-relevant needs --reason TEXT"
        case .reasonInsteadOfNote: "with --not-relevant, give the reason with --reason, not --note"
        case .reasonOnlyWithNotRelevant: "--reason goes with --not-relevant; use --note for a note"
        case .invalidSeed(let value): "--seed must be a whole number from 0 to \(UInt64.max), got \(value)"
        case .idTooShort(let kind, let typed, let minimum):
            "\(idKind(kind)) id \"\(typed)\" is too short; give at least \(minimum) characters"
        case .idNotFound(let kind, let typed): "no \(idKind(kind)) with id \"\(typed)\""
        case .idAmbiguous(let kind, let typed, let matches):
            "\(idKind(kind)) id \"\(typed)\" is ambiguous: it matches \(matches) \(idKind(kind))s; give more characters"
        case .notInRoster(let user, let path): "you (\(user)) are not in the roster \(path); ask an admin to add you"
        case .fileProblems(let path, let problems): "\(path): " + problems.joined(separator: "; ")
        case .cannotRead(let path): "cannot read \(path)"
        case .notUTF8(let option, let source): "\(option): \(source) is not UTF-8 text"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .noUserName(let uid): "cannot find the user name of uid \(uid) in the password database"
        case .noLog(let path): "no log at \(path)"
        case .noDataFolder(let path):
            "no data folder at \(path); vtc creates it on the first registration, or give --data"
        case .sharedFolderNeedsServer(let path):
            "\(path) belongs to another user or others may write in it; a shared folder is served by `vtc serve` (see docs/deploy.md)"
        case .verifyFoundProblems(let count): count == 1 ? "the log has 1 problem" : "the log has \(count) problems"
        case .demoFolderHasRoster(let folder, let path):
            "\(folder) already has a roster (\(path)); demo data needs an empty folder"
        case .demoFolderHasLog(let folder, let events):
            "\(folder) already holds a log with \(events) events; demo data needs an empty folder"
        }
    }

    /// What a registration field takes in JSON.
    private static func expected(_ field: RegistrationField) -> String {
        switch field {
        case .occurredAt: "an RFC 3339 time with offset"
        case .severity: "1–5"
        case .kind: "one of " + EpisodeKind.allCases.map(\.rawValue).joined(separator: ", ")
        case .involvement: "direct or witness"
        case .counterpart: "one of " + Counterpart.allCases.map(\.rawValue).joined(separator: ", ")
        case .injury: "one of " + Injury.allCases.map(\.rawValue).joined(separator: ", ")
        case .firstAbsenceDay: "YYYY-MM-DD or null"
        case .absenceDays: "a whole number ≥ 0 or null"
        case .firstAid, .defusingHeld, .wantsLeaderTalk, .wantsPsychologist, .policeReport: "true or false"
        case .unit, .description: "a string"
        case .location, .citizenRef: "a string or null"
        }
    }

    private static func idKind(_ kind: CommandLineText.IDKind) -> String {
        switch kind {
        case .incident: "incident"
        case .action: "action"
        }
    }

    private static func columnName(_ column: CommandLineColumn) -> String {
        switch column {
        case .id: "id"
        case .occurred: "occurred"
        case .unit: "unit"
        case .kind: "kind"
        case .citizen: "citizen"
        case .acknowledged: "ack"
        case .open: "open"
        case .overdue: "overdue"
        case .action: "action"
        case .owner: "owner"
        case .due: "due"
        case .status: "status"
        case .date: "date"
        case .form: "form"
        case .incidents: "incidents"
        case .evaluation: "evaluation"
        case .note: "note"
        case .user: "user"
        case .name: "name"
        case .roles: "roles"
        case .period: "period"
        case .withAbsence: "with absence"
        }
    }
}
