/// A head of the log kept outside the data folder (in the AMG's minutes, a
/// mail, a printout), so that a rewrite of the folder's files is caught later,
/// as a database ledger's digests or Certificate Transparency's tree heads are.
public struct Witness: Hashable, Sendable {
    /// The line and the leading hex digits of its SHA-256 (at least 16).
    public var head: Checkpoint
    /// The file it came from: of each file's heads, only the first the log no longer holds is reported.
    public var file: String
    /// Where it came from, to name it in a report: "head 3 of minutes.txt".
    public var source: String

    public init(head: Checkpoint, file: String, source: String) {
        self.head = head
        self.file = file
        self.source = source
    }

    /// The fewest hex digits of a hash a witness may give: 64 bits.
    public static let shortestHash = 16

    /// Every head written in `text`, in order: each `seq N sha256 HEX` (a comma after N allowed, as
    /// `vtc verify` prints it; HEX of 16 to 64 lowercase digits, as `vtc head` prints 32), wherever it stands
    /// in a line, so that heads copied into minutes with other words around them are found.
    public static func heads(in text: String, file: String) -> [Witness] {
        var found: [Witness] = []
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "`" || $0 == "\r" })
        var i = 0
        while i + 3 < words.count {
            defer { i += 1 }
            guard words[i] == "seq" else { continue }
            var number = words[i + 1]
            if number.last == "," { number = number.dropLast() }
            guard let seq = Int64(number), seq > 0, words[i + 2] == "sha256" else { continue }
            let hash = words[i + 3].prefix { $0.isHexDigit && !$0.isUppercase }
            guard (shortestHash...64).contains(hash.count) else { continue }
            found.append(Witness(head: Checkpoint(seq: seq, hash: String(hash)), file: file, source: "head \(found.count + 1) of \(file)"))
        }
        return found
    }
}

extension Checkpoint {
    /// `seq 1234 sha256 9f86d081884c7d659a2feaa0c55ad015`: the head in a form short enough to copy into
    /// minutes by hand — 128 bits of the hash, far beyond what anyone could forge a line to match.
    public var short: String { "seq \(seq) sha256 \(hash.prefix(32))" }
}
