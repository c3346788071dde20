import VTCModel
/// The Danish fragments the demo builds its descriptions, notes and titles
/// from. Invented situations only: no real names, no real people.
enum DemoTexts {
    /// An opening adverbial; the verb comes next (Danish V2 word order).
    static let situations = [
        "Under morgenplejen", "Ved aftensmaden", "Da jeg skulle give medicin", "Under en skærmning",
        "Da beboeren skulle i bad", "Ved vagtskiftet", "Da jeg bankede på døren", "Under gåturen i haven",
        "Midt i frokosten", "Ved sengetid", "Da jeg sagde nej til en ekstra smøg", "Under aktiviteten i værkstedet",
        "Da vi skulle hjælpe med påklædning", "I forbindelse med indlæggelsen", "Ved udlevering af lommepenge",
        "Under nattevagten", "Da jeg kom ind i lejligheden", "Efter et telefonopkald fra familien",
    ]

    /// What the counterpart had been like beforehand; `{S}` is the subject.
    static let buildUps = [
        "{S} havde været urolig hele formiddagen.", "{S} var anspændt efter en dårlig nat.",
        "{S} havde ventet længe på at komme til lægen.", "{S} var skuffet over en aflyst udflugt.",
        "{S} virkede påvirket.", "{S} havde råbt på gangen i et stykke tid.",
        "Der var larm og uro i fællesstuen.", "Vi var kun to på vagt.",
    ]

    /// Verb and the rest of the clause per kind; `{O}` is who was hit (me or a colleague).
    static let acts: [EpisodeKind: [(verb: String, rest: String)]] = [
        .physicalViolence: [
            ("slog", "{O} med knytnæve på overarmen"), ("sparkede", "ud efter {O} og ramte knæet"),
            ("kradsede", "{O} på underarmen, så det blødte"), ("skubbede", "{O} ind mod dørkarmen"),
            ("tog", "fat om halsen på {O}"), ("bed", "{O} i hånden"),
            ("kastede", "en kop mod {O} og ramte hovedet"), ("hev", "{O} i håret"),
        ],
        .threat: [
            ("truede", "med at slå {O} ihjel"), ("sagde", "at han ville finde ud af, hvor {O} bor"),
            ("truede", "{O} med en kniv fra køkkenet"), ("stillede", "sig helt tæt på {O} og hævede hånden"),
            ("råbte", "at {O} skulle passe på, når vi gik hjem"), ("truede", "med at smadre bilen"),
        ],
        .harassment: [
            ("kaldte", "{O} grimme ord i lang tid"), ("skældte", "{O} ud foran de andre beboere"),
            ("kom", "med nedladende bemærkninger til {O} om udseende og vægt"), ("gjorde", "grin med {O} og efteraffede"),
            ("kom", "med nedsættende bemærkninger til {O} om hudfarve og baggrund"), ("bandede", "ad {O} hver gang vi gik forbi"),
        ],
        .sexualHarassment: [
            ("kom", "med seksuelle bemærkninger og forsøgte at røre ved {O}"), ("tog", "{O} på brystet under plejen"),
            ("blottede", "sig over for {O}"), ("sendte", "{O} seksuelt krænkende beskeder"),
            ("holdt", "fast i {O} og ville ikke give slip"),
        ],
        .propertyDamage: [
            ("smadrede", "en stol i fællesstuen, tæt på {O}"), ("væltede", "medicinvognen ind i {O}"),
            ("slog", "hul i døren til personalestuen, mens {O} stod bag den"), ("ødelagde", "telefonen, som {O} havde i hånden"),
            ("kastede", "tallerkener mod væggen ved siden af {O}"),
        ],
        .other: [
            ("spyttede", "efter {O}"), ("blokerede", "døren, så {O} ikke kunne komme ud"),
            ("filmede", "{O} uden samtykke og truede med at lægge det på nettet"),
            ("fulgte", "efter {O} ned ad gangen og hviskede"),
        ],
    ]

    /// How the registrant was left, by severity 1…5.
    static let aftermath: [[String]] = [
        ["Jeg var ikke påvirket efter vagten.", "Det gik hurtigt over.", "Situationen faldt til ro efter et par minutter."],
        ["Jeg blev forskrækket, men det gik over i løbet af vagten.", "Ingen skade, men ubehageligt.",
         "Jeg rystede lidt bagefter, men fik snakket med en kollega."],
        ["Jeg fik et mindre mærke og var stadig rystet, da jeg gik hjem.", "Jeg har tænkt meget på det efter vagten.",
         "Jeg har en bule og hovedpine."],
        ["Jeg måtte på skadestuen og blev syet.", "Jeg er bange for at møde ind igen i morgen.",
         "Jeg har ondt og kan ikke bruge armen ordentligt."],
        ["Jeg troede, at jeg skulle dø.", "Jeg blev kørt på skadestuen med ambulance.",
         "Jeg har ikke kunnet sove siden, og billederne kommer igen og igen."],
    ]

    static let witnessAftermath = [
        "Det var voldsomt at stå og se på.", "Jeg kunne ikke nå at hjælpe, og det tænker jeg meget på.",
        "Jeg hørte det hele fra kontoret og gik ind for at støtte.",
    ]

    static let whatWasDone = [
        "En kollega tilkaldte hjælp.", "Vi trak os og lod situationen falde til ro.",
        "Vi holdt en kort snak inden vagtskiftet.", "Lederen blev ringet op.",
        "Vi fulgte planen for skærmning.", "Vi brugte alarmen, og der kom hurtigt hjælp.",
    ]

    static let locations = [
        "fællesstuen", "beboerens lejlighed", "gangen", "køkkenet", "badeværelset", "haven", "medicinrummet",
        "bilen", "skærmningsstuen", "personalestuen", "indgangen",
    ]

    static let addendum = "Tilføjelse: Jeg har fået ondt i nakken dagen efter."

    static let leaderNotes = [
        "Talt med medarbejderen; tilbudt samtale.", "LA2-planen for borgeren er gennemgået.",
        "Medarbejderen ønsker ikke yderligere opfølgning.", "Drøftet på personalemødet.",
        "Ringet til medarbejderen dagen efter; hun har det bedre.",
    ]

    static let doneNotes: [FollowUpKind: [String]] = [
        .defusingOffer: ["Tilbudt samme vagt."],
        .defusing: ["Holdt med to kolleger efter vagten.", "Holdt samme vagt."],
        .debriefing: ["Afholdt med ekstern psykolog.", "Afholdt af teamleder med uddannelse i debriefing."],
        .supervisionOffer: ["Tilbudt individuel supervision.", "Tilbudt gruppesupervision."],
        .psychologistOffer: ["Henvist til psykologordningen."],
        .policeReportDecision: ["Ledelsen har anmeldt.", "Ikke anmeldt; medarbejderen anmelder selv.", "Ikke anmeldt efter samtale."],
        .sickLeaveContact: ["Ringet op; aftalt gradvis tilbagevenden."],
        .easyReport: ["Anmeldt i EASY."],
        .deepAnalysis: ["Analyse gennemført med koordinator på besøg."],
    ]

    static let declinedNote = "Medarbejderen takkede nej."
    static let notRelevantReasons = ["Medarbejderen var ikke på arbejde efterfølgende.", "Håndteret ved anden opfølgning."]

    static let amgSummaries = [
        "Gennemgået; ingen yderligere tiltag.", "Gennemgået; tiltag oprettet.",
        "Drøftet mønster hos borgeren; risikovurdering revideres.", "Gennemgået sammen med AMR.",
    ]

    static let actionTitles = [
        "Opdatere LA2-plan for {C}", "Revidere afdelingens sikkerhedsplan", "Kursus i konfliktnedtrapning for aftenvagter",
        "Gennemgå bemanding i weekender", "Personalealarmer til nattevagten", "Ændre møblering i fællesstuen",
        "SIKK-gennemgang af episoden", "Brøset-screening ved indflytning", "Aftale faste makkerpar ved pleje af {C}",
    ]

    static let actionClosingNotes = ["Gennemført.", "Gennemført og evalueret på AMG-mødet.", "Erstattet af nyt tiltag."]

    static let supervisionNotes = [
        "Fokus på grænsesætning.", "Gennemgang af en svær episode.", "Samtale om at gå hjem med det, man har oplevet.",
        "Fælles refleksion over pleje af en urolig borger.",
    ]

    static let withdrawalReasons = ["Registreret to gange ved en fejl.", "Forkert afdeling valgt; registreret igen."]
}
