import ArgumentParser
import Foundation
import GTFS
import Planner
import Schedules
import Timeline
import Travel

/// `tiaoqi-bench travel`: a generated national network, imported, queried, and precomputed; prints JSON.
struct TravelBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "travel",
        abstract:
            "Generate a China-scale GTFS network, import it, time earliest-arrival queries, profile precomputation and lookups; prints JSON."
    )

    @Option(name: .long, help: "Stations in the generated network.")
    var stations = 3_000

    @Option(name: .customLong("trips-per-day"), help: "Trips running every day.")
    var tripsPerDay = 10_000

    @Option(name: .long, help: "Days the timetable covers.")
    var days = 7

    @Option(name: .long, help: "Cities whose stop-to-stop profiles are precomputed (the largest).")
    var cities = 50

    @Option(name: .long, help: "Door-to-door earliest-arrival queries timed one by one.")
    var queries = 1_000

    @Option(name: .long, help: "Precomputed lookups timed.")
    var lookups = 10_000_000

    @Option(name: .long, help: "Seed of the generated network and the queries.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Keep the generated network in this folder instead of a temporary one.")
    var keep: String?

    func validate() throws {
        guard stations >= 20 else { throw ValidationError("--stations must be at least 20") }
        guard tripsPerDay >= 10 else { throw ValidationError("--trips-per-day must be at least 10") }
        guard days >= 3 else { throw ValidationError("--days must be at least 3") }
        guard cities >= 1, queries >= 1, lookups >= 1 else {
            throw ValidationError("--cities, --queries and --lookups must be positive")
        }
    }

    func run() throws {
        let folder = keep ?? NSTemporaryDirectory() + "/tiaoqi-network-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: folder) } }
        var generator = NetworkGenerator(stations: stations, tripsPerDay: tripsPerDay, days: days, seed: seed)
        try generator.write(to: folder)
        let bytes = try FileManager.default.contentsOfDirectory(atPath: folder)
            .reduce(0) {
                $0 + ((try? FileManager.default.attributesOfItem(atPath: "\(folder)/\($1)")[.size] as? Int) ?? 0)
            }

        let clock = Stopwatch()
        let timetable = try NetworkLoader.load(folder: folder)
        let importSeconds = clock.lap()
        let rssAfterImport = Stopwatch.residentMegabytes()
        let dates = (0..<days).map { generator.firstDay.adding(days: $0) }
        let router = Router(timetable: timetable, rules: TravelRules(), dates: dates)
        let routerSeconds = clock.lap()

        // Door-to-door queries between the larger cities, leaving between 06:00 and 20:00 on days 1…days-3.
        let big = generator.cities.prefix(cities).map(\.id)
        var random = SplitMix64(state: seed &* 7919)
        var timings: [Double] = []
        var answered = 0
        let zone = timetable.zone
        func place(_ city: String) -> Place {
            let centre = timetable.cities[city]!.coordinate
            return Place(cityID: city, coordinate: centre, label: city)
        }
        for _ in 0..<queries {
            let a = big[random.below(big.count)]
            var b = big[random.below(big.count)]
            if a == b { b = big[(big.firstIndex(of: a)! + 1) % big.count] }
            let day = dates[1 + random.below(max(1, days - 3))]
            let start = zone.instant(day, TimeOfDay(minutes: 360 + random.below(14 * 60)))
            let single = Stopwatch()
            if router.earliestArrival(from: place(a), to: place(b), notBefore: start) != nil { answered += 1 }
            timings.append(single.lap() * 1000)
        }
        timings.sort()

        clock.reset()
        let times = TravelTimes(router: router, cities: big)
        let precomputeSeconds = clock.lap()
        let rssAfterProfiles = Stopwatch.residentMegabytes()

        // Lookups: random stop pairs of the precomputed cities and random ready times over the week.
        let covered = big.flatMap { city in timetable.stops.indices.filter { timetable.stops[$0].cityID == city } }
        let first = zone.day(dates[0]).start.seconds
        let sample = (0..<1_000_000).map { _ in
            (
                covered[random.below(covered.count)], covered[random.below(covered.count)],
                first + Int64(random.below(days * 86_400))
            )
        }
        clock.reset()
        var checksum: Int64 = 0
        var done = 0
        while done < lookups {
            for (from, to, time) in sample where done < lookups {
                checksum &+= times.earliestArrival(fromStop: from, toStop: to, readyAt: time) ?? 0
                done += 1
            }
        }
        let lookupSeconds = clock.lap()
        let questions = sample.map { TravelTimes.Question(from: $0.0, to: $0.1, ready: $0.2) }
        clock.reset()
        done = 0
        while done < lookups {
            let answers = times.earliestArrivals(questions)
            for answer in answers where answer != .max { checksum &+= answer }
            done += questions.count
        }
        let batchSeconds = clock.lap()
        let doorSample = sample.prefix(100_000).map {
            (timetable.stops[$0.0].cityID, timetable.stops[$0.1].cityID, $0.2)
        }
        clock.reset()
        for (a, b, time) in doorSample {
            checksum &+=
                times.earliestArrival(from: place(a), to: place(b), notBefore: Instant(seconds: time))?.seconds ?? 0
        }
        let doorSeconds = clock.lap()

        let report: [String: Any] = [
            "tool": "tiaoqi", "stations": timetable.stops.count, "cities": timetable.cities.count,
            "trips_per_day": tripsPerDay,
            "days": days, "gtfs_megabytes": Double(bytes) / 1e6, "connections": router.connectionCount,
            "import_seconds": importSeconds, "router_seconds": router.connectionCount > 0 ? routerSeconds : 0,
            "rss_mb_after_import": rssAfterImport,
            "earliest_arrival": [
                "queries": queries, "answered": answered, "median_ms": timings[timings.count / 2],
                "p90_ms": timings[timings.count * 9 / 10], "max_ms": timings.last ?? 0,
            ],
            "profiles": [
                "cities": big.count, "stops": times.stopCount, "entries": times.entryCount,
                "seconds": precomputeSeconds,
                "rss_mb_after": rssAfterProfiles,
            ],
            "lookups": [
                "count": lookups, "seconds": lookupSeconds, "per_second": Double(lookups) / lookupSeconds,
                "batched_per_second": Double(done) / batchSeconds, "checksum": checksum,
            ],
            "door_to_door_lookups": ["count": doorSample.count, "per_second": Double(doorSample.count) / doorSeconds],
            "peak_rss_mb": Stopwatch.peakMegabytes(),
        ]
        print(
            String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
    }
}

/// Wall-clock laps and the process's memory, for benchmarks.
final class Stopwatch {
    private var start = DispatchTime.now().uptimeNanoseconds

    /// Seconds since the start or the last lap, and starts a new lap.
    func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { start = now }
        return Double(now - start) / 1e9
    }

    func reset() { start = DispatchTime.now().uptimeNanoseconds }

    /// The peak resident set so far, MB.
    static func peakMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// The resident set now, MB (from /proc/self/statm).
    static func residentMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return peakMegabytes() }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1e6
    }
}
