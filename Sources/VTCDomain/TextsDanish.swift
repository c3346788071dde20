/// Danish, the language of the staff who use `vtc` every day.
enum DanishTexts: TextCatalog {
    static func text(_ key: TextKey) -> String {
        switch key {
        case .appTitle: "VTC – vold, trusler og chikane"
        case .incident: "Registrering"
        case .incidents: "Registreringer"
        case .registrant: "Registreret af"
        case .followUp: "Opfølgning"
        case .notes: "Noter"
        case .actions: "Tiltag"
        case .supervision: "Supervision"
        case .status: "Status"
        case .due: "Frist"
        case .acknowledged: "Kvitteret"
        case .notAcknowledged: "Ikke kvitteret"
        case .withdrawn: "Trukket tilbage"
        case .noIncidents: "Ingen registreringer"
        case .all: "Alle"
        case .search: "Søg"
        case .period: "Periode"
        case .since: "Fra"
        case .until: "Til"
        case .sortNewestFirst: "Nyeste først"
        case .sortMostUrgentFirst: "Mest presserende først"
        case .yes: "Ja"
        case .no: "Nej"
        case .week: "Uge"
        case .month: "Måned"
        case .quarter: "Kvartal"
        case .halfYear: "Halvår"
        case .year: "År"
        case .total: "I alt"
        case .count: "Antal"
        case .share: "Andel"
        case .statistics: "Statistik"
        case .weekReport: "AMG's ugeoversigt"
        case .newIncidents: "Nye registreringer"
        case .openFollowUp: "Åben opfølgning"
        case .overdueFollowUp: "Opfølgning over fristen"
        case .unacknowledgedIncidents: "Registreringer, lederen ikke har kvitteret for"
        case .actionsOpened: "Nye tiltag"
        case .actionsDue: "Tiltag med frist i ugen"
        case .actionsClosed: "Afsluttede tiltag"
        case .supervisionSessionsHeld: "Afholdt supervision"
        case .bySeverity: "Efter belastningsgrad"
        case .byKind: "Efter type"
        case .byUnit: "Efter enhed"
        case .withAbsence: "Med fravær"
        case .shareOfSeverity1: "Andel af VTC 1 (mindre episoder)"
        case .severity1Encouragement: "Mange registreringer af mindre episoder er tegn på en sund registreringskultur."
        case .comparedWith: "sammenlignet med"
        case .readOnlyBanner: "Kun læsning: du kan se, men ikke ændre noget."
        }
    }

    static func message(_ message: Message) -> String {
        switch message {
        case .input(let problem):
            return "\(fieldName(problem.field)): " + inputReason(problem)
        case .severityOutOfRange(let given):
            return "Belastningsgraden skal være et helt tal fra 1 til 5 (fik \(given))."
        case .refused(.needsRole(let role, let unit?)):
            return "Det kræver rollen \(roleInText(role)) i enheden »\(unit)«."
        case .refused(.needsRole(let role, nil)):
            return "Det kræver rollen \(roleInText(role))."
        case .refused(.onlyRegistrant):
            return "Det kan kun den medarbejder, der har registreret episoden."
        case .rosterProblem(let problem):
            return "roster.json, \(problem.path): " + rosterProblem(problem.kind)
        case .singleUserBanner(let unit):
            return "Enkeltbrugertilstand: der er ingen roster.json, så du har alle roller i enheden »\(unit)«."
        case .week(let week):
            return "Uge \(week.week), \(week.year)"
        case .invalidWeek(let text):
            return "»\(text)« er ikke en gyldig uge; skriv den som fx 2026-W05."
        case .weekday(let day):
            return ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"][(day - 1 + 7) % 7]
        case .period(let period):
            switch period.granularity {
            case .month:
                let names = ["januar", "februar", "marts", "april", "maj", "juni",
                             "juli", "august", "september", "oktober", "november", "december"]
                return "\(names[period.index - 1]) \(period.year)"
            case .quarter: return "\(period.index). kvartal \(period.year)"
            case .halfYear: return "\(period.index). halvår \(period.year)"
            case .year: return "\(period.year)"
            }
        case .incidentCount(let count):
            return count == 1 ? "1 registrering" : "\(count) registreringer"
        case .overdueByDays(let days):
            return days < 1 ? "over fristen" : days == 1 ? "1 dag over fristen" : "\(days) dage over fristen"
        case .recurringCitizens(let minimum, let days):
            return "Borgerreferencer med \(minimum) eller flere episoder de seneste \(days) dage"
        }
    }

    private static func inputReason(_ problem: InputRules.Problem) -> String {
        switch problem {
        case .controlCharacter(_, let scalar):
            return "indeholder et kontroltegn (\(unicodeName(scalar))), som ikke er tilladt."
        case .lineBreakInSingleLine:
            return "må ikke indeholde linjeskift."
        case .cprNumber:
            return "ligner et CPR-nummer (6 + 4 cifre). Af hensyn til privatlivet må et CPR-nummer aldrig registreres – brug enhedens lokale beboerkode."
        case .empty:
            return "må ikke være tom."
        case .tooLong(_, let limit):
            return "er for lang – forkort teksten (grænsen er \(limit) byte)."
        }
    }

    private static func roleInText(_ role: Role) -> String {
        switch role {
        case .staff: "medarbejder"
        case .leader: "leder"
        case .amg: "AMG"
        case .coordinator: "koordinator"
        case .admin: "administrator"
        }
    }

    private static func rosterProblem(_ kind: RosterFile.Problem.Kind) -> String {
        switch kind {
        case .invalidJSON(let reason): "er ikke gyldig JSON (\(reason))."
        case .expected(.object): "skal være et objekt { … }."
        case .expected(.array): "skal være en liste [ … ]."
        case .expected(.string): "skal være en tekst i anførselstegn."
        case .expected(.unitList): "skal være en liste af enheder eller \"*\" for alle enheder."
        case .missingField(let name): "mangler feltet \"\(name)\"."
        case .unknownField(let name): "ukendt felt \"\(name)\"."
        case .duplicateField(let name): "feltet \"\(name)\" står der mere end én gang."
        case .unknownRole(let name):
            "ukendt rolle \"\(name)\"; rollerne er \(Role.allCases.map(\.rawValue).joined(separator: ", "))."
        case .unknownUnit(let unit): "enheden »\(unit)« står ikke i listen \"units\"."
        case .duplicateUnit(let unit): "enheden »\(unit)« står der allerede."
        case .reservedUnitName(let unit): "»\(unit)« kan ikke bruges som navn på en enhed."
        case .emptyUnit: "enhedens navn er tomt."
        case .emptyUserID: "bruger-id'et er tomt."
        case .duplicateUser(let user, let firstAt): "brugeren »\(user)« står allerede i \(firstAt)."
        case .noRoles: "brugeren har ingen roller."
        case .invalidText(let problem): inputReason(problem)
        }
    }

    static func label(_ value: EpisodeKind) -> String {
        switch value {
        case .physicalViolence: "Fysisk vold"
        case .threat: "Trussel"
        case .harassment: "Chikane"
        case .sexualHarassment: "Seksuel chikane"
        case .propertyDamage: "Hærværk"
        case .other: "Andet"
        }
    }

    static func label(_ value: Involvement) -> String {
        switch value {
        case .direct: "Selv udsat"
        case .witness: "Vidne"
        }
    }

    static func label(_ value: Counterpart) -> String {
        switch value {
        case .citizen: "Borger"
        case .relative: "Pårørende"
        case .colleague: "Kollega"
        case .other: "Anden person"
        }
    }

    static func label(_ value: Injury) -> String {
        switch value {
        case .none: "Ingen skade"
        case .physical: "Fysisk skade"
        case .psychological: "Psykisk skade"
        case .both: "Fysisk og psykisk skade"
        }
    }

    static func label(_ value: FollowUpKind) -> String {
        switch value {
        case .acknowledgement: "Lederen har læst og kvitteret"
        case .defusingOffer: "Tilbud om kollegial defusing"
        case .defusing: "Kollegial defusing holdt"
        case .debriefing: "Debriefing"
        case .supervisionOffer: "Tilbud om supervision"
        case .psychologistOffer: "Tilbud om psykologsamtale"
        case .policeReportDecision: "Beslutning om politianmeldelse"
        case .sickLeaveContact: "Kontakt under sygefravær"
        case .easyReport: "Anmeldelse af arbejdsskade (EASY)"
        case .deepAnalysis: "Dybdegående analyse"
        case .amgDiscussion: "Drøftet i AMG"
        }
    }

    static func label(_ value: FollowUpStatus) -> String {
        switch value {
        case .open: "Åben"
        case .overdue: "Over fristen"
        case .done: "Udført"
        case .declined: "Takket nej"
        case .notRelevant: "Ikke relevant"
        }
    }

    static func label(_ value: FollowUpOutcome) -> String {
        switch value {
        case .done: "Udført"
        case .declined: "Medarbejderen takkede nej"
        case .notRelevant: "Ikke relevant"
        }
    }

    static func label(_ value: Role) -> String {
        switch value {
        case .staff: "Medarbejder"
        case .leader: "Leder"
        case .amg: "AMG"
        case .coordinator: "Koordinator"
        case .admin: "Administrator"
        }
    }

    static func label(_ value: SupervisionForm) -> String {
        switch value {
        case .individual: "Individuel supervision"
        case .group: "Gruppesupervision"
        }
    }

    static func label(_ field: RegistrationField) -> String {
        switch field {
        case .occurredAt: "Tidspunkt"
        case .unit: "Enhed"
        case .location: "Sted"
        case .kind: "Type"
        case .severity: "Belastningsgrad"
        case .involvement: "Involvering"
        case .counterpart: "Udøver"
        case .citizenRef: "Borgerreference"
        case .injury: "Skade"
        case .firstAbsenceDay: "Første fraværsdag"
        case .absenceDays: "Fraværsdage"
        case .description: "Beskrivelse"
        case .firstAid: "Psykisk førstehjælp"
        case .defusingHeld: "Defusing holdt"
        case .wantsLeaderTalk: "Ønsker samtale med leder"
        case .wantsPsychologist: "Ønsker psykologsamtale"
        case .policeReport: "Politianmeldt"
        }
    }

    static func help(_ field: RegistrationField) -> String {
        switch field {
        case .occurredAt: "Hvornår skete episoden? Dato og klokkeslæt."
        case .unit: "Den enhed, hvor episoden skete."
        case .location: "Hvor på enheden, fx fællesstuen eller borgerens bolig. Kan udelades."
        case .kind: "Hvad skete der? Vælg den type, der passer bedst."
        case .severity: "Hvor hårdt ramte episoden dig? 1 er mildest, 5 er mest alvorligt. Registrér også de små episoder."
        case .involvement: "Var du selv udsat, eller var du vidne? Vidner kan også registrere."
        case .counterpart: "Hvem kom det fra?"
        case .citizenRef: "Brug enhedens lokale beboerkode – aldrig borgerens navn eller CPR-nummer. Kan udelades."
        case .injury: "Fik du en fysisk eller psykisk skade?"
        case .firstAbsenceDay: "Din første fraværsdag på grund af episoden. Udelades, hvis du ikke har været fraværende."
        case .absenceDays: "Hvor mange dages fravær indtil nu."
        case .description: "Beskriv kort, hvad der skete. Skriv ikke navne eller CPR-numre."
        case .firstAid: "Fik du psykisk førstehjælp af en kollega eller leder med det samme?"
        case .defusingHeld: "Er der allerede holdt kollegial defusing i vagten?"
        case .wantsLeaderTalk: "Markér, hvis du gerne vil tale med din leder om episoden."
        case .wantsPsychologist: "Markér, hvis du ønsker tilbud om samtale med en psykolog. Du kan også bede om det senere."
        case .policeReport: "Er episoden meldt til politiet? Du har altid ret til selv at anmelde."
        }
    }
}
