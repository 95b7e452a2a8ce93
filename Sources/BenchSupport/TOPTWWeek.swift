import Foundation
import GTFS
import Itinerary
import Schedules
import Timeline
import Travel

/// A TOPTW benchmark instance as a week the planner plans like any other: each site a client whose window is its
/// availability, its service the meeting and its score the priority; each tour a person who leaves the depot when it
/// opens and must be back there by its closing, around the clock; travel times from a travel matrix. Only reading
/// the instance differs from `tiaoqi plan`.
public struct TOPTWWeek: Sendable {
    /// The instance as read.
    public let instance: OrienteeringProblem
    /// The week to plan.
    public let problem: Problem
    /// The timetable: the one city, no services.
    public let timetable: Timetable
    /// Seconds per time unit of the instance: the fewest whole minutes in which every time is whole seconds and every
    /// service whole minutes (60 for the Solomon-based sets, 300 for the Cordeau-based `pr` files).
    public let secondsPerUnit: Int64

    /// The city every site is in, and the depot's place id.
    static let city = "toptw", depot = "depot"
    /// The first planning day (a Monday).
    static let firstDay = LocalDate(year: 2026, month: 1, day: 5)!

    /// The week of an instance.
    public init(_ instance: OrienteeringProblem, name: String) throws(ScheduleError) {
        self.instance = instance
        let sites = instance.sites
        guard sites[0].open == 0 else {
            throw ScheduleError(
                file: name, "the depot opens at \(sites[0].open / 1000), not 0; only tours leaving at 0 are read")
        }
        // Thousandths of a unit: every time × seconds-per-unit / 1000 must be whole, every service whole minutes.
        let times =
            sites.flatMap { [$0.open, $0.close] }
            + (0..<sites.count).flatMap { a in (0..<sites.count).map { instance.travel(a, $0) } }
        guard
            let unit = stride(from: Int64(60), through: 3600, by: 60).first(where: { seconds in
                times.allSatisfy { $0 * seconds % 1000 == 0 } && sites.allSatisfy { $0.service * seconds % 60_000 == 0 }
            })
        else {
            throw ScheduleError(file: name, "its times are not whole seconds at any whole number of minutes per unit")
        }
        secondsPerUnit = unit
        func seconds(_ thousandths: Int64) -> Int64 { thousandths * unit / 1000 }
        let zone = Zone.utc
        let horizon = seconds(sites[0].close)
        let dayCount = Int(horizon / 86_400) + 1
        let days = (0..<dayCount).map { Self.firstDay.adding(days: $0) }
        let origin = zone.day(days[0]).start
        var records = TimetableRecords(zone: zone)
        records.cities = [
            City(
                id: Self.city, name: Self.city, nameZh: "", coordinate: Coordinate(lat: 0, lon: 0),
                timeZone: zone.identifier)
        ]
        do {
            timetable = try Timetable(records)
        } catch {
            throw ScheduleError(file: name, error.message)
        }
        let allDay = DailyHours(opens: TimeOfDay(minutes: 0), closes: TimeOfDay(minutes: 1440))!
        let period = Interval(origin, zone.day(days.last!).end)
        var matrix = TravelMatrix()
        let ids = [Self.depot] + (1..<sites.count).map { "s\($0)" }
        for a in sites.indices {
            for b in sites.indices where a != b {
                matrix.set(from: ids[a], to: ids[b], seconds: seconds(instance.travel(a, b)))
            }
        }
        func place(_ site: Int) -> Place {
            // A point near (0, 0) for maps; the matrix gives every travel time.
            Place(
                cityID: Self.city, coordinate: Coordinate(lat: 0, lon: 0),
                label: site == 0 ? Self.depot : "site \(site)", id: ids[site])
        }
        let clients = (1..<sites.count).map { site in
            let window = Interval(
                origin + seconds(sites[site].open), origin + seconds(sites[site].close + sites[site].service))
            return Client(
                id: ids[site], name: "site \(site)", place: place(site), address: "", priority: sites[site].score,
                meetingMinutes: Int(seconds(sites[site].service) / 60), mustVisit: false, sector: "",
                availability: IntervalSet([window]))
        }
        let longest = (matrix.pairs.map(\.seconds).max() ?? 0) / 60 + 1
        let staff = (1...instance.tours).map { tour in
            var person = Staff(
                id: "t\(tour)", name: "tour \(tour)", home: place(0), workingHours: allDay, travelHours: allDay,
                dailyTravelCapMinutes: 1440 + Int(longest), busy: IntervalSet(), availability: IntervalSet([period]))
            person.start = place(0)
            person.finish = place(0)
            person.finishBy = origin + seconds(sites[0].close)
            return person
        }
        var problem = Problem(
            name: name, zone: zone, days: days, staff: staff, clients: clients, travelRules: TravelRules(), hotelCost: 0
        )
        problem.travelMatrix = matrix
        problem.meetingStartStep = 1
        self.problem = problem
    }

    /// The tours of a plan as the instance numbers its sites, tour by tour in time order.
    public func routes(of plan: Plan) -> [[Int]] {
        problem.staff.map { person in
            plan.visits.filter { $0.staff.contains(person.id) }.sorted { $0.start < $1.start }.compactMap {
                Int($0.client.dropFirst())
            }
        }
    }
}
