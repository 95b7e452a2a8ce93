import Feeds
import Foundation
import Itinerary
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

/// Runs the built `tiaoqi` executable and captures what it prints.
func tiaoqi(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    try runExecutable("tiaoqi", arguments)
}

/// Runs the built `tiaoqi` with `input` on standard input (the password of `account add`) and captures what it prints.
func tiaoqi(_ arguments: [String], input: String) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try executablePath("tiaoqi"))
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
    let stdin = Pipe()
    let out = Pipe()
    let err = Pipe()
    process.standardInput = stdin
    process.standardOutput = out
    process.standardError = err
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

/// Runs the built `tiaoqi-bench` executable (the benchmarks, outside the product) and captures what it prints.
func tiaoqiBench(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    try runExecutable("tiaoqi-bench", arguments)
}

/// The path of one of the package's built executables.
func executablePath(_ name: String) throws -> String {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [directory.appendingPathComponent(name).path, Fixtures.path(".build/debug/\(name)")]
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) })
}

/// Starts the built `tiaoqi` from the repository's root, its output thrown away, and returns the running process.
func startTiaoqi(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try executablePath("tiaoqi"))
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// Runs a program from the repository's root and captures what it prints.
func runProgram(_ path: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

/// Runs one of the package's built executables from the repository's root and captures what it prints.
private func runExecutable(_ name: String, _ arguments: [String]) throws -> (
    status: Int32, stdout: String, stderr: String
) {
    try runProgram(try executablePath(name), arguments)
}

/// `tiaoqi(_:)` on a Dispatch thread, so a test's wait for the process does not hold one of the threads that the
/// async servers of other tests need.
func tiaoqiOffThePool(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
    let result = await offThePool { Result { try tiaoqi(arguments) } }
    return try result.get()
}

@Suite("The tiaoqi command", .serialized)
struct CLITests {
    @Test func twoRunsWithTheSameSeedPrintTheSameBytes() throws {
        // Separate processes: nothing may depend on hashing order, which changes from run to run.
        let arguments = [
            "plan", "schedules/2022-w10", "--format", "json", "--seconds", "0.1", "--threads", "2", "--seed", "7",
        ]
        let first = try tiaoqi(arguments)
        let second = try tiaoqi(arguments)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test func plansTheSampleWeekAndItsOwnCheckAgrees() throws {
        let out = Fixtures.temporaryFolder("plan")
        let run = try tiaoqi(["plan", "schedules/2022-w10", "--out", out, "--format", "json", "--seconds", "0.05"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try PlanJSON.decode(contentsOf: "\(out)/plan.json")
        #expect(run.stdout.data(using: .utf8) == PlanJSON.encode(plan) + Data("\n".utf8))
        for person in ["liu", "zhou", "chen", "sun"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(person).ics"))
        }
        let check = try tiaoqi(["check", "\(out)/plan.json"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("no problems found"))
    }

    @Test func aLegMarkedBookedInTheKeptPlanStaysBooked() async throws {
        let out = Fixtures.temporaryFolder("booked")
        #expect(
            try await tiaoqiOffThePool(["plan", "schedules/2022-w10", "--out", out, "--seconds", "0.05"]).status == 0)
        var old = try PlanJSON.decode(contentsOf: "\(out)/plan.json")
        let index = try #require(old.legs.firstIndex { $0.parts.contains { $0.mode.isTimetabled } })
        old.legs[index].booked = true
        try PlanJSON.encode(old).write(to: URL(fileURLWithPath: "\(out)/plan.json"))
        let run = try await tiaoqiOffThePool([
            "plan", "schedules/2022-w10", "--keep", "\(out)/plan.json", "--out", out, "--seconds", "0.05",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(", booked)"))
        let new = try PlanJSON.decode(contentsOf: "\(out)/plan.json")
        #expect(new.legs.filter { $0.booked == true }.map(\.journey) == [old.legs[index].journey])
        #expect(new.changes == [])
    }

    @Test func theTableShowsTrainsHotelsAndWhatWasLeftOut() throws {
        let run = try tiaoqi(["plan", "schedules/2022-w10", "--seconds", "0.05"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("徐州东"))
        #expect(run.stdout.contains("hotel in"))
        #expect(run.stdout.contains("Left out"))
        #expect(run.stdout.range(of: #"G\d+ "#, options: .regularExpression) != nil)
    }

    @Test func checkFailsAndNamesAVisitMovedOutOfItsWindow() throws {
        let out = Fixtures.temporaryFolder("check")
        #expect(try tiaoqi(["plan", "examples/quickstart", "--out", out, "--seconds", "0.05"]).status == 0)
        var plan = try PlanJSON.decode(contentsOf: "\(out)/plan.json")
        let visit = plan.visits[0]
        plan.visits[0].start = visit.start - 6 * 3600
        plan.visits[0].end = visit.end - 6 * 3600
        try PlanJSON.encode(plan).write(to: URL(fileURLWithPath: "\(out)/plan.json"))
        let check = try tiaoqi(["check", "\(out)/plan.json"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("visit-outside-client-availability"))
        #expect(check.stdout.contains(visit.client))
        #expect(check.stdout.contains(visit.clientName))
        let json = try tiaoqi(["check", "\(out)/plan.json", "--format", "json"])
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"ok\" : false"))
    }

    @Test func badInputExitsTwoWithFileAndLine() throws {
        let folder = Fixtures.copy(Fixtures.quickstart)
        Fixtures.edit("\(folder)/clients.csv", replacing: ",shanghai,", with: ",shangai,")
        let run = try tiaoqi(["plan", folder, "--seconds", "0.05"])
        #expect(run.status == 2)
        #expect(
            run.stderr.range(
                of: #"clients\.csv:\d+: unknown city 'shangai'; did you mean shanghai"#, options: .regularExpression)
                != nil, "\(run.stderr)")
    }

    @Test func aMissingScheduleExitsTwo() throws {
        let run = try tiaoqi(["plan", "no/such/folder"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("plan.yaml"))
    }

    @Test func anUnknownFlagIsAUsageError() throws {
        let run = try tiaoqi(["plan", "schedules/2022-w10", "--bogus"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--bogus"))
    }
}

@Suite("tiaoqi calendar")
struct CalendarCLITests {
    @Test func expandPrintsOneJSONObjectPerOccurrence() throws {
        let run = try tiaoqi([
            "calendar", "expand", "Tests/ICalendarTests/Fixtures/recurring.ics", "--from", "2022-03-07", "--to",
            "2022-03-12",
            "--tz", "Asia/Shanghai", "--format", "jsonl",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.count == 11)  // 4 stand-ups, 2 reviews, expo, marker, cancelled, floating, trip
        let first = try #require(objects.first)
        #expect(Set(first.keys) == ["uid", "recurrence_id", "start", "end", "transp", "status", "summary"])
        #expect(
            objects.contains {
                $0["uid"] as? String == "standup@example.com" && $0["start"] as? String == "2022-03-07T01:00:00Z"
            })
        #expect(
            objects.contains {
                $0["uid"] as? String == "expo@example.com" && $0["start"] as? String == "2022-03-10"
                    && $0["recurrence_id"] is NSNull
            })
        #expect(objects.contains { $0["status"] as? String == "CANCELLED" })
        let starts = objects.map { $0["start"] as! String }
        #expect(starts.map { $0.prefix(10) } == starts.map { $0.prefix(10) }.sorted())
    }

    @Test func freebusyMergesBusyTime() throws {
        let run = try tiaoqi([
            "calendar", "freebusy", "Tests/ICalendarTests/Fixtures/recurring.ics", "--from", "2022-03-07", "--to",
            "2022-03-09",
            "--tz", "Asia/Shanghai", "--format", "jsonl",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains(#"{"start":"2022-03-07T01:00:00Z","end":"2022-03-07T01:30:00Z"}"#))
        #expect(!run.stdout.contains("2022-03-08T07:00:00Z"))  // the cancelled meeting
    }

    @Test func aBrokenFeedIsRefusedWithItsLine() throws {
        let strict = try tiaoqi([
            "calendar", "expand", "Tests/ICalendarTests/Fixtures/broken.ics", "--from", "2022-03-07", "--to",
            "2022-03-08", "--strict",
        ])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("broken.ics:14:"))
        let lenient = try tiaoqi([
            "calendar", "expand", "Tests/ICalendarTests/Fixtures/broken.ics", "--from", "2022-03-07", "--to",
            "2022-03-08",
        ])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("broken.ics:14:"))
        #expect(lenient.stdout.contains("好的"))
        let html = try tiaoqi([
            "calendar", "expand", "Tests/ICalendarTests/Fixtures/error-page.ics", "--from", "2022-03-07", "--to",
            "2022-03-08",
        ])
        #expect(html.status == 2)
        #expect(html.stderr.contains("HTML"))
    }
}

@Suite("tiaoqi fetch", .serialized)
struct FetchCLITests {
    @Test func killingAFetchOf200FeedsLeavesNoCorruptCacheEntry() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        let cache = Fixtures.temporaryFolder("kill-cache")
        // The last ten are held by the server mid-body, and named by another host name so that they do not take the
        // free feeds' connections: the kill comes once the free ones are cached.
        let urls = (0..<200).map {
            $0 < 190
                ? server.url("/feed/kill-\($0).ics")
                : server.url("/held/\($0).ics").replacingOccurrences(of: "127.0.0.1", with: "localhost")
        }
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let binary = [directory.appendingPathComponent("tiaoqi").path, Fixtures.path(".build/debug/tiaoqi")]
            .first { FileManager.default.isExecutableFile(atPath: $0) }!
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["fetch", "--cache", cache] + urls
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        func cached() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter { $0.hasSuffix(".feed") }.count
        }
        for _ in 0..<600 where cached() < 190 { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .milliseconds(200))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let names = try FileManager.default.contentsOfDirectory(atPath: cache)
        let entries = names.filter { $0.hasSuffix(".feed") }
        #expect(!entries.isEmpty, "the fetch was killed before anything was cached; nothing was tested")
        #expect(
            entries.count == 190, "the fetch was killed before the free feeds were cached, or finished the held ones")
        let cacheReader = FeedCache(folder: cache)
        var checked = 0
        for (url, name) in zip(urls, sha256Names(urls)) {
            let location = try FeedLocation(url)
            // Every entry whose metadata exists must read back whole.
            if let data = FileManager.default.contents(atPath: cache + "/" + name + ".feed") {
                #expect(cacheReader.read(location) != nil, "corrupt entry for \(url): \(data.count) bytes")
                checked += 1
            }
        }
        #expect(checked == entries.count)
        // A second run, with nothing held, completes and every feed is then usable.
        try server.release()
        let again = try tiaoqi(["fetch", "--cache", cache, "--format", "json"] + urls)
        #expect(again.status == 0, "\(again.stderr)")
        for url in urls { #expect(cacheReader.read(try FeedLocation(url)) != nil) }
    }
}

/// The cache file names of URLs (SHA-256 of each URL), computed by Python's hashlib as a second opinion.
func sha256Names(_ urls: [String]) -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "python3", "-c",
        "import hashlib, sys\nfor line in sys.stdin: print(hashlib.sha256(line.rstrip('\\n').encode()).hexdigest())",
    ]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try? process.run()
    input.fileHandleForWriting.write(Data(urls.map { $0 + "\n" }.joined().utf8))
    try? input.fileHandleForWriting.close()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text.split(separator: "\n").map(String.init)
}

@Suite("tiaoqi route")
struct RouteCLITests {
    @Test func xuzhouToShanghaiIsARealTrainWithTaxiAndCheckIn() throws {
        let run = try tiaoqi(["route", "xuzhou", "shanghai", "--depart", "2022-03-07T07:00+08:00", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let legs = json["legs"] as! [[String: Any]]
        let trains = legs.filter { $0["mode"] as? String == "rail" }
        #expect(!trains.isEmpty)
        #expect(
            trains.allSatisfy {
                ($0["service"] as? String)?.range(of: #"^[GDC]\d+$"#, options: .regularExpression) != nil
            })
        #expect(legs.first?["mode"] as? String == "taxi")
        #expect(legs.last?["mode"] as? String == "taxi")
        let taxiArrives = Instant(iso8601: legs[0]["arrive"] as! String)!
        let trainLeaves = Instant(iso8601: trains[0]["depart"] as! String)!
        #expect(trainLeaves - taxiArrives >= 20 * 60)
        #expect(Instant(iso8601: json["depart"] as! String)! >= Instant(iso8601: "2022-03-07T07:00:00+08:00")!)
    }

    @Test func arriveByLeavesAsLateAsPossible() throws {
        let run = try tiaoqi([
            "route", "xuzhou", "shanghai", "--arrive-by", "2022-03-07T14:00+08:00", "--format", "json",
        ])
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let arrive = Instant(iso8601: json["arrive"] as! String)!
        #expect(arrive <= Instant(iso8601: "2022-03-07T14:00:00+08:00")!)
        let depart = Instant(iso8601: json["depart"] as! String)!
        // Leaving one minute later must miss the deadline.
        let later = try tiaoqi(["route", "xuzhou", "shanghai", "--depart", (depart + 60).iso8601, "--format", "json"])
        let next = try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as! [String: Any]
        #expect(Instant(iso8601: next["arrive"] as! String)! > Instant(iso8601: "2022-03-07T14:00:00+08:00")!)
    }

    @Test func betweenTwoStopsWithoutBuffersIsTheTimetableAlone() throws {
        let run = try tiaoqi([
            "route", "XZE", "SHHQ", "--depart", "2022-03-07T07:00+08:00", "--no-buffers", "--format", "json",
        ])
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let legs = json["legs"] as! [[String: Any]]
        #expect(legs.allSatisfy { $0["mode"] as? String == "rail" })
        #expect(legs.first?["from"] as? String == "XZE")
        #expect(legs.last?["to"] as? String == "SHHQ")
        #expect(json["depart"] as? String == legs.first?["depart"] as? String)
    }

    @Test func theDaysProfileLeavesLaterOnlyToArriveLater() throws {
        let run = try tiaoqi(["route", "xuzhou", "shanghai", "--profile", "2022-03-08", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let journeys = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [[String: Any]]
        #expect(journeys.count >= 5)
        let pairs = journeys.map {
            (Instant(iso8601: $0["depart"] as! String)!, Instant(iso8601: $0["arrive"] as! String)!)
        }
        for (a, b) in zip(pairs, pairs.dropFirst()) {
            #expect(a.0 < b.0 && a.1 < b.1)
        }
        // Every journey of the profile is what --depart finds when leaving at its time.
        let first = pairs[0]
        let single = try tiaoqi(["route", "xuzhou", "shanghai", "--depart", first.0.iso8601, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as! [String: Any]
        #expect(Instant(iso8601: json["arrive"] as! String) == first.1)
    }

    @Test func checkInCanBeChanged() throws {
        let run = try tiaoqi([
            "route", "xuzhou", "shanghai", "--depart", "2022-03-07T07:00+08:00", "--check-in", "train=45",
            "--access-minutes", "30", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let legs =
            (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any])["legs"]
            as! [[String: Any]]
        #expect(
            Instant(iso8601: legs[0]["arrive"] as! String)! - Instant(iso8601: legs[0]["depart"] as! String)! == 30 * 60
        )
        #expect(
            Instant(iso8601: legs[1]["depart"] as! String)! - Instant(iso8601: legs[0]["arrive"] as! String)! >= 45 * 60
        )
        let bad = try tiaoqi([
            "route", "xuzhou", "shanghai", "--depart", "2022-03-07T07:00+08:00", "--check-in", "boat=5",
        ])
        #expect(bad.status == 2)
    }

    /// plan.yaml's `check_in_minutes` and `route --check-in` take the same keys and the same range (one rule,
    /// `CheckInKey`): each key at 0 and 480 minutes is taken by both, at 481 refused by both (exit 2, naming it).
    @Test func checkInKeysAndMinutesAreTheSameInPlanYAMLAndInRoute() throws {
        let depart = "2022-03-07T07:00+08:00"
        for key in CheckInKey.allCases {
            for minutes in [0, 480, 481] {
                let taken = minutes <= 480
                let route = try tiaoqi([
                    "route", "xuzhou", "shanghai", "--depart", depart, "--check-in", "\(key.rawValue)=\(minutes)",
                    "--format", "json",
                ])
                #expect(
                    (route.status != 2) == taken, "route \(key.rawValue)=\(minutes): \(route.status) \(route.stderr)")
                let folder = Fixtures.copy(Fixtures.quickstart)
                Fixtures.edit(
                    "\(folder)/plan.yaml", replacing: "  hotel_cost: 450",
                    with: "  hotel_cost: 450\n  check_in_minutes: {\(key.rawValue): \(minutes)}")
                let plan = try tiaoqi(["plan", folder, "--seconds", "0.01", "--format", "json"])
                #expect(
                    (plan.status != 2) == taken, "plan.yaml \(key.rawValue): \(minutes): \(plan.status) \(plan.stderr)")
                if !taken {
                    #expect(route.stderr.contains(key.rawValue) && route.stderr.contains("480"), "\(route.stderr)")
                    #expect(
                        plan.stderr.contains("plan.yaml:15") && plan.stderr.contains(key.rawValue), "\(plan.stderr)")
                }
            }
        }
        // Names that are not plan.yaml's keys are refused by route as plan.yaml refuses them.
        for pair in ["rail=20", "air=60", "international=120", "train=+5", "train=", "train=20,,bus=5"] {
            let route = try tiaoqi(["route", "xuzhou", "shanghai", "--depart", depart, "--check-in", pair])
            #expect(route.status == 2, "\(pair): \(route.stdout)\(route.stderr)")
        }
    }

    @Test func anUnknownPlaceExitsTwoWithCloseMatches() throws {
        let run = try tiaoqi(["route", "xuzou", "shanghai", "--depart", "2022-03-07T07:00+08:00"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown place 'xuzou'"))
        #expect(run.stderr.contains("xuzhou"))
    }
}
