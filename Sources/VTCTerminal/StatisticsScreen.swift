import VTCModel
import VTCTexts
import TerminalKit

/// Counts for the units the user may read: by severity, each period beside
/// the same period in the two years before; by kind; by unit; as bars of
/// block characters with the numbers beside them. Below, the share of minor
/// (VTC 1) episodes in the catalog's positive words and the episodes with absence.
public struct StatisticsScreen: Screen {
    public enum View: CaseIterable, Sendable {
        case bySeverity
        case byKind
        case byUnit
    }

    public private(set) var period: StatisticsPeriod
    public private(set) var view: View = .bySeverity
    /// The units whose statistics the user may read.
    public let units: [String]
    public private(set) var comparison: PeriodComparison?
    private var computed: RefreshStamp?

    /// The half-year containing `now` unless another period is given.
    public init(context: AppContext, period: StatisticsPeriod? = nil) {
        self.period = period ?? StatisticsPeriod(.halfYear, containing: context.policy.zone.local(context.now).date)
        units = context.roster.units.filter { context.may(.readStatistics(unit: $0)) }
        recompute(context)
    }

    public func title(_ context: AppContext) -> String {
        context.texts[.statistics] + " · " + context.texts.message(.period(period))
    }

    public func helpEntries(_ context: AppContext) -> [HelpEntry] {
        let t = context.texts
        return [
            HelpEntry("←", t[.helpPreviousPeriod], priority: 8), HelpEntry("→", t[.helpNextPeriod], priority: 8),
            HelpEntry("p", t[.helpPeriodLength], priority: 9), HelpEntry("v", t[.helpView], priority: 9),
        ]
    }

    public mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest? {
        switch key {
        case .left: period = period.previous
        case .right: period = period.next
        case .character("p"):
            let all = StatisticsGranularity.allCases
            let next = all[(all.firstIndex(of: period.granularity)! + 1) % all.count]
            let today = context.policy.zone.local(context.now).date
            period = StatisticsPeriod(next, containing: period.contains(today) ? today : period.firstDay)
        case .character("v"):
            let all = View.allCases
            view = all[(all.firstIndex(of: view)! + 1) % all.count]
            return nil
        case .escape: return .back
        default: return nil
        }
        recompute(context)
        return nil
    }

    public mutating func refresh(_ context: AppContext) {
        guard computed != RefreshStamp(context) else { return }
        recompute(context)
    }

    private mutating func recompute(_ context: AppContext) {
        computed = RefreshStamp(context)
        comparison = units.isEmpty ? nil : context.queries.statistics(period, units: units)
    }

    public func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition? {
        let t = context.texts
        buffer.fill(area)
        guard let comparison, area.height > 4 else {
            buffer.put(SafeText.truncate(t[.noReadableUnits], toWidth: area.width), x: area.x, y: area.y, style: .role(.muted))
            return nil
        }
        let current = comparison.current
        let earlier = comparison.earlier
        let viewName: String = switch view {
        case .bySeverity: t[.bySeverity]
        case .byKind: t[.byKind]
        case .byUnit: t[.byUnit]
        }
        var heading = viewName + " · " + t.message(.period(current.period))
        if view == .bySeverity, !earlier.isEmpty {
            heading += " " + t[.comparedWith] + " " + earlier.map { String($0.period.year) }.joined(separator: ", ")
        }
        buffer.put(SafeText.truncate(heading, toWidth: area.width), x: area.x, y: area.y, style: .bold)
        let footer = footerLines(comparison, context, width: area.width)
        let chartRect = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1 - footer.count))
        BarChart.render(bars(comparison, context, rows: chartRect.height), into: &buffer, rect: chartRect)
        for (offset, line) in footer.enumerated() {
            buffer.put(line.text, x: area.x, y: area.y + area.height - footer.count + offset, maxWidth: area.width, style: line.style)
        }
        return nil
    }

    /// The bars of the view. By severity each grade gets a bar per period
    /// (the earlier years first) when there is room, else the current period only.
    func bars(_ comparison: PeriodComparison, _ context: AppContext, rows: Int) -> [BarChart.Bar] {
        let t = context.texts
        let current = comparison.current
        switch view {
        case .bySeverity:
            let periods = comparison.earlier + [current]
            guard rows >= Severity.all.count * periods.count else {
                return Severity.all.map { BarChart.Bar(label: t.label($0), value: current.count($0)) }
            }
            return Severity.all.flatMap { severity in
                periods.map { counts in
                    BarChart.Bar(label: t.label(severity) + " · " + t.message(.period(counts.period)), value: counts.count(severity),
                                 style: counts == current ? .role(.accent) : .role(.muted))
                }
            }
        case .byKind:
            return EpisodeKind.allCases.map { BarChart.Bar(label: t.label($0), value: current.count($0)) }
        case .byUnit:
            return units.map { BarChart.Bar(label: context.roster.shortName(of: $0), value: current.count(unit: $0)) }
        }
    }

    /// The lines under the chart, wrapped to `width` so that none is cut; units by their short names.
    private func footerLines(_ comparison: PeriodComparison, _ context: AppContext, width: Int) -> [(text: String, style: Style)] {
        let t = context.texts
        let counts = comparison.current
        var paragraphs: [(text: String, style: Style)] = []
        if let share = counts.severity1Share {
            paragraphs.append((t[.shareOfSeverity1] + ": " + t.message(.percent(Int((share * 100).rounded()))), .bold))
            paragraphs.append((t[.severity1Encouragement], .role(.success)))
        }
        let earlierTotals = comparison.earlier.map { String($0.total) }.joined(separator: ", ")
        var summary = t[.total] + ": " + String(counts.total) + (earlierTotals.isEmpty ? "" : " (" + earlierTotals + ")")
        summary += " · " + t[.withAbsence] + ": " + String(counts.withAbsence)
        if let common = counts.mostCommonSeverity { summary += " · " + t[.mostCommonSeverity] + ": " + t.label(common) }
        // The units join the summary when the line has room for them, so that the chart keeps its rows.
        let unitsText = t[.units] + ": " + units.map(context.roster.shortName(of:)).joined(separator: ", ")
        if DisplayWidth.of(summary + " · " + unitsText) <= width {
            paragraphs.append((summary + " · " + unitsText, .plain))
        } else {
            paragraphs.append((summary, .plain))
            paragraphs.append((unitsText, .plain))
        }
        return paragraphs.flatMap { paragraph in SafeText.wrap(paragraph.text, toWidth: width).map { ($0, paragraph.style) } }
    }
}
