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
    /// The first meeting strictly after `t`, in `zone`'s local time.
    public func next(after t: Timestamp, in zone: Zone) -> Timestamp {
        let now = zone.local(t)
        let daysAhead = (isoWeekday - now.date.isoWeekday + 7) % 7
        var meeting = LocalDateTime(date: now.date.adding(days: daysAhead), hour: hour, minute: minute)
        if meeting <= now { meeting.date = meeting.date.adding(days: 7) }
        return zone.timestamp(for: meeting)
    }
}

extension Policy {
    /// When an item under `rule` falls due for an episode with these facts, registered at `registeredAt`.
    /// Without a first absence day, absence is counted from the episode's local day.
    public func due(_ rule: DueRule, facts: Registration, registeredAt: Timestamp) -> Timestamp {
        switch rule {
        case .hoursAfterEpisode(let hours):
            return facts.occurredAt.adding(seconds: Int64(hours) * 3600).expressed(in: zone)
        case .daysAfterEpisode(let days):
            return zone.adding(days: days, to: facts.occurredAt)
        case .endOfEpisodeDay:
            return zone.endOfDay(zone.local(facts.occurredAt).date)
        case .daysAfterFirstAbsenceDay(let days):
            let first = facts.firstAbsenceDay ?? zone.local(facts.occurredAt).date
            return zone.endOfDay(first.adding(days: days))
        case .daysAfterRegistration(let days):
            return zone.adding(days: days, to: registeredAt)
        case .nextAMGMeeting:
            return amgMeeting.next(after: registeredAt, in: zone)
        }
    }
}
