import ArgumentParser
import Foundation
import GTFS
import Messages
import Reports
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

    @Option(name: .long, help: "Every journey worth taking that leaves on this date (YYYY-MM-DD): the day's profile.")
    var profile: String?

    @Option(name: .long, help: "The network folder (GTFS plus cities.csv), or a GTFS .zip; repeat for several feeds.")
    var network: [String] = []

    @Flag(
        name: .customLong("no-buffers"),
        help: "Between two stop ids: the timetable alone, no taxi or check-in (transfers.txt still applies).")
    var noBuffers = false

    @Option(
        name: .customLong("check-in"),
        help:
            "Check-in minutes, 0 to 480, as plan.yaml's check_in_minutes names them: train=20,flight=60,international_flight=120,bus=10 are the defaults."
    )
    var checkIn: String?

    @Option(
        name: .customLong("access-minutes"),
        help: "Fixed taxi minutes between a door and a station (default: by distance).")
    var accessMinutes: Int?

    @Option(
        name: .customLong("max-road-km"),
        help: "Longest drive that may replace a train or flight, km (0: never drive between cities).")
    var maxRoadKilometres: Double?

    @Option(name: .long, help: "table or json.")
    var format: OutputFormat = .table

    @Option(
        name: .long, help: "Language of the table and messages: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: ReportLanguageOption?

    /// The output's language: `--lang`, else the environment's.
    var language: ReportLanguage { lang?.language ?? .fromEnvironment() }

    func validate() throws {
        guard [depart, arriveBy, profile].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --depart, --arrive-by and --profile")
        }
        _ = try rules()
    }

    /// The default travel rules with the options' changes.
    private func rules() throws -> TravelRules {
        var rules = TravelRules()
        if let accessMinutes, !(0...600).contains(accessMinutes) {
            throw ValidationError("--access-minutes must be 0 to 600")
        }
        if let maxRoadKilometres, !(0...5_000).contains(maxRoadKilometres) {
            throw ValidationError("--max-road-km must be 0 to 5000")
        }
        rules.accessMinutes = accessMinutes
        if let maxRoadKilometres { rules.maximumRoadKilometres = maxRoadKilometres }
        if let checkIn {
            do { try rules.setCheckIn(pairs: checkIn) } catch { throw ValidationError("--check-in: \(error.message)") }
        }
        return rules
    }

    func run() throws {
        let timetable: Timetable
        do {
            timetable = try NetworkLoader.load(
                paths: network.isEmpty ? ["schedules/network"] : network, cache: .standard)
        } catch {
            throw Failure.exit(for: error, in: language)
        }
        let zone = timetable.zone
        let shown = network.first ?? "schedules/network"
        func resolve(_ text: String) throws -> Timetable.PlaceQuery {
            if let found = timetable.place(named: text) { return found }
            let close = timetable.suggestions(for: text).prefix(6)
            let hint =
                close.isEmpty
                ? Message(.routePlaceHint) : Message(.didYouMean, ["names": .names(Array(close))])
            throw Failure.exit(
                for: ScheduleError(
                    file: shown, Message(.routeUnknownPlace, ["place": .text(text), "hint": .message(hint)])),
                in: language)
        }
        let origin = try resolve(from)
        let destination = try resolve(to)
        let stops: (String, String)?
        if noBuffers, case .stop(let a) = origin, case .stop(let b) = destination {
            stops = (a.id, b.id)
        } else {
            stops = nil
        }
        if noBuffers && stops == nil { throw ValidationError("--no-buffers needs two stop ids") }

        // A date the timetable does not cover would be answered "by car"; say which dates it covers instead.
        func requireService(on date: LocalDate) throws {
            guard let gap = timetable.coverage(of: [date]) else { return }
            let what = gap.remedy(
                timetable: Message(.routeNetworkCovering, ["date": .text(date.description)]), inside: .routeAskInside)
            throw Failure.exit(
                for: ScheduleError(
                    file: shown,
                    Message(.problemAndRemedy, ["problem": .message(gap.summary), "remedy": .message(what)])),
                in: language)
        }
        if let profile {
            guard let date = LocalDate(iso: profile) else { throw ValidationError("--profile takes a date YYYY-MM-DD") }
            try requireService(on: date)
            let router = Router(timetable: timetable, rules: try rules(), dates: (-1...3).map { date.adding(days: $0) })
            let journeys =
                stops.map { router.profile(fromStop: $0.0, toStop: $0.1, on: date) }
                ?? router.profile(from: place(origin), to: place(destination), on: date)
            switch format {
            case .json: Output.json(RouteText.json(journeys))
            case .table:
                Output.text(RouteText.profileTable(journeys, timetable: timetable, language: language), terminator: "")
            }
            return
        }
        guard let time = Instant(iso8601: depart ?? arriveBy!, zone: zone) else {
            throw ValidationError("times are ISO 8601, e.g. 2022-03-07T07:00+08:00")
        }
        let day = zone.date(of: time)
        try requireService(on: day)
        let router = Router(timetable: timetable, rules: try rules(), dates: (-2...2).map { day.adding(days: $0) })
        let journey: Journey?
        switch (depart != nil, stops) {
        case (true, let stops?): journey = router.earliestArrival(fromStop: stops.0, toStop: stops.1, notBefore: time)
        case (true, nil): journey = router.earliestArrival(from: place(origin), to: place(destination), notBefore: time)
        case (false, let stops?): journey = router.latestDeparture(fromStop: stops.0, toStop: stops.1, arriveBy: time)
        case (false, nil): journey = router.latestDeparture(from: place(origin), to: place(destination), arriveBy: time)
        }
        guard let journey else {
            let none = Message(
                depart != nil ? .routeNoJourneyAfter : .routeNoJourneyBy,
                ["from": .text(from), "to": .text(to), "time": .text(time.iso8601)])
            Output.error("tiaoqi: " + none.text(language))
            throw ExitCode(1)
        }
        switch format {
        case .json: Output.json(RouteText.json(journey))
        case .table: Output.text(RouteText.table(journey, timetable: timetable, language: language), terminator: "")
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
