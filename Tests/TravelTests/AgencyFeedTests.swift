import Foundation
import GTFS
import TestSupport
import Testing
import Timeline
import Travel

/// A small feed written as an agency publishes one: stations (location_type 1) with platforms, bare stops and
/// entrances in one stops.txt, some in another stop_timezone; transfers.txt rules that name stations (a station to
/// itself, to another station) with platform-level rules over them; trips run from frequencies.txt (exact_times 0 and
/// 1) whose stop_times.txt give only the times between stops; a service known only from calendar_dates.txt. Beside the
/// files it keeps what they mean, worked out here without Tiaoqi: every run of every trip at its own times, and the
/// change time between every two platforms, as a `RandomFeed` for the time-expanded brute force.
struct AgencyFeed {
    var truth: RandomFeed
    var files: [String: [String]] = [:]

    init(seed: UInt64) {
        var random = SplitMix(state: seed)
        truth = RandomFeed(zone: "Asia/Shanghai", firstDay: "2022-03-07")
        var stopsLines = ["stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station,stop_timezone"]
        var stationOf: [Int: String] = [:]  // platform index → station id
        var stations: [String] = []
        for s in 0..<random.int(3...5) {
            let lat = 34.0 + Double(s) * 0.01
            let lon = 117.0 + Double(random.int(0...9)) * 0.01
            let zone = random.chance(25) ? "Asia/Urumqi" : ""
            if random.chance(20) {
                // A bare stop, its own place.
                let id = "B\(s)"
                stopsLines.append("\(id),Bare \(s),\(lat),\(lon),,,\(zone)")
                truth.stops.append(.init(id: id, city: s, lat: lat, lon: lon, accessMinutes: nil))
                continue
            }
            let station = "ST\(s)"
            stations.append(station)
            stopsLines.append("\(station),Station \(s),\(lat),\(lon),1,,\(zone)")
            stopsLines.append("\(station)-E,Entrance \(s),\(lat),\(lon + 0.0005),2,\(station),")
            for p in 0..<random.int(1...3) {
                let id = "\(station)-P\(p)"
                stopsLines.append("\(id),Station \(s) platform \(p),\(lat + 0.0002 * Double(p)),\(lon),0,\(station),")
                stationOf[truth.stops.count] = station
                truth.stops.append(.init(id: id, city: s, lat: lat, lon: lon, accessMinutes: nil))
            }
        }
        files["stops.txt"] = stopsLines
        files["agency.txt"] = [
            "agency_id,agency_name,agency_url,agency_timezone", "A,Agency,https://example.invalid,Asia/Shanghai",
        ]
        // Service 0 runs Monday to Friday with a day removed; service 1 only on dates calendar_dates.txt adds.
        truth.services = [
            .init(
                weekdays: [0, 1, 2, 3, 4], start: -3, end: 9, added: [], removed: [random.int(0...4)],
                inCalendar: true),
            .init(
                weekdays: [], start: 0, end: -1, added: [random.int(0...6), random.int(0...6)], removed: [],
                inCalendar: false),
        ]
        var trips = ["route_id,service_id,trip_id,trip_short_name"]
        var times = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type"]
        var closures = SplitMix(state: seed &* 7_919 &+ 17)
        var frequencies = ["trip_id,start_time,end_time,headway_secs,exact_times"]
        func clock(_ seconds: Int) -> String {
            String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        }
        for t in 0..<random.int(6...12) {
            let length = min(random.int(2...4), truth.stops.count)
            var chosen: [Int] = []
            while chosen.count < length {
                let stop = random.int(0...(truth.stops.count - 1))
                if !chosen.contains(stop) { chosen.append(stop) }
            }
            // Offsets from the first departure.
            var offsets: [(arrive: Int, depart: Int)] = []
            var time = 0
            for k in 0..<length {
                let dwell = k == 0 || k == length - 1 ? 0 : random.pick([0, 60, 120])
                offsets.append((time, time + dwell))
                time += dwell + random.int(3...40) * 60
            }
            let service = random.int(0...1)
            let id = "t\(t)"
            trips.append("R,s\(service),\(id),T\(t)")
            var starts: [Int] = []
            // Written at a base time the trip never runs at when it runs from frequencies.txt.
            var base = random.int(5 * 60...23 * 60) * 60
            if random.chance(50) {
                base = 4 * 3600 + 17 * 60
                var from = random.int(6 * 60...20 * 60) * 60
                for _ in 0..<random.int(1...2) {
                    let headway = random.pick([600, 900, 1200, 1800])
                    let until = from + random.int(1...6) * headway - random.pick([0, 1, 300])
                    frequencies.append("\(id),\(clock(from)),\(clock(until)),\(headway),\(random.int(0...1))")
                    var start = from
                    while start < until {
                        starts.append(start)
                        start += headway
                    }
                    from = until + random.int(0...3) * 600
                }
            } else {
                starts = [base]
            }
            var template = RandomFeed.Trip(
                id: id, mode: "bus", service: service, stops: chosen, arrivals: [], departures: [])
            closures.close(&template)
            for k in 0..<length {
                times.append(
                    "\(id),\(clock(base + offsets[k].arrive)),\(clock(base + offsets[k].depart)),\(truth.stops[chosen[k]].id),\(k + 1),\(template.boardingFields(k))"
                )
            }
            for start in starts {
                var run = template
                run.arrivals = offsets.map { start + $0.arrive }
                run.departures = offsets.map { start + $0.depart }
                truth.trips.append(run)
            }
        }
        files["routes.txt"] = ["route_id,route_short_name,route_type", "R,Bus,3"]
        files["trips.txt"] = trips
        files["stop_times.txt"] = times
        files["frequencies.txt"] = frequencies
        files["calendar.txt"] = [
            "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
            "s0,1,1,1,1,1,0,0,\(truth.dateText(-3, dashes: false)),\(truth.dateText(9, dashes: false))",
        ]
        files["calendar_dates.txt"] =
            ["service_id,date,exception_type"]
            + truth.services[0].removed.map { "s0,\(truth.dateText($0, dashes: false)),2" }
            + truth.services[1].added.sorted().map { "s1,\(truth.dateText($0, dashes: false)),1" }

        // Rules: station to itself, station to station, and platform-level rules over them (a longer or no change).
        var rules: [(from: String, to: String, seconds: Int?)] = []
        for station in stations where random.chance(80) { rules.append((station, station, random.int(1...6) * 60)) }
        for _ in 0..<random.int(0...3) where stations.count >= 2 {
            let a = random.pick(stations)
            let b = random.pick(stations)
            if a != b && !rules.contains(where: { $0.from == a && $0.to == b }) {
                rules.append((a, b, random.int(5...20) * 60))
            }
        }
        for _ in 0..<random.int(0...3) {
            let a = random.int(0...(truth.stops.count - 1))
            let b = random.int(0...(truth.stops.count - 1))
            let pair = (truth.stops[a].id, truth.stops[b].id)
            if !rules.contains(where: { $0.from == pair.0 && $0.to == pair.1 }) {
                rules.append((pair.0, pair.1, random.chance(30) ? nil : random.int(0...10) * 60))
            }
        }
        files["transfers.txt"] =
            ["from_stop_id,to_stop_id,transfer_type,min_transfer_time"]
            + rules.map { "\($0.from),\($0.to),\($0.seconds == nil ? 3 : 2),\($0.seconds.map(String.init) ?? "")" }
        // What they mean for each two platforms: the most specific rule (a platform over its station, the from side
        // first), as the GTFS reference orders them.
        for a in truth.stops.indices {
            for b in truth.stops.indices {
                var best: (score: Int, seconds: Int?)?
                for rule in rules {
                    let fromScore = rule.from == truth.stops[a].id ? 2 : (rule.from == stationOf[a] ? 0 : -1)
                    let toScore = rule.to == truth.stops[b].id ? 1 : (rule.to == stationOf[b] ? 0 : -1)
                    guard fromScore >= 0, toScore >= 0 else { continue }
                    if best == nil || fromScore + toScore > best!.score { best = (fromScore + toScore, rule.seconds) }
                }
                if let best { truth.transfers.append(.init(from: a, to: b, seconds: best.seconds)) }
            }
        }
    }

    func write(to folder: String) throws {
        for (name, lines) in files {
            try (lines.joined(separator: "\r\n") + "\r\n").write(
                toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
        }
    }
}

@Suite("An agency-shaped GTFS feed against the brute force")
struct AgencyFeedTests {
    @Test(arguments: 1...150)
    func earliestArrivalsMatch(seed: Int) throws {
        let feed = AgencyFeed(seed: UInt64(seed))
        let folder = Fixtures.temporaryFolder("agency-gtfs")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try feed.write(to: folder)
        let timetable = try NetworkLoader.load(folder: folder)
        let first = LocalDate(iso: feed.truth.firstDay)!
        let rules = BruteForceTests.rules
        let dates = (0..<feed.truth.days).map { first.adding(days: $0) }
        let router = Router(timetable: timetable, rules: rules, dates: dates)
        let graph = TimeExpandedGraph(feed: feed.truth, doorToDoor: false, rules: rules)
        var random = SplitMix(state: UInt64(seed) &* 104_729)
        let stops = feed.truth.stops
        for _ in 0..<6 {
            let a = random.int(0...(stops.count - 1))
            var b = random.int(0...(stops.count - 1))
            if b == a { b = (a + 1) % stops.count }
            let start = feed.truth.noonMinusTwelve(day: random.int(0...4)) + Int64(random.int(5 * 60...22 * 60)) * 60
            let fast = router.earliestArrival(
                fromStop: stops[a].id, toStop: stops[b].id, notBefore: Instant(seconds: start))
            let slow = graph.earliestArrival(sources: [(a, start)], targets: [(b, 0)])
            #expect(
                fast?.arrive.seconds == slow,
                "seed \(seed): \(stops[a].id)→\(stops[b].id) at \(Instant(seconds: start).iso8601)")
        }
    }

    /// Times in stop_times.txt are in the agency's zone, whatever a stop's stop_timezone says; the place takes the
    /// stop's zone.
    @Test func stopTimeZonesDoNotMoveTheTimes() throws {
        let folder = Fixtures.temporaryFolder("agency-zones")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files: [String: [String]] = [
            "agency.txt": [
                "agency_id,agency_name,agency_url,agency_timezone", "A,A,https://example.invalid,Asia/Shanghai",
            ],
            "stops.txt": [
                "stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station,stop_timezone",
                "U,Urumqi,43.8,87.6,1,,Asia/Urumqi", "U1,Urumqi 1,43.8,87.6,0,U,", "X,Xuzhou,34.2,117.2,,,",
            ],
            "routes.txt": ["route_id,route_short_name,route_type", "R,Z,2"],
            "trips.txt": ["route_id,service_id,trip_id", "R,S,T"],
            "stop_times.txt": [
                "trip_id,arrival_time,departure_time,stop_id,stop_sequence", "T,08:00:00,08:00:00,X,1",
                "T,20:00:00,20:00:00,U1,2",
            ],
            "calendar_dates.txt": ["service_id,date,exception_type", "S,20220307,1"],
        ]
        for (name, lines) in files {
            try lines.joined(separator: "\n").write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
        }
        let timetable = try NetworkLoader.load(folder: folder)
        #expect(timetable.cities["U"]?.timeZone == "Asia/Urumqi")
        let router = Router(timetable: timetable, rules: BruteForceTests.rules, dates: [LocalDate(iso: "2022-03-07")!])
        let journey = try #require(
            router.earliestArrival(fromStop: "X", toStop: "U1", notBefore: Instant(iso8601: "2022-03-07T00:00:00Z")!))
        // 20:00 Beijing time is 12:00 UTC (Urumqi's clocks would say 18:00).
        #expect(journey.arrive.iso8601 == "2022-03-07T12:00:00Z")
    }
}
