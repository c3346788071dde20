import VTCModel
extension DanishTexts {
    static func commandLine(_ text: CommandLineText) -> String {
        switch text {
        case .history: "Historik"
        case .recorded: "Registreret"
        case .recurringCitizens: "Borgere i flere episoder"
        case .severityTrend: "Belastningsgrad uge for uge"
        case .noneListed: "(ingen)"
        case .rosterFile(let path): "Roster: \(path)"
        case .noRosterFile(let path): "Ingen rosterfil: \(path)"
        case .checkpoint(let head): "kontrolpunkt: " + (head ?? "intet (ingen hændelser)")
        case .logHead(let head): "Loggens hoved: \(head)"
        case .noHeadsInWitness(let path): "\(path) indeholder intet hoved (en linje som: seq 1234 sha256 9f86d081884c7d65…)"
        case .logDamagedShowingBefore(let line, let kind):
            "loggen er beskadiget i linje \(line) (\(kind)); viser det, der kommer før, kun til læsning; kør vtc verify"
        case .demoWritten(let incidents, let events, let users, let folder):
            "\(incidents) episoder, \(events) hændelser og et roster med \(users) brugere skrevet til \(folder)"
        case .createdDataFolder(let path): "oprettede datamappen \(path)"
        case .understood(let option, let typed, let understood): "\(option) \(typed) forstået som \(understood)"
        case .column(let column): columnName(column)
        case .invalidDateTime(let option, let value):
            "\(option) skal være et tidspunkt som 22:10, \"i går 22:10\", \"26.11 08:00\", 2025-03-14T21:30 (dansk tid) eller \"now\", fik \"\(value)\""
        case .invalidDate(let option, let value): "\(option) skal være en dato som \"i dag\", 26.11 eller ÅÅÅÅ-MM-DD, fik \"\(value)\""
        case .notOneOf(let option, let allowed, let value):
            "\(option) skal være en af \(allowed.joined(separator: ", ")), fik \"\(value)\""
        case .severityNotInRange(let option, let value): "\(option) skal være 1–5, fik \(value)"
        case .severityRangeDownward(let range): "--severity-intervallet skal gå opad, fik \(range)"
        case .numberNotInRange(let option, let range, let value):
            "\(option) skal være et helt tal fra \(range.lowerBound) til \(range.upperBound), fik \(value)"
        case .text(let option, let problem):
            switch problem {
            case .controlCharacter(_, let scalar):
                "\(option) indeholder et kontroltegn (\(unicodeName(scalar))), som ikke er tilladt"
            case .invisibleCharacter(_, let scalar):
                "\(option) indeholder et usynligt tegn eller et tegn der vender tekstretningen (\(unicodeName(scalar))), som ikke er tilladt"
            case .lineBreakInSingleLine: "\(option) skal være én linje, men indeholder et linjeskift"
            case .cprNumber:
                "\(option) ligner et CPR-nummer; brug enhedens pseudonyme reference (fx B-014), aldrig et CPR-nummer"
            case .empty: "\(option) må ikke være tom"
            case .tooLong(_, let limit): "\(option) er længere end \(limit) byte"
            }
        case .inFuture(let option, let value): "\(option) ligger i fremtiden: \(value)"
        case .absenceDaysNeedFirstDay(let days): "--absence-days \(days) kræver --first-absence-day"
        case .firstDayNeedsAbsenceDays: "--first-absence-day kræver --absence-days"
        case .bothDescriptionOptions: "angiv --description eller --description-file, ikke begge"
        case .jsonWithFieldOptions: "--json kan ikke kombineres med feltindstillinger"
        case .jsonInvalid(let detail): "--json: ikke gyldig JSON: \(detail)"
        case .jsonNotAnObject: "--json: forventede ét JSON-objekt"
        case .jsonUnknownKey(let key, let known): "--json: ukendt nøgle \"\(key)\" (nøglerne er \(known.joined(separator: ", ")))"
        case .jsonRepeatedKey(let key): "--json: nøglen \"\(key)\" optræder to gange"
        case .jsonNotAScalar(let key): "--json: \(key) skal være en tekst, et tal, true/false eller null"
        case .jsonBadValue(let field, let value): "--json: \(field.rawValue) kan ikke være \(value) (forventede \(expected(field)))"
        case .jsonMissing(let keys): "--json: mangler \(keys.joined(separator: ", "))"
        case .kindRequired(let allowed): "--kind skal angives (en af \(allowed.joined(separator: ", ")))"
        case .severityRequired: "--severity skal angives (1–5)"
        case .descriptionRequired: "--description eller --description-file skal angives"
        case .unitRequired(let yours):
            "--unit skal angives" + (yours.isEmpty ? "" : " (dine: \(yours.joined(separator: ", ")))")
        case .unknownUnit(let unit, let known):
            "ukendt enhed \"\(unit)\"" + (known.isEmpty ? "" : " (rosterens enheder: \(known.joined(separator: ", ")))")
        case .nothingToAmend: "angiv mindst ét felt, der skal ændres"
        case .nothingChanges: "intet ændres: de angivne værdier er de nuværende"
        case .notRelevantNeedsReason: "--not-relevant kræver --reason TEKST"
        case .reasonInsteadOfNote: "med --not-relevant angives begrundelsen med --reason, ikke --note"
        case .reasonOnlyWithNotRelevant: "--reason hører til --not-relevant; brug --note til en note"
        case .invalidSeed(let value): "--seed skal være et helt tal fra 0 til \(UInt64.max), fik \(value)"
        case .idTooShort(let kind, let typed, let minimum):
            "\(idKind(kind))-id \"\(typed)\" er for kort; angiv mindst \(minimum) tegn"
        case .idNotFound(.incident, let typed): "ingen registrering med id \"\(typed)\""
        case .idNotFound(.action, let typed): "intet tiltag med id \"\(typed)\""
        case .idAmbiguous(let kind, let typed, let matches):
            "\(idKind(kind))-id \"\(typed)\" er tvetydigt: det passer på \(matches); angiv flere tegn"
        case .notInRoster(let user, let path): "du (\(user)) står ikke i rosteret \(path); bed en administrator tilføje dig"
        case .fileProblems(let path, let problems): "\(path): " + problems.joined(separator: "; ")
        case .cannotRead(let path): "kan ikke læse \(path)"
        case .notUTF8(let option, let source): "\(option): \(source) er ikke UTF-8-tekst"
        case .cannotWrite(let path, let reason): "kan ikke skrive \(path): \(reason)"
        case .noUserName(let uid): "kan ikke finde brugernavnet for uid \(uid) i brugerdatabasen"
        case .noLog(let path): "ingen log i \(path)"
        case .noDataFolder(let path):
            "ingen datamappe i \(path); vtc opretter den ved første registrering, eller angiv --data"
        case .sharedFolderNeedsServer(let path):
            "\(path) tilhører en anden bruger, eller andre kan skrive i den; en delt mappe betjenes af `vtc serve` (se docs/deploy.md)"
        case .verifyFoundProblems(let count): count == 1 ? "loggen har 1 problem" : "loggen har \(count) problemer"
        case .demoFolderHasRoster(let folder, let path):
            "\(folder) har allerede et roster (\(path)); demodata kræver en tom mappe"
        case .demoFolderHasLog(let folder, let events):
            "\(folder) har allerede en log med \(events) hændelser; demodata kræver en tom mappe"
        }
    }

    /// Hvad et registreringsfelt tager i JSON.
    private static func expected(_ field: RegistrationField) -> String {
        switch field {
        case .occurredAt: "et RFC 3339-tidspunkt med forskydning"
        case .severity: "1–5"
        case .kind: "en af " + EpisodeKind.allCases.map(\.rawValue).joined(separator: ", ")
        case .involvement: "direct eller witness"
        case .counterpart: "en af " + Counterpart.allCases.map(\.rawValue).joined(separator: ", ")
        case .injury: "en af " + Injury.allCases.map(\.rawValue).joined(separator: ", ")
        case .firstAbsenceDay: "ÅÅÅÅ-MM-DD eller null"
        case .absenceDays: "et helt tal ≥ 0 eller null"
        case .firstAid, .defusingHeld, .wantsLeaderTalk, .wantsPsychologist, .policeReport: "true eller false"
        case .unit, .description: "en tekst"
        case .location, .citizenRef: "en tekst eller null"
        }
    }

    private static func idKind(_ kind: CommandLineText.IDKind) -> String {
        switch kind {
        case .incident: "registrering"
        case .action: "tiltag"
        }
    }

    private static func columnName(_ column: CommandLineColumn) -> String {
        switch column {
        case .id: "id"
        case .occurred: "skete"
        case .unit: "enhed"
        case .kind: "art"
        case .citizen: "borger"
        case .acknowledged: "kvit"
        case .open: "åbne"
        case .overdue: "forsinket"
        case .action: "tiltag"
        case .owner: "ansvarlig"
        case .due: "frist"
        case .status: "status"
        case .date: "dato"
        case .form: "form"
        case .incidents: "episoder"
        case .evaluation: "evaluering"
        case .note: "note"
        case .user: "bruger"
        case .name: "navn"
        case .roles: "roller"
        case .period: "periode"
        case .withAbsence: "med fravær"
        }
    }
}
