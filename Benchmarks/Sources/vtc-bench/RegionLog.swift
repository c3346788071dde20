import Foundation
import VTCModel
import VTCStore

/// A seeded, realistic log for a large region: registrations from many units
/// with Danish descriptions of realistic lengths, and the follow-up that comes
/// after them (acknowledgements, recorded follow-up, notes, amendments,
/// absence, AMG discussions, preventive actions, supervision, a few withdrawals).
/// About a third of the events are registrations.
struct RegionLog {
    /// Bump when the generated content changes, so that kept files are rebuilt.
    static let generatorVersion = 1
    static let start = Timestamp(epochSeconds: 1_640_995_200)

    /// `Benchmarks/.data/region-f<format>-g<generator>-<count>.jsonl`, generated if missing.
    static func file(events count: Int) throws -> String {
        let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = benchmarks.path + "/.data"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/region-f\(Event.formatVersion)-g\(generatorVersion)-\(count).jsonl"
        if !FileManager.default.fileExists(atPath: path) {
            let started = nanoseconds()
            try write(events: count, to: path + ".partial")
            try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
            print(String(format: "generated %@ in %.1f s", path, Double(nanoseconds() - started) / 1e9))
        }
        return path
    }

    /// A data folder whose `events.jsonl` is the generated log (a hard link), for `Workspace.open`.
    static func dataFolder(for path: String) throws -> String {
        let folder = String(path.dropLast(".jsonl".count))
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let events = folder + "/" + LogFormat.fileName
        if !FileManager.default.fileExists(atPath: events) { try FileManager.default.linkItem(atPath: path, toPath: events) }
        return folder
    }

    /// The moment the home counts are computed at: just after the last event.
    static func now(events count: Int) -> Timestamp { start.adding(seconds: Int64(count) * 150 + 86_400) }

    private static func write(events count: Int, to path: String) throws {
        guard let out = fopen(path, "w") else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(out) }
        var line = LogFormat.headerLine(logID: UUID(uuid: (1, 2, 3, 4, 5, 6, 0x47, 8, 0x89, 10, 11, 12, 13, 14, 15, 16)),
                                        createdAt: start)
        var generator = RegionLog()
        for seq in 1...Int64(count + 1) {
            if seq > 1 {
                line = LogFormat.eventLine(seq: seq, prev: LogFormat.hash(line), event: generator.next())
            }
            line.append(0x0A)
            guard fwrite(line, 1, line.count, out) == line.count else { throw CocoaError(.fileWriteUnknown) }
            line.removeLast()
        }
    }

    private struct Open {
        var id: UUID
        var unit: String
        var severity: Severity
        var acknowledged = false
    }

    private var rng = SeededRandom(seed: 20_261_122)
    private var clock = RegionLog.start
    /// Recent incidents that follow-up events refer to.
    private var recent: [Open] = []
    private var actions: [UUID] = []

    private mutating func uuid() -> UUID {
        let a = rng.next(), b = rng.next()
        var bytes = (a, b)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = raw[6] & 0x0F | 0x40
            raw[8] = raw[8] & 0x3F | 0x80
            return UUID(uuid: raw.load(as: uuid_t.self))
        }
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    private mutating func chance(_ p: Double) -> Bool { Double(rng.next() % 1_000_000) / 1_000_000 < p }
    private mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }

    private mutating func sentences(_ range: ClosedRange<Int>) -> String {
        (0..<int(range)).map { _ in pick(RegionLog.phrases) }.joined(separator: " ")
    }

    mutating func next() -> Event {
        clock = clock.adding(seconds: Int64(int(1...299))).expressed(in: .copenhagen)
        let actor = pick(RegionLog.actors)
        return Event(id: uuid(), at: clock, actor: actor, payload: payload())
    }

    private mutating func payload() -> EventPayload {
        guard recent.count > 50, !chance(0.34) else { return register() }
        let index = int(0...(recent.count - 1))
        let incident = recent[index]
        switch int(0...99) {
        case 0..<25 where !incident.acknowledged:
            recent[index].acknowledged = true
            return .acknowledged(incident: incident.id, note: chance(0.4) ? sentences(1...2) : nil)
        case 0..<55:
            let outcome: FollowUpOutcome = pick([.done, .done, .done, .declined, .notRelevant])
            return .followUpRecorded(incident: incident.id, FollowUpRecord(
                kind: pick(FollowUpKind.allCases), outcome: outcome, on: clock.adding(seconds: -Int64(int(0...200_000))),
                note: outcome == .notRelevant || chance(0.3) ? sentences(1...2) : nil))
        case 55..<70:
            return .noteAdded(incident: incident.id, text: sentences(1...4))
        case 70..<76:
            let new = Severity(rawValue: int(1...5))!
            recent[index].severity = new
            return .amended(incident: incident.id, changes: [
                FieldChange(field: .severity, old: .int(incident.severity.rawValue), new: .int(new.rawValue)),
            ])
        case 76..<82:
            return .absenceUpdated(incident: incident.id, firstDay: clock.local.date, days: int(1...20))
        case 82..<88:
            return .amgDiscussed(incident: incident.id, date: clock.local.date, summary: sentences(1...3))
        case 88..<92:
            let id = uuid()
            actions.append(id)
            return .actionOpened(PreventiveAction(id: id, unit: incident.unit, title: pick(RegionLog.actionTitles),
                                                  owner: pick(RegionLog.actors), due: clock.local.date.adding(days: int(14...90)),
                                                  incidents: [incident.id]))
        case 92..<95 where !actions.isEmpty:
            return .actionClosed(action: actions.removeFirst(), note: chance(0.5) ? sentences(1...2) : nil)
        case 95..<99:
            return .supervisionHeld(SupervisionSession(
                id: uuid(), unit: incident.unit, date: clock.local.date, form: pick(SupervisionForm.allCases),
                incidents: [incident.id], evaluation: chance(0.7) ? int(1...5) : nil, note: chance(0.3) ? sentences(1...2) : nil))
        case 99:
            recent.remove(at: index)
            return .withdrawn(incident: incident.id, reason: "Registreret to gange ved en fejl")
        default:
            return .noteAdded(incident: incident.id, text: sentences(1...2))
        }
    }

    private mutating func register() -> EventPayload {
        let id = uuid()
        let unit = pick(RegionLog.units)
        let severity = Severity(rawValue: pick([1, 1, 1, 2, 2, 2, 3, 3, 4, 5]))!
        let injury: Injury = pick([.none, .none, .psychological, .psychological, .physical, .both])
        let absent = injury != .none && chance(0.15)
        let facts = Registration(
            occurredAt: clock.adding(seconds: -Int64(int(600...30_000))).expressed(in: .copenhagen), unit: unit,
            location: chance(0.8) ? pick(RegionLog.locations) : nil, kind: pick(EpisodeKind.allCases), severity: severity,
            involvement: chance(0.85) ? .direct : .witness, counterpart: pick([.citizen, .citizen, .citizen, .relative, .colleague, .other]),
            citizenRef: chance(0.7) ? "B-\(int(1...400))" : nil, injury: injury,
            firstAbsenceDay: absent ? clock.local.date : nil, absenceDays: absent ? int(1...15) : nil,
            description: sentences(1...8), firstAid: chance(0.4), defusingHeld: chance(0.5),
            wantsLeaderTalk: chance(0.3), wantsPsychologist: chance(0.1), policeReport: severity.rawValue >= 4 && chance(0.3))
        recent.append(Open(id: id, unit: unit, severity: severity))
        if recent.count > 3_000 { recent.removeFirst(1_000) }
        return .registered(incident: id, facts)
    }

    static let units = (1...60).map { i in
        ["Bo- og Værested Åbo", "Botilbuddet Ørkildgården", "Psykiatrisk Afsnit", "Socialpsykiatrisk Bosted",
         "Akutmodtagelsen", "Center for Autisme", "Skærmet Enhed", "Hjemmeplejen Øst"][i % 8] + " \(i)"
    }

    static let actors = (1...400).map { "medarbejder\($0)" } + ["leder1", "leder2", "amr-søren", "koordinator-åse"]

    static let locations = ["fællesstuen", "køkkenet", "borgerens lejlighed", "gangen ved medicinrummet", "haven",
                            "personalestuen", "bilen på vej til lægen", "badeværelset", "indgangen"]

    static let actionTitles = ["Revidér LA2-plan for borgeren", "Opdatér enhedens sikkerhedsplan",
                               "Træning i konflikthåndtering for aftenvagten", "Ekstra bemanding ved medicinudlevering",
                               "Gennemgå alarmsystemet", "Brøset-vurdering ved hver vagtstart i to uger"]

    static let phrases = [
        "Beboeren blev urolig ved medicinudleveringen og råbte ad mig.",
        "Borgeren skubbede mig ind mod dørkarmen, da jeg ville hjælpe med påklædningen.",
        "Han truede med at finde mig efter arbejde og vide hvor jeg bor.",
        "Pårørende var vrede over besøgstiderne og kaldte os inkompetente foran de andre beboere.",
        "Hun kastede en kop kaffe efter min kollega; den ramte væggen.",
        "Jeg trak mig og tilkaldte hjælp over alarmen, og situationen faldt til ro efter ti minutter.",
        "Vi holdt kollegial defusing før vagtskiftet.",
        "Episoden skete under aftensmaden, hvor der var mange i fællesstuen.",
        "Borgeren har haft en svær uge med mange skift i personalet.",
        "Jeg fik et slag på overarmen og har ondt, men ingen synlige mærker.",
        "Seksuelle kommentarer gentaget flere gange i løbet af vagten, også efter at jeg sagde fra.",
        "Døren til køkkenet blev sparket i stykker.",
        "Min kollega overhørte det hele og var tydeligt påvirket bagefter.",
        "Jeg sov dårligt efter episoden og tænker meget over den.",
        "LA2-planen blev fulgt, men den passer ikke længere til borgerens situation.",
        "Lederen blev ringet op med det samme og kom forbi inden vagtens slutning.",
        "Små dryp gennem hele ugen; det samlede billede er belastende.",
        "Borgeren spyttede efter mig og brugte nedsættende ord om min baggrund.",
    ]
}
