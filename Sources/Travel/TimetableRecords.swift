import Timeline

/// The rows of a GTFS feed, already split into fields, as `Timetable` consumes them.
public struct TimetableRecords: Sendable {
    /// A `stops.txt` row.
    public struct StopRow: Sendable {
        public var id: String, name: String, coordinate: Coordinate, zoneID: String?, source: SourceLine
        /// A stop row.
        public init(id: String, name: String, coordinate: Coordinate, zoneID: String?, source: SourceLine) {
            self.id = id
            self.name = name
            self.coordinate = coordinate
            self.zoneID = zoneID
            self.source = source
        }
    }
    /// A `routes.txt` row.
    public struct RouteRow: Sendable {
        public var id: String, shortName: String, longName: String, mode: Mode, source: SourceLine
        /// The name people read on a trip without a `trip_short_name`: the short name, else (feeds that give only
        /// `route_long_name`, as GTFS allows) the long name, else the route id.
        public var readName: String { !shortName.isEmpty ? shortName : !longName.isEmpty ? longName : id }
        /// A route row.
        public init(id: String, shortName: String, longName: String, mode: Mode, source: SourceLine) {
            self.id = id
            self.shortName = shortName
            self.longName = longName
            self.mode = mode
            self.source = source
        }
    }
    /// A `trips.txt` row.
    public struct TripRow: Sendable {
        public var id: String, routeID: String, serviceID: String, shortName: String?, source: SourceLine
        /// The zone its times are read in, when not the records' zone (a trip from another feed).
        public var zone: Zone?
        /// The trip whose stop_times rows it runs, moved later by `shift` seconds (a run of a trip in
        /// frequencies.txt); nil: its own rows.
        public var timesOf: String?
        /// Seconds added to every time of `timesOf`'s rows.
        public var shift = 0
        /// A trip row.
        public init(
            id: String, routeID: String, serviceID: String, shortName: String?, source: SourceLine, zone: Zone? = nil
        ) {
            self.id = id
            self.routeID = routeID
            self.serviceID = serviceID
            self.shortName = shortName
            self.source = source
            self.zone = zone
        }
    }
    /// A `stop_times.txt` row; times are seconds after "noon minus 12 h" of the service day (may pass 24 h), nil at a
    /// stop that is not a timepoint (its times are interpolated by distance between the timed stops around it).
    public struct StopTimeRow: Sendable {
        public var tripID: String, arrival: Int?, departure: Int?, stopID: String, sequence: Int, source: SourceLine
        /// Whether people may get on here (GTFS `pickup_type` other than 1) and get off (`drop_off_type` other than 1).
        public var mayBoard: Bool, mayAlight: Bool
        /// A stop time row.
        public init(
            tripID: String, arrival: Int?, departure: Int?, stopID: String, sequence: Int, source: SourceLine,
            mayBoard: Bool = true, mayAlight: Bool = true
        ) {
            self.tripID = tripID
            self.arrival = arrival
            self.departure = departure
            self.stopID = stopID
            self.sequence = sequence
            self.source = source
            self.mayBoard = mayBoard
            self.mayAlight = mayAlight
        }
    }
    /// A `calendar.txt` row.
    public struct ServiceRow: Sendable {
        public var id: String, weekdays: Set<Weekday>, start: LocalDate, end: LocalDate, source: SourceLine
        /// A service row.
        public init(id: String, weekdays: Set<Weekday>, start: LocalDate, end: LocalDate, source: SourceLine) {
            self.id = id
            self.weekdays = weekdays
            self.start = start
            self.end = end
            self.source = source
        }
    }
    /// A `calendar_dates.txt` row.
    public struct ServiceExceptionRow: Sendable {
        public var serviceID: String, date: LocalDate, added: Bool, source: SourceLine
        /// A service exception row.
        public init(serviceID: String, date: LocalDate, added: Bool, source: SourceLine) {
            self.serviceID = serviceID
            self.date = date
            self.added = added
            self.source = source
        }
    }
    /// A fare: `fare_attributes.txt` joined with one `fare_rules.txt` row.
    public struct FareRow: Sendable {
        public var price: Double, routeID: String?, originZone: String?, destinationZone: String?
        /// A fare row.
        public init(price: Double, routeID: String?, originZone: String?, destinationZone: String?) {
            self.price = price
            self.routeID = routeID
            self.originZone = originZone
            self.destinationZone = destinationZone
        }
    }
    /// A `transfers.txt` row: the minimum time to change from one stop to another (or within one stop).
    public struct TransferRow: Sendable {
        public var fromStopID: String, toStopID: String, seconds: Int?, source: SourceLine
        /// Whether the row is for particular trips or routes (`from_trip_id`, `to_route_id`, …) rather than for
        /// every service at its stops.
        public var particular: Bool
        /// A transfer row; `seconds` nil means the transfer is not possible (type 3).
        public init(fromStopID: String, toStopID: String, seconds: Int?, source: SourceLine, particular: Bool = false) {
            self.fromStopID = fromStopID
            self.toStopID = toStopID
            self.seconds = seconds
            self.source = source
            self.particular = particular
        }
    }
    /// A `city_stops.csv` row.
    public struct CityStopRow: Sendable {
        public var stopID: String, cityID: String, source: SourceLine
        /// Minutes by taxi between the city and the stop, when given.
        public var accessMinutes: Int?
        /// A city-stop row.
        public init(stopID: String, cityID: String, source: SourceLine, accessMinutes: Int? = nil) {
            self.stopID = stopID
            self.cityID = cityID
            self.source = source
            self.accessMinutes = accessMinutes
        }
    }

    /// The agency's zone; GTFS times are read in it.
    public var zone: Zone
    public var cities: [City] = []
    public var cityStops: [CityStopRow] = []
    public var stops: [StopRow] = []
    public var routes: [RouteRow] = []
    public var trips: [TripRow] = []
    public var stopTimes = StopTimes()
    public var services: [ServiceRow] = []
    public var serviceExceptions: [ServiceExceptionRow] = []
    public var fares: [FareRow] = []
    public var transfers: [TransferRow] = []

    /// Empty records for an agency zone.
    public init(zone: Zone) { self.zone = zone }

    /// Adds the services of another feed (with its own agency zone). Its route, trip and service ids are prefixed with
    /// `namespace` so that two feeds may both call something `1`; stops, cities and transfers are shared by id.
    public mutating func merge(_ feed: TimetableRecords, namespace: String) {
        func named(_ id: String) -> String { namespace + id }
        cities += feed.cities
        cityStops += feed.cityStops
        stops += feed.stops
        transfers += feed.transfers
        routes += feed.routes.map {
            var row = $0
            row.id = named(row.id)
            return row
        }
        trips += feed.trips.map { row in
            var row = row
            row.id = named(row.id)
            row.routeID = named(row.routeID)
            row.serviceID = named(row.serviceID)
            row.zone = row.zone ?? feed.zone
            row.timesOf = row.timesOf.map(named)
            return row
        }
        stopTimes.append(contentsOf: feed.stopTimes, renamingTrips: named)
        services += feed.services.map {
            var row = $0
            row.id = named(row.id)
            return row
        }
        serviceExceptions += feed.serviceExceptions.map {
            var row = $0
            row.serviceID = named(row.serviceID)
            return row
        }
        fares += feed.fares.map {
            var row = $0
            row.routeID = row.routeID.map(named)
            return row
        }
    }
}
