import Timeline

/// A compiled `Timetable` as bytes, for the timetable cache: written by `archived()`, read back by
/// `Timetable(archived:)`, which returns nil for anything it did not write (a corrupt or older file is never trusted).
extension Timetable {
    /// The archive format; a file of another version is not read.
    static let archiveVersion: UInt64 = 2
    /// The archive format, as the timetable cache keys name it.
    public static var archiveFormat: String { "v\(archiveVersion)" }

    /// The timetable as bytes.
    public func archived() -> [UInt8] {
        var out = ArchiveWriter()
        out.int(Self.archiveVersion)
        out.string(zone.identifier)
        let cityList = cities.values.sorted { $0.id < $1.id }
        out.int(cityList.count)
        for city in cityList {
            out.string(city.id)
            out.string(city.name)
            out.string(city.nameZh)
            out.double(city.coordinate.lat)
            out.double(city.coordinate.lon)
            out.string(city.timeZone)
            out.string(city.country)
        }
        out.int(stops.count)
        for stop in stops {
            out.string(stop.id)
            out.string(stop.name)
            out.double(stop.coordinate.lat)
            out.double(stop.coordinate.lon)
            out.string(stop.cityID)
            out.optional(stop.zoneID)
            out.int(stop.accessMinutes.map { $0 + 1 } ?? 0)
        }
        var zones: [String] = []
        var zoneNumbers: [String: Int] = [:]
        for trip in trips where zoneNumbers[trip.zone.identifier] == nil {
            zoneNumbers[trip.zone.identifier] = zones.count
            zones.append(trip.zone.identifier)
        }
        out.int(zones.count)
        for zone in zones { out.string(zone) }
        out.int(trips.count)
        for trip in trips {
            out.string(trip.id)
            out.string(trip.serviceName)
            out.string(trip.routeID)
            out.string(trip.mode.rawValue)
            out.string(trip.serviceID)
            out.int(zoneNumbers[trip.zone.identifier]!)
            out.int(trip.crossesBorder ? 1 : 0)
            out.int(trip.stops.count)
            for stop in trip.stops { out.int(stop) }
            for positions in [trip.noBoarding, trip.noAlighting] {
                out.int(positions.count)
                for position in positions { out.int(position) }
            }
            var previous = 0
            for k in trip.stops.indices {
                out.signed(Int64(trip.arrivals[k] - previous))
                out.signed(Int64(trip.departures[k] - trip.arrivals[k]))
                previous = trip.departures[k]
            }
        }
        let services = serviceDays.sorted { $0.key < $1.key }
        out.int(services.count)
        for (id, days) in services {
            out.string(id)
            out.int(days.weekdays.reduce(0) { $0 | 1 << $1.rawValue })
            out.signed(days.start.daysSinceEpoch)
            out.signed(days.end.daysSinceEpoch)
            out.int(days.exceptions.count)
            for (date, added) in days.exceptions.sorted(by: { $0.key < $1.key }) {
                out.signed(date.daysSinceEpoch)
                out.int(added ? 1 : 0)
            }
        }
        out.int(fares.count)
        // Ordered by the fields themselves: a comparison by `"\(key)"` (a reflected description) took 52 s for the
        // 63,746 fare rules of a Japanese bus feed.
        for (key, price) in fares.sorted(by: { $0.key < $1.key }) {
            out.optional(key.route)
            out.optional(key.origin)
            out.optional(key.destination)
            out.double(price)
        }
        for seconds in stayTransfer { out.signed(Int64(seconds)) }
        for edges in transferEdges {
            out.int(edges.count)
            for edge in edges {
                out.int(edge.to)
                out.int(edge.seconds)
            }
        }
        return out.bytes
    }

    /// The timetable in `bytes` written by `archived()`, or nil when they are not one (of this version).
    public init?(archived bytes: [UInt8]) {
        var reader = ArchiveReader(bytes)
        guard let timetable = Self.read(&reader), reader.atEnd else { return nil }
        self = timetable
    }

    private static func read(_ r: inout ArchiveReader) -> Timetable? {
        guard r.int() == Int(archiveVersion), let zoneName = r.string(), let zone = Zone(identifier: zoneName),
            let cityCount = r.count()
        else { return nil }
        var cities: [String: City] = [:]
        for _ in 0..<cityCount {
            guard let id = r.string(), let name = r.string(), let nameZh = r.string(), let lat = r.double(),
                let lon = r.double(), let timeZone = r.string(), let country = r.string()
            else { return nil }
            cities[id] = City(
                id: id, name: name, nameZh: nameZh, coordinate: Coordinate(lat: lat, lon: lon), timeZone: timeZone,
                country: country)
        }
        guard let stopCount = r.count() else { return nil }
        var stops: [Stop] = []
        stops.reserveCapacity(stopCount)
        for _ in 0..<stopCount {
            guard let id = r.string(), let name = r.string(), let lat = r.double(), let lon = r.double(),
                let cityID = r.string(), cities[cityID] != nil, let zoneID = r.optional(), let access = r.int()
            else { return nil }
            stops.append(
                Stop(
                    id: id, name: name, coordinate: Coordinate(lat: lat, lon: lon), cityID: cityID, zoneID: zoneID,
                    accessMinutes: access == 0 ? nil : access - 1))
        }
        guard let zoneCount = r.count() else { return nil }
        var zones: [Zone] = []
        for _ in 0..<zoneCount {
            guard let name = r.string(), let zone = Zone(identifier: name) else { return nil }
            zones.append(zone)
        }
        guard let tripCount = r.count() else { return nil }
        var trips: [Trip] = []
        trips.reserveCapacity(tripCount)
        for _ in 0..<tripCount {
            guard let id = r.string(), let serviceName = r.string(), let routeID = r.string(),
                let mode = r.string().flatMap(Mode.init(rawValue:)), let serviceID = r.string(),
                let zoneNumber = r.int(), zoneNumber < zones.count, let crosses = r.int(), let length = r.count()
            else { return nil }
            var trip = Trip(
                id: id, serviceName: serviceName, routeID: routeID, mode: mode, serviceID: serviceID, stops: [],
                arrivals: [], departures: [], zone: zones[zoneNumber], crossesBorder: crosses == 1)
            trip.stops.reserveCapacity(length)
            for _ in 0..<length {
                guard let stop = r.int(), stop < stops.count else { return nil }
                trip.stops.append(stop)
            }
            for rule in [\Trip.noBoarding, \Trip.noAlighting] {
                guard let count = r.count(), count <= length else { return nil }
                for _ in 0..<count {
                    guard let position = r.int(), position < length else { return nil }
                    trip[keyPath: rule].append(position)
                }
            }
            trip.arrivals.reserveCapacity(length)
            trip.departures.reserveCapacity(length)
            var previous = 0
            for _ in 0..<length {
                guard let step = r.signed(), let dwell = r.signed(), abs(step) < 1 << 40, abs(dwell) < 1 << 40
                else { return nil }
                trip.arrivals.append(previous + Int(step))
                previous += Int(step + dwell)
                trip.departures.append(previous)
            }
            trips.append(trip)
        }
        guard let serviceCount = r.count() else { return nil }
        var serviceDays: [String: ServiceDays] = [:]
        for _ in 0..<serviceCount {
            guard let id = r.string(), let mask = r.int(), let start = r.signed(), let end = r.signed(),
                let exceptionCount = r.count()
            else { return nil }
            var days = ServiceDays(
                weekdays: Set(Weekday.allCases.filter { mask & (1 << $0.rawValue) != 0 }),
                start: LocalDate(daysSinceEpoch: start), end: LocalDate(daysSinceEpoch: end))
            for _ in 0..<exceptionCount {
                guard let date = r.signed(), let added = r.int() else { return nil }
                days.exceptions[LocalDate(daysSinceEpoch: date)] = added == 1
            }
            serviceDays[id] = days
        }
        guard let fareCount = r.count() else { return nil }
        var fares: [FareKey: Double] = [:]
        for _ in 0..<fareCount {
            guard let route = r.optional(), let origin = r.optional(), let destination = r.optional(),
                let price = r.double()
            else { return nil }
            fares[FareKey(route: route, origin: origin, destination: destination)] = price
        }
        var stay: [Int] = []
        stay.reserveCapacity(stops.count)
        for _ in stops.indices {
            guard let seconds = r.signed() else { return nil }
            stay.append(Int(seconds))
        }
        var edges: [[(to: Int, seconds: Int)]] = []
        edges.reserveCapacity(stops.count)
        for _ in stops.indices {
            guard let count = r.count() else { return nil }
            var list: [(to: Int, seconds: Int)] = []
            for _ in 0..<count {
                guard let to = r.int(), to < stops.count, let seconds = r.int() else { return nil }
                list.append((to, seconds))
            }
            edges.append(list)
        }
        return Timetable(
            zone: zone, cities: cities, stops: stops, trips: trips, serviceDays: serviceDays, fares: fares,
            stayTransfer: stay, transferEdges: edges)
    }
}

/// Writes unsigned LEB128 numbers, zigzag signed ones, doubles and strings.
struct ArchiveWriter {
    var bytes: [UInt8] = []

    mutating func int(_ value: Int) { int(UInt64(value)) }

    mutating func int(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func signed(_ value: Int64) { int(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func double(_ value: Double) { int(value.bitPattern) }

    mutating func string(_ text: String) {
        int(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func optional(_ text: String?) {
        if let text {
            int(1)
            string(text)
        } else {
            int(0)
        }
    }
}

/// Reads what `ArchiveWriter` wrote; each read is nil past the end or on a malformed value.
struct ArchiveReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func unsigned() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count && shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func int() -> Int? { unsigned().flatMap { $0 <= UInt64(Int.max) ? Int($0) : nil } }

    /// A count of things still to read: no more than the bytes left.
    mutating func count() -> Int? { int().flatMap { $0 <= bytes.count - index ? $0 : nil } }

    mutating func signed() -> Int64? {
        unsigned().map { Int64(bitPattern: ($0 >> 1) ^ (0 &- ($0 & 1))) }
    }

    mutating func double() -> Double? { unsigned().map { Double(bitPattern: $0) } }

    mutating func string() -> String? {
        guard let length = count() else { return nil }
        defer { index += length }
        return bytes.withUnsafeBufferPointer {
            String(validating: UnsafeBufferPointer(rebasing: $0[index..<(index + length)]), as: UTF8.self)
        }
    }

    mutating func optional() -> String?? {
        switch int() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }
}
