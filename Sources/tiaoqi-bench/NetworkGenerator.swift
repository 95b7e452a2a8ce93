import Foundation
import Planner
import Timeline

/// Writes a synthetic national rail and air network as GTFS (plus cities.csv and city_stops.csv), for benchmarks:
/// cities of Zipf-like sizes over China's extent, rail lines that wander between neighbouring cities with high-speed,
/// fast and overnight trains, and nonstop flights between the larger cities. Deterministic for a seed.
struct NetworkGenerator {
    var stations = 3_000
    var tripsPerDay = 10_000
    var days = 7
    var firstDay = LocalDate(year: 2022, month: 3, day: 7)!
    var seed: UInt64 = 1

    struct City {
        var id: String
        var lat: Double
        var lon: Double
        var stations: [Int] = []
        var airport: Int?
    }

    /// The cities, largest first, as written.
    private(set) var cities: [City] = []

    mutating func write(to folder: String) throws {
        var random = SplitMix64(state: seed)
        let cityCount = max(2, stations * 2 / 5)
        for index in 0..<cityCount {
            cities.append(City(id: "city\(index)", lat: 22 + random.unit() * 20, lon: 102 + random.unit() * 20))
        }
        // Every city has a station; the rest go to cities by a Zipf-like weight, the larger ones first, at most eight
        // stations (an airport among them) to a city.
        let weights = (1...cityCount).map { 1 / pow(Double($0), 0.9) }
        let total = weights.reduce(0, +)
        var share = weights.map { min(7, Int(Double(stations - cityCount) * $0 / total * 3)) }
        var next = 0
        while share.reduce(0, +) > stations - cityCount {
            share[cityCount - 1 - next % cityCount] = max(0, share[cityCount - 1 - next % cityCount] - 1)
            next += 1
        }
        next = 0
        while share.reduce(0, +) < stations - cityCount {
            if share[next % cityCount] < 7 { share[next % cityCount] += 1 }
            next += 1
        }
        var stopLines = ["stop_id,stop_name,stop_lat,stop_lon"]
        var cityStopLines = ["stop_id,city_id"]
        var stopCoordinates: [(Double, Double)] = []
        for (index, extra) in share.enumerated() {
            for k in 0...extra {
                let id = stopCoordinates.count
                let lat = cities[index].lat + (random.unit() - 0.5) * 0.2
                let lon = cities[index].lon + (random.unit() - 0.5) * 0.2
                stopCoordinates.append((lat, lon))
                stopLines.append("S\(id),Station \(id),\(String(format: "%.5f", lat)),\(String(format: "%.5f", lon))")
                cityStopLines.append("S\(id),\(cities[index].id)")
                // The sixty largest cities have an airport: their last stop.
                if k == extra && index < 60 && extra > 0 {
                    cities[index].airport = id
                } else {
                    cities[index].stations.append(id)
                }
            }
        }
        func kilometres(_ a: Int, _ b: Int) -> Double {
            let (lat1, lon1) = stopCoordinates[a]
            let (lat2, lon2) = stopCoordinates[b]
            let x = (lon2 - lon1) * cos((lat1 + lat2) / 2 * .pi / 180)
            let y = lat2 - lat1
            return (x * x + y * y).squareRoot() * 111.2
        }
        // Each city's six nearest neighbours, for lines that wander from one to the next.
        let neighbours: [[Int]] = cities.indices.map { a in
            cities.indices.filter { $0 != a }
                .sorted {
                    hypot(cities[$0].lat - cities[a].lat, cities[$0].lon - cities[a].lon)
                        < hypot(cities[$1].lat - cities[a].lat, cities[$1].lon - cities[a].lon)
                }
                .prefix(6).map { $0 }
        }
        var routeLines = ["route_id,route_short_name,route_type"]
        var tripLines = ["route_id,service_id,trip_id,trip_short_name"]
        var timeLines = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence"]
        timeLines.reserveCapacity(tripsPerDay * 12)
        func clock(_ seconds: Int) -> String {
            String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        }
        var tripCount = 0
        let railTrips = tripsPerDay * 9 / 10
        var lineNumber = 0
        while tripCount < railTrips {
            // A line through 5–20 cities, starting more often in larger ones.
            var city = Int(pow(random.unit(), 2) * Double(cityCount)) % cityCount
            var path: [Int] = []
            var visited: Set<Int> = []
            for _ in 0..<(5 + random.below(16)) {
                visited.insert(city)
                path.append(cities[city].stations[random.below(cities[city].stations.count)])
                guard let next = neighbours[city].filter({ !visited.contains($0) }).randomElement(using: &random) else {
                    break
                }
                city = next
            }
            guard path.count >= 2 else { continue }
            lineNumber += 1
            let kind = random.below(10)
            let (prefix, speed, type) = kind < 6 ? ("G", 250.0, 2) : kind < 9 ? ("D", 180.0, 2) : ("K", 90.0, 2)
            routeLines.append("L\(lineNumber),\(prefix)\(lineNumber),\(type)")
            for run in 0..<(4 + random.below(12)) where tripCount < railTrips {
                let stops = run % 2 == 0 ? path : path.reversed()
                var time =
                    prefix == "K"
                    ? (17 + random.below(6)) * 3600 : (6 + random.below(16)) * 3600 + random.below(60) * 60
                let trip = "R\(tripCount)"
                tripLines.append("L\(lineNumber),daily,\(trip),\(prefix)\(lineNumber * 10 + run)")
                for (k, stop) in stops.enumerated() {
                    // A train ends its run by the next evening (GTFS times past 72:00:00 are refused).
                    if k >= 2 && time > 40 * 3600 { break }
                    let dwell = k == 0 || k == stops.count - 1 ? 0 : 120
                    timeLines.append("\(trip),\(clock(time)),\(clock(time + dwell)),S\(stop),\(k + 1)")
                    if k + 1 < stops.count {
                        time += dwell + Int(kilometres(stop, stops[k + 1]) * 1.25 / speed * 3600 / 60 + 1) * 60
                    }
                }
                tripCount += 1
            }
        }
        routeLines.append("AIR,MU,1100")
        let airports = cities.compactMap(\.airport)
        while tripCount < tripsPerDay && airports.count >= 2 {
            let a = airports[Int(pow(random.unit(), 1.5) * Double(airports.count)) % airports.count]
            let b = airports[random.below(airports.count)]
            guard a != b else { continue }
            let depart = (7 + random.below(15)) * 3600 + random.below(12) * 300
            let arrive = depart + Int(kilometres(a, b) / 750 * 3600 / 300 + 6) * 300
            let trip = "F\(tripCount)"
            tripLines.append("AIR,daily,\(trip),MU\(5000 + tripCount)")
            timeLines.append("\(trip),\(clock(depart)),\(clock(depart)),S\(a),1")
            timeLines.append("\(trip),\(clock(arrive)),\(clock(arrive)),S\(b),2")
            tripCount += 1
        }
        func gtfs(_ date: LocalDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }
        func file(_ name: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
        }
        try file(
            "agency.txt",
            [
                "agency_id,agency_name,agency_url,agency_timezone",
                "CR,Synthetic Rail,https://example.invalid,Asia/Shanghai",
            ])
        try file(
            "cities.csv",
            ["city_id,name,lat,lon,time_zone"]
                + cities.map {
                    "\($0.id),\($0.id),\(String(format: "%.5f", $0.lat)),\(String(format: "%.5f", $0.lon)),Asia/Shanghai"
                })
        try file("city_stops.csv", cityStopLines)
        try file("stops.txt", stopLines)
        try file("routes.txt", routeLines)
        try file("trips.txt", tripLines)
        try file("stop_times.txt", timeLines)
        try file(
            "calendar.txt",
            [
                "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date",
                "daily,1,1,1,1,1,1,1,\(gtfs(firstDay)),\(gtfs(firstDay.adding(days: days - 1)))",
            ])
    }
}
