import Foundation
import Glibc
import VTCCodec
import VTCModel
import VTCProtocol
import VTCStore

/// The data folder as `vtc serve` shows it to this user: the user's view of
/// the state (only what they may see, follow-up derived by the server from
/// everything), the history and events of what they may see on request, and
/// appends that the server checks and stamps. Drafts and exports stay in the
/// user's own folder, so the server never holds unfinished text.
public final class ServerWorkspace: OpenedWorkspace {
    public private(set) var user: String
    public private(set) var access: UserAccess
    public private(set) var roster: Roster
    public private(set) var rosterPath: String
    /// The user's view, fetched again after a write only when it is next looked at: a command
    /// that writes and ends (`vtc register`) does not wait for a view it never reads.
    public var state: VTCState {
        if viewIsStale {
            viewIsStale = false
            try? reload()
        }
        return view
    }
    private var view: VTCState
    private var viewIsStale = false
    /// What part of the user's view this workspace asks for.
    private var scope: ViewScope
    public private(set) var readOnlyReason: String?
    public private(set) var damage: LogProblem?
    public private(set) var head: Checkpoint?
    public let notices: [String] = []
    /// The user's own folder for drafts and exports (`$XDG_STATE_HOME/vtc`),
    /// or why there is none: only drafts and exports need it.
    public let ownFolder: Result<DataFolder, WorkspaceError>
    private let socketPath: String
    private let link: ServerLink
    private var subscribed = false
    /// The screens' questions, asked of the server over this workspace's connection.
    public let queries: ServerQueries

    /// Connects to the server at `socketPath` and fetches the part of the user's view that `scope` names.
    public init(socketPath: String, ownFolder: Result<DataFolder, WorkspaceError>, scope: ViewScope = .everything)
        throws(WorkspaceError) {
        self.socketPath = socketPath
        self.ownFolder = ownFolder
        self.scope = scope
        link = ServerLink(try ServerConnection(socketPath: socketPath))
        (user, access, roster, rosterPath, view, readOnlyReason, damage, head) = try ServerWorkspace.fetchView(link.connection, scope)
        queries = ServerQueries(link, policy: view.policy)
    }

    /// The folder for a user's drafts and exports: `$XDG_STATE_HOME/vtc`, else `~/.local/state/vtc`.
    public static func ownFolder(environment: [String: String]) -> Result<DataFolder, WorkspaceError> {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return .success(DataFolder(path: state + "/vtc")) }
        if let home = environment["HOME"], !home.isEmpty { return .success(DataFolder(path: home + "/.local/state/vtc")) }
        return .failure(.log(.noDataFolder("set XDG_STATE_HOME or HOME for your drafts")))
    }

    private static func fetchView(_ connection: ServerConnection, _ scope: ViewScope) throws(WorkspaceError)
        -> (String, UserAccess, Roster, String, VTCState, String?, LogProblem?, Checkpoint?) {
        try connection.view(scope) { view, reader throws(WorkspaceError) in try restore(view, &reader, connection) }
    }

    /// The state and what comes with it from a view whose snapshot `reader` reads.
    private static func restore(_ view: ServerView, _ reader: inout BinaryReader, _ connection: ServerConnection)
        throws(WorkspaceError) -> (String, UserAccess, Roster, String, VTCState, String?, LogProblem?, Checkpoint?) {
        let policy: Policy
        do { policy = view.policy.isNull ? .default : try PolicyFile.parse(JSONWriter.encode(view.policy)) } catch {
            throw unreadable(connection, "its policy: \(error)")
        }
        let roster: Roster
        do { roster = try RosterFile.parse(JSONWriter.encode(view.roster)) } catch {
            throw unreadable(connection, "its roster")
        }
        guard let access = roster.access(for: view.user) else {
            throw .notInRoster(user: view.user, rosterPath: view.rosterPath)
        }
        let state: VTCState
        do { state = try VTCState(snapshot: &reader, policy: policy) } catch { throw unreadable(connection, "its state \(error)") }
        guard reader.isAtEnd() else { throw unreadable(connection, "its state is followed by more") }
        return (view.user, access, roster, view.rosterPath, state, view.readOnlyReason, view.damage, view.head)
    }

    private static func unreadable(_ connection: ServerConnection, _ what: String) -> WorkspaceError {
        .log(.invalidFile(path: connection.socketPath, reason: "the server sent a view this vtc cannot read: \(what)"))
    }

    public var history: HistoryReader {
        HistoryReader { [link] positions in
            guard case .events(let events)? = try? link.connection.exchange(.history(positions: positions)) else { return nil }
            return events.map(\.event)
        }
    }

    public var screenQueries: (any ScreenQueries)? { queries }
    public var policy: Policy { view.policy }
    public var now: Timestamp { SystemCalls.live.now().expressed(in: policy.zone) }
    public var isReadOnly: Bool { readOnlyReason != nil }
    /// A refresh with no news is one read that finds nothing: often enough
    /// that what the server pushes shows within a fraction of a second.
    public var refreshMilliseconds: Int { 100 }

    /// Takes the server's news; when the log grew, fetches the view again.
    /// A connection that broke (the server restarted) is made again.
    @discardableResult
    public func refresh() throws(WorkspaceError) -> Int {
        var changes: Int
        do {
            changes = 0
            if !subscribed {
                // What was written between the view and the subscription comes only with this answer.
                if try link.connection.subscribe() != view.eventCount { changes = 1 }
                subscribed = true
            }
            changes += try link.connection.takeChanges()
        } catch {
            subscribed = false
            link.connection = try ServerConnection(socketPath: socketPath)
            changes = 1
        }
        guard changes > 0 else { return 0 }
        let before = view.eventCount
        try reload()
        return max(view.eventCount - before, 0)
    }

    private func reload() throws(WorkspaceError) {
        (user, access, roster, rosterPath, view, readOnlyReason, damage, head) = try ServerWorkspace.fetchView(link.connection, scope)
        viewIsStale = false
        queries.forget(policy: view.policy)
    }

    public func narrowView(to scope: ViewScope) throws(WorkspaceError) {
        self.scope = scope
        try reload()
    }

    public func incidentRows(_ query: IncidentQuery, at now: Timestamp) throws(WorkspaceError) -> [IncidentRow] {
        guard case .rows(let rows) = try link.connection.exchange(.listRows(query, at: now)) else {
            throw ServerWorkspace.unreadable(link.connection, "no rows")
        }
        return rows
    }

    /// The server makes the document; its bytes are read into one array, and no report is restored here.
    public func weekDocument(_ week: ISOWeek, units: [String], at now: Timestamp, language: Language) throws(WorkspaceError) -> [UInt8]? {
        let request = Request.weekDocument(week, units: units, at: now, language: language)
        guard case .weekDocument(let document) = try link.connection.exchange(request, bulkyReply: "week_document") else {
            throw ServerWorkspace.unreadable(link.connection, "no week's document")
        }
        return document
    }

    @discardableResult
    public func append(_ payloads: [EventPayload]) throws(WorkspaceError) -> [Event] {
        guard case .appended(let events) = try link.connection.exchange(.append(payloads)) else {
            throw ServerWorkspace.unreadable(link.connection, "no acknowledgement")
        }
        viewIsStale = true
        queries.forget(policy: view.policy)
        return events
    }

    public func loggedEvents() throws(WorkspaceError) -> [LoggedEvent] {
        guard case .events(let events) = try link.connection.exchange(.events) else {
            throw ServerWorkspace.unreadable(link.connection, "no events")
        }
        return events
    }

    /// Nothing to check here: the server read every line of its log.
    public func checkSkippedLinesInBackground() {}

    // MARK: - Drafts and exports, in the user's own folder

    private var drafts: DraftStore {
        get throws(WorkspaceError) { DraftStore(folder: try ownFolder.get()) }
    }

    public func saveDraft(id: UUID, fields: JSONValue) throws(WorkspaceError) {
        let drafts = try drafts
        do { try drafts.save(Draft(user: user, id: id, updatedAt: now, fields: fields)) } catch { throw .log(error) }
    }

    public func listDrafts() throws(WorkspaceError) -> DraftListing {
        let drafts = try drafts
        do { return try drafts.list(user: user) } catch { throw .log(error) }
    }

    public func loadDraft(id: UUID) throws(WorkspaceError) -> Draft? {
        let drafts = try drafts
        do { return try drafts.load(user: user, id: id) } catch { throw .log(error) }
    }

    public func deleteDraft(id: UUID) throws(WorkspaceError) {
        let drafts = try drafts
        guard FileManager.default.fileExists(atPath: drafts.folderPath) else { return }
        do { try drafts.delete(user: user, id: id) } catch { throw .log(error) }
    }

    public func export(fileName: String, contents: [UInt8]) throws(WorkspaceError) -> String {
        try Workspace.export(fileName: fileName, contents: contents, in: try ownFolder.get(), system: .live)
    }
}
