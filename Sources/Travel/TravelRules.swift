import Messages

/// The buffers and speeds that turn a timetable into door-to-door journeys.
public struct TravelRules: Sendable, Hashable, Codable {
    /// Fixed minutes by taxi between a door and a station or airport; nil estimates them from the distance by road.
    /// A stop's own `access_minutes` in `city_stops.csv` wins over both.
    public var accessMinutes: Int?
    /// Minutes to be at the station or airport before departure, by mode.
    public var checkInMinutes: [Mode: Int] = [.rail: 20, .air: 60, .bus: 10]
    /// Minutes to be at the airport before an international flight (one whose stops lie in more than one country).
    public var internationalCheckInMinutes: Int = 120
    /// Average taxi speed inside a city, km/h: it applies to the first `cityKilometres` of a ride.
    public var taxiSpeedKmh: Double = 30
    /// Average speed by road beyond the city, km/h.
    public var roadSpeedKmh: Double = 80
    /// How far a ride counts as city driving before it reaches the open road, km.
    public var cityKilometres: Double = 20
    /// Road distance over straight-line distance.
    public var detourFactor: Double = 1.4
    /// The shortest taxi ride counted, minutes.
    public var minimumTaxiMinutes: Int = 5
    /// The longest drive between cities that a journey may use instead of (or for lack of) a train or flight, km by
    /// road; 0 turns the road fallback off.
    public var maximumRoadKilometres: Double = 400
    /// Yuan per kilometre by road for a hired car with a driver between cities (the driver's way back included); a
    /// drive's price is this times its road kilometres, rounded to the yuan.
    public var carHirePerKilometre: Double = 3

    /// The price of hiring a car with a driver over `kilometres` by road, whole yuan.
    public func carHirePrice(kilometres: Double) -> Double { (kilometres * carHirePerKilometre).rounded() }

    /// The default rules.
    public init() {}

    /// Check-in minutes for a mode.
    public func checkIn(_ mode: Mode, international: Bool = false) -> Int {
        mode == .air && international ? internationalCheckInMinutes : checkInMinutes[mode] ?? 0
    }

    /// Kilometres by road between two points: the straight line times the detour factor.
    public func roadKilometres(from a: Coordinate, to b: Coordinate) -> Double { a.kilometres(to: b) * detourFactor }

    /// Seconds by taxi or car between two points: the first `cityKilometres` of road at taxi speed, the rest at road
    /// speed, at least the minimum ride.
    public func roadSeconds(from a: Coordinate, to b: Coordinate) -> Int64 {
        let kilometres = roadKilometres(from: a, to: b)
        let city = min(kilometres, cityKilometres)
        let open = max(0, kilometres - cityKilometres)
        let minutes = (city / taxiSpeedKmh + open / roadSpeedKmh) * 60
        return Int64((max(Double(minimumTaxiMinutes), minutes) * 60).rounded(.up))
    }
}

/// A check-in setting, named the same in plan.yaml's `check_in_minutes` and in `tiaoqi route --check-in`: one list of
/// keys and one range of minutes for both.
public enum CheckInKey: String, CaseIterable, Sendable {
    /// Trains (`train`).
    case train
    /// Domestic flights (`flight`).
    case flight
    /// International flights (`international_flight`): a flight whose stops lie in more than one country.
    case internationalFlight = "international_flight"
    /// Buses (`bus`).
    case bus

    /// The minutes a check-in may take: 0 to 480 (eight hours).
    public static let minutes: ClosedRange<Int> = 0...480

    /// The keys as written, in order, for messages: `train, flight, international_flight, bus`.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension TravelRules {
    /// The check-in minutes a key names.
    public func checkIn(_ key: CheckInKey) -> Int {
        switch key {
        case .train: checkInMinutes[.rail] ?? 0
        case .flight: checkInMinutes[.air] ?? 0
        case .internationalFlight: internationalCheckInMinutes
        case .bus: checkInMinutes[.bus] ?? 0
        }
    }

    /// Sets the check-in minutes a key names; minutes outside `CheckInKey.minutes` are refused.
    public mutating func setCheckIn(_ key: CheckInKey, minutes: Int) throws(TravelError) {
        guard CheckInKey.minutes.contains(minutes) else {
            throw TravelError(
                Message(
                    .checkInRange,
                    [
                        "key": .text(key.rawValue), "low": .number(CheckInKey.minutes.lowerBound),
                        "high": .number(CheckInKey.minutes.upperBound), "minutes": .number(minutes),
                    ]))
        }
        switch key {
        case .train: checkInMinutes[.rail] = minutes
        case .flight: checkInMinutes[.air] = minutes
        case .internationalFlight: internationalCheckInMinutes = minutes
        case .bus: checkInMinutes[.bus] = minutes
        }
    }

    /// Sets check-in minutes from `key=minutes` pairs separated by commas (`train=20,flight=60`): the keys and range
    /// of plan.yaml's `check_in_minutes`, minutes as plain digits. Nothing changes when a pair is refused.
    public mutating func setCheckIn(pairs text: String) throws(TravelError) {
        var rules = self
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false).map { part in
                String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            }
            guard parts.count == 2, !parts[1].isEmpty, parts[1].utf8.allSatisfy({ (48...57).contains($0) }),
                let minutes = Int(parts[1])
            else {
                throw TravelError(
                    Message(.checkInPair, ["item": .text(String(item)), "keys": .text(CheckInKey.names)]))
            }
            guard let key = CheckInKey(rawValue: parts[0]) else {
                throw TravelError(Message(.checkInKey, ["key": .text(parts[0]), "keys": .text(CheckInKey.names)]))
            }
            try rules.setCheckIn(key, minutes: minutes)
        }
        self = rules
    }
}
