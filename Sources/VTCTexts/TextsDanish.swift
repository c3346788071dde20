import VTCModel
import VTCCodec
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
        // List, detail, follow-up queue, week and statistics screens (branch ui-screens):
        case .columnSeverity: "Grad"
        case .columnAcknowledged: "Kvit."
        case .allUnits: "Alle enheder"
        case .periodThisWeek: "Denne uge"
        case .periodLast30Days: "Seneste 30 dage"
        case .periodThisHalfYear: "Dette halvår"
        case .periodThisYear: "I år"
        case .filterOpen: "Åbne"
        case .filterOverdue: "Over frist"
        case .noMatchingIncidents: "Ingen registreringer passer til filtrene."
        case .followUpComplete: "Fulgt op"
        case .helpOpen: "Åbn"
        case .helpSeverityFilter: "Grad"
        case .helpClearSeverity: "Alle grader"
        case .helpSort: "Sortér"
        case .helpScroll: "Rul"
        case .helpSave: "Gem"
        case .helpCancel: "Fortryd"
        case .helpNextField: "Næste felt"
        case .historySection: "Historik"
        case .historyUnreadable: "Historikken kunne ikke læses fra loggen; kør vtc verify"
        case .reason: "Begrundelse"
        case .noteField: "Notat"
        case .whenField: "Hvornår"
        case .outcomeField: "Udfald"
        case .actionAcknowledge: "Kvittér"
        case .actionAddNote: "Tilføj notat"
        case .actionAmend: "Ret"
        case .actionAbsence: "Fravær"
        case .actionWithdraw: "Træk tilbage"
        case .actionRecordFollowUp: "Registrér opfølgning"
        case .chooseFollowUpItem: "Vælg opfølgning"
        case .noOpenItemsForYou: "Der er ingen åben opfølgning, som du kan registrere."
        case .alreadyAcknowledged: "Registreringen er allerede kvitteret."
        case .nothingChanged: "Intet er ændret."
        case .timeInFuture: "Tidspunktet ligger i fremtiden."
        case .confirmWithdraw: "Tryk Enter igen for at trække registreringen tilbage – Esc fortryder."
        case .actionStatusClosed: "Lukket"
        case .helpExport: "Eksport"
        case .helpSupervision: "Supervision"
        case .helpDiscussion: "Drøft"
        case .helpCloseAction: "Luk"
        case .helpNewAction: "Tiltag"
        case .helpUnacknowledged: "Ukvitterede"
        case .confirmDiscardDraft: "Kassér kladden? Tryk d igen for at kassere; en anden tast beholder den."
        case .withdrawnBanner: "TRUKKET TILBAGE"
        case .followUpQueueTitle: "Min opfølgning"
        case .queueEmpty: "Ingen åben opfølgning – alt er fulgt op."
        case .helpRecord: "Registrér"
        case .actionNewAction: "Nyt tiltag"
        case .actionCloseAction: "Luk tiltag"
        case .actionRecordDiscussion: "AMG-drøftelse"
        case .actionRecordSupervision: "Ny supervision"
        case .actionExport: "Eksportér"
        case .weekNumbers: "Ugens tal"
        case .openActions: "Åbne tiltag"
        case .severityTrend: "Udvikling de seneste 12 uger"
        case .thisWeek: "denne uge"
        case .none: "Ingen"
        case .asOf: "Opgjort"
        case .units: "Enheder"
        case .titleField: "Titel"
        case .ownerField: "Ansvarlig"
        case .dueDateField: "Frist (dato)"
        case .linkedIncidentsField: "Registreringer (numre)"
        case .dateField: "Dato"
        case .summaryField: "Resumé"
        case .supervisionFormField: "Supervisionsform"
        case .evaluationField: "Udbytte 1–5"
        case .chooseAction: "Vælg tiltag"
        case .chooseIncident: "Vælg registrering"
        case .noOpenActions: "Der er ingen åbne tiltag."
        case .noIncidentsThisWeek: "Ugen har ingen nye registreringer."
        case .exportFilePrefix: "uge"
        case .noReadableUnits: "Du har ingen rolle, der giver adgang til enhedernes tal."
        case .helpPeriodLength: "Periodelængde"
        case .helpView: "Visning"
        case .helpPreviousPeriod: "Forrige periode"
        case .helpNextPeriod: "Næste periode"
        case .mostCommonSeverity: "Hyppigste grad"
        case .markdownIncidentTime: "Tidspunkt for episoden"
        // Terminal UI shell (branch ui-shell).
        case .keysHeading: "Taster"
        case .helpKeyLabel: "Hjælp"
        case .backKeyLabel: "Tilbage"
        case .quitKeyLabel: "Afslut"
        case .quitKeepingDraftLabel: "Afslut straks (kladden gemmes)"
        case .closeHelpHint: "Tryk på en tast for at lukke."
        case .menuRegister: "Registrér en episode"
        case .menuList: "Se registreringer"
        case .menuFollowUpQueue: "Opfølgningskø"
        case .menuWeek: "AMG's uge"
        case .menuStatistics: "Statistik"
        case .openKeyLabel: "Åbn"
        case .moveKeyLabel: "Flyt"
        case .myRegistrations: "Mine registreringer"
        case .withOpenFollowUp: "heraf med åben opfølgning"
        case .inMyUnitsAsLeader: "I mine enheder (leder)"
        case .amgThisWeek: "AMG denne uge"
        case .registerTitle: "Ny registrering"
        case .immediateHelpHeading: "Hjælp givet"
        case .wishesHeading: "Ønsker"
        case .leaderTalkChoice: "Samtale med min leder"
        case .psychologistChoice: "Samtale med en psykolog"
        case .policeReportChoice: "Politianmeldelse (ønskes eller er sket)"
        case .saveKeyLabel: "Gem"
        case .nextFieldLabel: "Næste felt"
        case .previousFieldLabel: "Forrige felt"
        case .toggleKeyLabel: "Sæt eller fjern kryds"
        case .chooseKeyLabel: "Vælg"
        case .cancelKeyLabel: "Luk"
        case .notChosen: "(vælg)"
        case .unsavedPrompt: "Registreringen er ikke gemt endnu. Hvad vil du?"
        case .keepDraftChoice: "Gem som kladde og luk"
        case .discardDraftChoice: "Slet det skrevne og luk"
        case .continueChoice: "Fortsæt med at skrive"
        case .draftKept: "Kladden er gemt. Du kan fortsætte med den, næste gang du åbner vtc."
        case .draftDiscarded: "Kladden er slettet."
        case .absenceDaysUnit: "dage"
        case .noUnitToRegister: "Du har ingen enhed, hvor du kan registrere."
        case .savedTitle: "Registreringen er gemt"
        case .savedThanks: "Tak. Din registrering er gemt, og din leder kan nu se den."
        case .followUpNowDue: "Opfølgning, der nu skal ske"
        case .actionCardTitle: "Det skal du vide"
        case .actionCardPolice: "Politianmeldelse: ledelsen beslutter, om arbejdspladsen anmelder episoden – men du kan altid selv anmelde den til politiet."
        case .actionCardCompensation: "Offererstatning: kræver som regel, at episoden er meldt til politiet inden for 72 timer; for ansatte i omsorgsfag gælder der undtagelser."
        case .actionCardInsurance: "Arbejdsskade og forsikring: fører episoden til fravær, skal den anmeldes som arbejdsskade (EASY) senest 14 dage efter første fraværsdag. Tal med din leder om anmeldelsen og om forsikring."
        case .toMenuLabel: "Til menuen"
        case .scrollKeyLabel: "Rul"
        case .draftsTitle: "Kladder"
        case .resumeKeyLabel: "Fortsæt"
        case .discardKeyLabel: "Slet"
        case .laterKeyLabel: "Senere"
        case .draftWithoutDescription: "(ingen beskrivelse endnu)"
        case .occurredExamples: "Skriv fx 14:30, i går 22:00, 22.11 14:30 eller 2026-11-22 14:30."
        case .dayExamples: "Skriv fx i dag, i går, i morgen, 22.11 eller 2026-11-22."
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
        // List, detail, follow-up queue, week and statistics screens (branch ui-screens):
        case .countOf(let shown, let total):
            return "\(shown) af \(total)"
        case .overdueItems(let count):
            return "! \(count) over frist"
        case .openItems(let count):
            return count == 1 ? "1 åben" : "\(count) åbne"
        case .invalidTime(let text):
            return "»\(text)« er ikke et gyldigt tidspunkt; skriv det som fx 14:05, i går 22:10, 20.11 14:05 eller 2026-11-20 14:05."
        case .invalidDate(let text):
            return "»\(text)« er ikke en gyldig dato; skriv den som fx i dag, 20.11 eller 2026-11-20."
        case .invalidDays(let text):
            return "Fraværsdage skal være et helt tal fra 0 og op (fik »\(text)«)."
        case .invalidIncidentNumbers(let text):
            return "»\(text)« er ikke numre fra listen over ugens nye registreringer (fx 1 3)."
        case .eventName(let type):
            switch type {
            case .registered: return "Registreret"
            case .amended: return "Rettet"
            case .followUpRecorded: return "Opfølgning registreret"
            case .acknowledged: return "Kvitteret"
            case .noteAdded: return "Notat tilføjet"
            case .absenceUpdated: return "Fravær opdateret"
            case .amgDiscussed: return "Drøftet i AMG"
            case .actionOpened: return "Tiltag oprettet"
            case .actionClosed: return "Tiltag lukket"
            case .supervisionHeld: return "Supervision afholdt"
            case .withdrawn: return "Trukket tilbage"
            }
        case .percent(let value):
            return "\(value) %"
        case .weekTrendLine(let total, let thisWeek):
            return "\(total) i alt, \(thisWeek) denne uge"
        case .actionDueOn(let date):
            return "frist \(date)"
        case .evaluationOutOf5(let value):
            return "udbytte \(value)/5"
        case .weekListMore(let count, let rest):
            switch rest {
            case .list: return "… og \(count) flere: listen (l på forsiden) og eksporten (x) har dem alle."
            case .overdue:
                return "… og \(count) flere: opfølgningskøen (f på forsiden), listen med filteret »Over frist« (d) og eksporten (x) har dem alle."
            case .unacknowledged: return "… og \(count) flere: listen med filteret »Ukvitterede« (k) og eksporten (x) har dem alle."
            case .export: return "… og \(count) flere i eksporten (x)."
            }
        // Terminal UI shell (branch ui-shell).
        case .windowTooSmall(let width, let height):
            return "Gør vinduet større: vtc skal bruge mindst 80×24 tegn, men har kun \(width)×\(height)."
        case .draftsWaiting(let count):
            return count == 1
                ? "Du har 1 registrering, der ikke blev gemt færdig. Vil du fortsætte med den?"
                : "Du har \(count) registreringer, der ikke blev gemt færdige. Vil du fortsætte med en af dem?"
        case .timeInput(let field, let problem):
            let name = label(field)
            let examples = field == .occurredAt ? text(.occurredExamples) : text(.dayExamples)
            switch problem {
            case .unrecognised(let typed):
                return typed.isEmpty ? "\(name): skal udfyldes. \(examples)" : "\(name): »\(typed)« kan ikke læses som \(field == .occurredAt ? "et tidspunkt" : "en dato"). \(examples)"
            case .noSuchDate(let typed):
                return "\(name): datoen »\(typed)« findes ikke."
            case .inTheFuture(let moment):
                return "\(name): \(localReading(moment)) ligger i fremtiden; en episode kan kun registreres, når den er sket."
            }
        case .chooseOne(let field):
            return "\(label(field)): vælg en af mulighederne (pilene eller forbogstavet)."
        case .notANumberOfDays(let typed):
            return "\(label(.absenceDays)): »\(typed)« er ikke et antal dage; skriv et helt tal fra 0 til 365."
        case .absenceIncomplete:
            return "Fravær: skriv både første fraværsdag og antal dage – eller lad begge felter stå tomme."
        case .notSaved(let reason):
            return "Ikke gemt: \(reason)"
        case .exported(let path):
            return "Skrevet til \(path)"
        case .logReadFailed(let reason):
            return "Kan ikke læse nye registreringer: \(reason)"
        case .contactLeaders(let names):
            return names.isEmpty
                ? "Kontakt: tal med din leder om episoden og om den hjælp, du har brug for."
                : "Kontakt: din leder (\(names.joined(separator: ", "))) – om episoden og om den hjælp, du har brug for."
        case .dueBy(let moment):
            return "senest \(localReading(moment))"
        case .dateTime(let moment):
            return "\(Self.message(.weekday(moment.local.date.isoWeekday))) \(localReading(moment))"
        case .noOptionForLetter(let letter):
            return "Ingen valgmulighed har bogstavet »\(letter)«; bogstaverne står i [ ] eller er understreget."
        case .saved(let payload):
            switch payload {
            case .registered: return "Registreringen er gemt."
            case .amended(_, let changes): return changes.count == 1 ? "Rettet: 1 felt." : "Rettet: \(changes.count) felter."
            case .followUpRecorded(_, let record): return "Registreret: \(label(record.kind)) – \(label(record.outcome))."
            case .acknowledged: return "Kvitteret: registreringen er læst."
            case .noteAdded: return "Noten er gemt."
            case .absenceUpdated(_, let firstDay, let days):
                return "Fravær gemt: \(days) dage fra \(Self.message(.longDate(firstDay)))."
            case .amgDiscussed(_, let date, _): return "AMG-drøftelsen er gemt (\(Self.message(.longDate(date))))."
            case .actionOpened(let action): return "Tiltag oprettet: \(action.title), frist \(Self.message(.longDate(action.due)))."
            case .actionClosed: return "Tiltaget er lukket."
            case .supervisionHeld(let session): return "Supervision gemt (\(Self.message(.longDate(session.date))))."
            case .withdrawn: return "Registreringen er trukket tilbage."
            }
        case .longDate(let date):
            return "\(Self.message(.weekday(date.isoWeekday))) \(pad2(date.day)).\(pad2(date.month)).\(date.year)"
        case .shortDateTime(let moment):
            let local = moment.local
            return "\(pad2(local.date.day)).\(pad2(local.date.month)).\(local.date.year) \(pad2(local.hour)):\(pad2(local.minute))"
        }
    }

    static func inputReason(_ problem: InputRules.Problem) -> String {
        switch problem {
        case .controlCharacter(_, let scalar):
            return "indeholder et kontroltegn (\(unicodeName(scalar))), som ikke er tilladt."
        case .invisibleCharacter(_, let scalar):
            return "indeholder et usynligt tegn eller et tegn der vender tekstretningen (\(unicodeName(scalar))), som ikke er tilladt: det kan få teksten til at se anderledes ud end den er."
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

    /// `22.11.2026 kl. 14:30`, at the moment's written offset.
    private static func localReading(_ moment: Timestamp) -> String {
        let local = moment.local
        return "\(pad2(local.date.day)).\(pad2(local.date.month)).\(local.date.year) kl. \(pad2(local.hour)):\(pad2(local.minute))"
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
        case .duplicateShortName(let short): "kortnavnet »\(short)« er allerede en anden enheds."
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
