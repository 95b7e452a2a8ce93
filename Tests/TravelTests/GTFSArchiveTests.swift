import Foundation
import GTFS
import TestSupport
import Testing
import Timeline
import Travel

/// Runs a Python snippet (Python's zipfile writes the archives, not Tiaoqi) with arguments.
func python(_ script: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
}

/// Zips the GTFS files of `source` whose rows pass a route filter into `archive`, inside `inner` (a folder in the
/// archive, or "" for the top), deflated or stored.
let zipFeed = """
    import csv, io, sys, zipfile, os
    source, archive, inner, method, modes = sys.argv[1:6]
    keep_types = None if modes == "all" else ({"rail"} if modes == "rail" else {"air"})
    def kind(route_type):
        t = int(route_type)
        return "air" if 1100 <= t <= 1199 else "rail"
    def rows(name):
        with open(os.path.join(source, name), newline="", encoding="utf-8") as f:
            return list(csv.reader(f))
    routes = rows("routes.txt")
    rtype = routes[0].index("route_type")
    kept_routes = {r[0] for r in routes[1:] if keep_types is None or kind(r[rtype]) in keep_types}
    trips = rows("trips.txt")
    kept_trips = {r[trips[0].index("trip_id")] for r in trips[1:] if r[trips[0].index("route_id")] in kept_routes}
    def filtered(name, table):
        header = table[0]
        if name == "routes.txt": body = [r for r in table[1:] if r[0] in kept_routes]
        elif name == "trips.txt": body = [r for r in table[1:] if r[header.index("trip_id")] in kept_trips]
        elif name == "stop_times.txt": body = [r for r in table[1:] if r[header.index("trip_id")] in kept_trips]
        elif name == "fare_rules.txt": body = [r for r in table[1:] if r[header.index("route_id")] in kept_routes]
        else: body = table[1:]
        out = io.StringIO()
        csv.writer(out, lineterminator="\\n").writerows([header] + body)
        return out.getvalue()
    compression = zipfile.ZIP_DEFLATED if method == "deflate" else zipfile.ZIP_STORED
    with zipfile.ZipFile(archive, "w", compression) as z:
        for name in sorted(os.listdir(source)):
            if name.endswith(".txt"):
                z.writestr(os.path.join(inner, name) if inner else name, filtered(name, rows(name)))
    """

@Suite("GTFS from .zip files and several feeds")
struct GTFSArchiveTests {
    /// A folder holding the sample's cities.csv and city_stops.csv, for feeds to join.
    func placesFolder() throws -> String {
        let folder = Fixtures.temporaryFolder("network")
        for name in ["cities.csv", "city_stops.csv"] {
            try FileManager.default.copyItem(atPath: "\(Fixtures.network)/\(name)", toPath: "\(folder)/\(name)")
        }
        return folder
    }

    func arrival(_ timetable: Timetable, _ from: String, _ to: String, _ time: String) -> Journey? {
        let days = (7...9).map { LocalDate(year: 2022, month: 3, day: $0)! }
        let router = Router(timetable: timetable, rules: TravelRules(), dates: days)
        func place(_ id: String) -> Place { Place(cityID: id, coordinate: timetable.cities[id]!.coordinate, label: id) }
        return router.earliestArrival(from: place(from), to: place(to), notBefore: Instant(iso8601: time)!)
    }

    @Test(arguments: ["deflate", "store"])
    func aZippedFeedInAFolderInsideTheArchiveLoadsLikeTheFolder(method: String) throws {
        let folder = try placesFolder()
        try python(zipFeed, [Fixtures.network, "\(folder)/china.zip", "gtfs", method, "all"])
        let zipped = try NetworkLoader.load(folder: folder)
        let plain = try NetworkLoader.load(folder: Fixtures.network)
        #expect(zipped.trips.count == plain.trips.count)
        #expect(zipped.stops.map(\.id) == plain.stops.map(\.id))
        let a = arrival(zipped, "xuzhou", "shanghai", "2022-03-07T07:00:00+08:00")
        #expect(a != nil)
        #expect(a?.arrive == arrival(plain, "xuzhou", "shanghai", "2022-03-07T07:00:00+08:00")?.arrive)
    }

    @Test func railAndAirFeedsMakeOneNetwork() throws {
        let folder = try placesFolder()
        try python(zipFeed, [Fixtures.network, "\(folder)/rail.zip", "", "deflate", "rail"])
        try python(zipFeed, [Fixtures.network, "\(folder)/air.zip", "", "deflate", "air"])
        let timetable = try NetworkLoader.load(folder: folder)
        let plain = try NetworkLoader.load(folder: Fixtures.network)
        #expect(timetable.trips.count == plain.trips.count)
        #expect(timetable.trips.allSatisfy { $0.id.hasPrefix("rail:") || $0.id.hasPrefix("air:") })
        #expect(timetable.trips.filter { $0.id.hasPrefix("air:") }.allSatisfy { $0.mode == .air })
        // The same journeys, from both feeds: a train to Shanghai, a flight to Shenzhen.
        for (to, time) in [("shanghai", "2022-03-07T07:00:00+08:00"), ("shenzhen", "2022-03-08T06:00:00+08:00")] {
            let merged = arrival(timetable, "xuzhou", to, time)
            #expect(merged != nil)
            #expect(merged?.arrive == arrival(plain, "xuzhou", to, time)?.arrive)
        }
        #expect(
            arrival(timetable, "xuzhou", "shenzhen", "2022-03-08T06:00:00+08:00")?.services.contains { $0.mode == .air }
                == true)
    }

    @Test func aDamagedArchiveIsAnErrorNamingIt() throws {
        let folder = try placesFolder()
        try python(zipFeed, [Fixtures.network, "\(folder)/china.zip", "", "deflate", "all"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/china.zip"))
        // Cut off the end (the central directory), then, separately, damage the data of the first file.
        try bytes.prefix(bytes.count - 100).write(to: URL(fileURLWithPath: "\(folder)/china.zip"))
        #expect { try NetworkLoader.load(folder: folder) } throws: { error in
            "\(error)".contains("china.zip") && "\(error)".contains("not a readable ZIP archive")
        }
        var damaged = bytes
        damaged[damaged.startIndex + 80] ^= 0xFF
        try damaged.write(to: URL(fileURLWithPath: "\(folder)/china.zip"))
        #expect { try NetworkLoader.load(folder: folder) } throws: { error in
            "\(error)".contains("china.zip (")
                && ("\(error)".contains("CRC-32") || "\(error)".contains("DEFLATE") || "\(error)".contains("size"))
        }
    }
}

@Suite("Stops that are not timepoints")
struct TimepointTests {
    /// A copy of the sample network with stop_times.txt edited by `edit`.
    func network(_ edit: (inout [String]) -> Void) throws -> String {
        let folder = Fixtures.temporaryFolder("timepoints")
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.network)
        where name.hasSuffix(".txt") || name.hasSuffix(".csv") {
            try FileManager.default.copyItem(atPath: "\(Fixtures.network)/\(name)", toPath: "\(folder)/\(name)")
        }
        var lines = try String(contentsOfFile: "\(folder)/stop_times.txt", encoding: .utf8).components(
            separatedBy: "\n")
        edit(&lines)
        try lines.joined(separator: "\n").write(toFile: "\(folder)/stop_times.txt", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func timesBetweenTimepointsAreInterpolatedByDistance() throws {
        // G101 calls at BJS 06:18, TJS, JNW, XZE 08:53: leave the two middle stops without times.
        let folder = try network { lines in
            for (index, line) in lines.enumerated()
            where line.hasPrefix("G101-DAILY,") && (line.hasSuffix(",TJS,2") || line.hasSuffix(",JNW,3")) {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                lines[index] = "\(fields[0]),,,\(fields[3]),\(fields[4])"
            }
        }
        let timetable = try NetworkLoader.load(folder: folder)
        let trip = try #require(timetable.trips.first { $0.id == "G101-DAILY" })
        let tianjin = trip.arrivals[1]
        let jinan = trip.arrivals[2]
        #expect(trip.departures[0] < tianjin && tianjin < jinan && jinan < trip.arrivals[3])
        // Tianjin is about a quarter of the way from Beijing to Xuzhou (by straight-line distance).
        let share = Double(tianjin - trip.departures[0]) / Double(trip.arrivals[3] - trip.departures[0])
        #expect(share > 0.1 && share < 0.3)
    }

    @Test func aTripNeedsTimesAtItsEnds() throws {
        let folder = try network { lines in
            if let index = lines.firstIndex(where: { $0.hasPrefix("G101-DAILY,") && $0.hasSuffix(",BJS,1") }) {
                lines[index] = "G101-DAILY,,,BJS,1"
            }
        }
        #expect { try NetworkLoader.load(folder: folder) } throws: { error in
            "\(error)".contains("stop_times.txt:2") && "\(error)".contains("first and last stop")
        }
    }
}
