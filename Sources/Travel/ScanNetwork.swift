import Synchronization
import Timeline

/// The services running over a span of dates as elementary connections (one stop to the next), in the orders the
/// three connection scans need, with the rules for changing between them.
struct ScanNetwork: Sendable {
    /// A ride from one stop to the next on one run of a trip.
    struct Connection: Sendable {
        var from: Int32
        var to: Int32
        var depart: Int64
        var arrive: Int64
        var run: Int32
        /// The position (below 2^30) of its departure stop in the trip, with bit 30 set where nobody may get on there
        /// and bit 31 where nobody may get off at the next stop: packed, kept for size (a connection stays 32 bytes
        /// and the scans read them all).
        private var positionAndRules: Int32

        init(
            from: Int32, to: Int32, depart: Int64, arrive: Int64, run: Int32, position: Int, boards: Bool, alights: Bool
        ) {
            self.from = from
            self.to = to
            self.depart = depart
            self.arrive = arrive
            self.run = run
            positionAndRules = Int32(position) | (boards ? 0 : 1 << 30) | (alights ? 0 : Int32.min)
        }

        /// The position of its departure stop in the trip, to order equal times within a run.
        var position: Int32 { positionAndRules & 0x3FFF_FFFF }
        /// Whether people may get on at its departure stop (GTFS `pickup_type` not 1).
        var mayBoard: Bool { positionAndRules & (1 << 30) == 0 }
        /// Whether people may get off at its arrival stop (GTFS `drop_off_type` not 1).
        var mayAlight: Bool { positionAndRules >= 0 }
    }

    /// A trip on one service date.
    struct Run: Sendable {
        var trip: Int
        var serviceDate: LocalDate
        /// Seconds to be at the stop before boarding, door to door.
        var checkIn: Int64
    }

    /// A change from one stop to another after arriving, with its minimum time.
    struct Footpath: Sendable {
        var to: Int32
        var seconds: Int64
    }

    /// How a person changes between services.
    struct Changes: Sendable {
        /// Whether boarding needs the run's check-in time (door to door) or none (the timetable alone).
        var checkIn: Bool
        /// Seconds after arriving at a stop before boarding there again (transfers.txt, from = to).
        var stay: [Int64]
        /// Changes to other stops after arriving (one at a time; they do not chain).
        var footpaths: [[Footpath]]
        /// How the footpaths are travelled in a journey.
        var footMode: Mode
    }

    let connections: [Connection]
    let runs: [Run]
    let stopCount: Int
    let timetableOnly: Changes
    let doorToDoor: Changes
    /// Connection indices by arrival, latest first (for latest departure), sorted the first time they are asked for:
    /// most scans never need them, and sorting was a sixth of a `tiaoqi route` call on a 5.6 MB bus feed.
    var byArrival: [Int32] { arrivalOrder.order(of: connections) }
    private let arrivalOrder = ArrivalOrder()
    /// Whether some connection arrives the instant it departs (then the scans settle each instant's group).
    let hasInstantConnections: Bool

    init(timetable: Timetable, rules: TravelRules, dates: [LocalDate]) {
        // A trip whose times pass 24:00 runs into the next days: take service dates early enough to reach `dates`
        // (at most `Timetable.latestTime`, three days, so at most four service dates per date).
        let spanDays = (timetable.trips.map { $0.arrivals.last ?? 0 }.max() ?? 0) / 86_400 + 1
        // And the day after the last, whose early runs a late journey may still take.
        let serviceDates = Set(dates.flatMap { date in (-1...spanDays).map { date.adding(days: -$0) } }).sorted()
        var runs: [Run] = []
        var connections: [Connection] = []
        // A service day's times are seconds after its "noon minus 12 h": find that instant once per zone and date
        // (the zone rules are slow to ask), then add.
        struct ZoneDay: Hashable {
            var zone: String
            var date: LocalDate
        }
        var dayStarts: [ZoneDay: Int64] = [:]
        for (tripIndex, trip) in timetable.trips.enumerated() {
            let checkIn = Int64(rules.checkIn(trip.mode, international: trip.crossesBorder)) * 60
            let zone = trip.zone.identifier
            for date in serviceDates where timetable.runs(trip.serviceID, on: date) {
                let key = ZoneDay(zone: zone, date: date)
                let dayStart: Int64
                if let known = dayStarts[key] {
                    dayStart = known
                } else {
                    dayStart = trip.instant(serviceDate: date, seconds: 0).seconds
                    dayStarts[key] = dayStart
                }
                let run = Int32(runs.count)
                runs.append(Run(trip: tripIndex, serviceDate: date, checkIn: checkIn))
                for k in 0..<(trip.stops.count - 1) {
                    connections.append(
                        Connection(
                            from: Int32(trip.stops[k]), to: Int32(trip.stops[k + 1]),
                            depart: dayStart + Int64(trip.departures[k]),
                            arrive: dayStart + Int64(trip.arrivals[k + 1]),
                            run: run, position: k, boards: trip.mayBoard(at: k), alights: trip.mayAlight(at: k + 1)))
                }
            }
        }
        connections.sort { ($0.depart, $0.arrive, $0.run, $0.position) < ($1.depart, $1.arrive, $1.run, $1.position) }
        self.connections = connections
        self.runs = runs
        hasInstantConnections = connections.contains { $0.depart == $0.arrive }
        stopCount = timetable.stops.count

        let stay = timetable.stayTransfer.map { Int64($0) }
        let given = timetable.transferEdges.map { $0.map { Footpath(to: Int32($0.to), seconds: Int64($0.seconds)) } }
        timetableOnly = Changes(checkIn: false, stay: stay, footpaths: given, footMode: .walk)
        // Door to door, a person may also take a taxi between any two stops of a city (transfers.txt's time wins).
        var taxi = given
        // At most `Timetable.mostStopsPerCity` stops per city: the square of it at worst, each pair looked at once.
        for stops in timetable.stopsByCity.values {
            for a in stops {
                let listed = Set(taxi[a].map(\.to))
                for b in stops where b != a && !listed.contains(Int32(b)) {
                    let seconds = rules.roadSeconds(
                        from: timetable.stops[a].coordinate, to: timetable.stops[b].coordinate)
                    taxi[a].append(Footpath(to: Int32(b), seconds: seconds))
                }
            }
        }
        doorToDoor = Changes(checkIn: true, stay: stay, footpaths: taxi, footMode: .taxi)
    }

    /// Seconds needed at the stop before boarding `run` under `changes`.
    @inline(__always) func boarding(_ run: Int, _ changes: Changes) -> Int64 { changes.checkIn ? runs[run].checkIn : 0 }

    /// The index of the first connection departing at or after `time`.
    func firstConnection(notBefore time: Int64) -> Int {
        var low = 0
        var high = connections.count
        while low < high {
            let mid = (low + high) / 2
            if connections[mid].depart < time { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Connection indices in the order a profile scan takes them: latest boarding time first, where the boarding
    /// time is the departure less the check-in that `changes` asks for.
    func byBoarding(_ changes: Changes) -> [Int32] {
        let boardingTime = connections.map { $0.depart - boarding(Int($0.run), changes) }
        return connections.indices.sorted {
            let a = connections[$0]
            let b = connections[$1]
            return (boardingTime[$0], a.arrive, a.position) > (boardingTime[$1], b.arrive, b.position)
        }.map { Int32($0) }
    }
}

/// Where a scan may start (a stop and the time a person is ready there, or the seconds to get there) and where it
/// may end (a stop and the seconds from it to the door).
struct Endpoint: Sendable, Hashable {
    var stop: Int
    var seconds: Int64
}

/// One piece of a journey found by a scan, before it is dressed as a `Journey`.
enum ScanLeg: Sendable {
    /// A ride on one run, boarding at one connection and alighting after another.
    case ride(board: Int, alight: Int)
    /// A change to another stop after arriving.
    case foot(from: Int, to: Int, depart: Int64, seconds: Int64)
}

/// The connections of a `ScanNetwork` by arrival, latest first, worked out once, when first needed, by whichever thread
/// asks first.
final class ArrivalOrder: Sendable {
    private let sorted = Mutex<[Int32]?>(nil)

    /// The order of `connections` (always the same network's).
    func order(of connections: [ScanNetwork.Connection]) -> [Int32] {
        sorted.withLock { known in
            if let known { return known }
            // Sorted as keys laid side by side (arrival, departure, position, index), not through the indices.
            var keys = connections.indices.map { index in
                let connection = connections[index]
                return (connection.arrive, connection.depart, connection.position, Int32(index))
            }
            keys.sort { ($0.0, $0.1, $0.2) > ($1.0, $1.1, $1.2) }
            let order = keys.map(\.3)
            known = order
            return order
        }
    }
}
