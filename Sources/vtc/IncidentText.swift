import VTCModel
import VTCTexts
import TerminalKit
import VTCStore

/// An incident as readable text for `vtc show`, in the user's language.
struct IncidentText {
    let texts: Texts
    let policy: Policy

    var zone: Zone { policy.zone }

    func time(_ t: Timestamp) -> String {
        let l = zone.local(t)
        return l.date.iso + " " + pad(l.hour) + ":" + pad(l.minute)
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    func render(_ r: IncidentRecord, history events: [Event], at now: Timestamp) -> String {
        let f = r.facts
        var lines = ["\(texts[.incident]) \(r.id.lowercasedString)"]
        if let w = r.withdrawal {
            lines += Output.hanging("\(time(w.at)), \(Output.safe(w.by)): \(Output.safe(w.reason))",
                                    first: texts[.withdrawn] + ": ", indent: "  ")
        }
        var fields: [(String, String)] = [(texts[.registrant], "\(Output.safe(r.registrant)), \(time(r.registeredAt))")]
        for field in RegistrationField.allCases where field != .description {
            fields.append((texts.label(field), value(field, of: f)))
        }
        fields.append((texts[.acknowledged], r.acknowledgement.map {
            "\(time($0.at)), \(Output.safe($0.by))" + ($0.note.map { ": " + Output.safe($0) } ?? "")
        } ?? texts[.notAcknowledged]))
        let width = fields.map(\.0.count).max() ?? 0
        for (label, value) in fields {
            lines += Output.hanging(value, first: label + String(repeating: " ", count: width - label.count + 2),
                                    indent: String(repeating: " ", count: width + 2))
        }
        lines.append("")
        lines.append(texts.label(RegistrationField.description) + ":")
        lines += Output.safe(f.description, multiLine: true).split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { Output.wrap($0, width: Output.terminalWidth.map { $0 - 2 }) }.map { "  " + $0 }
        lines.append("")
        lines.append(texts[.followUp] + ":")
        var table = PlainTable([texts[.followUp], texts[.due], texts[.status], texts.commandLine(.recorded)], flexible: [0, 3])
        table.maximumWidth = 60
        for item in r.followUps {
            let outcome = item.outcome.map { o in
                time(o.record.on) + ", " + o.by + (o.record.note.map { ": " + $0 } ?? "")
            } ?? ""
            table.add([texts.label(item.kind), time(item.due), texts.label(item.status(at: now)), outcome])
        }
        lines += table.render(width: Output.terminalWidth.map { $0 - 2 }).split(separator: "\n").map { "  " + $0 }
        if !r.notes.isEmpty || !r.amgDiscussions.isEmpty {
            lines.append("")
            lines.append(texts[.notes] + ":")
            for note in r.notes {
                lines += Output.hanging("\(time(note.at)) \(Output.safe(note.by)): \(Output.safe(note.text, multiLine: true))",
                                        first: "  ", indent: "    ")
            }
            for discussion in r.amgDiscussions {
                lines += Output.hanging("\(discussion.date.iso) AMG, \(Output.safe(discussion.by)): "
                                        + Output.safe(discussion.summary, multiLine: true), first: "  ", indent: "    ")
            }
        }
        lines.append("")
        lines.append(texts.commandLine(.history) + ":")
        var history = PlainTable(["", "", ""], flexible: [2])
        history.maximumWidth = 80
        for event in events { history.add([time(event.at), event.actor, texts.describe(event.payload)]) }
        // The first line is the empty header row; kept by the split so that dropping it drops nothing else.
        lines += history.render(width: Output.terminalWidth.map { $0 - 2 }).split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst().map { "  " + $0 }
        return lines.joined(separator: "\n")
    }

    private func value(_ field: RegistrationField, of f: Registration) -> String {
        switch field {
        case .occurredAt: return time(f.occurredAt)
        case .kind: return texts.label(f.kind)
        case .severity: return texts.label(f.severity) + " – " + texts.wording(policy.wording(of: f.severity))
        case .involvement: return texts.label(f.involvement)
        case .counterpart: return texts.label(f.counterpart)
        case .injury: return texts.label(f.injury)
        default:
            switch f.value(of: field) {
            case .null: return "–"
            case .bool(let b): return b ? texts[.yes] : texts[.no]
            case .int(let n): return String(n)
            case .string(let s): return Output.safe(s)
            }
        }
    }
}
