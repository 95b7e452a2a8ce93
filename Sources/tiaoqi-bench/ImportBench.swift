import ArgumentParser
import Foundation
import GTFS
import Travel

/// `tiaoqi-bench import FEED`: imports a GTFS feed cold (no cache) and from the compiled-timetable cache; prints JSON.
struct ImportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a GTFS feed cold, then through the compiled-timetable cache; prints JSON (best of --runs).")

    @Argument(help: "The feed: a GTFS folder or .zip.")
    var feed: String

    @Option(name: .long, help: "Runs of each measurement; the best is printed.")
    var runs = 5

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        func best(_ body: () throws -> Timetable) throws -> (seconds: Double, timetable: Timetable) {
            var fastest = Double.infinity
            var last: Timetable?
            for _ in 0..<runs {
                // The last run's timetable is let go before the clock starts: its memory is not this run's work.
                last = nil
                let clock = Stopwatch()
                let timetable = try body()
                fastest = min(fastest, clock.lap())
                last = timetable
            }
            return (fastest, last!)
        }
        let cold = try best { try NetworkLoader.load(paths: [feed]) }
        let folder = NSTemporaryDirectory() + "/tiaoqi-import-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = TimetableCache(folder: folder)
        let clock = Stopwatch()
        let first = try NetworkLoader.load(paths: [feed], cache: cache)
        let firstSeconds = clock.lap()
        let cached = try best { try NetworkLoader.load(paths: [feed], cache: cache) }
        guard cached.timetable.archived() == first.archived(), first.archived() == cold.timetable.archived() else {
            throw ValidationError("the cached timetable differs from the imported one")
        }
        let report: [String: Any] = [
            "feed": feed, "trips": cold.timetable.trips.count, "stops": cold.timetable.stops.count,
            "stop_times": cold.timetable.trips.reduce(0) { $0 + $1.stops.count },
            "cold_seconds": cold.seconds, "first_with_cache_seconds": firstSeconds, "cached_seconds": cached.seconds,
            "peak_rss_mb": Stopwatch.peakMegabytes(),
        ]
        print(
            String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
    }
}
