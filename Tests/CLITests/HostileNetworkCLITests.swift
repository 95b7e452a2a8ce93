import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// What a child process did: its exit status, what it wrote to stderr, and its peak resident memory.
struct Measured {
    var status: Int32
    var stderr: String
    var peakKiB: Int
}

/// Runs the built `tiaoqi` as a child process (posix_spawn and wait4, so that its own peak memory can be read).
func tiaoqiMeasured(_ arguments: [String]) throws -> Measured {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [directory.appendingPathComponent("tiaoqi").path, Fixtures.path(".build/debug/tiaoqi")]
    let binary = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) })
    let errorFile = (Fixtures.temporaryFolder("stderr") as NSString).appendingPathComponent("stderr.txt")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
    try #require(spawned == 0)
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let exited = status & 0x7F == 0
    let stderr = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
    return Measured(status: exited ? (status >> 8) & 0xFF : -1, stderr: stderr, peakKiB: usage.ru_maxrss)
}

@Suite("tiaoqi route on hostile networks")
struct HostileNetworkCLITests {
    func fixture(_ name: String) -> String { Fixtures.path("Tests/TravelTests/Fixtures/hostile/\(name)") }

    /// Each absurd time: exit 2 with its file:line, quickly, in little memory (no trap, no hang, no terabyte).
    @Test(arguments: ["time-overflow", "time-terabyte", "time-minutes"])
    func anAbsurdTimeExitsTwoWithItsLine(name: String) throws {
        let started = ContinuousClock.now
        let run = try tiaoqiMeasured(["route", "AAA", "BBB", "--depart", "2022-03-07T07:00", "--network", fixture(name)])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(name)/stop_times.txt:3: arrival_time"))
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(run.peakKiB < 256 << 10)
    }

    @Test func aCalendarEndingBeforeItStartsExitsTwo() throws {
        let run = try tiaoqiMeasured(["route", "AAA", "BBB", "--depart", "2022-03-07T07:00", "--network", fixture("calendar-backwards")])
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
