import Foundation
import VTCModel
import VTCCodec
import VTCTexts
import TerminalKit

/// Everything a screen reads to decide and to draw: the screens' questions
/// (`queries`), the projected state (and where to read its incidents'
/// history), who is looking, in which language, and at what time.
public struct AppContext: Sendable {
    /// The projected state: embedded, the folder's; in a client of `vtc serve`, the part of the user's view
    /// with no incidents (the policy and the event count), since the screens ask `queries`.
    public var state: VTCState {
        didSet { if state.eventCount != oldValue.eventCount { listCache = ListCache() } }
    }
    public var policy: Policy { state.policy }
    /// The events applied to the state: what a screen's cached results were computed from.
    public var eventCount: Int { state.eventCount }
    /// The screens' questions: asked of the server in a client of `vtc serve`, else answered from `state`.
    public var queries: any ScreenQueries {
        server ?? StateQueries(state: state, user: user, roster: roster, cache: listCache, queues: followUpQueues)
    }
    private let server: (any ScreenQueries)?
    /// The list's index of `state`, kept between keys while the state takes no events.
    private var listCache = ListCache()
    /// The follow-up queue, kept while the state takes no events and "now" is the queue screen's.
    private let followUpQueues = FollowUpQueueCache()
    public var history: HistoryReader
    public var user: UserAccess
    public var roster: Roster
    public var texts: Texts
    public var now: Timestamp
    /// Lines that stay on screen: single-user mode, a read-only (damaged) log, a repaired tail.
    public var banners: [String]
    /// True when the log is damaged and every write is refused.
    public var isReadOnly: Bool
    /// The log's head in its short form (`Checkpoint.short`), which the week report ends with.
    public var logHead: String?

    /// `server` answers the screens' questions when the state is not the user's whole view (a client of `vtc serve`).
    public init(state: VTCState, server: (any ScreenQueries)? = nil, history: HistoryReader, user: UserAccess, roster: Roster,
                texts: Texts, now: Timestamp, banners: [String] = [], isReadOnly: Bool = false, logHead: String? = nil) {
        self.state = state
        self.server = server
        self.history = history
        self.user = user
        self.roster = roster
        self.texts = texts
        self.now = now
        self.banners = banners
        self.isReadOnly = isReadOnly
        self.logHead = logHead
    }

    public func may(_ request: AccessRequest) -> Bool { Access.check(user, request).isAllowed }
}

/// The screens that can be opened by name (from home, by their single keys).
public enum ScreenID: Sendable, Hashable {
    case home
    case register
    case list
    case followUpQueue
    case week
    case statistics
}

/// What a screen asks the application to do after a key.
public indirect enum ScreenRequest: Sendable {
    /// Close this screen and return to the one below it.
    case back
    case open(ScreenID)
    case push(any Screen)
    case replace(any Screen)
    /// Append the events for these payloads as one durable batch, written by
    /// the acting user now. On success the application applies them to the
    /// state, refreshes every open screen and then carries out `then`; on
    /// failure it shows the error in one line and the screen stays as it is.
    case append([EventPayload], then: ScreenRequest?)
    /// Keep the register form's fields as the user's draft (written durably).
    case saveDraft(id: UUID, fields: JSONValue)
    /// Forget a draft: the user discarded it, or its registration is durable.
    case discardDraft(id: UUID)
    /// Write the AMG's week of the units, taken at `at`, as its Markdown document (`OpenedWorkspace.weekDocument`:
    /// through a server, made there) to a file in the data folder's `exports/`; the path written is shown.
    case exportWeek(ISOWeek, units: [String], at: Timestamp)
    /// A short message on the status line.
    case status(String)
    case quit
    /// Carries out the requests in order, stopping at the first that fails
    /// (keep the draft, then close; delete the draft, then show the saved screen).
    case sequence([ScreenRequest])
}

/// One screen: its state, how keys change it, and how it draws itself into
/// the area between the title bar and the status and help lines.
public protocol Screen: Sendable {
    func title(_ context: AppContext) -> String
    /// The keys of this screen, for the help line (most important first by priority).
    func helpEntries(_ context: AppContext) -> [HelpEntry]
    mutating func handle(_ key: Key, _ context: AppContext) -> ScreenRequest?
    func render(_ context: AppContext, into buffer: inout CellBuffer, area: Rect) -> CursorPosition?
    /// The state changed (an append by this user or another process, or the
    /// clock moved on): recompute what the screen caches, keeping the user's
    /// place, selection and typed text.
    mutating func refresh(_ context: AppContext)
}

