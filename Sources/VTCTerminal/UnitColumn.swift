import VTCModel
import VTCTexts
import TerminalKit

/// The unit column of the tables: as wide as the widest short name of the user's units
/// (`Roster.shortName`), so that four units with long names fit 80 columns uncut.
enum UnitColumn {
    static let widest = 14

    static func column(_ context: AppContext, priority: Int) -> TableColumn {
        let header = context.texts.label(RegistrationField.unit)
        let names = context.roster.units.filter { context.user.belongs(to: $0) }.map(context.roster.shortName(of:))
        let width = min(widest, ([header] + names).map { DisplayWidth.of($0) }.max() ?? 0)
        return TableColumn(header, minWidth: width, maxWidth: width, priority: priority)
    }
}

extension TableColumn {
    /// A column as wide as the widest of its header and the values it can hold: shown whole or not at all.
    static func whole(_ header: String, _ values: [String], priority: Int) -> TableColumn {
        let width = ([header] + values).map { DisplayWidth.of($0) }.max() ?? 0
        return TableColumn(header, minWidth: width, maxWidth: width, priority: priority)
    }
}
