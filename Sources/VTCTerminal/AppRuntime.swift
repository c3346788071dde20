import Foundation
import VTCModel
import VTCTexts
import VTCStore
import TerminalKit

/// The application's world when it runs: a workspace, for appends, drafts,
/// exports, and the poll that brings in what other processes wrote.
public final class AppRuntime: AppWorld {
    public let workspace: any OpenedWorkspace
    private var checkingSkippedLines = false

    public init(workspace: any OpenedWorkspace) {
        self.workspace = workspace
    }

    /// The state the application starts in: home, with the user's drafts
    /// offered on top of it when there are any.
    public func initialState(language: Language, size: TerminalSize) -> AppState {
        let texts = Texts(language)
        let context = AppContext(state: workspace.state, server: workspace.screenQueries, history: workspace.history,
                                 user: workspace.access, roster: workspace.roster, texts: texts, now: workspace.now,
                                 banners: banners(texts), isReadOnly: workspace.isReadOnly, logHead: workspace.head?.short)
        var stack: [any Screen] = [HomeScreen(context)]
        var status: StatusLine?
        do {
            let listing = try workspace.listDrafts()
            if !listing.drafts.isEmpty { stack.append(DraftsScreen(listing.drafts)) }
            if let unreadable = listing.unreadable.first { status = StatusLine(unreadable, isError: true) }
        } catch {
            status = StatusLine(error.description, isError: true)
        }
        return AppState(context: context, stack: stack, size: size, status: status)
    }

    public func perform(_ effect: AppEffect, _ state: inout AppState) -> LoopControl {
        var world = self
        return AppShell.perform(effect, &state, world: &world)
    }

    /// Reads new events and the clock; the screens are refreshed when events
    /// arrived, the log turned read-only or the minute changed, and are left untouched otherwise.
    ///
    /// The first poll (the first moment without a key, after the first screen
    /// is drawn) starts checking, in the background, the log lines a
    /// checkpoint let opening skip: damage there turns the log read-only at a
    /// later poll, with its banner.
    public func poll(_ state: inout AppState) {
        if !checkingSkippedLines {
            checkingSkippedLines = true
            workspace.checkSkippedLinesInBackground()
        }
        let before = state.context.now
        var arrived = 0
        do {
            arrived = try workspace.refresh()
        } catch {
            state.status = StatusLine(state.context.texts.message(.logReadFailed(error.description)), isError: true)
        }
        let now = workspace.now
        state.context.now = now
        if arrived > 0 || workspace.isReadOnly != state.context.isReadOnly || now.epochSeconds / 60 != before.epochSeconds / 60 {
            synchronize(&state)
        }
    }

    public func write(_ write: StoreWrite, _ state: inout AppState) -> WriteOutcome {
        let texts = state.context.texts
        do {
            switch write {
            case .append(let payloads):
                try workspace.append(payloads)
                state.context.now = workspace.now
                synchronize(&state)
            case .saveDraft(let id, let fields):
                try workspace.saveDraft(id: id, fields: fields)
            case .discardDraft(let id):
                try workspace.deleteDraft(id: id)
            case .exportWeek(let week, let units, let at):
                guard let document = try workspace.weekDocument(week, units: units, at: at, language: texts.language) else {
                    return .failed(StatusLine(texts[.noReadableUnits], isError: true))
                }
                let path = try workspace.export(fileName: WeekReportMarkdown.fileName(for: week, texts: texts), contents: document)
                return .done(StatusLine(texts.message(.exported(path: path))))
            }
            return .done
        } catch {
            return .failed(StatusLine(texts.message(.notSaved(error.description)), isError: true))
        }
    }

    /// Brings the context up to date with the workspace and refreshes every open screen.
    private func synchronize(_ state: inout AppState) {
        state.context.state = workspace.state
        state.context.isReadOnly = workspace.isReadOnly
        state.context.logHead = workspace.head?.short
        state.context.banners = banners(state.context.texts)
        state.refreshScreens()
    }

    /// The lines that stay on screen. When the log is read-only its banner
    /// comes first, and the frame draws the first banner in reverse then.
    func banners(_ texts: Texts) -> [String] {
        var lines: [String] = []
        if let reason = workspace.readOnlyReason { lines.append(texts[.readOnlyBanner] + " " + reason) }
        if workspace.roster.isSingleUser, let unit = workspace.roster.units.first {
            lines.append(texts.message(.singleUserBanner(unit: unit)))
        }
        return lines + workspace.notices
    }
}

