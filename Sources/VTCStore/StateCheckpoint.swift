import Crypto
import Foundation
import Glibc
import VTCModel
import VTCCodec

/// The file `state.checkpoint` in the data folder: the projected state as it
/// was after one line of the log, so that opening replays only the lines
/// after it. It is derived data, never the source of truth: it is used only
/// when it was made by this very program under this very policy, when the
/// log still holds the exact line it names (log id, `seq`, hash) and when its
/// own SHA-256 matches; otherwise it is ignored and made again from the log.
/// Deleting it is always safe.
///
/// Layout: a magic line, then `BinaryWriter` values — what it was made
/// under, the log position, the state snapshot, the start of every event's
/// line — then the SHA-256 of all bytes before it (32 bytes).
struct StateCheckpoint {
    static let magic = Array("vtc state checkpoint\n".utf8)
    static let fileFormat: UInt64 = 1

    /// What a checkpoint must have been made under to be used.
    struct Origin: Equatable {
        /// The program file that made it (a rebuilt or upgraded program may project differently).
        var program: String
        /// The SHA-256 of `policy.json`, or "default".
        var policy: String
    }

    /// What restoring gives: the state and where each of its events' lines starts.
    struct Restored {
        var state: VTCState
        var lineStarts: [Int64]
        var position: LogPosition
    }

    /// Writes the checkpoint to a temporary file and renames it into place,
    /// so readers see the old one or the new one, never half of one. Not
    /// synced: a checkpoint lost or cut short by a crash fails its hash and is made again.
    static func write(_ state: VTCState, lineStarts: [Int64], position: LogPosition, origin: Origin,
                      to path: String) throws(LogError) {
        try AtomicFile(path: path, mode: 0o640, system: .live).replace(durable: false, failure: "write") { write in
            var hasher = SHA256()
            let put = { (bytes: [UInt8]) in
                hasher.update(data: bytes)
                write(bytes)
            }
            put(magic)
            var writer = BinaryWriter(sink: put)
            writer.unsigned(fileFormat)
            writer.string(origin.program)
            writer.string(origin.policy)
            writer.uuid(position.logID)
            writer.signed(position.seq)
            writer.signed(position.offset)
            writer.count(position.length)
            for k in 0..<32 { writer.byte(position.digest[k]) }
            state.writeSnapshot(to: &writer)
            var previous: Int64 = 0
            writer.array(lineStarts) { w, start in
                w.signed(start - previous)
                previous = start
            }
            writer.finish()
            write(Array(hasher.finalize()))
        }
    }

    /// The checkpoint at `path` if it exists, is whole, and was made under `origin`.
    /// The log must then confirm `position` before `restore` is worth its time.
    final class Candidate {
        let position: LogPosition
        private var reader: BinaryReader
        private let source: Source

        fileprivate init(position: LogPosition, reader: BinaryReader, source: Source) {
            self.position = position
            self.reader = reader
            self.source = source
        }

        /// The state and line starts, or nil when the bytes do not hold together.
        func restore(policy: Policy) -> Restored? {
            guard let state = try? VTCState(snapshot: &reader, policy: policy) else { return nil }
            var previous: Int64 = 0
            guard let starts = try? reader.array({ r throws(BinaryReader.Malformed) -> Int64 in
                previous += try r.signed()
                return previous
            }) else { return nil }
            guard reader.isAtEnd(), source.isIntact, state.eventCount == starts.count,
                  Int64(state.eventCount) == position.seq - 1 else { return nil }
            return Restored(state: state, lineStarts: starts, position: position)
        }
    }

    static func candidate(at path: String, origin: Origin) -> Candidate? {
        guard let source = Source(path: path) else { return nil }
        var reader = BinaryReader(more: source.next)
        do {
            guard try reader.unsigned() == fileFormat,
                  try Origin(program: reader.string(), policy: reader.string()) == origin else { return nil }
            let position = try LogPosition(logID: reader.uuid(), seq: reader.signed(), offset: reader.signed(),
                                           length: reader.count(limit: LogFormat.maximumLineLength),
                                           digest: readDigest(&reader))
            return Candidate(position: position, reader: reader, source: source)
        } catch {
            return nil
        }
    }

    private static func readDigest(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> SIMD32<UInt8> {
        var digest = SIMD32<UInt8>()
        for k in 0..<32 { digest[k] = try reader.byte() }
        return digest
    }

    /// The checkpoint's bytes after the magic line, in blocks, hashed as they
    /// are read; the trailer is held back and compared at the end.
    fileprivate final class Source {
        private let fd: Int32
        private let end: off_t
        private var offset: off_t
        private var hasher = SHA256()
        private let trailer: [UInt8]
        private var failed = false

        init?(path: String) {
            guard let opened = try? SystemCalls.live.openRegularFile(path, O_RDONLY), opened >= 0 else { return nil }
            fd = opened
            var info = stat()
            let size = fstat(fd, &info) == 0 ? info.st_size : 0
            end = size - 32
            offset = off_t(StateCheckpoint.magic.count)
            guard end >= offset, let head = Source.read(fd, count: StateCheckpoint.magic.count, at: 0),
                  head == StateCheckpoint.magic, let tail = Source.read(fd, count: 32, at: end) else {
                _ = Glibc.close(fd)
                return nil
            }
            trailer = tail
            hasher.update(data: head)
        }

        deinit { _ = Glibc.close(fd) }

        /// True when every byte was read and their hash is the trailer.
        var isIntact: Bool { !failed && offset == end && Array(hasher.finalize()) == trailer }

        func next() -> [UInt8]? {
            guard !failed, offset < end else { return nil }
            guard let block = Source.read(fd, count: Int(min(end - offset, 1 << 20)), at: offset) else {
                failed = true
                return nil
            }
            offset += off_t(block.count)
            hasher.update(data: block)
            return block
        }

        private static func read(_ fd: Int32, count: Int, at offset: off_t) -> [UInt8]? {
            switch SystemCalls.live.readBytes(fd, count: count, at: offset) {
            case .success(let bytes) where bytes.count == count: return bytes
            default: return nil
            }
        }
    }
}
