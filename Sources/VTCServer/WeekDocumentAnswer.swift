import VTCModel
import VTCProtocol
import VTCStore
import VTCTexts

extension ServerCore {
    /// The week's Markdown document for the user (`week_document`): the report over what `Access.check` lets the user
    /// see, rendered in the user's language by the function embedded mode runs (`WeekReportMarkdown.document`), so
    /// that a client is sent the document (18 MB for the AMG of a region) and not the report it is made of (94 MB,
    /// restored as some 150 000 incidents). As the screens' answers, the state and the log's head are taken here, on
    /// the core's queue, and the document is made on the connection's own queue.
    func weekDocumentAnswer(_ week: ISOWeek, units: [String], at: Timestamp, language: Language,
                            for access: UserAccess) -> @Sendable () -> Reply {
        let (state, head, logLocation) = (workspace.state, workspace.head?.short, workspace.logLocation)
        return {
            let document = WeekReportMarkdown.document(week, units: units, state: state, user: access, at: at,
                                                       texts: Texts(language), head: head)
            // A client refuses a longer frame; a week's document is some 100 bytes an item, a region's 18 MB.
            if let document, document.count > ProtocolLimits.maximumReplyBytes - 64 {
                return .failure(.log(.invalidFile(path: logLocation, reason: "the week's document is \(document.count) bytes, "
                                                  + "more than a reply may hold (\(ProtocolLimits.maximumReplyBytes))")))
            }
            return .weekDocument(document)
        }
    }
}
