import Testing
import Timeline
import Travel

/// A small deterministic generator, so every run checks the same timetables.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}

/// Earliest arrival by repeated relaxation over whole trips until nothing changes: slow, obvious, independent of
/// the connection scan's ordering.
func bruteForceArrival(
    timetable: Timetable, dates: [LocalDate], rules: TravelRules, from origin: String, to target: String, at start: Instant
) -> Instant? {
    let stops = timetable.stops
    var ready = [String: Int64]()
    for stop in stops where stop.cityID == origin { ready[stop.id] = start.seconds + Int64(rules.accessMinutes) * 60 }
    var changed = true
    while changed {
        changed = false
        func improve(_ stop: String, _ time: Int64) {
            if time < ready[stop] ?? .max {
                ready[stop] = time
                changed = true
            }
        }
        for trip in timetable.trips {
            for date in Set(dates.flatMap { [$0.adding(days: -1), $0] }) where timetable.runs(trip.serviceID, on: date) {
                for i in 0..<(trip.stops.count - 1) {
                    let boardAt = stops[trip.stops[i]].id
                    let depart = timetable.instant(serviceDate: date, seconds: trip.departures[i]).seconds
                    guard let at = ready[boardAt], at + Int64(rules.checkIn(trip.mode)) * 60 <= depart else { continue }
                    for j in (i + 1)..<trip.stops.count {
                        improve(stops[trip.stops[j]].id, timetable.instant(serviceDate: date, seconds: trip.arrivals[j]).seconds)
                    }
                }
            }
        }
        for a in stops {
            guard let at = ready[a.id] else { continue }
            for b in stops where b.cityID == a.cityID && b.id != a.id {
                improve(b.id, at + rules.taxiSeconds(from: a.coordinate, to: b.coordinate))
            }
        }
    }
    let arrivals = stops.filter { $0.cityID == target }.compactMap { ready[$0.id] }
    return arrivals.min().map { Instant(seconds: $0 + Int64(rules.accessMinutes) * 60) }
}

@Suite("Connection scan against brute force")
struct BruteForceTests {
    static func randomTimetable(seed: UInt64) throws -> Timetable {
        var random = SplitMix(state: seed)
        var records = TimetableRecords(zone: Zone(identifier: "Asia/Shanghai")!)
        let source = SourceLine(file: "random", line: 1)
        let cityCount = random.int(3...6)
        for c in 0..<cityCount {
            records.cities.append(
                City(id: "c\(c)", name: "C\(c)", nameZh: "", coordinate: Coordinate(lat: 30 + Double(c), lon: 115), timeZone: "Asia/Shanghai"))
            for s in 0..<random.int(1...2) {
                let id = "c\(c)s\(s)"
                records.stops.append(.init(id: id, name: id, coordinate: Coordinate(lat: 30 + Double(c) + Double(s) * 0.05, lon: 115), zoneID: nil, source: source))
                records.cityStops.append(.init(stopID: id, cityID: "c\(c)", source: source))
            }
        }
        records.routes = [.init(id: "rail", shortName: "G", longName: "", mode: .rail, source: source), .init(id: "air", shortName: "F", longName: "", mode: .air, source: source)]
        let start = LocalDate(iso: "2022-03-07")!
        records.services = [
            .init(id: "daily", weekdays: Set(Weekday.allCases), start: start, end: start.adding(days: 6), source: source),
            .init(id: "weekdays", weekdays: [.monday, .tuesday, .wednesday, .thursday, .friday], start: start, end: start.adding(days: 6), source: source),
        ]
        records.serviceExceptions = [.init(serviceID: "daily", date: start.adding(days: random.int(0...2)), added: false, source: source)]
        for t in 0..<random.int(6...25) {
            let stopIDs = records.stops.map(\.id)
            let length = min(random.int(2...4), stopIDs.count)
            var time = random.int(5 * 60...23 * 60) * 60  // some trips run past midnight
            var used: [String] = []
            records.trips.append(.init(id: "t\(t)", routeID: random.int(0...3) == 0 ? "air" : "rail", serviceID: random.int(0...1) == 0 ? "daily" : "weekdays", shortName: "T\(t)", source: source))
            for k in 0..<length {
                var stop = stopIDs[random.int(0...(stopIDs.count - 1))]
                while used.contains(stop) { stop = stopIDs[random.int(0...(stopIDs.count - 1))] }
                used.append(stop)
                let arrival = time
                let departure = k == 0 || k == length - 1 ? arrival : arrival + 120
                records.stopTimes.append(.init(tripID: "t\(t)", arrival: arrival, departure: departure, stopID: stop, sequence: k, source: source))
                time = departure + random.int(20...240) * 60
            }
        }
        return try Timetable(records)
    }

    @Test(arguments: 1...200)
    func earliestArrivalMatches(seed: Int) throws {
        let timetable = try Self.randomTimetable(seed: UInt64(seed))
        let dates = (7...9).map { LocalDate(year: 2022, month: 3, day: $0)! }
        var rules = TravelRules()
        rules.accessMinutes = 15
        let router = Router(timetable: timetable, rules: rules, dates: dates)
        var random = SplitMix(state: UInt64(seed) * 7919)
        let cities = timetable.cities.keys.sorted()
        for _ in 0..<5 {
            let from = cities[random.int(0...(cities.count - 1))]
            var to = cities[random.int(0...(cities.count - 1))]
            if to == from { to = cities[(cities.firstIndex(of: from)! + 1) % cities.count] }
            let start = Instant(iso8601: "2022-03-07T00:00:00+08:00")! + Int64(random.int(0...(36 * 60))) * 60
            let origin = Place(cityID: from, coordinate: timetable.cities[from]!.coordinate, label: from)
            let target = Place(cityID: to, coordinate: timetable.cities[to]!.coordinate, label: to)
            let fast = router.earliestArrival(from: origin, to: target, notBefore: start)?.arrive
            let slow = bruteForceArrival(timetable: timetable, dates: dates, rules: rules, from: from, to: to, at: start)
            #expect(fast == slow, "seed \(seed): \(from)→\(to) at \(start)")
        }
    }
}
