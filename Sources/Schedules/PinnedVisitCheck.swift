import GTFS
import Itinerary
import Messages
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
        let when = Message.Argument.message(
            Message(
                .pinnedWhen,
                ["day": .date(day), "start": .text(zone.clock(start)), "end": .text(zone.clock(meeting.end))]))
        func fail(_ why: Message) -> ScheduleError {
            ScheduleError(file: file, line: line, Message(.pinnedFails, ["when": when, "why": .message(why)]))
        }
        if let earliest = client.earliestDay, day < earliest {
            throw fail(Message(.pinnedBeforeEarliest, ["day": .text(earliest.description)]))
        }
        if let latest = client.latestDay, zone.date(of: meeting.end - 1) > latest {
            throw fail(Message(.pinnedAfterLatest, ["day": .text(latest.description)]))
        }
        if !clientHours.contains(meeting) { throw fail(Message(.pinnedOutsideBusinessHours)) }
        for id in client.with where !(staffHours[id]?.contains(meeting) ?? false) {
            throw fail(Message(.pinnedOutsideStaffHours, ["name": .text(staffNames[id] ?? id), "id": .text(id)]))
        }
        client.calendar.busy.removeAll { $0.interval == meeting }
        if let event = client.calendar.busy.first(where: { $0.interval.overlaps(meeting) }) {
            let what =
                event.summary.isEmpty
                ? Message(.aBusyPeriod) : Message(.quotedSummary, ["summary": .text(event.summary)])
            throw ScheduleError(
                file: file, line: line,
                Message(
                    .pinnedOverlapsEvent,
                    [
                        "when": when, "what": .message(what), "span": .span(event.interval, zone),
                        "feed": .text(feed),
                    ]))
        }
        if let published = client.calendar.published, published.covered.overlaps(meeting),
            !published.available.contains(meeting)
        {
            throw ScheduleError(
                file: file, line: line,
                Message(.pinnedOutsidePublished, ["when": when, "feed": .text(feed)]))
        }
    }
}
