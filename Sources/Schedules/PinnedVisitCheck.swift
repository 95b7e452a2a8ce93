import GTFS
import Itinerary
import Timeline

/// A booked (pinned) visit must fit the schedule's own rules: the week's working days, the client's business hours
/// and earliest/latest day, and every attendee's working hours and days off. A pin that cannot fit them is an input
/// error (the planner would have to leave it out, and the audit would reject it if placed), so it stops the load.
/// Calendars are not judged here: a client's or attendee's feed may change after the booking, and then the visit
/// is a clash or a left-out must-visit with its reason, not a bad file.
enum PinnedVisitCheck {
    /// Throws for the first pinned client whose meeting falls outside those rules.
    static func check(
        _ client: Client, line: Int, file: String, clientHours: IntervalSet, staffHours: [String: IntervalSet],
        staffNames: [String: String], zone: Zone
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
    }
}
