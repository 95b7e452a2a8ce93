import Timeline

/// A VAVAILABILITY component (RFC 7953): within its range, only its AVAILABLE slots are free.
public struct Availability: Sendable {
    /// PRIORITY: 1 highest … 9 lowest; 0 (undefined) ranks below 9.
    public var priority: Int
    /// DTSTART, when the range has a start.
    public var start: DateTimeValue?
    /// DTEND, when the range has an end.
    public var end: DateTimeValue?
    /// DURATION, when given instead of DTEND.
    public var duration: CalendarDuration?
    /// The AVAILABLE slots, read like events (DTSTART, DTEND or DURATION, RRULE, RDATE, EXDATE).
    public var slots: [Event]
    /// The line of its BEGIN.
    public var line: Int
}

extension VCalendar {
    /// Published availability inside `window`: the time the VAVAILABILITY components cover and the part of it
    /// that is available (higher priority wins where they overlap); nil when the calendar publishes none.
    public func publishedAvailability(in window: Interval, floating fallback: Zone) -> (
        covered: IntervalSet, available: IntervalSet
    )? {
        guard !availabilities.isEmpty else { return nil }
        let floating = floatingZone(fallback: fallback)
        let utcZone = defaultZone ?? .utc
        var covered = IntervalSet()
        var available = IntervalSet()
        let rank = { (priority: Int) in priority == 0 ? 10 : priority }
        for component in availabilities.sorted(by: { rank($0.priority) > rank($1.priority) }) {
            let from = component.start?.instant(zones: zones, floatingZone: floating) ?? window.start
            var to = component.end?.instant(zones: zones, floatingZone: floating) ?? window.end
            if component.end == nil, let duration = component.duration {
                to = from + Int64(duration.days) * 86_400 + duration.seconds
            }
            guard let range = Interval(from, to).intersection(window) else { continue }
            var slots = IntervalSet()
            for slot in component.slots {
                let expander = Expander(event: slot, zones: zones, floating: floating, utcZone: utcZone)
                let instances =
                    slot.rule == nil && slot.recurrenceDates.isEmpty
                    ? [expander.single()] : expander.instances(in: range, overrides: []).occurrences
                for instance in instances { slots.insert(instance.interval) }
            }
            let inRange = IntervalSet([range])
            available = available.subtracting(inRange).union(slots.intersection(inRange))
            covered = covered.union(inRange)
        }
        return (covered, available)
    }
}
