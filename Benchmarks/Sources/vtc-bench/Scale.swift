import Foundation
import Glibc
import VTCModel
import VTCStore

/// `vtc-bench scale [COUNT…]`: for each log size, side by side, the orjson
/// parse of the file (the reference), full verification, and the start of
/// the application in a fresh process with its peak memory: once without a
/// checkpoint (the whole log replayed, then `state.checkpoint` written), then
/// from the checkpoint. Each timing is the median of `runs`.
enum Scale {
    static let runs = 3

    static func run(counts: [Int]) throws {
        var rows: [String] = []
        for count in counts {
            let path = try RegionLog.file(events: count)
            let folder = try RegionLog.dataFolder(for: path)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
            var orjson: [Double] = []
            var verify: [Double] = []
            var first: [Double] = []
            var cold: [Double] = []
            var child: [ColdStart] = []
            var firstChild: [ColdStart] = []
            for _ in 0..<runs {
                orjson.append(try wallSeconds("/usr/bin/env", ["python3", "-c",
                    "import orjson,sys; [orjson.loads(l) for l in open(sys.argv[1],'rb')]", path]).seconds)
                let started = nanoseconds()
                let report = try LogVerifier.verify(fileAt: path)
                verify.append(Double(nanoseconds() - started) / 1e9)
                guard report.isIntact, report.events == count else { fatalError("generated log does not verify: \(report.summary)") }
                unlink(folder + "/state.checkpoint")
                let (firstSeconds, firstOutput) = try wallSeconds("/proc/self/exe", ["coldstart", folder, String(count)])
                first.append(firstSeconds)
                firstChild.append(ColdStart(firstOutput))
                let (seconds, output) = try wallSeconds("/proc/self/exe", ["coldstart", folder, String(count)])
                cold.append(seconds)
                child.append(ColdStart(output))
            }
            let reference = median(orjson)
            let c = child.sorted { $0.total < $1.total }[runs / 2]
            let f = firstChild.sorted { $0.total < $1.total }[runs / 2]
            guard c.start.hasPrefix("checkpoint"), f.start.hasPrefix("replay") else { fatalError("unexpected starts: \(f.start), \(c.start)") }
            let checkpoint = (try? FileManager.default.attributesOfItem(atPath: folder + "/state.checkpoint")[.size] as? Int) ?? 0
            rows.append(String(format: "%9d %6.1f | %6.2f | %6.2f %5.2f× | %6.2f %5.2f× %5.0f | %6.2f %5.2f× | %5.2f / %5.2f / %5.2f | %5.0f %5.2f× | %5.0f %5.2f× | %5.0f",
                               count, Double(size) / 1e6, reference, median(verify), median(verify) / reference,
                               median(first), median(first) / reference, Double(f.peakBytes) / 1e6,
                               median(cold), median(cold) / reference, c.open, c.home, c.page,
                               Double(c.openPeakBytes) / 1e6, Double(c.openPeakBytes) / Double(size),
                               Double(c.peakBytes) / 1e6, Double(c.peakBytes) / Double(size), Double(checkpoint) / 1e6))
            print("\(count): \(c.summary)")
        }
        print("""

           events file MB | orjson s | verify s ratio | first open s ratio peakMB | cold s ratio | open / home / page s | open peak MB /file | peak MB /file | checkpoint MB
        """)
        rows.forEach { print($0) }
        print("(first open: no checkpoint, every event replayed and the checkpoint written; cold: from the checkpoint. "
            + "Ratios against the orjson parse of the same file; medians of \(runs) runs; targets: verify ≤ 1.0×, cold ≤ 0.5×, peak ≤ 1.0× file)")
    }

    /// Runs a program to its end and returns its wall time and standard output.
    static func wallSeconds(_ program: String, _ arguments: [String]) throws -> (seconds: Double, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        let started = nanoseconds()
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Double(nanoseconds() - started) / 1e9
        guard process.terminationStatus == 0 else { fatalError("\(program) \(arguments) failed") }
        return (seconds, String(decoding: output, as: UTF8.self))
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// What the cold-start child prints: its phases, its peak memory, and what it computed.
    struct ColdStart {
        var open = 0.0, home = 0.0, page = 0.0
        var peakBytes = 0
        var openPeakBytes = 0
        var start = ""
        var summary = ""
        var total: Double { open + home + page }

        init(_ output: String) {
            for line in output.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                switch parts[0] {
                case "open": open = Double(parts[1])!
                case "home": home = Double(parts[1])!
                case "page": page = Double(parts[1])!
                case "peak": peakBytes = Int(parts[1])!
                case "openPeak": openPeakBytes = Int(parts[1])!
                case "start": start = parts[1]
                case "summary": summary = parts[1]
                default: break
                }
            }
        }
    }
}

/// `vtc-bench coldstart FOLDER COUNT`: what the application does before its
/// first screen: open the data folder (`Workspace.open`: restore the
/// checkpoint and replay what follows it, or replay the whole log and write
/// a checkpoint), then compute the home counts and the first page of the list.
enum ColdStartChild {
    static func run(folder: String, count: Int) throws {
        var started = nanoseconds()
        func lap() -> Double {
            let now = nanoseconds()
            defer { started = now }
            return Double(now - started) / 1e9
        }
        let workspace = try Workspace.open(DataFolder(path: folder))
        let open = lap()
        let openPeak = peakResidentBytes()
        let state = workspace.state
        let now = RegionLog.now(events: count)
        var live = 0, opened = 0, overdue = 0, unacknowledged = 0
        for record in state.incidents.values where !record.isWithdrawn {
            live += 1
            if record.acknowledgement == nil { unacknowledged += 1 }
            let statuses = record.followUps.lazy.filter(\.calledFor).map { $0.status(at: now) }
            if statuses.contains(.overdue) { overdue += 1 } else if statuses.contains(.open) { opened += 1 }
        }
        let home = lap()
        let reader = UserAccess(user: "koordinator-åse", roles: [.coordinator: .allUnits])
        let page = IncidentQuery(order: .newestFirst).run(on: state, for: reader, at: now).prefix(20)
        let pageSeconds = lap()
        print("open \(open)")
        print("home \(home)")
        print("page \(pageSeconds)")
        print("openPeak \(openPeak)")
        print("peak \(peakResidentBytes())")
        print("start \(workspace.start)")
        print("summary \(live) incidents, \(opened) with open and \(overdue) with overdue follow-up, \(unacknowledged) not acknowledged; "
            + "first page \(page.count) rows, newest \(page.first?.facts.occurredAt.rfc3339 ?? "-")")
    }

    /// VmRSS of /proc/self/status: the memory resident now.
    static func residentBytes() -> Int { statusBytes("VmRSS:") }

    /// VmHWM of /proc/self/status: the most resident memory this process has had.
    static func peakResidentBytes() -> Int { statusBytes("VmHWM:") }

    private static func statusBytes(_ field: String) -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kB = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) else { return 0 }
        return kB * 1024
    }
}
