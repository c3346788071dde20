import Foundation
import Glibc
import VTCModel
import VTCCodec

/// A data folder opened for one user: the log and what it says, the policy
/// and roster in force, the user's drafts, and the one way to append. Both
/// the command line and the terminal UI work through it.
///
/// Not thread-safe: use one instance from one task.
public final class Workspace {
    public let folder: DataFolder
    /// The acting user: the operating-system user (there is no way to act as someone else).
    public let user: String
    public let access: UserAccess
    public let roster: Roster
    public private(set) var state: VTCState
    /// How opening got the state.
    public let start: Start
    /// Messages to show: a torn last line that was repaired on opening, and the lines set aside so far
    /// (also those another process appended after opening, so that a program that stays open shows them).
    public var notices: [String] { openingNotices + Workspace.setAsideNotices(log) }
    private let openingNotices: [String]

    /// Where the state at opening came from.
    public enum Start: Hashable, Sendable {
        /// Restored from `state.checkpoint` at line `seq`; `replayed` events after it were applied.
        case checkpoint(seq: Int64, replayed: Int)
        /// Every event of the log replayed (there was no checkpoint that matched the log, policy and program).
        case replay(events: Int)
    }

    /// The fewest events opening must replay before it writes a new checkpoint.
    public static let checkpointInterval = 5_000

    private let log: any LogStore
    private let archive: EventArchive
    /// The file and the line up to which opening skipped reading, thanks to the checkpoint.
    private let skipped: (path: String, through: LogPosition)?
    private let skippedLinesCheck = SkippedLinesCheck()
    /// Damage that the check of the lines skipped on opening found, or a checkpoint naming a line the log no longer holds.
    private var damageBeforeCheckpoint: LogProblem?
    private let drafts: DraftStore
    /// Our own events applied from memory because the log could not be read back right after they were
    /// written: skipped when the log hands them over later, so that none is applied twice.
    private var appliedAhead: Set<UUID> = []
    private let system: SystemCalls

    private init(folder: DataFolder, user: String, settings: Settings, state: VTCState, start: Start,
                 log: any LogStore, places: [Int64], skipped: (path: String, through: LogPosition)?, system: SystemCalls) {
        self.folder = folder
        self.user = user
        access = settings.access
        roster = settings.roster
        self.state = state
        self.start = start
        self.log = log
        archive = EventArchive(store: log, places: places)
        self.skipped = skipped
        openingNotices = log.takeNotices()
        self.system = system
        drafts = DraftStore(folder: folder, system: system)
    }

    /// Opens the folder for the operating-system user running the program:
    /// creates the folder and log if missing, reads the log (repairing a torn
    /// tail), and reads `policy.json` and `roster.json` when they exist.
    ///
    /// The state comes from `state.checkpoint` when it matches the log, the
    /// policy and this program, plus the events after it; otherwise from
    /// replaying the whole log, after which a new checkpoint is written.
    public static func open(_ folder: DataFolder, system: SystemCalls = .live) throws(WorkspaceError) -> Workspace {
        try open(folder, user: try OperatingSystemUser.name(), system: system)
    }

    /// Opens the folder for a named user. Only for tests, which need users
    /// other than the one running them, and a checkpoint interval of their
    /// own; programs use `open(_:system:)`.
    /// `serving`: opened by `vtc serve`, which acts for the users of its
    /// connections (`append(requests:)`), not for the user running it.
    package static func open(_ folder: DataFolder, user: String, system: SystemCalls = .live,
                             checkpointInterval: Int = Workspace.checkpointInterval,
                             serving: Bool = false) throws(WorkspaceError) -> Workspace {
        let settings = try Settings.read(folder, user: user, serving: serving, system: system)
        let policy = settings.policy
        let origin = ProgramIdentity.current.map {
            StateCheckpoint.Origin(program: $0, policy: settings.policyBytes.map { String(decoding: LogFormat.hash($0), as: UTF8.self) } ?? "default")
        }
        let candidate = StateCheckpoint.candidate(at: folder.checkpointPath, origin: origin)
        // Events are applied as the log hands them over, never gathered: a
        // region's log as events would take more memory than its state.
        var state = VTCState(policy: policy)
        var starts: [Int64] = []
        var replayed = 0
        func apply(_ entry: LoggedEvent) {
            state.apply(entry.event)
            starts.append(entry.offset)
            replayed += 1
        }
        var log: EventLog
        var restored: StateCheckpoint.Restored?
        do {
            // After resuming, the log keeps the lines that follow the checkpoint for
            // `readNew()`: they go on top of the restored state.
            log = try EventLog.open(in: folder, resumingAfter: candidate.flatMap { $0.isUsable ? $0.position : nil },
                                    system: system, each: apply)
            if log.resumed {
                restored = candidate?.restore(policy: policy)
                if let restored {
                    (state, starts) = (restored.state, restored.lineStarts)
                } else {
                    log = try EventLog.open(in: folder, system: system, each: apply)
                }
            }
            for entry in try log.readNew() { apply(entry) }
        } catch {
            throw .log(error)
        }
        // A checkpoint that names a line the log no longer holds: lines were cut or changed. Reported, never rebuilt over.
        let truncation = log.resumed ? nil : candidate?.problem(in: log)
        let start = restored.map { Start.checkpoint(seq: $0.position.seq, replayed: replayed) } ?? .replay(events: replayed)
        // Not with lines set aside: a checkpoint would hide them from the next opening's banner.
        if replayed >= checkpointInterval, log.damage == nil, truncation == nil, log.setAside.isEmpty, let origin,
           let position = log.position {
            // Only a speed-up: a folder that cannot take it opens by replaying, as before.
            try? StateCheckpoint.write(state, lineStarts: starts, position: position, origin: origin,
                                       to: folder.checkpointPath)
        }
        let workspace = Workspace(folder: folder, user: user, settings: settings, state: state, start: start, log: log,
                                  places: starts, skipped: log.resumedFrom.map { (log.location, $0) }, system: system)
        workspace.damageBeforeCheckpoint = truncation
        return workspace
    }

    /// Opens the folder's policy, roster and drafts with the log kept in
    /// another store (a database), for the operating-system user: every event
    /// of the store is read and applied.
    public static func open(_ folder: DataFolder, store: any LogStore, system: SystemCalls = .live) throws(WorkspaceError) -> Workspace {
        try open(folder, store: store, user: try OperatingSystemUser.name(), system: system)
    }

    /// As `open(_:store:system:)` for a named user: for tests, and for `vtc serve` (`serving`).
    ///
    /// A store that can resume (a database) starts from the folder's
    /// `store.checkpoint` when it was made by this program under this policy
    /// and the store holds the line it names (the same log id, the same bytes
    /// at that `seq`): the events after that line are read and applied on top.
    /// The lines before it are not read again (`vtc verify --store` reads
    /// them all). After replaying `checkpointInterval` events or more, a new
    /// checkpoint is written: only a speed-up, never needed.
    package static func open(_ folder: DataFolder, store: any LogStore, user: String, serving: Bool = false,
                             system: SystemCalls = .live,
                             checkpointInterval: Int = Workspace.checkpointInterval) throws(WorkspaceError) -> Workspace {
        let settings = try Settings.read(folder, user: user, serving: serving, system: system)
        let origin = ProgramIdentity.current.map {
            StateCheckpoint.Origin(program: $0, policy: settings.policyBytes.map { String(decoding: LogFormat.hash($0), as: UTF8.self) } ?? "default")
        }
        var state = VTCState(policy: settings.policy)
        var places: [Int64] = []
        var resumedAt: Int64?
        let resumable = store as? any ResumableLogStore
        do {
            if let resumable, let candidate = StateCheckpoint.candidate(at: folder.storeCheckpointPath, origin: origin),
               candidate.isUsable, let restored = candidate.restore(policy: settings.policy),
               try resumable.resume(after: candidate.position) {
                (state, places, resumedAt) = (restored.state, restored.lineStarts, candidate.position.seq)
            }
        } catch {
            throw .log(error)
        }
        let events: [LoggedEvent]
        do { events = try store.readNew() } catch { throw .log(error) }
        for entry in events {
            state.apply(entry.event)
            places.append(entry.offset)
        }
        if events.count >= checkpointInterval, store.damage == nil, store.setAside.isEmpty, let origin,
           let position = resumable?.position {
            try? StateCheckpoint.write(state, lineStarts: places, position: position, origin: origin,
                                       to: folder.storeCheckpointPath)
        }
        let start = resumedAt.map { Start.checkpoint(seq: $0, replayed: events.count) } ?? .replay(events: events.count)
        return Workspace(folder: folder, user: user, settings: settings, state: state, start: start,
                         log: store, places: places, skipped: nil, system: system)
    }

    /// What the folder says besides the log: the policy (and its bytes), the roster, and the acting user's access.
    private struct Settings {
        var policyBytes: [UInt8]?
        var policy: Policy
        var roster: Roster
        var access: UserAccess

        /// `serving`: for `vtc serve`, which runs as a service user that need not be in the roster.
        static func read(_ folder: DataFolder, user: String, serving: Bool = false,
                         system: SystemCalls) throws(WorkspaceError) -> Settings {
            let policyBytes = try readIfPresent(folder.policyPath, system: system)
            let policy = try parsePolicy(policyBytes, path: folder.policyPath)
            let roster = try readRoster(folder, system: system)
            guard let access = roster.access(for: user) ?? (serving ? UserAccess(user: user, roles: [:]) : nil) else {
                throw .notInRoster(user: user, rosterPath: folder.rosterPath)
            }
            return Settings(policyBytes: policyBytes, policy: policy, roster: roster, access: access)
        }
    }

    /// Reads the events of an incident's history back from the log.
    public var history: HistoryReader {
        HistoryReader { [archive] positions in archive.events(at: positions) }
    }

    /// Every event of the log, read and checked afresh from the store.
    public func loggedEvents() throws(WorkspaceError) -> [LoggedEvent] {
        do { return try log.readEverything() } catch { throw .log(error) }
    }

    public var policy: Policy { state.policy }

    /// Now, in the policy's zone.
    public var now: Timestamp { system.now().expressed(in: policy.zone) }

    /// True when the log is damaged or not writable: nothing can be appended.
    public var isReadOnly: Bool { !log.isWritable || damageBeforeCheckpoint != nil }

    /// The `seq` and hash of the log's last line read: what a witness keeps (`Checkpoint.short`).
    public var head: Checkpoint? { log.head }

    /// Lines whose chain holds but whose event today's rules refuse: skipped by the state; writes go on.
    public var setAside: [LogProblem] { log.setAside }

    /// The first damage found in the log (it is then read-only), with its line.
    public var damage: LogProblem? { damageBeforeCheckpoint ?? log.damage }

    /// Where the log is, for messages: the file's path or the database's address.
    public var logLocation: String { log.location }

    /// Why the log is read-only, in one line; nil when it is writable.
    public var readOnlyReason: String? {
        if let damage { return LogError.damaged(path: log.location, damage).description }
        return log.isWritable ? nil : "\(log.location) is not writable for \(user)"
    }

    /// Starts checking, on another thread, the lines that opening skipped
    /// thanks to the checkpoint (every line up to the one it names), as
    /// opening without it would have. If they are damaged, the next
    /// `refresh()` makes the log read-only and removes the checkpoint, so
    /// that the next opening reads every line. For a program that stays open
    /// (the terminal UI); does nothing when opening read every line.
    public func checkSkippedLinesInBackground() {
        guard case .checkpoint = start, let skipped else { return }
        skippedLinesCheck.start(path: skipped.path, through: skipped.through, system: system)
    }

    // MARK: - Events

    /// Applies the events other processes appended since the last read.
    /// Returns how many there were.
    @discardableResult
    public func refresh() throws(WorkspaceError) -> Int {
        if damageBeforeCheckpoint == nil, let problem = skippedLinesCheck.problem() {
            damageBeforeCheckpoint = problem
            _ = system.unlink(folder.checkpointPath)
        }
        let new: [LoggedEvent]
        do { new = try log.readNew() } catch { throw .log(error) }
        apply(new)
        return new.count
    }

    /// Appends one event per payload, written by the acting user now, as one
    /// durable batch. The state is tried first: if it refuses any event,
    /// nothing is written. Events other processes appended meanwhile are
    /// applied too, in log order.
    @discardableResult
    public func append(_ payloads: [EventPayload]) throws(WorkspaceError) -> [Event] {
        try append(requests: [(actor: user, payloads: payloads)])[0].get()
    }

    /// Appends several users' requests as one durable batch, with one sync:
    /// the server's group commit. Each request is tried on the state in turn,
    /// after those before it; a refused request writes nothing and does not
    /// hold back the others. Each result is the request's events, stamped
    /// with its actor and now.
    package func append(requests: [(actor: String, payloads: [EventPayload])]) -> [Result<[Event], WorkspaceError>] {
        let at = now
        if let damageBeforeCheckpoint {
            return requests.map { _ in .failure(.log(.damaged(path: log.location, damageBeforeCheckpoint))) }
        }
        var overtaken = 0
        while true {
            var trial = state.trial(for: requests.flatMap(\.payloads))
            let results = requests.map { request in
                Result { () throws(WorkspaceError) in try tryOut(request.payloads, actor: request.actor, at: at, on: &trial) }
            }
            let events = results.flatMap { (try? $0.get()) ?? [] }
            guard !events.isEmpty else { return results }
            let written: [LoggedEvent]
            do {
                // Only after the line the state was made from: another process's lines are read and the requests tried again on them.
                guard let appended = try log.append(contentsOf: events, after: log.head?.seq ?? 0) else {
                    overtaken += 1
                    guard overtaken < Workspace.appendAttempts else {
                        return results.map { $0.flatMap { _ in .failure(.log(.store(action: "append to", location: log.location,
                            reason: "other writers kept appending before this one could; nothing was written, try again"))) } }
                    }
                    apply(try log.readNew())
                    continue
                }
                written = appended
            } catch {
                // One request's line too long must not fail the others: each is written on its own.
                if case .lineTooLong = error, requests.count > 1 { return requests.map { append(requests: [$0])[0] } }
                return results.map { $0.flatMap { _ in .failure(.log(error)) } }
            }
            readBack(written)
            return results
        }
    }

    /// How often an append is tried again after other processes' lines overtook it.
    private static let appendAttempts = 20

    /// Applies what the log holds after our append; our events are durable
    /// whatever happens next: if the log cannot be read back, they are applied
    /// from memory so the state never misses them.
    private func readBack(_ written: [LoggedEvent]) {
        let readBack = (try? log.readNew()) ?? []
        apply(readBack)
        let seen = Set(readBack.map(\.event.id))
        let ahead = written.filter { !seen.contains($0.event.id) }
        apply(ahead)
        appliedAhead.formUnion(ahead.map(\.event.id))
    }

    /// The events for one request, applied to `trial` when every rule and
    /// the state accept them all; `trial` is left as it was otherwise.
    private func tryOut(_ payloads: [EventPayload], actor: String, at: Timestamp,
                        on trial: inout VTCState) throws(WorkspaceError) -> [Event] {
        let events = payloads.map { Event(at: at, actor: actor, payload: $0) }
        for payload in payloads {
            if let violation = EventRules.violation(inNew: payload, now: at, roster: roster) {
                throw .refused(payload.type, violation.description)
            }
        }
        var attempt = trial
        let problemsBefore = attempt.problems.count
        for event in events { attempt.apply(event) }
        if let problem = attempt.problems.dropFirst(problemsBefore).first {
            throw .refused(problem.type, problem.message)
        }
        // An amendment or new absence is held to the rules for the registration as it then reads.
        for payload in payloads {
            switch payload {
            case .amended(let id, _), .absenceUpdated(let id, _, _):
                if let facts = attempt.incidents[id]?.facts, let violation = EventRules.violation(inNew: facts, now: at) {
                    throw .refused(payload.type, violation.description)
                }
            default: break
            }
        }
        trial = attempt
        return events
    }

    private func apply(_ new: [LoggedEvent]) {
        for entry in new {
            if !appliedAhead.isEmpty, appliedAhead.remove(entry.event.id) != nil { continue }
            state.apply(entry.event)
            archive.add(entry)
        }
    }

    // MARK: - Drafts

    public func saveDraft(id: UUID, fields: JSONValue) throws(WorkspaceError) {
        do { try drafts.save(Draft(user: user, id: id, updatedAt: now, fields: fields)) } catch { throw .log(error) }
    }

    /// The acting user's drafts, newest first, and the draft files that could not be read.
    public func listDrafts() throws(WorkspaceError) -> DraftListing {
        do { return try drafts.list(user: user) } catch { throw .log(error) }
    }

    public func loadDraft(id: UUID) throws(WorkspaceError) -> Draft? {
        do { return try drafts.load(user: user, id: id) } catch { throw .log(error) }
    }

    /// Deletes a draft; one already gone, or never written, is not an error.
    public func deleteDraft(id: UUID) throws(WorkspaceError) {
        guard FileManager.default.fileExists(atPath: folder.draftsPath) else { return }
        do { try drafts.delete(user: user, id: id) } catch { throw .log(error) }
    }

    // MARK: - Exports

    /// Writes `contents` to `exports/<fileName>` in the data folder (mode 0640,
    /// replacing a file of that name atomically) and returns the path written.
    public func export(fileName: String, contents: [UInt8]) throws(WorkspaceError) -> String {
        try Workspace.export(fileName: fileName, contents: contents, in: folder, system: system)
    }

    /// Writes `exports/<fileName>` in `folder`: also where a client of the server keeps its exports.
    package static func export(fileName: String, contents: [UInt8], in folder: DataFolder,
                               system: SystemCalls) throws(WorkspaceError) -> String {
        guard Workspace.isPlainFileName(fileName) else { throw .invalidFileName(fileName) }
        let exports = folder.path + "/exports"
        let path = exports + "/" + fileName
        let failure = system.makeDirectories(exports, mode: 0o750)
        if failure != 0 { throw .log(.system(action: "create", path: exports, errno: failure)) }
        do {
            try AtomicFile(path: path, mode: 0o640, system: system).replace(durable: true, failure: "write") { put in
                put(contents)
            }
        } catch {
            throw .log(error)
        }
        return path
    }

    static func isPlainFileName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 200, name.first != "." else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar)
        }
    }

    /// One notice for the lines set aside, naming the first.
    private static func setAsideNotices(_ log: any LogStore) -> [String] {
        guard let first = log.setAside.first else { return [] }
        let more = log.setAside.count == 1 ? "" : " and \(log.setAside.count - 1) more"
        return ["\(log.location): line \(first.line)\(more) set aside (\(first.detail)); the rest of the log is in use. Run vtc verify."]
    }

    // MARK: - Files read on opening

    private static func parsePolicy(_ bytes: [UInt8]?, path: String) throws(WorkspaceError) -> Policy {
        guard let bytes else { return .default }
        do { return try PolicyFile.parse(bytes) } catch { throw .policy(path: path, error.problems) }
    }

    private static func readRoster(_ folder: DataFolder, system: SystemCalls) throws(WorkspaceError) -> Roster {
        guard let bytes = try readIfPresent(folder.rosterPath, system: system) else { return .singleUser() }
        do { return try RosterFile.parse(bytes) } catch { throw .roster(path: folder.rosterPath, error.problems) }
    }

    /// `roster.json` or `policy.json`, if present: a regular file of at most `RegularFile.settingsLimit` bytes.
    package static func readIfPresent(_ path: String, system: SystemCalls) throws(WorkspaceError) -> [UInt8]? {
        do throws(LogError) {
            let fd = try system.openRegularFile(path, O_RDONLY)
            if fd < 0 {
                if errno == ENOENT { return nil }
                throw LogError.system(action: "open", path: path, errno: errno)
            }
            defer { _ = system.close(fd) }
            return try system.readSmallFile(fd, path: path, limit: RegularFile.settingsLimit)
        } catch {
            throw .log(error)
        }
    }
}
