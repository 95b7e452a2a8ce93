import Timeline

/// How far a week misses each wish, measured the same way for the planner's timed weeks and for a plan's report.
public enum WishMeasures {
    /// Minutes the lunch break misses on `day`: `minutes` in a row inside `hours`, less the longest stretch there
    /// that none of `busy` covers (0 when the break fits).
    public static func lunchShortfall(busy: [Interval], on day: LocalDate, zone: Zone, hours: DailyHours, minutes: Int)
        -> Int
    {
        let window = Interval(zone.instant(day, hours.opens), zone.instant(day, hours.closes))
        var free = IntervalSet([window])
        for interval in busy where interval.overlaps(window) { free = free.subtracting(IntervalSet([interval])) }
        let longest = free.intervals.map(\.seconds).max() ?? 0
        return max(0, minutes - Int(longest / 60))
    }

    /// Minutes of a meeting outside the preferred hours of its day.
    public static func minutesOutside(_ meeting: Interval, preferred: DailyHours, zone: Zone) -> Int {
        let day = zone.date(of: meeting.start)
        let inside = IntervalSet([meeting]).intersection(preferred.intervals(on: [day], in: zone))
        return Int((meeting.seconds - inside.seconds) / 60)
    }

    /// The waits of a person's week, in minutes: between two things they do on one local day (visits, journeys),
    /// while away from their home city. `items` are in time order, each with the city they are in once it ends.
    public static func waits(_ items: [(interval: Interval, cityAfter: String)], home: String, zone: Zone) -> [Int] {
        var result: [Int] = []
        for (before, after) in zip(items, items.dropFirst())
        where before.cityAfter != home && zone.date(of: before.interval.end) == zone.date(of: after.interval.start) {
            let gap = Int((after.interval.start - before.interval.end) / 60)
            if gap > 0 { result.append(gap) }
        }
        return result
    }
}

extension Problem {
    /// What a hotel night costs in `city`: the travel policy's price there, else `hotelCost`.
    public func hotelPrice(in city: String) -> Double { wishes.policy.hotelPrice(in: city, otherwise: hotelCost) }
}
