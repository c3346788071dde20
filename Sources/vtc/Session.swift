import Foundation
import Glibc
import VTCClient
import VTCModel
import VTCTexts
import VTCStore

/// One run of a command against the data folder: the workspace (who acts,
/// what the log says, the one way to append), the language, and the time the
/// command runs at. Every check that can refuse happens before anything is written.
struct Session {
    let workspace: any OpenedWorkspace
    let texts: Texts
    let now: Timestamp

    var rosterPath: String { workspace.rosterPath }
    var user: String { workspace.user }
    var access: UserAccess { workspace.access }
    var roster: Roster { workspace.roster }
    var state: VTCState { workspace.state }
    var zone: Zone { state.policy.zone }

    /// From now on the command reads only what `scope` names of the user's view (see `Session.open`).
    func narrowView(to scope: ViewScope) throws(CLIFailure) {
        do { try workspace.narrowView(to: scope) } catch { throw CLIFailure(error) }
    }

    /// The incidents `query` selects at `at`, in its order, as whole records: only they are fetched from a server.
    func records(_ query: IncidentQuery, at: Timestamp) throws(CLIFailure) -> [IncidentRecord] {
        try narrowView(to: .query(query, at: at))
        return query.run(on: state, for: access, at: at)
    }

    /// `vtc list`'s table rows of the incidents `query` selects at `at`, in its order.
    func incidentRows(_ query: IncidentQuery, at: Timestamp) throws(CLIFailure) -> [IncidentRow] {
        do { return try workspace.incidentRows(query, at: at) } catch { throw CLIFailure(error) }
    }

    /// The week's Markdown document in the session's language (`OpenedWorkspace.weekDocument`); nil when the user may
    /// not read one of the units.
    func weekDocument(_ week: ISOWeek, units: [String], at: Timestamp) throws(CLIFailure) -> [UInt8]? {
        do { return try workspace.weekDocument(week, units: units, at: at, language: texts.language) } catch { throw CLIFailure(error) }
    }

    /// Every event of the log with its sequence number, read afresh.
    func loggedEvents() throws(CLIFailure) -> [LoggedEvent] {
        do { return try workspace.loggedEvents() } catch { throw CLIFailure(error) }
    }

    /// The incident's events, read back from the log.
    func history(of record: IncidentRecord) throws(CLIFailure) -> [Event] {
        guard let events = workspace.history.events(of: record) else {
            throw CLIFailure(.ioError, worded: texts[.historyUnreadable])
        }
        return events
    }

    /// Opens the data folder the options name, reads the log, the policy and the roster.
    /// Only a command that may be the folder's first write (`creatingFolder`) creates a missing
    /// folder, and says so; any other finds no folder and stops, so that a mistyped `--data`
    /// is noticed before anything is written there.
    /// Through a server, `view` says what part of the user's view the command reads (the whole of it unless
    /// said); embedded mode reads the whole state whatever it says.
    static func open(_ options: GlobalOptions, creatingFolder: Bool = false, view: ViewScope = .everything)
        throws(CLIFailure) -> Session {
        let environment = ProcessInfo.processInfo.environment
        let language = try Session.language(options, environment: environment)
        let workspace = try openWorkspace(options, environment: environment, creatingFolder: creatingFolder,
                                          texts: Texts(language), view: view)
        for notice in workspace.notices { CommandRunner.printError(notice) }
        if let damage = workspace.damage {
            CommandRunner.printError(Texts(language).commandLine(.logDamagedShowingBefore(line: damage.line, kind: damage.kind.rawValue)))
        }
        return Session(workspace: workspace, texts: Texts(language), now: workspace.now)
    }

    /// The workspace for the operating-system user: through the server the
    /// options or the environment name (`ServerAddress.choose`), else the data
    /// folder they name, opened here when it is the user's own.
    static func openWorkspace(_ options: GlobalOptions, environment: [String: String], creatingFolder: Bool,
                              texts: Texts, view: ViewScope = .everything) throws(CLIFailure) -> any OpenedWorkspace {
        if let socket = ServerAddress.choose(serverOption: options.server, dataOption: options.dataFolder, environment: environment) {
            do {
                return try ServerWorkspace(socketPath: socket, ownFolder: ServerWorkspace.ownFolder(environment: environment),
                                           scope: view)
            } catch { throw CLIFailure(error) }
        }
        let folder: DataFolder
        do { folder = try DataFolder.resolve(option: options.dataFolder, environment: environment) } catch { throw CLIFailure(error) }
        let isNew = !FileManager.default.fileExists(atPath: folder.path)
        if isNew, !creatingFolder { throw CLIFailure(.invalidInput, .noDataFolder(path: folder.path)) }
        if !EmbeddedFolder.isOwn(folder) { throw CLIFailure(.invalidInput, .sharedFolderNeedsServer(path: folder.path)) }
        let workspace: Workspace
        do {
            if let uri = options.store {
                workspace = try Workspace.open(folder, store: try StoreOption.open(uri))
            } else {
                workspace = try Workspace.open(folder)
            }
        } catch let error as LogError {
            throw CLIFailure(error)
        } catch let error as WorkspaceError {
            throw CLIFailure(error)
        } catch {
            throw CLIFailure(.ioError, worded: "\(error)")
        }
        if isNew { CommandRunner.printError(texts.commandLine(.createdDataFolder(path: folder.path))) }
        return workspace
    }

    static func language(_ options: GlobalOptions, environment: [String: String]) throws(CLIFailure) -> Language {
        guard let text = options.language else { return Language.select(environment: environment) }
        return try InputParsing.identifier(text, option: "--lang")
    }

    // MARK: - Access

    func require(_ request: AccessRequest) throws(CLIFailure) {
        if case .refused(let why) = Access.check(access, request) {
            throw CLIFailure(.refused, message: .refused(why))
        }
    }

    func may(_ request: AccessRequest) -> Bool { Access.check(access, request).isAllowed }

    /// A unit typed in `--unit`, if the roster knows it: a unit that does not exist is a typing
    /// mistake (exit 2), not a missing role.
    func knownUnit(_ typed: String) throws(CLIFailure) -> String {
        guard roster.units.contains(typed) else { throw .invalid(.unknownUnit(typed, known: roster.units)) }
        return typed
    }

    func knownUnits(_ typed: [String]) throws(CLIFailure) -> [String] {
        var units: [String] = []
        for unit in typed { units.append(try knownUnit(unit)) }
        return units
    }

    func maySee(_ record: IncidentRecord) -> Bool {
        may(.see(unit: record.facts.unit, registrant: record.registrant))
    }

    /// The incidents this user may see, in registration order.
    var visibleIncidents: [IncidentRecord] { state.incidents.values.filter(maySee) }

    /// The incident an id or unique prefix names, among those this user may see.
    func incident(_ typed: String) throws(CLIFailure) -> IncidentRecord {
        let visible = state.incidents.values.filter(maySee).map(\.id)
        let id = try resolve(typed, among: visible, what: .incident)
        return state.incidents[id]!
    }

    func action(_ typed: String) throws(CLIFailure) -> ActionRecord {
        let visible = state.actionOrder.filter { state.actions[$0].map { may(.readUnit(unit: $0.action.unit)) } ?? false }
        return state.actions[try resolve(typed, among: visible, what: .action)]!
    }

    private func resolve(_ typed: String, among ids: [UUID], what: CommandLineText.IDKind) throws(CLIFailure) -> UUID {
        switch IncidentIDPrefix.resolve(typed, among: ids) {
        case .success(let id): return id
        case .failure(.tooShort(let text)):
            throw CLIFailure(.invalidInput, .idTooShort(what, typed: text, minimum: IncidentIDPrefix.minimumLength))
        case .failure(.notFound(let text)):
            throw CLIFailure(.notFound, .idNotFound(what, typed: text))
        case .failure(.ambiguous(let text, let matches)):
            throw CLIFailure(.notFound, .idAmbiguous(what, typed: text, matches: matches))
        }
    }

    /// Units the user may act on in the given role, in roster order.
    func units(withAnyOf roles: [Role]) -> [String] {
        roster.units.filter { unit in roles.contains { access.has($0, in: unit) } }
    }

    /// The unit a command acts on when `--unit` is not given: the user's only unit in that role.
    func onlyUnit(for role: Role) throws(CLIFailure) -> String {
        let units = units(withAnyOf: [role])
        guard units.count == 1 else {
            throw .invalid(.unitRequired(yours: units))
        }
        return units[0]
    }

    /// The time a report is made at: `--as-of`, or now.
    func reportTime(_ option: AsOfOption) throws(CLIFailure) -> Timestamp {
        guard let text = option.asOf else { return now }
        return try InputParsing.dateTime(text, option: "--as-of", now: now, zone: zone, allowingFuture: true)
    }

    /// A day bounding a listing or report (`--since`, `--until`): the nearest day so named.
    func day(_ text: String, option: String) throws(CLIFailure) -> CalendarDate {
        try InputParsing.date(text, option: option, now: now, zone: zone, window: .nearest)
    }

    // MARK: - Writing

    /// Appends the events for these payloads as one durable batch, after checking
    /// that the state accepts every one of them; on any refusal nothing is written.
    @discardableResult
    func append(_ payloads: [EventPayload]) throws(CLIFailure) -> [Event] {
        do { return try workspace.append(payloads) } catch { throw CLIFailure(error) }
    }
}

extension CLIFailure {
    /// The exit code each kind of log failure gets.
    init(_ error: LogError) {
        switch error {
        case .damaged, .invalidFile: self.init(.logDamaged, worded: error.description)
        case .system, .store: self.init(.ioError, worded: error.description)
        case .lineTooLong, .noDataFolder, .refusedByReader: self.init(.invalidInput, worded: error.description)
        }
    }
}

extension CLIFailure {
    /// The exit code each kind of workspace failure gets.
    init(_ error: WorkspaceError) {
        switch error {
        case .log(let error): self.init(error)
        case .policy(let path, let problems):
            self.init(.invalidInput, .fileProblems(path: path, problems: problems.map(\.description)))
        case .roster(let path, let problems):
            self.init(.invalidInput, .fileProblems(path: path, problems: problems.map { Texts(.en).message(.rosterProblem($0)) }))
        case .notInRoster(let user, let rosterPath): self.init(.refused, .notInRoster(user: user, rosterPath: rosterPath))
        case .unknownUser(let uid): self.init(.ioError, .noUserName(uid: uid))
        case .refused(_, let message): self.init(.invalidInput, worded: message)
        case .invalidFileName: self.init(.invalidInput, worded: error.description)
        }
    }
}
