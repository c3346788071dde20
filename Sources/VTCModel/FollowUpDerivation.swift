extension Policy {
    /// The items the facts call for, in `FollowUpKind.allCases` order, without outcomes.
    /// `citizenEpisodes(d)` counts the episodes with the same citizen reference in the `d` × 24 hours up to this one.
    public func itemsCalledFor(facts: Registration, registeredAt: Timestamp,
                               citizenEpisodes: (_ withinDays: Int) -> Int) -> [FollowUpItem] {
        let anchors = DueAnchors(facts: facts, registeredAt: registeredAt, zone: zone)
        var items: [FollowUpItem] = []
        for kind in FollowUpKind.allCases {
            guard let rule = rule(for: kind),
                  rule.when.contains(where: {
                      $0.holds(for: facts, easyThresholdDays: easyThresholdDays, citizenEpisodes: citizenEpisodes)
                  })
            else { continue }
            items.append(FollowUpItem(kind: kind, due: due(rule.due, anchors),
                                      responsible: rule.responsible, staysOpen: rule.staysOpen))
        }
        return items
    }

    /// An item for an outcome recorded on a kind the facts did not call for.
    func uncalledItem(_ kind: FollowUpKind, facts: Registration, registeredAt: Timestamp,
                      recordedAt: Timestamp) -> FollowUpItem {
        guard let rule = rule(for: kind) else {
            let responsible = Policy.default.rule(for: kind)?.responsible ?? .leader
            return FollowUpItem(kind: kind, due: recordedAt, responsible: responsible, staysOpen: false, calledFor: false)
        }
        return FollowUpItem(kind: kind, due: due(rule.due, facts: facts, registeredAt: registeredAt),
                            responsible: rule.responsible, staysOpen: rule.staysOpen, calledFor: false)
    }
}
