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

/// What the application asks of the world outside its state; the loop
/// carries it out with the workspace (`AppRuntime`).
public enum AppEffect: Sendable {
    /// Requests that write to the data folder or end the program, with what
    /// follows them; carried out in order until one fails.
    case carryOut([ScreenRequest])
    /// The poll interval passed: read what other processes appended, and the clock.
    case poll
}
