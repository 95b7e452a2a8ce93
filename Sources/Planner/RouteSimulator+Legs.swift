import Timeline
import Travel

extension RouteSimulator {
    /// The earliest journey leaving at or after `notBefore` that lies inside one day's travel hours (not on a day
    /// off), misses the person's busy time (calls excepted: they may be taken on the way) and keeps the day under the
    /// travel cap; on failure, the first day the cap alone stopped it.
    func leg(_ person: Int, from: Int, to: Int, notBefore: Instant, travelByDay: [Int64]) -> Result<Journey, LegFailure>
    {
        var earliest = notBefore
        var overCap: CapOverrun?
        let cap = context.travelCaps[person]
        for _ in 0..<(8 * context.days.count + 8) {
            let day = max(0, context.dayIndex(earliest))
            guard day < context.days.count else { break }
            let nextDay = day + 1 < context.days.count ? context.days[day + 1].start : context.days[day].end
            guard let window = context.travelWindows[person][day] else {
                earliest = nextDay
                continue
            }
            if earliest < window.start { earliest = window.start }
            if earliest >= window.end {
                earliest = nextDay
                continue
            }
            guard let journey = context.cache.earliestArrival(from: from, to: to, notBefore: earliest) else { break }
            if journey.depart < window.start || journey.arrive > (context.travelSpanEnds[person][day] ?? window.end) {
                earliest = nextDay
                continue
            }
            if let clash = context.heldAt[person].firstOverlap(with: journey.interval) {
                earliest = max(clash.end, earliest + 60)
                continue
            }
            if travelByDay[day] + context.capSeconds(journey) > cap {
                if overCap == nil {
                    overCap = CapOverrun(
                        day: day, before: Int(travelByDay[day] / 60), journey: Int(context.capSeconds(journey) / 60))
                }
                earliest = nextDay
                continue
            }
            return .success(journey)
        }
        return .failure(LegFailure(overCap: overCap))
    }

    /// The journey leaving latest, no earlier than `known`, that still arrives by `deadline` and takes no longer
    /// (binary search by minute over departure times; earliest arrival grows with departure time).
    func latestJourney(
        _ person: Int, from: Int, to: Int, after known: Journey, by deadline: Instant, travelByDay: [Int64]
    ) -> Journey {
        var best = known
        var low = known.depart.seconds / 60 + 1
        var high = deadline.seconds / 60
        while low <= high {
            let mid = (low + high) / 2
            if case .success(let candidate) = leg(
                person, from: from, to: to, notBefore: Instant(seconds: mid * 60), travelByDay: travelByDay),
                candidate.arrive <= deadline
            {
                best = candidate
                low = max(mid, candidate.depart.seconds / 60) + 1
            } else {
                high = mid - 1
            }
        }
        // Leaving later must not cost travel time: that is the objective's third term.
        return best.seconds <= known.seconds ? best : known
    }
}

/// Why no leg was found: the first day whose travel cap alone stopped a journey, if any.
struct LegFailure: Error {
    var overCap: CapOverrun?
}

extension Journey {
    var interval: Interval { Interval(depart, arrive) }
}
