import ArgumentParser
import Feeds
import Foundation
import ICalendar
import Schedules
import Timeline

/// `tiaoqi-bench`: figures for speed, printed as JSON; build with `-c release` before trusting them. Not part of the
/// shipped `tiaoqi`: the benchmarks and their data generators live here (`Benchmarks/*/run.sh` call it).
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiaoqi-bench", abstract: "Measure Tiaoqi's speed and print figures (use a release build).",
        discussion: "Exit codes: 0 done; 1 a bench found a bug (a plan that fails the audit); 2 bad input or usage.",
        subcommands: [
            CalendarBench.self, FeedsBench.self, TravelBench.self, ImportBench.self, TOPTWBench.self, PlanBench.self,
            ClashBench.self,
        ])

    /// Runs the command line; usage errors exit 2, as they do in `tiaoqi` (ArgumentParser alone would exit 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }

    struct FeedsBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feeds",
            abstract: "Fetch COUNT feeds PREFIX/0.ics … cold into a new cache, then again (all 304); prints JSON.")

        @Argument(help: "URL prefix, e.g. http://127.0.0.1:8080/bench")
        var prefix: String

        @Option(name: .long, help: "How many feeds.")
        var count: Int = 500

        func run() async throws {
            let cache = FeedCache(folder: NSTemporaryDirectory() + "/tiaoqi-bench-\(getpid())")
            defer { try? FileManager.default.removeItem(atPath: cache.folder) }
            let sources = try (0..<count).map { FeedSource(location: try FeedLocation("\(prefix)/\($0).ics")) }
            let service = FeedService(cache: cache)
            func pass() async -> (seconds: Double, reports: [FeedReport]) {
                let start = DispatchTime.now().uptimeNanoseconds
                let reports = await service.fetch(sources, validate: FeedValidation.calendar)
                return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, reports)
            }
            let cold = await pass()
            let warm = await pass()
            func figures(_ run: (seconds: Double, reports: [FeedReport])) -> [String: Any] {
                let outcomes = Dictionary(grouping: run.reports, by: { $0.outcome.rawValue }).mapValues(\.count)
                return [
                    "seconds": run.seconds, "requests_per_s": Double(count) / run.seconds, "outcomes": outcomes,
                    "bytes": run.reports.reduce(0) { $0 + ($1.body?.count ?? 0) },
                ]
            }
            let report: [String: Any] = [
                "tool": "tiaoqi", "feeds": count, "cold": figures(cold), "revalidate": figures(warm),
                "peak_rss_mb": Stopwatch.peakMegabytes(),
            ]
            print(
                String(
                    decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self)
            )
        }
    }

    struct CalendarBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calendar", abstract: "Parse a feed and expand it over a week and a year; prints JSON.")

        @Argument(help: "An .ics file.")
        var feed: String

        @Option(name: .long, help: "Zone for floating times and the window dates.")
        var tz: String = "Asia/Shanghai"

        @Option(name: .long, help: "Repetitions; the best time is reported.")
        var repeats: Int = 5

        @Flag(name: .long, help: "Only parse, many times (for profiling).")
        var parseOnly = false

        func run() throws {
            guard let data = FileManager.default.contents(atPath: feed) else {
                throw ValidationError("cannot read \(feed)")
            }
            guard let zone = Zone(identifier: tz) else { throw ValidationError("--tz must be an IANA zone") }
            let bytes = Array(data)
            func best(_ work: () throws -> Int) rethrows -> (seconds: Double, result: Int) {
                var fastest = Double.infinity
                var result = 0
                for _ in 0..<max(1, repeats) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    result = try work()
                    fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                }
                return (fastest, result)
            }
            // Like the peer, parse time ends when the calendar is ready, not when it has been freed again.
            var parse = (seconds: Double.infinity, result: 0)
            for _ in 0..<max(1, repeats) {
                let start = DispatchTime.now().uptimeNanoseconds
                let calendar = try VCalendar.parse(bytes: bytes)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                withExtendedLifetime(calendar) { parse = (min(parse.seconds, seconds), calendar.events.count) }
            }
            if parseOnly {
                print(String(format: "parse: %.1f MB/s", Double(bytes.count) / 1e6 / parse.seconds))
                return
            }
            let calendar = try VCalendar.parse(bytes: bytes)
            func window(_ from: String, _ to: String) throws -> [String: Any] {
                let interval = Interval(Instant(iso8601: from, zone: zone)!, Instant(iso8601: to, zone: zone)!)
                let expand = best { calendar.occurrences(in: interval, floating: zone).count }
                let total = try best {
                    try VCalendar.parse(bytes: bytes).occurrences(in: interval, floating: zone).count
                }
                return [
                    "from": from, "to": to, "occurrences": expand.result, "seconds": total.seconds,
                    "occurrences_per_s": Double(total.result) / total.seconds, "expand_seconds": expand.seconds,
                    "expand_occurrences_per_s": Double(expand.result) / expand.seconds,
                ]
            }
            let report: [String: Any] = [
                "tool": "tiaoqi", "bytes": bytes.count, "events": parse.result, "parse_seconds": parse.seconds,
                "parse_mb_per_s": Double(bytes.count) / 1e6 / parse.seconds,
                "week": try window("2024-03-04", "2024-03-11"), "year": try window("2024-01-01", "2025-01-01"),
            ]
            let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
    }
}
