import Timeline

/// A door-to-door trip from one place to another: taxi, train or flight parts in order.
public struct Journey: Sendable, Hashable, Codable {
    /// One part of a journey.
    public struct Part: Sendable, Hashable, Codable {
        /// How it travels.
        public var mode: Mode
        /// Service number (`G105`, `MU5123`), nil for a taxi.
        public var service: String?
        /// GTFS trip_id, nil for a taxi.
        public var tripID: String?
        /// Where it starts: a stop id, or the place's name for a door.
        public var from: String
        /// Where it ends.
        public var to: String
        /// When it leaves.
        public var depart: Instant
        /// When it arrives.
        public var arrive: Instant
        /// Ticket price in yuan, when known.
        public var price: Double?

        enum CodingKeys: String, CodingKey {
            case mode, service
            case tripID = "tripId"
            case from, to, depart, arrive, price
        }

        /// A journey part.
        public init(
            mode: Mode, service: String?, tripID: String?, from: String, to: String, depart: Instant, arrive: Instant,
            price: Double?
        ) {
            self.mode = mode
            self.service = service
            self.tripID = tripID
            self.from = from
            self.to = to
            self.depart = depart
            self.arrive = arrive
            self.price = price
        }
    }

    /// When the person leaves the door.
    public var depart: Instant
    /// When the person reaches the door at the other end.
    public var arrive: Instant
    /// The parts, in order; consecutive parts may leave a wait between them (check-in, transfer).
    public var parts: [Part]

    /// A journey from its parts.
    public init(depart: Instant, arrive: Instant, parts: [Part]) {
        self.depart = depart
        self.arrive = arrive
        self.parts = parts
    }

    /// Door-to-door time in seconds.
    public var seconds: Int64 { arrive - depart }

    /// Sum of the known ticket prices.
    public var price: Double { parts.compactMap(\.price).reduce(0, +) }

    /// The timetabled parts (trains, flights, buses).
    public var services: [Part] { parts.filter(\.mode.isTimetabled) }
}

/// A place a person is at: a city and a point in it.
public struct Place: Sendable, Hashable, Codable {
    /// The city id.
    public var cityID: String
    /// The point.
    public var coordinate: Coordinate
    /// What to call it in a journey (`中芯微电子`, `home`).
    public var label: String
    /// The place's id in the schedule (a client id or a `places.csv` id), as the travel matrix knows it; nil for a home
    /// city or a point.
    public var id: String?

    /// A place from its parts.
    public init(cityID: String, coordinate: Coordinate, label: String, id: String? = nil) {
        self.cityID = cityID
        self.coordinate = coordinate
        self.label = label
        self.id = id
    }
}

extension Journey {
    /// The journey on whole minutes, as people read times: it leaves at the minute it starts in (never before
    /// `notBefore`, which the journey already respects) and arrives at the end of the minute it arrives in; each part
    /// the same way, but never leaving before the part before it arrives on whole minutes (a taxi that meets a change
    /// taxi at a station mid-minute leaves at the end of that minute). Timetabled parts are whole minutes already.
    public func onWholeMinutes(notBefore: Instant? = nil) -> Journey {
        func down(_ instant: Instant) -> Instant {
            notBefore.map { max($0, instant.minuteStart) } ?? instant.minuteStart
        }
        var whole = Journey(depart: down(depart), arrive: arrive.minuteEnd, parts: parts)
        for index in whole.parts.indices {
            whole.parts[index].depart =
                index == 0 ? whole.depart : max(down(parts[index].depart), whole.parts[index - 1].arrive)
            whole.parts[index].arrive = index == parts.count - 1 ? whole.arrive : parts[index].arrive.minuteEnd
        }
        return whole
    }

    /// Seconds from the minute it leaves in to the end of the minute it arrives in: what it counts for on whole minutes.
    public var wholeMinuteSeconds: Int64 { arrive.minuteEnd - depart.minuteStart }
}

extension Instant {
    /// The start of the minute it lies in.
    fileprivate var minuteStart: Instant { Instant(seconds: seconds - ((seconds % 60) + 60) % 60) }

    /// The end of the minute it lies in: itself when on a whole minute.
    fileprivate var minuteEnd: Instant {
        let rest = ((seconds % 60) + 60) % 60
        return rest == 0 ? self : Instant(seconds: seconds + 60 - rest)
    }
}
