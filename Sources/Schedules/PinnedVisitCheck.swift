import GTFS
import Itinerary
import Timeline

/// A booked (pinned) visit must fit the schedule's own rules: the week's working days, the client's business hours
/// and earliest/latest day, every attendee's working hours and days off, and the client's calendar as loaded (its
/// published availability and busy events). A pin that cannot fit them is an input error (the planner would have to
/// leave it out, and the audit would reject it if placed), so it stops the load with the client's line and the event
/// in the way. A busy event at exactly the pinned time is the booked meeting itself, as clients enter it in their own
/// calendar: it is taken out of the client's busy time, not held against the pin. A calendar that changes after a
/// plan was made (the pin still fits the new load, or the plan's visit no longer does) is a clash, not a bad file.
enum PinnedVisitCheck {
    /// Throws for a pinned client whose meeting falls outside those rules; drops the busy event that is the booking.
    static func check(
        _ client: inout Client, line: Int, file: String, clientHours: IntervalSet, staffHours: [String: IntervalSet],
        staffNames: [String: String], feed: String, zone: Zone
    ) throws(ScheduleError) {
        guard let start = client.pinnedStart else { return }
        let meeting = Interval(start, start + Int64(client.meetingMinutes) * 60)
        let day = zone.date(of: start)
        let when = "\(day.weekday.displayName) \(day) \(zone.clock(start))–\(zone.clock(meeting.end))"
        func fail(_ why: String) -> ScheduleError {
            ScheduleError(file: file, line: line, "pinned visit \(when) \(why); move the pin or change those hours")
        }
        if let earliest = client.earliestDay, day < earliest { throw fail("is before earliest_day \(earliest)") }
        if let latest = client.latestDay, zone.date(of: meeting.end - 1) > latest {
            throw fail("is after latest_day \(latest)")
        }
        if !clientHours.contains(meeting) {
            throw fail(
                "is outside the client's business hours on the week's working days (workdays and business_hours)")
        }
        for id in client.with where !(staffHours[id]?.contains(meeting) ?? false) {
            throw fail("is outside the working hours or working days of \(staffNames[id] ?? id) (\(id))")
        }
        client.calendar.busy.removeAll { $0.interval == meeting }
        if let event = client.calendar.busy.first(where: { $0.interval.overlaps(meeting) }) {
            let what = event.summary.isEmpty ? "a busy period" : "\"\(event.summary)\""
            throw ScheduleError(
                file: file, line: line,
                "pinned visit \(when) overlaps \(what) \(zone.span(event.interval)) in the client's calendar \(feed); "
                    + "move the pin, or have the client's calendar show the meeting")
        }
        if let published = client.calendar.published, published.covered.overlaps(meeting),
            !published.available.contains(meeting)
        {
            throw ScheduleError(
                file: file, line: line,
                "pinned visit \(when) is outside the availability the client's calendar \(feed) publishes; "
                    + "move the pin into one of its slots")
        }
    }
}
