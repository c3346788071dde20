import Foundation
import VTCCodec
import VTCModel
import VTCTexts

/// What the command line and the terminal UI need of a data folder once it
/// is open: who acts, what they may see, the one way to append, drafts and
/// exports. `Workspace` opens the folder itself (embedded mode); a client of
/// `vtc serve` reaches it through the server and is given only what its
/// user may see.
public protocol OpenedWorkspace: AnyObject {
    /// The acting user: the operating-system user (there is no way to act as someone else).
    var user: String { get }
    var access: UserAccess { get }
    var roster: Roster { get }
    /// Where the roster in force is read from, for messages.
    var rosterPath: String { get }
    var state: VTCState { get }
    /// Messages to show once.
    var notices: [String] { get }
    var history: HistoryReader { get }
    var policy: Policy { get }
    /// Now, in the policy's zone.
    var now: Timestamp { get }
    var isReadOnly: Bool { get }
    /// How often a program that stays open calls `refresh()` while no key comes.
    var refreshMilliseconds: Int { get }
    var damage: LogProblem? { get }
    /// The log's head (`seq` and SHA-256 of its last line), for witnesses kept outside the folder;
    /// nil when it is not known here.
    var head: Checkpoint? { get }
    var readOnlyReason: String? { get }
    /// Where the terminal UI's screens ask their questions when it is not the state held here: the server.
    var screenQueries: (any ScreenQueries)? { get }

    /// Brings in what others wrote since the last look; returns how many events arrived.
    @discardableResult
    func refresh() throws(WorkspaceError) -> Int
    /// Appends one event per payload, written by the acting user now, as one durable batch; all or nothing.
    @discardableResult
    func append(_ payloads: [EventPayload]) throws(WorkspaceError) -> [Event]
    /// The events of the log this user may see, with their sequence numbers.
    func loggedEvents() throws(WorkspaceError) -> [LoggedEvent]
    /// For a program that stays open: starts whatever checking can wait until after the first screen.
    func checkSkippedLinesInBackground()
    /// From now on `state` needs to hold only what `scope` names of the user's view: a command that reads
    /// one incident, or one query's incidents, says so, and a server sends only that.
    func narrowView(to scope: ViewScope) throws(WorkspaceError)
    /// `vtc list`'s table rows of the incidents `query` selects at `now` (`IncidentQuery.rows`), whatever the
    /// view holds: a server sends the rows, not the records.
    func incidentRows(_ query: IncidentQuery, at now: Timestamp) throws(WorkspaceError) -> [IncidentRow]
    /// The AMG's week of the units at `now` as the Markdown document the week screen exports and `vtc week --format
    /// markdown` prints, in `language`, ending with the log's head (`WeekReportMarkdown.document`): made where the whole
    /// report is, so that a server sends the document's bytes, not the report. nil when the user may not read one of
    /// the units.
    func weekDocument(_ week: ISOWeek, units: [String], at now: Timestamp, language: Language) throws(WorkspaceError) -> [UInt8]?

    func saveDraft(id: UUID, fields: JSONValue) throws(WorkspaceError)
    func listDrafts() throws(WorkspaceError) -> DraftListing
    func loadDraft(id: UUID) throws(WorkspaceError) -> Draft?
    func deleteDraft(id: UUID) throws(WorkspaceError)
    func export(fileName: String, contents: [UInt8]) throws(WorkspaceError) -> String
}

extension Workspace: OpenedWorkspace {
    public var rosterPath: String { folder.rosterPath }
    /// Each refresh reads the log file for what others appended.
    public var refreshMilliseconds: Int { 500 }
    /// The whole state is here already, read from the folder.
    public func narrowView(to scope: ViewScope) {}
    public func incidentRows(_ query: IncidentQuery, at now: Timestamp) -> [IncidentRow] {
        query.rows(on: state, for: access, at: now)
    }
    public func weekDocument(_ week: ISOWeek, units: [String], at now: Timestamp, language: Language) -> [UInt8]? {
        WeekReportMarkdown.document(week, units: units, state: state, user: access, at: now, texts: Texts(language), head: head?.short)
    }
    /// The screens ask the state held here.
    public var screenQueries: (any ScreenQueries)? { nil }
}

extension LoggedEvent {
    /// An event as a server sent it: its sequence number in the server's log, no offset in any local file.
    package init(seq: Int64, sentEvent event: Event) {
        self.init(seq: seq, event: event, offset: 0)
    }
}
