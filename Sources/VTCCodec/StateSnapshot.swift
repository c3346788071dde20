import VTCModel
import Foundation

/// The projected state as compact bytes, so that start-up can restore it
/// instead of replaying every event. A snapshot is derived data: the policy
/// is not in it (the caller passes the policy in force, and must only use a
/// snapshot made under the same policy and the same program), and whoever
/// stores it must tie it to the exact log position it covers.
extension VTCState {
    /// Changes whenever the bytes written here change meaning.
    public static let snapshotFormat: UInt64 = 1

    public func writeSnapshot(to writer: inout BinaryWriter) {
        writer.unsigned(Self.snapshotFormat)
        writer.count(eventCount)
        writer.array(incidents.values) { w, record in record.write(to: &w) }
        writer.array(actionOrder) { w, id in actions[id]!.write(to: &w) }
        writer.array(supervisionSessions) { w, record in record.write(to: &w) }
        writer.array(problems) { w, problem in
            w.uuid(problem.event)
            w.choice(problem.type)
            w.string(problem.message)
        }
        citizenEpisodes.write(to: &writer)
    }

    public init(snapshot reader: inout BinaryReader, policy: Policy) throws(BinaryReader.Malformed) {
        let format = try reader.unsigned()
        guard format == Self.snapshotFormat else { throw reader.fail("snapshot format \(format), not \(Self.snapshotFormat)") }
        let eventCount = try reader.count(limit: Int.max)
        let records = try reader.array { r throws(BinaryReader.Malformed) in try IncidentRecord(reading: &r) }
        guard let incidents = IncidentTable(records) else { throw reader.fail("an incident appears twice") }
        let actionRecords = try reader.array { r throws(BinaryReader.Malformed) in try ActionRecord(reading: &r) }
        let sessions = try reader.array { r throws(BinaryReader.Malformed) in try SupervisionRecord(reading: &r) }
        let problems = try reader.array { r throws(BinaryReader.Malformed) in
            StateProblem(event: try r.uuid(), type: try r.choice(EventType.self), message: try r.string())
        }
        let citizenEpisodes = try CitizenEpisodeIndex(reading: &reader)
        self.init(policy: policy, incidents: incidents,
                  actions: Dictionary(actionRecords.map { ($0.action.id, $0) }, uniquingKeysWith: { first, _ in first }),
                  actionOrder: actionRecords.map(\.action.id), supervisionSessions: sessions, problems: problems,
                  eventCount: eventCount, citizenEpisodes: citizenEpisodes)
    }
}

extension IncidentRecord {
    func write(to w: inout BinaryWriter) {
        w.uuid(id)
        w.timestamp(registeredAt)
        w.name(registrant)
        facts.write(to: &w)
        w.array(followUps) { w, item in item.write(to: &w) }
        w.optional(acknowledgement) { w, ack in
            w.name(ack.by)
            w.timestamp(ack.at)
            w.optionalString(ack.note)
        }
        w.array(notes) { w, note in
            w.name(note.by)
            w.timestamp(note.at)
            w.string(note.text)
        }
        w.array(amgDiscussions) { w, discussion in
            w.date(discussion.date)
            w.string(discussion.summary)
            w.name(discussion.by)
        }
        w.optional(withdrawal) { w, withdrawal in
            w.name(withdrawal.by)
            w.timestamp(withdrawal.at)
            w.string(withdrawal.reason)
        }
        // Positions only grow: deltas keep them to a byte or two each.
        var previous = 0
        w.array(history) { w, position in
            w.count(position - previous)
            previous = position
        }
    }

    init(reading r: inout BinaryReader) throws(BinaryReader.Malformed) {
        let id = try r.uuid()
        let registeredAt = try r.timestamp()
        let registrant = try r.name()
        let facts = try Registration(reading: &r)
        let followUps = try r.array { r throws(BinaryReader.Malformed) in try FollowUpItem(reading: &r) }
        let acknowledgement = try r.optional { r throws(BinaryReader.Malformed) in
            Acknowledgement(by: try r.name(), at: try r.timestamp(), note: try r.optionalString())
        }
        let notes = try r.array { r throws(BinaryReader.Malformed) in
            IncidentNote(by: try r.name(), at: try r.timestamp(), text: try r.string())
        }
        let discussions = try r.array { r throws(BinaryReader.Malformed) in
            AMGDiscussion(date: try r.date(), summary: try r.string(), by: try r.name())
        }
        let withdrawal = try r.optional { r throws(BinaryReader.Malformed) in
            Withdrawal(by: try r.name(), at: try r.timestamp(), reason: try r.string())
        }
        var previous = 0
        let history = try r.array { r throws(BinaryReader.Malformed) in
            previous += try r.count()
            return previous
        }
        self.init(id: id, registeredAt: registeredAt, registrant: registrant, facts: facts, followUps: followUps,
                  acknowledgement: acknowledgement, notes: notes, amgDiscussions: discussions, withdrawal: withdrawal,
                  history: history)
    }
}

extension Registration {
    func write(to w: inout BinaryWriter) {
        w.timestamp(occurredAt)
        w.name(unit)
        w.optionalString(location)
        w.choice(kind)
        w.count(severity.rawValue)
        w.choice(involvement)
        w.choice(counterpart)
        w.optionalString(citizenRef)
        w.choice(injury)
        w.optional(firstAbsenceDay) { w, day in w.date(day) }
        w.optional(absenceDays) { w, days in w.count(days) }
        w.string(description)
        for flag in [firstAid, defusingHeld, wantsLeaderTalk, wantsPsychologist, policeReport] { w.bool(flag) }
    }

    init(reading r: inout BinaryReader) throws(BinaryReader.Malformed) {
        let occurredAt = try r.timestamp()
        let unit = try r.name()
        let location = try r.optionalString()
        let kind = try r.choice(EpisodeKind.self)
        let number = try r.count(limit: 100)
        guard let severity = Severity(rawValue: number) else { throw r.fail("severity \(number)") }
        self.init(occurredAt: occurredAt, unit: unit, location: location, kind: kind, severity: severity,
                  involvement: try r.choice(Involvement.self), counterpart: try r.choice(Counterpart.self),
                  citizenRef: try r.optionalString(), injury: try r.choice(Injury.self),
                  firstAbsenceDay: try r.optional { r throws(BinaryReader.Malformed) in try r.date() },
                  absenceDays: try r.optional { r throws(BinaryReader.Malformed) in try r.count() },
                  description: try r.string(), firstAid: try r.bool(), defusingHeld: try r.bool(),
                  wantsLeaderTalk: try r.bool(), wantsPsychologist: try r.bool(), policeReport: try r.bool())
    }
}

extension FollowUpItem {
    func write(to w: inout BinaryWriter) {
        w.choice(kind)
        w.timestamp(due)
        w.choice(responsible)
        w.bool(staysOpen)
        w.bool(calledFor)
        w.optional(outcomeBox) { w, box in
            w.choice(box.value.record.kind)
            w.choice(box.value.record.outcome)
            w.timestamp(box.value.record.on)
            w.optionalString(box.value.record.note)
            w.name(box.value.by)
            w.timestamp(box.value.at)
        }
    }

    init(reading r: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(kind: try r.choice(FollowUpKind.self), due: try r.timestamp(), responsible: try r.choice(Role.self),
                  staysOpen: try r.bool(), calledFor: try r.bool(),
                  outcome: try r.optional { r throws(BinaryReader.Malformed) in
                      let record = FollowUpRecord(kind: try r.choice(FollowUpKind.self), outcome: try r.choice(FollowUpOutcome.self),
                                                  on: try r.timestamp(), note: try r.optionalString())
                      return RecordedOutcome(record: record, by: try r.name(), at: try r.timestamp())
                  })
    }
}

extension ActionRecord {
    func write(to w: inout BinaryWriter) {
        w.uuid(action.id)
        w.name(action.unit)
        w.string(action.title)
        w.name(action.owner)
        w.date(action.due)
        w.array(action.incidents) { w, id in w.uuid(id) }
        w.name(openedBy)
        w.timestamp(openedAt)
        w.optional(closure) { w, closure in
            w.name(closure.by)
            w.timestamp(closure.at)
            w.optionalString(closure.note)
        }
    }

    init(reading r: inout BinaryReader) throws(BinaryReader.Malformed) {
        let action = PreventiveAction(id: try r.uuid(), unit: try r.name(), title: try r.string(), owner: try r.name(),
                                      due: try r.date(), incidents: try r.array { r throws(BinaryReader.Malformed) in try r.uuid() })
        self.init(action: action, openedBy: try r.name(), openedAt: try r.timestamp(),
                  closure: try r.optional { r throws(BinaryReader.Malformed) in
                      ActionClosure(by: try r.name(), at: try r.timestamp(), note: try r.optionalString())
                  })
    }
}

extension SupervisionRecord {
    func write(to w: inout BinaryWriter) {
        w.uuid(session.id)
        w.name(session.unit)
        w.date(session.date)
        w.choice(session.form)
        w.array(session.incidents) { w, id in w.uuid(id) }
        w.optional(session.evaluation) { w, evaluation in w.count(evaluation) }
        w.optionalString(session.note)
        w.name(recordedBy)
        w.timestamp(recordedAt)
    }

    init(reading r: inout BinaryReader) throws(BinaryReader.Malformed) {
        let session = SupervisionSession(id: try r.uuid(), unit: try r.name(), date: try r.date(),
                                         form: try r.choice(SupervisionForm.self),
                                         incidents: try r.array { r throws(BinaryReader.Malformed) in try r.uuid() },
                                         evaluation: try r.optional { r throws(BinaryReader.Malformed) in try r.count(limit: 100) },
                                         note: try r.optionalString())
        self.init(session: session, recordedBy: try r.name(), recordedAt: try r.timestamp())
    }
}

extension CitizenEpisodeIndex {
    func write(to writer: inout BinaryWriter) {
        writer.count(entries.count)
        for (key, list) in entries {
            writer.name(key.unit)
            writer.string(key.ref)
            writer.array(list) { w, entry in
                w.signed(entry.epoch)
                w.uuid(entry.id)
            }
        }
    }

    init(reading reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init()
        let keys = try reader.count()
        entries.reserveCapacity(keys)
        for _ in 0..<keys {
            let key = Key(unit: try reader.name(), ref: try reader.string())
            entries[key] = try reader.array { r throws(BinaryReader.Malformed) in Entry(epoch: try r.signed(), id: try r.uuid()) }
        }
    }
}
