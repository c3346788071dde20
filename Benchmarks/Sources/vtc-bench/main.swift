// vtc-bench append: durable append latency (p50, p99) of EventLog for 1 writer and for
//                   8 writer processes, beside a bare write + fdatasync of the same bytes.
// vtc-bench load:   lines per second of verify and of opening (reading) a large log.
// vtc-bench scale [COUNT…]: region-sized logs (10 000, 100 000, 1 000 000 events) against orjson:
//                   verify, cold start in a child process, peak memory (see Scale.swift).
// vtc-bench decode [COUNT]: one thread, lines/s of SHA-256, the general decoder and the fast one.
// vtc-bench postgres URI [COUNT] [EVENTS]: durable append into PostgreSQL beside a bare INSERT + COMMIT,
//                   1 and 8 writers; start-up from a table beside a file (see PostgresBench.swift).
// vtc-bench interact [COUNT]: each key on the list screen (handle + render at 80×24), p50 and p99.
import Foundation
import Glibc
import VTCModel
import VTCStore

// As the vtc executable does, so that memory is measured as the program has it.
ProcessMemory.returnLargeFreedBlocks()

let arguments = CommandLine.arguments
let command = arguments.count > 1 ? arguments[1] : "append"

func nanoseconds() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

func sampleEvent(_ i: Int) -> Event {
    let at = Timestamp(epochSeconds: 1_795_000_000 + Int64(i), utcOffsetSeconds: 3600)
    let registration = Registration(
        occurredAt: at, unit: "Bo- og Værested Åbo", location: "fællesstuen", kind: .physicalViolence,
        severity: Severity(rawValue: 1 + i % 5)!, citizenRef: "B-\(i % 40)", injury: .psychological,
        description: "Beboeren råbte og skubbede til mig ved medicinudleveringen; rolig efter ti minutter.",
        firstAid: true, defusingHeld: i % 2 == 0)
    return Event(at: at, actor: "mette", payload: .registered(incident: UUID(), registration))
}

func percentile(_ sorted: [UInt64], _ p: Double) -> Double {
    Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) / 1_000_000
}

func report(_ name: String, _ samples: [UInt64]) {
    let s = samples.sorted()
    print(String(format: "%-34@ n=%5d  p50 %7.3f ms  p99 %7.3f ms", name as NSString, s.count, percentile(s, 0.5), percentile(s, 0.99)))
}

func scratchFolder(_ name: String) -> String {
    // Benchmarks/.data (ignored by git), on the same disk as the project.
    let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = benchmarks.path + "/.data/" + name + "-" + UUID().uuidString.prefix(8)
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Appends `count` events one by one and returns each append's latency.
func appendLatencies(log path: String, count: Int) throws -> [UInt64] {
    let log = try EventLog.open(fileAt: path)
    var samples: [UInt64] = []
    for i in 0..<count {
        let event = sampleEvent(i)
        let start = nanoseconds()
        try log.append(event)
        samples.append(nanoseconds() - start)
    }
    return samples
}

/// A plain write of one line and fdatasync, to a file opened once with O_APPEND.
func bareLatencies(file path: String, line: [UInt8], count: Int) -> [UInt64] {
    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o640)
    defer { close(fd) }
    var samples: [UInt64] = []
    for _ in 0..<count {
        let start = nanoseconds()
        guard write(fd, line, line.count) == line.count, fdatasync(fd) == 0 else { fatalError("bare write failed") }
        samples.append(nanoseconds() - start)
    }
    return samples
}

switch command {
case "append":
    let count = arguments.count > 2 ? Int(arguments[2])! : 1000
    let folder = scratchFolder("append")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let line = LogFormat.eventLine(seq: 2, prev: LogFormat.zeroHash, event: sampleEvent(0)) + [0x0A]
    print("line: \(line.count) bytes; folder: \(folder)")
    // Interleave the two single-writer measurements in rounds so that disk weather affects both alike.
    var bare: [UInt64] = []
    var logged: [UInt64] = []
    let logPath = folder + "/events.jsonl"
    for _ in 0..<10 {
        bare += bareLatencies(file: folder + "/bare", line: line, count: count / 10)
        logged += try appendLatencies(log: logPath, count: count / 10)
    }
    report("bare write+fdatasync, 1 writer", bare)
    report("EventLog.append, 1 writer", logged)
    let p50Ratio = percentile(logged.sorted(), 0.5) / percentile(bare.sorted(), 0.5)
    print(String(format: "ratio p50 append/bare: %.2f", p50Ratio))

    let perWriter = max(1, count / 8)
    let writers = try (0..<8).map { _ -> (Process, Pipe) in
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        p.arguments = ["child-append", logPath, String(perWriter)]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        return (p, pipe)
    }
    var concurrent: [UInt64] = []
    for (p, pipe) in writers {
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        concurrent += text.split(separator: "\n").compactMap { UInt64($0) }
    }
    report("EventLog.append, 8 writer processes", concurrent)
    let verdict = try LogVerifier.verify(fileAt: logPath)
    print("log after the run: \(verdict.summary)")

case "postgres":
    try PostgresBench.run(uri: arguments[2], count: arguments.count > 3 ? Int(arguments[3])! : 1000,
                          events: arguments.count > 4 ? Int(arguments[4])! : 100_000)

case "child-append":
    for sample in try appendLatencies(log: arguments[2], count: Int(arguments[3])!) { print(sample) }

case "load":
    let count = arguments.count > 2 ? Int(arguments[2])! : 1_000_000
    let folder = scratchFolder("load")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let log = try EventLog.open(fileAt: folder + "/events.jsonl")
    var written = 0
    while written < count {
        let batch = min(20_000, count - written)
        try log.append(contentsOf: (written..<(written + batch)).map(sampleEvent))
        written += batch
    }
    var start = nanoseconds()
    let report = try LogVerifier.verify(fileAt: folder + "/events.jsonl")
    var seconds = Double(nanoseconds() - start) / 1e9
    print(String(format: "verify: %d lines in %.2f s = %.0f lines/s (%@)", report.lines, seconds, Double(report.lines) / seconds, report.summary))
    start = nanoseconds()
    let events = try EventLog.open(fileAt: folder + "/events.jsonl").readNew()
    seconds = Double(nanoseconds() - start) / 1e9
    print(String(format: "open + read: %d events in %.2f s = %.0f events/s", events.count, seconds, Double(events.count) / seconds))

case "scale":
    let counts = arguments.count > 2 ? arguments[2...].map { Int($0)! } : [10_000, 100_000, 1_000_000]
    try Scale.run(counts: counts)

case "decode":
    try Decode.run(count: arguments.count > 2 ? Int(arguments[2])! : 100_000)

case "interact":
    try Interaction.run(count: arguments.count > 2 ? Int(arguments[2])! : 1_000_000)

case "coldstart":
    try ColdStartChild.run(folder: arguments[2], count: Int(arguments[3])!)

default:
    print("usage: vtc-bench append [COUNT] | load [COUNT] | scale [COUNT…] | decode [COUNT] | interact [COUNT] | coldstart FOLDER COUNT")
    exit(2)
}
