import Timeline

extension VCalendar {
    /// Free time: the published available slots (RFC 7953) where the calendar publishes availability, else `hours`
    /// on each of `days` (local to `zone`), minus this calendar's busy events.
    public func freeTime(hours: DailyHours, on days: [LocalDate], zone: Zone) -> IntervalSet {
        var ignored: [Diagnostic] = []
        return freeTime(hours: hours, on: days, zone: zone, diagnostics: &ignored)
    }

    /// Free time as above, adding a warning to `diagnostics` for each event not expanded exactly (its whole span
    /// counts as busy).
    public func freeTime(hours: DailyHours, on days: [LocalDate], zone: Zone, diagnostics: inout [Diagnostic])
        -> IntervalSet
    {
        var open = hours.intervals(on: days, in: zone)
        guard let first = days.first, let last = days.last else { return open }
        let span = Interval(zone.day(first).start, zone.day(last).end)
        if let published = publishedAvailability(in: span, floating: zone) {
            open = open.subtracting(published.covered).union(published.available)
        }
        return open.subtracting(eventBusy(in: span, floating: zone, diagnostics: &diagnostics))
    }
}
