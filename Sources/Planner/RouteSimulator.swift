import Itinerary
import Timeline
import Travel

/// One person's week for a given order of visits: when each meeting happens and how they travel.
struct PersonSchedule {
    var visits: [(client: Int, interval: Interval)] = []
    var legs: [(from: Place, to: Place, journey: Journey)] = []

    var travelSeconds: Int64 { legs.reduce(0) { $0 + $1.journey.seconds } }
    var ticketCost: Double { legs.reduce(0) { $0 + $1.journey.price } }
}

/// Times a fixed order of visits for one person, leaving as late as sensible, or says what stops it.
struct RouteSimulator {
    let problem: Problem
    let cache: JourneyCache

    /// The schedule for `order` (client indices), or the first obstacle met. With `leaveLate`, each leg is moved to
    /// the latest departure that still reaches the meeting in time (same meetings, later journeys).
    func simulate(person: Staff, order: [Int], leaveLate: Bool = false) -> Result<PersonSchedule, SimulationFailure> {
        var schedule = PersonSchedule()
        var place = person.home
        var now = problem.zone.day(problem.days[0]).start
        var travelByDay: [LocalDate: Int64] = [:]
        for client in order {
            let target = problem.clients[client]
            let free = target.availability.intersection(person.availability)
            let length = Int64(target.meetingMinutes) * 60
            guard var journey = leg(person, from: place, to: target.place, notBefore: now, travelByDay: travelByDay) else {
                return .failure(SimulationFailure(obstacle: .noJourney(from: place.label, to: target.place.label, after: now)))
            }
            guard var start = free.earliestFit(seconds: length, notBefore: journey.arrive) else {
                let services = journey.services.compactMap(\.service)
                return .failure(SimulationFailure(obstacle: .noWindow(client: client, arrival: journey.arrive, services: services)))
            }
            // Travel on the meeting's own day when that still arrives in time, instead of waiting overnight there.
            let meetingDay = problem.zone.date(of: start)
            if problem.zone.date(of: journey.arrive) < meetingDay {
                let later = max(now, problem.travelWindow(of: person, on: meetingDay).start)
                if let alternative = leg(person, from: place, to: target.place, notBefore: later, travelByDay: travelByDay),
                    alternative.arrive <= start,
                    let fit = free.earliestFit(seconds: length, notBefore: alternative.arrive)
                {
                    journey = alternative
                    start = fit
                }
            }
            if leaveLate {
                journey = latestJourney(person, from: place, to: target.place, after: journey, by: start, travelByDay: travelByDay)
            }
            record(journey, from: place, to: target.place, in: &schedule, travelByDay: &travelByDay)
            schedule.visits.append((client, Interval(start, start + length)))
            now = start + length
            place = target.place
        }
        if place.cityID != person.home.cityID {
            guard let home = leg(person, from: place, to: person.home, notBefore: now, travelByDay: travelByDay) else {
                return .failure(SimulationFailure(obstacle: .cannotReturnHome(from: place.label, after: now)))
            }
            record(home, from: place, to: person.home, in: &schedule, travelByDay: &travelByDay)
        }
        return .success(schedule)
    }

    /// The journey leaving latest, no earlier than `known`, that still arrives by `deadline` and takes no longer
    /// (binary search by minute over departure times; earliest arrival grows with departure time).
    private func latestJourney(
        _ person: Staff, from: Place, to: Place, after known: Journey, by deadline: Instant, travelByDay: [LocalDate: Int64]
    ) -> Journey {
        var best = known
        var low = known.depart.seconds / 60 + 1
        var high = deadline.seconds / 60
        while low <= high {
            let mid = (low + high) / 2
            if let candidate = leg(person, from: from, to: to, notBefore: Instant(seconds: mid * 60), travelByDay: travelByDay),
                candidate.arrive <= deadline
            {
                best = candidate
                low = max(mid, candidate.depart.seconds / 60) + 1
            } else {
                high = mid - 1
            }
        }
        // Leaving later must not cost travel time: that is the objective's second term.
        return best.seconds <= known.seconds ? best : known
    }

    private func record(
        _ journey: Journey, from: Place, to: Place, in schedule: inout PersonSchedule, travelByDay: inout [LocalDate: Int64]
    ) {
        schedule.legs.append((from, to, journey))
        travelByDay[problem.zone.date(of: journey.depart), default: 0] += journey.seconds
    }

    /// The earliest journey leaving at or after `notBefore` that lies inside one day's travel hours, misses the
    /// person's busy time and keeps the day under the travel cap.
    func leg(_ person: Staff, from: Place, to: Place, notBefore: Instant, travelByDay: [LocalDate: Int64]) -> Journey? {
        var earliest = notBefore
        let lastDay = problem.days.last!
        for _ in 0..<64 {
            let day = problem.zone.date(of: earliest)
            guard day <= lastDay else { return nil }
            let window = problem.travelWindow(of: person, on: day)
            if earliest < window.start { earliest = window.start }
            if earliest >= window.end {
                earliest = problem.zone.day(day.adding(days: 1)).start
                continue
            }
            guard let journey = cache.earliestArrival(from: from, to: to, notBefore: earliest) else { return nil }
            if journey.depart < window.start || journey.arrive > window.end {
                earliest = problem.zone.day(day.adding(days: 1)).start
                continue
            }
            if let clash = person.busy.clipped(to: journey.interval).intervals.first {
                earliest = clash.end
                continue
            }
            let cap = Int64(person.dailyTravelCapMinutes) * 60
            if (travelByDay[day] ?? 0) + journey.seconds > cap {
                earliest = problem.zone.day(day.adding(days: 1)).start
                continue
            }
            return journey
        }
        return nil
    }
}

/// Why a simulated order failed.
struct SimulationFailure: Error {
    var obstacle: Obstacle
}

extension Journey {
    var interval: Interval { Interval(depart, arrive) }
}
