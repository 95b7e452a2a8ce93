import Foundation
import TestSupport
import Testing

/// What a child process did: its exit status, what it wrote to stderr, and its peak resident memory.
struct Measured {
    var status: Int32
    var stderr: String
    var peakKiB: Int
}

/// Runs the built `tiaoqi` as a grandchild, through a small Python process that reports its peak memory. Measured
/// from this process directly, a child's peak would include the test process's own memory, which it starts as a copy
/// of (hundreds of MB late in the suite).
func tiaoqiMeasured(_ arguments: [String]) throws -> Measured {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [directory.appendingPathComponent("tiaoqi").path, Fixtures.path(".build/debug/tiaoqi")]
    let binary = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) })
    let folder = Fixtures.temporaryFolder("measured")
    let errorFile = (folder as NSString).appendingPathComponent("stderr.txt")
    let peakFile = (folder as NSString).appendingPathComponent("peak.txt")
    let script = """
        import resource, subprocess, sys
        run = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL)
        open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
        sys.exit(run.returncode if run.returncode >= 0 else 255)
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, peakFile, binary] + arguments
    process.standardOutput = FileHandle.nullDevice
    _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
    process.standardError = FileHandle(forWritingAtPath: errorFile)
    try process.run()
    process.waitUntilExit()
    let stderr = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
    let peak = Int((try? String(contentsOfFile: peakFile, encoding: .utf8)) ?? "") ?? Int.max
    let status = process.terminationStatus
    return Measured(status: status == 255 ? -1 : status, stderr: stderr, peakKiB: peak)
}

@Suite("tiaoqi route on hostile networks")
struct HostileNetworkCLITests {
    func fixture(_ name: String) -> String { Fixtures.path("Tests/TravelTests/Fixtures/hostile/\(name)") }

    /// Each absurd time: exit 2 with its file:line, quickly, in little memory (no trap, no hang, no terabyte).
    @Test(arguments: ["time-overflow", "time-terabyte", "time-minutes"])
    func anAbsurdTimeExitsTwoWithItsLine(name: String) throws {
        let started = ContinuousClock.now
        let run = try tiaoqiMeasured([
            "route", "AAA", "BBB", "--depart", "2022-03-07T07:00", "--network", fixture(name),
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(name)/stop_times.txt:3: arrival_time"))
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(run.peakKiB < 256 << 10)
    }

    @Test func aCalendarEndingBeforeItStartsExitsTwo() throws {
        let run = try tiaoqiMeasured([
            "route", "AAA", "BBB", "--depart", "2022-03-07T07:00", "--network", fixture("calendar-backwards"),
        ])
        #expect(run.status == 2)
        #expect(run.stderr.contains("calendar-backwards/calendar.txt:2: end_date"))
    }

    /// A 1.5 MB archive inflating to 1.5 GB, recording a size that looks plausible: refused in bounded memory.
    @Test(arguments: ["honest", "ratio:99"])
    func aZipBombExitsTwoInBoundedMemory(declared: String) throws {
        let archive = (Fixtures.temporaryFolder("bomb") as NSString).appendingPathComponent("bomb.zip")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", fixture("zip-bomb.py"), archive, "1500", declared, fixture("feed")]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let run = try tiaoqiMeasured(["route", "AAA", "BBB", "--depart", "2022-03-07T07:00", "--network", archive])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bomb.zip") && run.stderr.contains("stop_times.txt"))
        // Today's code reached 2.9 GB; the archive itself is 1.5 MB and at most 16 MiB is inflated before the ratio stops it.
        #expect(run.peakKiB < 256 << 10, "peak \(run.peakKiB) KiB")
    }
}
