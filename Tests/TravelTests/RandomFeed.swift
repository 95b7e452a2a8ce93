import Foundation
import TestSupport

/// SplitMix64 (the planner's generator, copied so that Travel's tests need no planner): a seed always gives the same
/// timetables.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(state seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// A random GTFS feed held in memory, written out as files for the importer, and read directly by the brute force.
/// Dates are days since the horizon's first day; the brute force never sees Tiaoqi's timetable types.
struct RandomFeed {
    struct Stop {
        var id: String
        var city: Int
        var lat: Double
        var lon: Double
        var accessMinutes: Int?
    }
    struct Service {
        var weekdays: Set<Int>
        var start: Int
        var end: Int
        var added: Set<Int>
        var removed: Set<Int>
        var inCalendar: Bool
    }
    struct Trip {
        var id: String
        var mode: String
        var service: Int
        var stops: [Int]
        var arrivals: [Int]
        var departures: [Int]
        /// Positions where nobody may get on (pickup_type 1) or off (drop_off_type 1).
        var noBoarding: Set<Int> = []
        var noAlighting: Set<Int> = []

        /// The pickup_type and drop_off_type fields of the stop at position `k`: 1 where closed, else one of the
        /// ways of saying open (empty, 0, or 2 and 3, which can be arranged).
        func boardingFields(_ k: Int) -> String {
            let open = ["", "0", "2", "3"]
            let pickup = noBoarding.contains(k) ? "1" : open[(k + id.count) % 4]
            let dropOff = noAlighting.contains(k) ? "1" : open[(k * 3 + id.count) % 4]
            return "\(pickup),\(dropOff)"
        }
    }
    struct Transfer {
        var from: Int
        var to: Int
        var seconds: Int?
    }

    let zone: String
    /// The horizon's first day, `YYYY-MM-DD`.
    let firstDay: String
    let days = 7
    var cityCoordinates: [(lat: Double, lon: Double)] = []
    var stops: [Stop] = []
    var services: [Service] = []
    var trips: [Trip] = []
    var transfers: [Transfer] = []

    init(seed: UInt64) {
        var random = SplitMix(state: seed)
        // Every fourth feed runs over Europe's spring change to summer time (Sunday 2022-03-27).
        if seed % 4 == 0 {
            zone = "Europe/Berlin"
            firstDay = "2022-03-24"
        } else {
            zone = "Asia/Shanghai"
            firstDay = "2022-03-07"
        }
        for city in 0..<random.int(3...5) {
            let lat = 30 + Double(city) * 0.7
            let lon = 115 + Double(random.int(0...10)) * 0.1
            cityCoordinates.append((lat, lon))
            for k in 0..<random.int(1...3) {
                stops.append(
                    Stop(
                        id: "c\(city)s\(k)", city: city, lat: lat + Double(k) * 0.03, lon: lon + Double(k) * 0.02,
                        accessMinutes: random.chance(30) ? random.int(5...50) : nil))
            }
        }
        for _ in 0..<random.int(2...4) {
            let start = random.int(-2...2)
            let end = random.int(3...9)
            var weekdays: Set<Int> = []
            for day in 0..<7 where random.chance(70) { weekdays.insert(day) }
            var added: Set<Int> = []
            var removed: Set<Int> = []
            for _ in 0..<random.int(0...2) { added.insert(random.int(-1...7)) }
            for _ in 0..<random.int(0...2) { removed.insert(random.int(-1...7)) }
            services.append(
                Service(
                    weekdays: weekdays, start: start, end: end, added: added, removed: removed.subtracting(added),
                    inCalendar: true))
        }
        // A service known only from calendar_dates.txt.
        services.append(
            Service(
                weekdays: [], start: 0, end: -1, added: [random.int(0...6), random.int(0...6)], removed: [],
                inCalendar: false))
        for t in 0..<random.int(8...24) {
            let length = min(random.int(2...5), stops.count)
            var chosen: [Int] = []
            while chosen.count < length {
                let stop = random.int(0...(stops.count - 1))
                if !chosen.contains(stop) { chosen.append(stop) }
            }
            // Some trips start after midnight of their service day (times past 24:00:00).
            var time = random.int(4 * 60...27 * 60) * 60
            var arrivals: [Int] = []
            var departures: [Int] = []
            for k in 0..<length {
                arrivals.append(time)
                let dwell = k == 0 || k == length - 1 ? 0 : random.pick([0, 60, 120, 300])
                departures.append(time + dwell)
                // Now and then a hop that takes no time at all (minute-rounded timetables have them).
                time += dwell + (random.chance(8) ? 0 : random.int(5...200) * 60)
            }
            trips.append(
                Trip(
                    id: "t\(t)", mode: random.pick(["rail", "rail", "air", "bus"]),
                    service: random.int(0...(services.count - 1)),
                    stops: chosen, arrivals: arrivals, departures: departures))
        }
        // Stops where a trip takes nobody on or lets nobody off, drawn apart so that the rest stays as it was.
        var closures = SplitMix(state: seed &* 7_919 &+ 17)
        for t in trips.indices { closures.close(&trips[t]) }
        for stop in stops.indices where random.chance(30) {
            // A minimum change time at a stop, or no change there at all.
            transfers.append(Transfer(from: stop, to: stop, seconds: random.chance(85) ? random.int(0...30) * 60 : nil))
        }
        for _ in 0..<random.int(0...4) {
            let a = random.int(0...(stops.count - 1))
            let b = random.int(0...(stops.count - 1))
            if a != b && !transfers.contains(where: { $0.from == a && $0.to == b }) {
                transfers.append(Transfer(from: a, to: b, seconds: random.int(1...45) * 60))
            }
        }
    }

    /// An empty feed over the week from `firstDay`, to be filled by another generator.
    init(zone: String, firstDay: String) {
        self.zone = zone
        self.firstDay = firstDay
    }

    // MARK: The calendar, computed here without Tiaoqi

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar
    }

    /// The midnight-free reference of GTFS: noon of the service day, less twelve hours, in seconds since 1970.
    func noonMinusTwelve(day: Int) -> Int64 {
        let parts = firstDay.split(separator: "-").map { Int($0)! }
        let first = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))!
        let noon = calendar.date(byAdding: .day, value: day, to: first)!
        return Int64(noon.timeIntervalSince1970) - 12 * 3600
    }

    func weekday(day: Int) -> Int {
        let parts = firstDay.split(separator: "-").map { Int($0)! }
        let first = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))!
        let date = calendar.date(byAdding: .day, value: day, to: first)!
        return (calendar.component(.weekday, from: date) + 5) % 7  // Monday 0
    }

    func runs(_ service: Int, day: Int) -> Bool {
        let s = services[service]
        if s.added.contains(day) { return true }
        if s.removed.contains(day) { return false }
        return s.inCalendar && day >= s.start && day <= s.end && s.weekdays.contains(weekday(day: day))
    }

    func dateText(_ day: Int, dashes: Bool) -> String {
        let parts = firstDay.split(separator: "-").map { Int($0)! }
        let first = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))!
        let date = calendar.date(byAdding: .day, value: day, to: first)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return dashes
            ? String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            : String(format: "%04d%02d%02d", c.year!, c.month!, c.day!)
    }

    // MARK: Files

    /// Writes the feed as GTFS plus Tiaoqi's cities.csv and city_stops.csv.
    func write(to folder: String) throws {
        func file(_ name: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\r\n") + "\r\n").write(
                toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
        }
        func clock(_ seconds: Int) -> String {
            String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        }
        try file(
            "agency.txt",
            ["agency_id,agency_name,agency_url,agency_timezone", "a,Random,https://example.invalid,\(zone)"])
        try file(
            "cities.csv",
            ["city_id,name,lat,lon,time_zone"]
                + cityCoordinates.indices.map {
                    "c\($0),City \($0),\(cityCoordinates[$0].lat),\(cityCoordinates[$0].lon),\(zone)"
                })
        try file(
            "city_stops.csv",
            ["stop_id,city_id,access_minutes"]
                + stops.map { "\($0.id),c\($0.city),\($0.accessMinutes.map(String.init) ?? "")" })
        try file(
            "stops.txt",
            ["stop_id,stop_name,stop_lat,stop_lon"] + stops.map { "\($0.id),\"Stop \($0.id)\",\($0.lat),\($0.lon)" })
        try file("routes.txt", ["route_id,route_short_name,route_type", "rail,G,2", "air,MU,1100", "bus,B,3"])
        try file(
            "trips.txt",
            ["route_id,service_id,trip_id,trip_short_name"]
                + trips.map { "\($0.mode),s\($0.service),\($0.id),\($0.id.uppercased())" })
        var times = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type"]
        for trip in trips {
            for k in trip.stops.indices {
                times.append(
                    "\(trip.id),\(clock(trip.arrivals[k])),\(clock(trip.departures[k])),\(stops[trip.stops[k]].id),\(k * 10 + 1),\(trip.boardingFields(k))"
                )
            }
        }
        try file("stop_times.txt", times)
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        try file(
            "calendar.txt",
            ["service_id," + names.joined(separator: ",") + ",start_date,end_date"]
                + services.indices.filter { services[$0].inCalendar }.map { index in
                    let s = services[index]
                    return "s\(index)," + (0..<7).map { s.weekdays.contains($0) ? "1" : "0" }.joined(separator: ",")
                        + ",\(dateText(s.start, dashes: false)),\(dateText(s.end, dashes: false))"
                })
        var exceptions = ["service_id,date,exception_type"]
        for (index, s) in services.enumerated() {
            exceptions += s.added.sorted().map { "s\(index),\(dateText($0, dashes: false)),1" }
            exceptions += s.removed.sorted().map { "s\(index),\(dateText($0, dashes: false)),2" }
        }
        try file("calendar_dates.txt", exceptions)
        try file(
            "transfers.txt",
            ["from_stop_id,to_stop_id,transfer_type,min_transfer_time"]
                + transfers.map {
                    "\(stops[$0.from].id),\(stops[$0.to].id),\($0.seconds == nil ? 3 : 2),\($0.seconds.map(String.init) ?? "")"
                })
    }
}

extension SplitMix {
    /// Closes some stops of a trip: now and then a stop on the way to boarding or to alighting (a coach that only
    /// sets down in a city), and the ends as feeds often write them (no alighting at the first, no boarding at the last).
    mutating func close(_ trip: inout RandomFeed.Trip) {
        let last = trip.stops.count - 1
        for k in 0...last {
            if k == 0 || chance(12) { if k < last || chance(50) { trip.noAlighting.insert(k) } }
            if k == last || chance(12) { if k > 0 || chance(50) { trip.noBoarding.insert(k) } }
        }
    }
}
