extension Zone {
    /// The same local clock time `days` calendar days later (earlier when negative).
    public func adding(days: Int, to t: Timestamp) -> Timestamp {
        let l = local(t)
        return timestamp(for: LocalDateTime(date: l.date.adding(days: days), secondOfDay: l.secondOfDay))
    }

    /// 23:59:59 local time on `date`: the last whole second of that day.
    public func endOfDay(_ date: CalendarDate) -> Timestamp {
        timestamp(for: LocalDateTime(date: date, secondOfDay: 86_399))
    }
}

extension WeeklyMeeting {
    /// The first meeting strictly after the instant `t`. Compared as
    /// instants, never as wall-clock times: a meeting whose local time does
    /// not exist that day (the spring gap) is held when the clocks have
    /// jumped (02:30 becomes 03:30), one whose local time exists twice (the
    /// autumn overlap) at its first occurrence, as `Zone.timestamp(for:)`
    /// says; and a meeting that by that rule lies before `t` is not the next.
    public func next(after t: Timestamp, in zone: Zone) -> Timestamp {
        var day = zone.local(t).date.adding(days: -1)
        while true {
            let daysAhead = (isoWeekday - day.isoWeekday + 7) % 7
            day = day.adding(days: daysAhead)
            let meeting = zone.timestamp(for: LocalDateTime(date: day, hour: hour, minute: minute))
            if meeting.epochSeconds > t.epochSeconds { return meeting }
            day = day.adding(days: 1)
        }
    }
}

extension Policy {
    /// When an item under `rule` falls due for an episode with these facts, registered at `registeredAt`.
    /// Without a first absence day, absence is counted from the episode's local day.
    public func due(_ rule: DueRule, facts: Registration, registeredAt: Timestamp) -> Timestamp {
        due(rule, DueAnchors(facts: facts, registeredAt: registeredAt, zone: zone))
    }

    func due(_ rule: DueRule, _ anchors: DueAnchors) -> Timestamp {
        func later(_ local: LocalDateTime, days: Int) -> Timestamp {
            zone.timestamp(for: LocalDateTime(date: local.date.adding(days: days), secondOfDay: local.secondOfDay))
        }
        switch rule {
        case .hoursAfterEpisode(let hours):
            return anchors.occurredAt.adding(seconds: Int64(hours) * 3600).expressed(in: zone)
        case .daysAfterEpisode(let days):
            return later(anchors.episode, days: days)
        case .endOfEpisodeDay:
            return zone.endOfDay(anchors.episode.date)
        case .daysAfterFirstAbsenceDay(let days):
            return zone.endOfDay((anchors.firstAbsenceDay ?? anchors.episode.date).adding(days: days))
        case .daysAfterRegistration(let days):
            return later(anchors.registration, days: days)
        case .nextAMGMeeting:
            return amgMeeting.next(after: anchors.registeredAt, in: zone)
        }
    }
}

/// The local times an incident's due times count from, read from the zone once for all its items.
struct DueAnchors {
    let occurredAt: Timestamp
    let registeredAt: Timestamp
    let episode: LocalDateTime
    let registration: LocalDateTime
    let firstAbsenceDay: CalendarDate?

    init(facts: Registration, registeredAt: Timestamp, zone: Zone) {
        occurredAt = facts.occurredAt
        self.registeredAt = registeredAt
        episode = zone.local(facts.occurredAt)
        registration = zone.local(registeredAt)
        firstAbsenceDay = facts.firstAbsenceDay
    }
}
