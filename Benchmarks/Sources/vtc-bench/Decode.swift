import Foundation
import VTCModel
import VTCCodec
import VTCStore

/// `vtc-bench decode [COUNT]`: one thread, the lines of the COUNT-event region
/// log, each stage of reading on its own: SHA-256, the general path
/// (`JSONParser` + `Event(json:)`, the reference) and `FastEventDecoder`;
/// then the whole of `LogVerifier.verify` for comparison.
enum Decode {
    static func run(count: Int) throws {
        let path = try RegionLog.file(events: count)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let lines = data.split(separator: 0x0A).dropFirst().map { Array($0) }
        func time(_ name: String, _ body: ([UInt8]) -> Bool) {
            var best = Double.infinity
            var ok = 0
            for _ in 0..<3 {
                ok = 0
                let started = nanoseconds()
                for line in lines where body(line) { ok += 1 }
                best = min(best, Double(nanoseconds() - started) / 1e9)
            }
            let label = name.padding(toLength: 34, withPad: " ", startingAt: 0)
            print(label + String(format: "%9.0f lines/s  (%d of %d lines; best of 3)", Double(lines.count) / best, ok, lines.count))
        }
        time("SHA-256 (LogFormat.hash, hex)") { line in LogFormat.hash(line).count == 64 }
        time("JSONParser + Event(json:)") { line in (try? Event(json: try JSONParser.parse(line))) != nil }
        time("FastEventDecoder") { line in line.withUnsafeBufferPointer(FastEventDecoder.decodeLine) != nil }
        var best = Double.infinity
        for _ in 0..<3 {
            let started = nanoseconds()
            guard try LogVerifier.verify(fileAt: path).isIntact else { fatalError("the region log does not verify") }
            best = min(best, Double(nanoseconds() - started) / 1e9)
        }
        print("LogVerifier.verify, all cores".padding(toLength: 34, withPad: " ", startingAt: 0)
            + String(format: "%9.0f lines/s  (best of 3)", Double(lines.count + 1) / best))
    }
}
