import Timeline

extension VCalendar {
    /// Free time: `hours` on each of `days` (local to `zone`) minus this calendar's busy time.
    public func freeTime(hours: DailyHours, on days: [LocalDate], zone: Zone) -> IntervalSet {
        let open = hours.intervals(on: days, in: zone)
        guard let first = open.intervals.first, let last = open.intervals.last else { return open }
        return open.subtracting(busy(in: Interval(first.start, last.end), floating: zone))
    }
}
