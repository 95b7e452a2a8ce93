import Foundation
import Schedules
import TestSupport
import Testing

/// `tiaoqi plan --out DIR` against hostile circumstances: a folder it may not write, two writers at once, a writer
/// killed in the middle, and files in DIR that Tiaoqi did not write.
@Suite("plan --out writes one whole set")
struct OutputFolderTests {
    /// The arguments of a quick plan of the sample week into `out`.
    static func plan(_ out: String, seed: Int) -> [String] {
        [
            "plan", "schedules/2022-w10", "--out", out, "--seconds", "0.05", "--threads", "1", "--seed", "\(seed)",
            "--format", "json",
        ]
    }

    /// The built `tiaoqi`, started (not awaited) with extra environment variables; stdout and stderr are discarded.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [directory.appendingPathComponent("tiaoqi").path, Fixtures.path(".build/debug/tiaoqi")]
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Every file of a folder (recursively) with its bytes.
    static func contents(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for name in FileManager.default.subpaths(atPath: folder) ?? [] {
            var isFolder: ObjCBool = false
            let path = "\(folder)/\(name)"
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                result[name] = FileManager.default.contents(atPath: path)
            }
        }
        return result
    }

    /// Reference sets: each seed planned alone into its own folder beside where the test writes, so that the
    /// relative `schedule` recorded in plan.json is the same.
    static func references(_ parent: String, seeds: [Int]) async throws -> [[String: Data]] {
        var sets: [[String: Data]] = []
        for seed in seeds {
            let run = try await tiaoqiOffThePool(plan("\(parent)/reference-\(seed)", seed: seed))
            #expect(run.status == 0, "\(run.stderr)")
            sets.append(contents("\(parent)/reference-\(seed)"))
        }
        #expect(sets[0] != sets[1], "the seeds should give different plans, or the test proves nothing")
        return sets
    }

    @Test func aFolderItMayNotWriteIsAClearErrorAndNothingIsWritten() async throws {
        // Root may write anywhere a mode allows, so as root the folder is one the kernel refuses (in sysfs).
        let parent = Fixtures.temporaryFolder("readonly")
        let out = geteuid() == 0 ? "/sys/tiaoqi-test-\(UUID().uuidString)" : "\(parent)/locked/out"
        if geteuid() != 0 {
            try FileManager.default.createDirectory(
                atPath: "\(parent)/locked", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o555])
        }
        let run = try await tiaoqiOffThePool(Self.plan(out, seed: 1))
        #expect(run.status == 2)
        #expect(run.stderr.contains((out as NSString).deletingLastPathComponent), "\(run.stderr)")
        #expect(run.stderr.contains("not permitted") || run.stderr.contains("denied"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func twoWritersAtOnceLeaveOneWholeSetAndNoTemporaryFiles() async throws {
        let parent = Fixtures.temporaryFolder("race")
        let sets = try await Self.references(parent, seeds: [1, 2])
        do {
            let first = try Self.start(Self.plan("\(parent)/out", seed: 1))
            let second = try Self.start(Self.plan("\(parent)/out", seed: 2))
            await offThePool {
                first.waitUntilExit()
                second.waitUntilExit()
            }
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
            let written = Self.contents("\(parent)/out")
            #expect(written == sets[0] || written == sets[1], "a mix of two plans: \(written.keys.sorted())")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == [
                    "out", "reference-1", "reference-2",
                ])
        }
    }

    @Test func aWriterKilledBeforeTheSwapLeavesTheOldSetAndTheNextWriterCleansUp() async throws {
        let parent = Fixtures.temporaryFolder("killed")
        let sets = try await Self.references(parent, seeds: [1, 2])
        #expect(try await tiaoqiOffThePool(Self.plan("\(parent)/out", seed: 1)).status == 0)
        // The writer stops with the new set written beside the folder, and is killed there.
        let victim = try Self.start(
            Self.plan("\(parent)/out", seed: 2), environment: ["TIAOQI_TEST_PAUSE_BEFORE_SWAP": "30"])
        // A bound for a loaded machine; a writer that never pauses ends the wait.
        let deadline = Date().addingTimeInterval(60)
        func temporary() -> String? {
            (try? FileManager.default.contentsOfDirectory(atPath: parent))?.first { $0.hasPrefix(".out.tiaoqi-new-") }
        }
        while Date() < deadline && victim.isRunning
            && (temporary().map { !FileManager.default.fileExists(atPath: "\(parent)/\($0)/plan.json") } ?? true)
        {
            try await Task.sleep(for: .milliseconds(50))
        }
        let left = try #require(temporary(), "the writer never reached the pause before the swap")
        kill(victim.processIdentifier, SIGKILL)
        await offThePool { victim.waitUntilExit() }
        #expect(Self.contents("\(parent)/out") == sets[0], "the old set must stay whole")
        #expect(FileManager.default.fileExists(atPath: "\(parent)/\(left)"))
        // The next writer removes what the killed one left and writes its own set.
        let next = try await tiaoqiOffThePool(Self.plan("\(parent)/out", seed: 2))
        #expect(next.status == 0, "\(next.stderr)")
        #expect(Self.contents("\(parent)/out") == sets[1])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == [
                "out", "reference-1", "reference-2",
            ])
    }

    @Test func filesTiaoqiDidNotWriteAreKeptAndItsOwnOldFilesReplaced() async throws {
        let out = "\(Fixtures.temporaryFolder("foreign"))/out"
        try FileManager.default.createDirectory(atPath: "\(out)/notes", withIntermediateDirectories: true)
        try "mine".write(toFile: "\(out)/notes/todo.txt", atomically: true, encoding: .utf8)
        try "keep me".write(toFile: "\(out)/README.txt", atomically: true, encoding: .utf8)
        let handMade = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone//Hand made//EN\r\nEND:VCALENDAR\r\n"
        try handMade.write(toFile: "\(out)/hand.ics", atomically: true, encoding: .utf8)
        // A person planned last time but no longer in the schedule, and a killed older Tiaoqi's temporary file.
        let departed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tiaoqi//Itinerary//ZH\r\nEND:VCALENDAR\r\n"
        try departed.write(toFile: "\(out)/gone.ics", atomically: true, encoding: .utf8)
        try "{".write(toFile: "\(out)/plan.json.tmp-123-456", atomically: true, encoding: .utf8)
        let run = try await tiaoqiOffThePool(Self.plan(out, seed: 1))
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(
            names == [
                "README.txt", "chen.ics", "expenses.csv", "hand.ics", "liu.ics", "notes", "plan.json", "report.html",
                "sun.ics", "zhou.ics",
            ])
        #expect(try String(contentsOfFile: "\(out)/notes/todo.txt", encoding: .utf8) == "mine")
        #expect(try String(contentsOfFile: "\(out)/hand.ics", encoding: .utf8) == handMade)
    }

    @Test func aPlanJSONSyntaxErrorExitsTwoWithItsLine() throws {
        let path = Fixtures.path("Tests/SchedulesTests/Fixtures/hostile/plan-missing-comma.json")
        let run = try tiaoqi(["check", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("plan-missing-comma.json:7: "), "\(run.stderr)")
    }
}
