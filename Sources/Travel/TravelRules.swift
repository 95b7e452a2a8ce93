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
        let city = min(kilometres, cityKilometres), open = max(0, kilometres - cityKilometres)
        let minutes = (city / taxiSpeedKmh + open / roadSpeedKmh) * 60
        return Int64((max(Double(minimumTaxiMinutes), minutes) * 60).rounded(.up))
    }
}
