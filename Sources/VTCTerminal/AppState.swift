import Foundation
import VTCModel
import VTCCodec
import TerminalKit

/// Everything the terminal application shows: what screens read (the
/// context), the open screens (home at the bottom), the status line, the
/// terminal size and whether the key overlay is open.
public struct AppState: Sendable {
    public var context: AppContext
    /// Never empty; the last is the screen on top.
    public var stack: [any Screen]
    public var status: StatusLine?
    public var size: TerminalSize
    /// Below this size the frame shows only a request to enlarge the window, and keys wait.
    public var minimumSize = AppShell.minimumSize
    public var showsKeys: Bool
    /// The screens as they were before the key that asked for a write, put
    /// back if the write fails so that nothing the user typed is lost.
    var screensBeforeWrite: [any Screen]?

    public init(context: AppContext, stack: [any Screen], size: TerminalSize, status: StatusLine? = nil) {
        precondition(!stack.isEmpty, "the application needs a screen to show")
        self.context = context
        self.stack = stack
        self.size = size
        self.status = status
        showsKeys = false
    }

    public var top: any Screen { stack[stack.count - 1] }

    func isTooSmall(_ size: TerminalSize) -> Bool {
        size.width < minimumSize.width || size.height < minimumSize.height
    }

    /// Tells every open screen the terminal's size (screens size their pages by it).
    mutating func resizeScreens() {
        for index in stack.indices { _ = stack[index].handle(.resize(size), context) }
    }

    /// Tells every open screen that the context changed, keeping their places.
    mutating func refreshScreens() {
        for index in stack.indices { stack[index].refresh(context) }
    }
}

/// One line of news for the user; errors stand out.
public struct StatusLine: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// What the application asks of the world outside its state, as values:
/// `AppShell` decides them purely, and an `AppWorld` performs each once.
public enum AppEffect: Sendable {
    /// Write to the data folder, then carry out `then`; on failure the screens
    /// are put back as they were before the key and `then` is dropped.
    case write(StoreWrite, then: [ScreenRequest])
    /// The poll interval passed: read what other processes appended, and the clock.
    case poll
    case quit
}

/// One write to the data folder.
public enum StoreWrite: Sendable {
    /// The events for these payloads as one durable batch, by the acting user now.
    case append([EventPayload])
    case saveDraft(id: UUID, fields: JSONValue)
    case discardDraft(id: UUID)
    /// The week's document, made by the workspace (a server makes it there), written to `exports/`.
    case exportWeek(ISOWeek, units: [String], at: Timestamp)
}

/// How a write went: what the status line says afterwards, and whether what followed it goes on.
public struct WriteOutcome: Sendable {
    public var succeeded: Bool
    public var status: StatusLine?

    public static let done = WriteOutcome(succeeded: true, status: nil)
    public static func done(_ status: StatusLine) -> WriteOutcome { WriteOutcome(succeeded: true, status: status) }
    public static func failed(_ status: StatusLine) -> WriteOutcome { WriteOutcome(succeeded: false, status: status) }
}

/// What performs the application's effects: the data folder (`AppRuntime`),
/// or a recording stand-in in tests. The shell decides; the world only does.
public protocol AppWorld {
    /// Carries out one write; on success the world brings `state.context` up to date with what it wrote.
    mutating func write(_ write: StoreWrite, _ state: inout AppState) -> WriteOutcome
    /// Reads what others appended and the clock into `state`.
    mutating func poll(_ state: inout AppState)
}
