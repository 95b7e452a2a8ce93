import Foundation

/// A WGS84 position in degrees.
public struct Coordinate: Sendable, Hashable, Codable {
    /// Latitude, −90…90.
    public var lat: Double
    /// Longitude, −180…180.
    public var lon: Double

    /// A position from latitude and longitude.
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Great-circle distance in kilometres.
    public func kilometres(to other: Coordinate) -> Double {
        let r = 6371.0088
        let p1 = lat * .pi / 180
        let p2 = other.lat * .pi / 180
        let dp = p2 - p1
        let dl = (other.lon - lon) * .pi / 180
        let a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return 2 * r * asin(min(1, sqrt(a)))
    }
}

/// A city people travel between, with its own time zone.
public struct City: Sendable, Hashable, Codable, Identifiable {
    /// Lower-case id, e.g. `shanghai`.
    public var id: String
    /// English name.
    public var name: String
    /// Chinese name.
    public var nameZh: String
    /// City centre.
    public var coordinate: Coordinate
    /// IANA zone identifier.
    public var timeZone: String
    /// ISO 3166 country code (`CN`); a flight between two countries is international.
    public var country: String

    /// The name people read: Chinese when known, else English.
    public var displayName: String { nameZh.isEmpty ? name : nameZh }

    /// A city from its parts.
    public init(
        id: String, name: String, nameZh: String, coordinate: Coordinate, timeZone: String, country: String = "CN"
    ) {
        self.id = id
        self.name = name
        self.nameZh = nameZh
        self.coordinate = coordinate
        self.timeZone = timeZone
        self.country = country
    }
}

/// A station or airport.
public struct Stop: Sendable, Hashable, Codable, Identifiable {
    /// GTFS stop_id.
    public var id: String
    /// Name people read.
    public var name: String
    /// Position.
    public var coordinate: Coordinate
    /// The city it serves.
    public var cityID: String
    /// GTFS zone_id, for fares.
    public var zoneID: String?
    /// Minutes by taxi from anywhere in its city to the stop, when the network says (`city_stops.csv`).
    public var accessMinutes: Int?

    /// A stop from its parts.
    public init(
        id: String, name: String, coordinate: Coordinate, cityID: String, zoneID: String? = nil,
        accessMinutes: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.coordinate = coordinate
        self.cityID = cityID
        self.zoneID = zoneID
        self.accessMinutes = accessMinutes
    }
}

/// How a part of a journey is made.
public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
    /// `car` is a drive between cities by a hired car with a driver, where no service runs or driving is quicker.
    case rail, air, bus, taxi, car, walk

    /// Whether parts of this mode run to a timetable (trains, flights, buses).
    public var isTimetabled: Bool { self == .rail || self == .air || self == .bus }

    /// The mode of a GTFS route_type (basic or extended).
    public init?(routeType: Int) {
        switch routeType {
        case 2, 100...117: self = .rail
        case 1100...1199: self = .air
        case 3, 200...209, 700...717: self = .bus
        // Trams, metros, monorails, funiculars and cable cars ride like trains; trolleybuses and ferries like buses.
        case 0, 1, 5, 6, 7, 12, 400...405, 900...906, 1300...1307, 1400: self = .rail
        case 4, 11, 800, 1000...1021, 1200: self = .bus
        default: return nil
        }
    }
}
