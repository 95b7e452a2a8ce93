import Itinerary
import Timeline
import Travel

/// Computes, in the users' words, why a client could not be visited.
struct Explainer {
    let problem: Problem
    let simulator: RouteSimulator
    let routes: [[Int]]

    func explain(_ client: Int) -> LeftOut {
        let target = problem.clients[client]
        return LeftOut(
            client: target.id, clientName: target.name, mustVisit: target.mustVisit, priority: target.priority,
            reasons: reasons(client))
    }

    private func reasons(_ client: Int) -> [String] {
        let target = problem.clients[client]
        let length = Int64(target.meetingMinutes) * 60
        let week = problem.period
        if target.availability.earliestFit(seconds: length, notBefore: week.start) == nil {
            return ["\(target.name) has no free stretch of \(target.meetingMinutes) minutes this week (\(describe(target.availability)))"]
        }
        let people = problem.staff.indices.filter {
            target.availability.intersection(problem.staff[$0].availability).earliestFit(seconds: length, notBefore: week.start) != nil
        }
        if people.isEmpty {
            return [
                "no time when \(target.name) (free \(describe(target.availability))) and any staff member are both free for \(target.meetingMinutes) minutes"
            ]
        }
        var reasons: [String] = []
        var fitsAlone: [Int] = []
        for person in people {
            let staff = problem.staff[person]
            switch simulator.simulate(person: staff, order: [client]) {
            case .success: fitsAlone.append(person)
            case .failure(let failure): reasons.append("\(staff.name): " + words(failure.obstacle))
            }
        }
        for person in fitsAlone {
            let staff = problem.staff[person]
            let route = routes[person]
            var dropping: [String] = []
            for (index, other) in route.enumerated() {
                var trial = route
                trial.remove(at: index)
                for position in 0...trial.count {
                    var candidate = trial
                    candidate.insert(client, at: position)
                    if case .success = simulator.simulate(person: staff, order: candidate) {
                        let otherClient = problem.clients[other]
                        dropping.append("\(otherClient.name)\(otherClient.mustVisit ? " (must-visit)" : " (priority \(otherClient.priority))")")
                        break
                    }
                }
            }
            if dropping.isEmpty {
                reasons.append("\(staff.name): the week is already full around \(target.name)'s windows")
            } else {
                reasons.append("\(staff.name): fits only by dropping \(dropping.joined(separator: " or "))")
            }
        }
        return reasons
    }

    private func words(_ obstacle: Obstacle) -> String {
        switch obstacle {
        case .noJourney(let from, let to, let after):
            return "no journey from \(from) to \(to) after \(local(after)) fits the travel hours, own calendar and daily travel cap"
        case .noWindow(let client, let arrival, let services):
            let target = problem.clients[client]
            let by = services.isEmpty ? "" : " by \(services.joined(separator: ", "))"
            let free = target.availability.clipped(to: Interval(problem.period.start, problem.period.end))
            return "no window of \(target.name) overlaps a reachable time: earliest arrival \(local(arrival))\(by), windows \(describe(free))"
        case .cannotReturnHome(let from, let after):
            return "cannot get home from \(from) after \(local(after)) by the end of the week"
        }
    }

    private func local(_ instant: Instant) -> String {
        let (date, time, _) = problem.zone.local(instant)
        return "\(date.weekday.displayName) \(time)"
    }

    private func describe(_ set: IntervalSet) -> String {
        if set.isEmpty { return "none" }
        let shown = set.intervals.prefix(4).map { "\(local($0.start))–\(problem.zone.clock($0.end))" }
        return shown.joined(separator: ", ") + (set.intervals.count > 4 ? ", …" : "")
    }
}
