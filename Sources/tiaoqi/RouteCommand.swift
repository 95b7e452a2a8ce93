import ArgumentParser
import Foundation
import Schedules
import Timeline
import Travel

/// `tiaoqi route FROM TO`: the best journey on the network, door to door or timetable only.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route", abstract: "Find a journey between two places: a city, a stop id, or lat,lon.")

    @Argument(help: "Where from: a city (xuzhou, 徐州), a stop id (XZE), or lat,lon.")
    var from: String

    @Argument(help: "Where to, the same forms.")
    var to: String

    @Option(name: .long, help: "Leave no earlier than this ISO time (without an offset: the network's zone).")
    var depart: String?

    @Option(name: .customLong("arrive-by"), help: "Arrive no later than this ISO time; leave as late as possible.")
    var arriveBy: String?

    @Option(name: .long, help: "The network folder.")
    var network: String = "schedules/network"

    @Flag(name: .customLong("no-buffers"), help: "Between two stop ids: the timetable alone, no taxi or check-in (transfers.txt still applies).")
    var noBuffers = false

    @Option(name: .long, help: "table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard (depart == nil) != (arriveBy == nil) else { throw ValidationError("give exactly one of --depart and --arrive-by") }
    }

    func run() throws {
        let timetable: Timetable
        do {
            timetable = try NetworkLoader.load(folder: network)
        } catch {
            throw Failure.exit(for: error)
        }
        let zone = timetable.zone
        func resolve(_ text: String) throws -> Timetable.PlaceQuery {
            if let found = timetable.place(named: text) { return found }
            let close = timetable.suggestions(for: text).prefix(6)
            let hint = close.isEmpty ? "use a city id such as xuzhou, a stop id, or lat,lon" : "did you mean \(close.joined(separator: ", "))?"
            throw Failure.exit(for: ScheduleError(file: network, "unknown place '\(text)'; \(hint)"))
        }
        let origin = try resolve(from), destination = try resolve(to)
        guard let time = Instant(iso8601: depart ?? arriveBy!, zone: zone) else {
            throw ValidationError("times are ISO 8601, e.g. 2022-03-07T07:00+08:00")
        }
        let day = zone.date(of: time)
        let router = Router(timetable: timetable, rules: TravelRules(), dates: (-2...2).map { day.adding(days: $0) })
        func query(_ start: Instant) -> Journey? {
            if noBuffers, case .stop(let a) = origin, case .stop(let b) = destination {
                return router.earliestArrival(fromStop: a.id, toStop: b.id, notBefore: start)
            }
            return router.earliestArrival(from: place(origin), to: place(destination), notBefore: start)
        }
        var journey: Journey?
        if depart != nil {
            journey = query(time)
        } else {
            // Earliest arrival only grows with the departure time: search for the latest departure that is in time.
            var low = (time.seconds - 2 * 86_400) / 60, high = time.seconds / 60
            while low <= high {
                let mid = (low + high) / 2
                if let candidate = query(Instant(seconds: mid * 60)), candidate.arrive <= time {
                    journey = candidate
                    low = mid + 1
                } else {
                    high = mid - 1
                }
            }
        }
        guard let journey else {
            FileHandle.standardError.write(Data("tiaoqi: no journey from \(from) to \(to) \(depart != nil ? "after" : "arriving by") \(time.iso8601)\n".utf8))
            throw ExitCode(1)
        }
        switch format {
        case .json: print(RouteText.json(journey))
        case .table: print(RouteText.table(journey, timetable: timetable), terminator: "")
        }
    }

    private func place(_ query: Timetable.PlaceQuery) -> Place {
        switch query {
        case .city(let city): Place(cityID: city.id, coordinate: city.coordinate, label: city.displayName)
        case .stop(let stop): Place(cityID: stop.cityID, coordinate: stop.coordinate, label: stop.name)
        case .point(let point): point
        }
    }
}
