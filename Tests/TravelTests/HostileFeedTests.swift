import Foundation
import GTFS
import TestSupport
import Testing
import Timeline
import Travel

/// A hostile fixture under Tests/TravelTests/Fixtures/hostile.
func hostile(_ name: String) -> String { Fixtures.path("Tests/TravelTests/Fixtures/hostile/\(name)") }

/// Writes a zip bomb of `megabytes` MiB of zeros as the stop_times.txt of the hostile base feed (see zip-bomb.py);
/// `declared` is the size its headers record: "honest", bytes, or "ratio:N".
func zipBomb(megabytes: Int, declared: String) throws -> String {
    let archive = (Fixtures.temporaryFolder("bomb") as NSString).appendingPathComponent("bomb.zip")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", hostile("zip-bomb.py"), archive, String(megabytes), declared, hostile("feed")]
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    return archive
}

@Suite("Hostile GTFS feeds")
struct HostileFeedTests {
    @Test func theBaseFeedLoads() throws {
        let timetable = try NetworkLoader.load(folder: hostile("feed"))
        #expect(timetable.trips.map(\.id) == ["T1"])
    }

    /// Hours that overflow, that would make the router scan a billion days, or millions: each refused at its line.
    @Test(arguments: ["time-overflow", "time-terabyte", "time-minutes", "time-past-bound"])
    func anAbsurdTimeIsRefusedAtItsLine(fixture: String) throws {
        let started = ContinuousClock.now
        #expect { try NetworkLoader.load(folder: hostile(fixture)) } throws: { error in
            "\(error)".contains("\(fixture)/stop_times.txt:3: arrival_time") && "\(error)".contains("past 72:00:00")
        }
        // A hang guard, generous for a loaded machine: before, one of these ran 36 s and others for ever.
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test func theLatestTimeLoadsAndIsFoundThreeDaysOn() throws {
        let folder = Fixtures.copy(hostile("feed"))
        Fixtures.edit("\(folder)/stop_times.txt", replacing: "T1,10:30:00,10:30:00", with: "T1,72:00:00,72:00:00")
        let timetable = try NetworkLoader.load(folder: folder)
        #expect(timetable.trips[0].arrivals.last == Timetable.latestTime)
        // Leaves Monday 7 March at 08:00 (+08:00), arrives at Thursday's midnight.
        let depart = Instant(iso8601: "2022-03-07T08:00:00+08:00")!
        let arrive = Instant(iso8601: "2022-03-10T00:00:00+08:00")!
        #expect(timetable.hasService("G1", from: "AAA", to: "BBB", depart: depart, arrive: arrive))
        let router = Router(
            timetable: timetable, rules: TravelRules(), dates: [LocalDate(year: 2022, month: 3, day: 7)!])
        let place = { (id: String) in Place(cityID: id, coordinate: timetable.cities[id]!.coordinate, label: id) }
        #expect(
            router.earliestArrival(from: place("AAA"), to: place("BBB"), notBefore: depart - 3600)?.arrive
                ?? .init(seconds: 0) >= arrive)
    }

    /// Records built by other code than the loader are held to the same bound.
    @Test func aTimetableRefusesATimePastTheBound() throws {
        var records = try #require(try? recordsOfBaseFeed())
        records.stopTimes[1].arrival = Timetable.latestTime + 1
        records.stopTimes[1].departure = Timetable.latestTime + 1
        let source = records.stopTimes[1].source
        #expect { try Timetable(records) } throws: { error in
            (error as? TravelError)?.source == source && "\(error)".contains("72:00:00")
        }
    }

    func recordsOfBaseFeed() throws -> TimetableRecords {
        var records = TimetableRecords(zone: Zone(identifier: "Asia/Shanghai")!)
        let source = SourceLine(file: "stop_times.txt", line: 2)
        records.cities = [
            City(id: "a", name: "A", nameZh: "", coordinate: Coordinate(lat: 34, lon: 117), timeZone: "Asia/Shanghai"),
            City(id: "b", name: "B", nameZh: "", coordinate: Coordinate(lat: 31, lon: 121), timeZone: "Asia/Shanghai"),
        ]
        records.stops = [
            .init(id: "A", name: "A", coordinate: Coordinate(lat: 34, lon: 117), zoneID: nil, source: source),
            .init(id: "B", name: "B", coordinate: Coordinate(lat: 31, lon: 121), zoneID: nil, source: source),
        ]
        records.cityStops = [
            .init(stopID: "A", cityID: "a", source: source), .init(stopID: "B", cityID: "b", source: source),
        ]
        records.routes = [.init(id: "R", shortName: "G", longName: "", mode: .rail, source: source)]
        records.trips = [.init(id: "T", routeID: "R", serviceID: "S", shortName: nil, source: source)]
        records.stopTimes = [
            .init(tripID: "T", arrival: 3600, departure: 3600, stopID: "A", sequence: 1, source: source),
            .init(
                tripID: "T", arrival: 7200, departure: 7200, stopID: "B", sequence: 2,
                source: SourceLine(file: "stop_times.txt", line: 3)),
        ]
        records.services = [
            .init(
                id: "S", weekdays: Set((0..<7).map { Weekday(rawValue: $0)! }),
                start: LocalDate(year: 2022, month: 1, day: 1)!,
                end: LocalDate(year: 2022, month: 12, day: 31)!, source: source)
        ]
        return records
    }

    @Test func aCalendarEndingBeforeItStartsIsRefusedAtItsLine() throws {
        #expect { try NetworkLoader.load(folder: hostile("calendar-backwards")) } throws: { error in
            "\(error)".contains("calendar-backwards/calendar.txt:2: end_date 20220101 is before start_date 20221231")
        }
    }

    @Test func aDateThatDoesNotExistIsRefusedAtItsLine() throws {
        #expect { try NetworkLoader.load(folder: hostile("calendar-not-a-date")) } throws: { error in
            "\(error)".contains("calendar-not-a-date/calendar.txt:2: end_date '20220230' is not a date")
        }
    }
}

@Suite("Zip bombs")
struct ZipBombTests {
    /// 1.5 GB of zeros in a 1.5 MB archive that says so: refused from its recorded sizes, before inflating anything.
    @Test func anArchiveRecordingAHugeFileIsRefusedBeforeInflating() throws {
        let archive = try zipBomb(megabytes: 1500, declared: "honest")
        #expect { try NetworkLoader.load(paths: [archive], displayPaths: ["bomb.zip"]) } throws: { error in
            "\(error)".hasPrefix("bomb.zip") && "\(error)".contains("stop_times.txt")
                && "\(error)".contains("MiB Tiaoqi reads")
        }
    }

    /// The same bomb recording 99 times its compressed size: stopped by the running ratio, 16 MiB in.
    @Test func aBombWithALyingHeaderIsStoppedAsItInflates() throws {
        let archive = try zipBomb(megabytes: 1500, declared: "ratio:99")
        #expect { try NetworkLoader.load(paths: [archive], displayPaths: ["bomb.zip"]) } throws: { error in
            "\(error)".hasPrefix("bomb.zip (stop_times.txt): inflates") && "\(error)".contains("zip bomb")
        }
    }

    /// A file that records 1000 bytes and inflates to more is stopped at its first chunk.
    @Test func aFileInflatingPastItsRecordedSizeIsRefused() throws {
        let archive = try zipBomb(megabytes: 64, declared: "1000")
        #expect { try NetworkLoader.load(paths: [archive], displayPaths: ["bomb.zip"]) } throws: { error in
            "\(error)".hasPrefix("bomb.zip (stop_times.txt): inflates past the 1000 bytes")
        }
    }

    /// An honest, small archive of the base feed still loads (stored and deflated).
    @Test(arguments: ["store", "deflate"])
    func anHonestArchiveLoads(method: String) throws {
        let folder = Fixtures.temporaryFolder("zipped")
        try python(zipFeed, [hostile("feed"), "\(folder)/feed.zip", "", method, "all"])
        #expect(try NetworkLoader.load(folder: folder).trips.count == 1)
    }
}

@Suite("Counts in a feed that multiply")
struct HostileCountTests {
    /// A feed of one trip from city `far` to city `big`, whose `stopCount` stops are all in `big`; `transfers` changes
    /// between them and `services` services that only calendar_dates.txt defines.
    func feed(stopCount: Int, transfers: Int = 0, services: Int = 0) throws -> String {
        let folder = Fixtures.temporaryFolder("counts")
        func write(_ name: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
        }
        let stops = (0..<stopCount).map { "S\($0)" }
        try write(
            "agency.txt",
            ["agency_id,agency_name,agency_url,agency_timezone", "a,A,https://example.invalid,Asia/Shanghai"])
        try write(
            "cities.csv",
            ["city_id,name,lat,lon,time_zone", "big,Big,31.2,121.4,Asia/Shanghai", "far,Far,34.2,117.1,Asia/Shanghai"])
        try write("city_stops.csv", ["stop_id,city_id", "F,far"] + stops.map { "\($0),big" })
        try write(
            "stops.txt",
            ["stop_id,stop_name,stop_lat,stop_lon", "F,Far,34.2,117.1"]
                + stops.enumerated().map { k, id in
                    "\(id),Stop \(k),\(31.0 + Double(k % 100) * 0.004),\(121.0 + Double(k / 100) * 0.004)"
                })
        try write("routes.txt", ["route_id,route_short_name,route_type", "R,G,2"])
        try write("trips.txt", ["route_id,service_id,trip_id", "R,S,T"])
        try write(
            "stop_times.txt",
            [
                "trip_id,arrival_time,departure_time,stop_id,stop_sequence", "T,08:00:00,08:00:00,F,1",
                "T,10:00:00,10:00:00,S0,2",
            ])
        try write(
            "calendar.txt",
            [
                "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
                "S,1,1,1,1,1,1,1,20220101,20221231",
            ])
        try write("calendar_dates.txt", ["service_id,date,exception_type"] + (0..<services).map { "X\($0),20220307,1" })
        try write(
            "transfers.txt",
            ["from_stop_id,to_stop_id,transfer_type,min_transfer_time"]
                + (0..<transfers).map {
                    "S0,S\($0 % stopCount),2,\(60 + $0 % 600)"
                })
        return folder
    }

    @Test func aCityOfTooManyStopsIsRefusedAtTheStopPastTheLimit() throws {
        let folder = try feed(stopCount: Timetable.mostStopsPerCity + 1)
        #expect { try NetworkLoader.load(folder: folder) } throws: { error in
            "\(error)".contains(
                "city_stops.csv:\(Timetable.mostStopsPerCity + 3): city 'big' groups more than \(Timetable.mostStopsPerCity) stops"
            )
        }
    }

    /// The most stops a city may have, 30,000 transfers from one stop and 30,000 services: loaded and ready to route
    /// in seconds (looked up by key, not by scanning what came before: 30,000² comparisons would take minutes).
    @Test func theLargestCityAndManyRowsLoadQuickly() throws {
        let folder = try feed(stopCount: Timetable.mostStopsPerCity, transfers: 30_000, services: 30_000)
        let started = ContinuousClock.now
        let timetable = try NetworkLoader.load(folder: folder)
        let router = Router(
            timetable: timetable, rules: TravelRules(), dates: [LocalDate(year: 2022, month: 3, day: 7)!])
        let far = Place(cityID: "far", coordinate: timetable.cities["far"]!.coordinate, label: "far")
        let big = Place(cityID: "big", coordinate: timetable.cities["big"]!.coordinate, label: "big")
        #expect(
            router.earliestArrival(from: far, to: big, notBefore: Instant(iso8601: "2022-03-07T06:00:00+08:00")!) != nil
        )
        #expect(ContinuousClock.now - started < .seconds(60), "a hang guard, not a speed test")
    }
}
