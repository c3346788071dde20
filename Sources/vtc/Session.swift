import Foundation
import Glibc
import VTCDomain
import VTCLog

/// One run of a command against the data folder: who acts, when, what the
/// log says, and the one way to append to it. Every check that can refuse
/// happens before anything is written.
struct Session {
    let folder: DataFolder
    let log: EventLog
    let user: String
    let access: UserAccess
    let roster: Roster
    let texts: Texts
    let now: Timestamp
    /// The events as read, with their sequence numbers.
    let logged: [LoggedEvent]
    private(set) var state: VTCState

    var zone: Zone { state.policy.zone }

    /// Opens the data folder the options name, reads the log, the policy and the roster.
    static func open(_ options: GlobalOptions) throws(CLIFailure) -> Session {
        let environment = ProcessInfo.processInfo.environment
        let language = try Session.language(options, environment: environment)
        let folder: DataFolder
        let log: EventLog
        let logged: [LoggedEvent]
        do {
            folder = try DataFolder.resolve(option: options.dataFolder, environment: environment)
            log = try EventLog.open(in: folder)
            logged = try log.readNew()
        } catch {
            throw CLIFailure(error)
        }
        for notice in log.takeNotices() { CommandRunner.printError(notice) }
        if let damage = log.damage {
            CommandRunner.printError(Texts(language).commandLine(.logDamagedShowingBefore(line: damage.line, kind: damage.kind.rawValue)))
        }
        let policy = try loadPolicy(folder)
        let roster = try loadRoster(folder)
        let user = try CurrentUser.name()
        guard let access = roster.access(for: user) else {
            throw CLIFailure(.refused, .notInRoster(user: user, rosterPath: folder.rosterPath))
        }
        let now = Timestamp(epochSeconds: Int64(time(nil))).expressed(in: policy.zone)
        return Session(folder: folder, log: log, user: user, access: access, roster: roster, texts: Texts(language),
                       now: now, logged: logged, state: VTCState.replay(logged.lazy.map(\.event), policy: policy))
    }

    static func language(_ options: GlobalOptions, environment: [String: String]) throws(CLIFailure) -> Language {
        guard let text = options.language else { return Language.select(environment: environment) }
        return try InputParsing.identifier(text, option: "--lang")
    }

    private static func loadPolicy(_ folder: DataFolder) throws(CLIFailure) -> Policy {
        guard let bytes = try readIfPresent(folder.policyPath) else { return .default }
        do { return try PolicyFile.parse(bytes) } catch {
            throw CLIFailure(.invalidInput, .fileProblems(path: folder.policyPath, problems: error.problems.map(\.description)))
        }
    }

    private static func loadRoster(_ folder: DataFolder) throws(CLIFailure) -> Roster {
        guard let bytes = try readIfPresent(folder.rosterPath) else { return .singleUser() }
        do { return try RosterFile.parse(bytes) } catch {
            throw CLIFailure(.invalidInput, .fileProblems(path: folder.rosterPath, problems: error.problems.map(\.description)))
        }
    }

    private static func readIfPresent(_ path: String) throws(CLIFailure) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIFailure(.ioError, .cannotRead(path: path)) }
        return Array(data)
    }

    // MARK: - Access

    func require(_ request: AccessRequest) throws(CLIFailure) {
        if case .refused(let why) = Access.check(access, request) {
            throw CLIFailure(.refused, message: .refused(why))
        }
    }

    func may(_ request: AccessRequest) -> Bool { Access.check(access, request).isAllowed }

    func maySee(_ record: IncidentRecord) -> Bool {
        may(.see(unit: record.facts.unit, registrant: record.registrant))
    }

    /// The incidents this user may see, in registration order.
    var visibleIncidents: [IncidentRecord] { state.incidentsInRegistrationOrder.filter(maySee) }

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
        return try InputParsing.dateTime(text, option: "--as-of", now: now, zone: zone)
    }

    // MARK: - Writing

    /// Appends the events for these payloads as one durable batch, after checking
    /// that the state accepts every one of them; on any refusal nothing is written.
    @discardableResult
    mutating func append(_ payloads: [EventPayload], at: Timestamp? = nil) throws(CLIFailure) -> [Event] {
        let events = payloads.map { Event(at: at ?? now, actor: user, payload: $0) }
        var trial = state
        let problemsBefore = trial.problems.count
        for event in events { trial.apply(event) }
        if let problem = trial.problems.dropFirst(problemsBefore).first {
            throw CLIFailure(.invalidInput, worded: problem.message)
        }
        do { try log.append(contentsOf: events) } catch { throw CLIFailure(error) }
        state = trial
        return events
    }
}

extension CLIFailure {
    /// The exit code each kind of log failure gets.
    init(_ error: LogError) {
        switch error {
        case .damaged, .invalidFile: self.init(.logDamaged, worded: error.description)
        case .system: self.init(.ioError, worded: error.description)
        case .lineTooLong, .noDataFolder: self.init(.invalidInput, worded: error.description)
        }
    }
}
