import Dispatch
import Glibc
import Logging
import VTCCodec
import VTCModel
import VTCProtocol
import VTCStore

/// The one owner of the data folder while `vtc serve` runs: the full
/// projected state, the log (in the folder, or in a store that other servers
/// share: `ServedLog`), the roster and the policy. Every request is
/// answered here for the user the socket named, with what that user may
/// see, and every write goes through `Workspace.append(requests:)`.
///
/// Everything that reads or changes the state runs on one serial queue
/// (`queue`), so the state needs no lock. Writes that arrive while a sync
/// runs wait in `pending` and are then written together with one sync: group
/// commit. What takes long and needs no state (a view's snapshot bytes) is
/// left to the connection's own queue, so that writes do not wait for it.
final class ServerCore: @unchecked Sendable {
    let queue = DispatchQueue(label: "vtc.server.core")
    private let folder: DataFolder
    /// The log's store when it is not the folder's `events.jsonl`.
    private let served: ServedLog?
    private var outage = StoreOutage()
    private var lookScheduled = false
    private var stopWatching: (@Sendable () -> Void)?
    private let serviceUser: String
    private let logger: Logger
    private(set) var workspace: Workspace
    private var policyJSON: JSONValue
    private var pending: [(user: String, payloads: [EventPayload], reply: Answering)] = []
    private var commitScheduled = false
    private var subscribers: [ObjectIdentifier: Answering] = [:]
    /// Every incident's index, for the list queries of users who see a large part of the region; brought up to date with the events applied since.
    var queryIndex = KeptIncidentIndex()
    /// The terminal UI's list indexes of the users who listed last (`ScreenQueryAnswers`).
    var listCaches = ListCaches()
    /// The follow-up queues last asked for, whose pages the queue screen asks for key by key (`ScreenQueryAnswers`).
    var followUpQueues = FollowUpQueueCache()

    /// A reply to send: made already, or the work that makes it (a view's snapshot bytes), which the
    /// connection does on its own queue. Answers are given on the queue, in the order of the connection's
    /// requests, and sent in that order.
    enum Answer: Sendable {
        case ready(Reply)
        case work(@Sendable () -> Reply)
    }
    typealias Answering = @Sendable (Answer) -> Void
    /// Work given to connections and not yet handed to their sockets: the connection enters on the
    /// queue, and leaves once it has written the reply.
    let answering = DispatchGroup()

    /// Opens the folder; throws the one line that says why it cannot be served.
    init(folder: DataFolder, served: ServedLog? = nil, serviceUser: String, logger: Logger) throws(WorkspaceError) {
        self.folder = folder
        self.served = served
        self.serviceUser = serviceUser
        self.logger = logger
        (workspace, policyJSON) = try ServerCore.open(folder, served: served, serviceUser: serviceUser)
        stopWatching = served?.watch { [weak self] lastSeq in
            guard let core = self else { return }
            core.queue.async { core.heard(lastSeq) }
        }
        buildQueryIndex()
    }

    /// Builds the index of every incident first thing on the queue, as the log opened, so that the first list or
    /// home screen of a user who sees much of the region does not wait for it; later events only update it.
    private func buildQueryIndex() {
        queue.async { [self] in _ = queryIndex.index(of: workspace.state) }
    }

    deinit { stopWatching?() }

    private static func open(_ folder: DataFolder, served: ServedLog?,
                             serviceUser: String) throws(WorkspaceError) -> (Workspace, JSONValue) {
        let workspace: Workspace
        if let served {
            let store: any LogStore
            do { store = try served.open() } catch { throw .log(error) }
            workspace = try Workspace.open(folder, store: store, user: serviceUser, serving: true)
        } else {
            workspace = try Workspace.open(folder, user: serviceUser, serving: true)
        }
        // The policy file was just read and parsed by opening; its JSON goes to clients as it stands.
        let policy = (try? Workspace.readIfPresent(folder.policyPath, system: .live))?.flatMap { try? JSONParser.parse($0) } ?? .null
        return (workspace, policy)
    }

    var eventCount: Int { queue.sync { workspace.state.eventCount } }
    var incidentCount: Int { queue.sync { workspace.state.incidents.count } }

    /// SIGHUP: reads roster.json and policy.json again (and the log with
    /// them); a folder that does not open keeps the one in force.
    func reload() {
        queue.async { [self] in
            do throws(WorkspaceError) {
                (workspace, policyJSON) = try ServerCore.open(folder, served: served, serviceUser: serviceUser)
                listCaches = ListCaches()
                followUpQueues = FollowUpQueueCache()
                buildQueryIndex()
                logger.info("reloaded roster.json and policy.json: \(workspace.roster.users.count) users, \(workspace.state.eventCount) events")
                notifySubscribers()
            } catch {
                logger.error("reload refused, the roster and policy in force stay: \(error.description)")
            }
        }
    }

    /// The access of a user by login name; nil when the roster does not name them.
    func access(for user: String) -> UserAccess? { workspace.roster.access(for: user) }

    var notInRoster: (String) -> WorkspaceError {
        { [folder] user in .notInRoster(user: user, rosterPath: folder.rosterPath) }
    }

    // MARK: - Requests

    /// Answers a request for `user` (from the socket); `answer` is called once, on the queue.
    func handle(_ request: Request, user: String, subscriber: ObjectIdentifier, answer: @escaping Answering) {
        queue.async { [self] in
            func reply(_ reply: Reply) { answer(.ready(reply)) }
            guard let access = workspace.roster.access(for: user) else { return reply(.failure(notInRoster(user))) }
            switch request {
            case .hello: reply(.welcome(version: ProtocolLimits.version, user: user))
            case .view(let scope): answer(.work(view(for: access, scope: scope)))
            case .history(let positions): reply(history(positions, for: access))
            case .events: reply(events(for: access))
            case .subscribe:
                subscribers[subscriber] = answer
                reply(.changed(eventCount: workspace.state.eventCount))
            case .home, .list, .followUps, .week, .statistics: answer(.work(screenAnswer(request, for: access)))
            case .listRows(let query, let at): answer(.work(rowsAnswer(query, at: at, for: access)))
            case .weekDocument(let week, let units, let at, let language):
                answer(.work(weekDocumentAnswer(week, units: units, at: at, language: language, for: access)))
            case .append(let payloads):
                pending.append((user, payloads, answer))
                if !commitScheduled {
                    commitScheduled = true
                    queue.async { [self] in commit() }
                }
            }
        }
    }

    func unsubscribe(_ subscriber: ObjectIdentifier) {
        queue.async { [self] in subscribers[subscriber] = nil }
    }

    /// Waits until every write received so far is written and answered.
    func drain() {
        queue.sync {}
        answering.wait()
    }

    /// The user's part of the state is taken here; its snapshot bytes, which cost as much again for a
    /// coordinator of a region, are written by the work returned, off the queue.
    private func view(for access: UserAccess, scope: ViewScope) -> @Sendable () -> Reply {
        let part = workspace.state.view(for: access, scope: scope) { queryIndex.index(of: $0) }
        let view = ServerView(user: access.user, roster: ServerView.rosterJSON(workspace.roster, for: access), policy: policyJSON,
                              rosterPath: folder.rosterPath, readOnlyReason: outage.readOnlyReason ?? workspace.readOnlyReason,
                              damage: workspace.damage, head: workspace.head, snapshot: [])
        return {
            var view = view
            var writer = BinaryWriter { view.snapshot += $0 }
            part.writeSnapshot(to: &writer)
            writer.finish()
            return .view(view)
        }
    }

    /// The events at the positions, when every one of them is about something the user may see.
    private func history(_ positions: [Int], for access: UserAccess) -> Reply {
        guard positions.count <= 100_000, let events = workspace.history.events(at: positions) else {
            return .failure(.log(.invalidFile(path: workspace.logLocation, reason: "the history asked for cannot be read")))
        }
        let state = workspace.state
        guard events.allSatisfy({ state.viewIncludes($0.payload, for: access) }) else {
            return .failure(.refused(events.first { !state.viewIncludes($0.payload, for: access) }!.payload.type,
                                     "not an event of what you may see"))
        }
        return .events(zip(positions, events).map { LoggedEvent(seq: Int64($0) + 1, sentEvent: $1) })
    }

    private func events(for access: UserAccess) -> Reply {
        do {
            let state = workspace.state
            return .events(try workspace.loggedEvents().filter { state.viewIncludes($0.event.payload, for: access) })
        } catch {
            return .failure(error)
        }
    }

    /// Writes every pending request as one batch with one sync, then answers each.
    private func commit() {
        commitScheduled = false
        let batch = pending
        pending = []
        guard !batch.isEmpty else { return }
        if outage.failure != nil {
            // A store that did not answer: look once more, and refuse the writes at once if it still does not.
            lookAtStore()
            if let refusal = outage.refusal {
                for request in batch { request.reply(.ready(.failure(refusal))) }
                return
            }
        }
        // The roster is checked here, at writing, against the state the events go on.
        var allowed: [(user: String, payloads: [EventPayload], reply: Answering)] = []
        for request in batch {
            if let refusal = refusal(of: request.payloads, by: request.user) {
                request.reply(.ready(.failure(refusal)))
            } else {
                allowed.append(request)
            }
        }
        let results = workspace.append(requests: allowed.map { (actor: $0.user, payloads: $0.payloads) })
        for (request, result) in zip(allowed, results) {
            switch result {
            case .success(let events): request.reply(.ready(.appended(events)))
            case .failure(let error):
                if case .log = error { logger.error("write for \(request.user) failed: \(error.description)") }
                if StoreOutage.isOutage(error) { storeFailed(error) }
                request.reply(.ready(.failure(error)))
            }
        }
        if allowed.count > 1 { logger.debug("group commit of \(allowed.count) writes") }
        notifySubscribers()
    }

    /// Why the user may not write these events (`Access.check` for each), or nil.
    private func refusal(of payloads: [EventPayload], by user: String) -> WorkspaceError? {
        guard let access = workspace.roster.access(for: user) else { return notInRoster(user) }
        for payload in payloads {
            switch workspace.state.writeAccess(for: payload, by: access) {
            case .failure(let refusal): return .refused(refusal.type, refusal.message)
            case .success(let request):
                guard case .refused(let why) = Access.check(access, request) else { continue }
                let reason = switch why {
                case .needsRole(let role, let unit): "needs the \(role.rawValue) role" + (unit.map { " in \($0)" } ?? "")
                case .onlyRegistrant: "only the registrant may do this"
                }
                return .refused(payload.type, reason)
            }
        }
        return nil
    }

    // MARK: - A store other servers share

    /// A notice from the store: our own appends come back too, and need no reading.
    private func heard(_ lastSeq: Int64?) {
        if let lastSeq, let head = workspace.head, lastSeq <= head.seq, outage.failure == nil { return }
        lookAtStore()
    }

    /// Applies what others appended to the store (on its notice, and again
    /// and again while it does not answer) and tells the
    /// subscribers when anything changed.
    private func lookAtStore() {
        let reasonBefore = workspace.readOnlyReason
        do {
            let arrived = try workspace.refresh()
            if outage.answered() {
                logger.info("\(workspace.logLocation) answers again; writes are taken")
                notifySubscribers()
            } else if arrived > 0 || workspace.readOnlyReason != reasonBefore {
                notifySubscribers()
            }
        } catch {
            storeFailed(error)
        }
    }

    /// The store did not answer: say so (once), and look again after a pause.
    private func storeFailed(_ error: WorkspaceError) {
        if outage.failed(error) {
            logger.error("\(error.description); writes are refused, trying again")
            notifySubscribers()
        }
        guard !lookScheduled else { return }
        lookScheduled = true
        queue.asyncAfter(deadline: .now() + outage.pause) { [self] in
            lookScheduled = false
            if outage.failure != nil { lookAtStore() }
        }
    }

    private func notifySubscribers() {
        let count = workspace.state.eventCount
        for push in subscribers.values { push(.ready(.changed(eventCount: count))) }
    }
}
