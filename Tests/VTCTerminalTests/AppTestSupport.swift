import Foundation
import VTCModel
import VTCCodec
import VTCTexts
@testable import VTCStore
@testable import TerminalKit
@testable import VTCTerminal

/// A unit, its people and a fixed moment, for driving the application.
enum Sample {
    /// Sunday 22 November 2026, 14:37 in Copenhagen.
    static let now = Timestamp(rfc3339: "2026-11-22T14:37:00+01:00")!
    static let unit = "Bostedet Åen"
    static let roster = Roster(units: [unit, "Værkstedet"], users: [
        UserAccess(user: "anna", name: "Anna Holm", roles: [.staff: .units([unit])]),
        UserAccess(user: "bo", name: "Bo Leth", roles: [.leader: .units([unit]), .amg: .units([unit])]),
    ])

    /// `roster` as a data folder's roster.json.
    static let rosterJSON = #"{"units":["Bostedet Åen","Værkstedet"],"users":[{"user":"anna","roles":{"staff":["Bostedet Åen"]}},"#
        + #"{"user":"bo","roles":{"leader":["Bostedet Åen"],"amg":["Bostedet Åen"]}}]}"#

    static func context(user: String = "anna", language: Language = .da, state: VTCState = VTCState(),
                        roster: Roster = roster) -> AppContext {
        AppContext(state: state, history: HistoryReader(events: []), user: roster.access(for: user)!, roster: roster, texts: Texts(language), now: now)
    }

    /// The application on the home screen, its effects recorded and not carried out.
    static func app(_ context: AppContext = context(), width: Int = 80, height: Int = 24) -> Simulator<AppState, AppEffect> {
        let state = AppState(context: context, stack: [HomeScreen(context)], size: TerminalSize(width: width, height: height))
        return Simulator(AppShell.program, initial: state, width: width, height: height)
    }

    static func registration(_ description: String, severity: Int = 3, kind: EpisodeKind = .physicalViolence) -> Registration {
        Registration(occurredAt: Timestamp(rfc3339: "2026-11-22T13:05:00+01:00")!, unit: unit, kind: kind,
                     severity: Severity(rawValue: severity)!, description: description)
    }
}

extension AppEffect {
    /// The requests an effect stands for (the write, then what follows it), with every `sequence` spelled out.
    var requests: [ScreenRequest] {
        switch self {
        case .write(.append(let payloads), let then):
            [.append(payloads, then: then.isEmpty ? nil : then.count == 1 ? then[0] : .sequence(then))]
        case .write(let write, let then): [write.request] + then.flatMap(\.spelledOut)
        case .quit: [.quit]
        case .poll: []
        }
    }
}

extension StoreWrite {
    var request: ScreenRequest {
        switch self {
        case .append(let payloads): .append(payloads, then: nil)
        case .saveDraft(let id, let fields): .saveDraft(id: id, fields: fields)
        case .discardDraft(let id): .discardDraft(id: id)
        case .exportWeek(let week, let units, let at): .exportWeek(week, units: units, at: at)
        }
    }
}

extension ScreenRequest {
    var spelledOut: [ScreenRequest] {
        if case .sequence(let list) = self { return list.flatMap(\.spelledOut) }
        return [self]
    }

    var savedDraft: (id: UUID, fields: JSONValue)? {
        if case .saveDraft(let id, let fields) = self { return (id, fields) }
        return nil
    }

    var registered: (id: UUID, facts: Registration)? {
        if case .append(let payloads, _) = self, payloads.count == 1, case .registered(let id, let facts) = payloads[0] {
            return (id, facts)
        }
        return nil
    }
}

extension Simulator where State == AppState, Effect == AppEffect {
    var requests: [ScreenRequest] { effects.flatMap(\.requests) }
    var lastRegistration: (id: UUID, facts: Registration)? { requests.compactMap(\.registered).last }
    var lastDraft: (id: UUID, fields: JSONValue)? { requests.compactMap(\.savedDraft).last }
}

/// A fresh data folder, removed when the value is released.
final class TestFolder {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.path + "/vtc-ui-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    var folder: DataFolder { DataFolder(path: path) }

    func text(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path + "/" + name) ?? Data(), as: UTF8.self)
    }

    func write(_ text: String, to name: String) {
        precondition(FileManager.default.createFile(atPath: path + "/" + name, contents: Data(text.utf8)), "cannot write \(name)")
    }

    /// A workspace for `user`, on a clock standing still at `Sample.now`.
    func workspace(user: String = "anna") throws -> Workspace {
        var system = SystemCalls.live
        system.now = { Sample.now }
        return try Workspace.open(folder, user: user, system: system)
    }
}

/// The application with a workspace: effects are carried out as the loop would.
struct LiveApp {
    let runtime: AppRuntime
    private(set) var state: AppState

    init(_ workspace: Workspace, language: Language = .da, width: Int = 80, height: Int = 24) {
        runtime = AppRuntime(workspace: workspace)
        state = runtime.initialState(language: language, size: TerminalSize(width: width, height: height))
    }

    /// The same application in another state (a screen put on top by a test).
    init(replacing app: LiveApp, with state: AppState) {
        runtime = app.runtime
        self.state = state
    }

    @discardableResult
    mutating func send(_ keys: [Key]) -> LoopControl {
        for key in keys {
            let (next, effect) = AppShell.program.update(state, key)
            state = next
            if let effect, runtime.perform(effect, &state) == .stop { return .stop }
        }
        return .proceed
    }

    @discardableResult
    mutating func press(_ keys: Key...) -> LoopControl { send(keys) }

    mutating func type(_ text: String) { send(Key.typing(text)) }

    mutating func interrupt(_ signal: TerminalSignal) {
        let (next, effect) = AppShell.program.interrupt(state, signal)
        state = next
        if let effect { _ = runtime.perform(effect, &state) }
    }

    mutating func tick() {
        let (next, effect) = AppShell.program.tick(state)
        state = next
        if let effect { _ = runtime.perform(effect, &state) }
    }

    func render() -> (buffer: CellBuffer, cursor: CursorPosition?) {
        var buffer = CellBuffer(width: state.size.width, height: state.size.height)
        let cursor = AppShell.program.render(state, &buffer)
        return (buffer, cursor)
    }

    func dump() -> String { render().buffer.dump() }
}
