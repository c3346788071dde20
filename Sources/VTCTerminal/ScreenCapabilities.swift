import Foundation

/// A screen that, at times, takes every typed key for itself: a form, or a
/// search field being typed in. While `capturesTypedKeys` is true the shell
/// leaves `q`, `?` and Esc to the screen (F1 and Ctrl-C stay the shell's).
public protocol CapturesTypedKeys {
    var capturesTypedKeys: Bool { get }
}

/// A screen holding typed work that is not yet in the log. When the program
/// is interrupted (SIGHUP, SIGTERM, Ctrl-C) the shell carries out the
/// screen's `draftToKeep` before it ends.
public protocol KeepsDraft {
    /// `.saveDraft` with the current fields, or nil when nothing was typed.
    func draftToKeep(_ context: AppContext) -> ScreenRequest?
}
