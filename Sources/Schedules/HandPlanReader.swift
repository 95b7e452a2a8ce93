import Foundation
import ICalendar
import Itinerary
import Timeline
import Travel

/// Reads a week planned by hand: one person's calendar (`.ics`), whose events are what they are committed to.
public enum HandPlanReader {
    /// The week in `calendar`, read from `file`: the person is `X-TIAOQI-PERSON` or the file's name without
    /// `.ics` and must be on some schedule's staff list; the team is `X-TIAOQI-TEAM`, else "by hand". Each event's
    /// city is the first city its location or summary names, and its client the `X-TIAOQI-CLIENT` id or the first
    /// client whose name it contains.
    public static func read(
        _ calendar: VCalendar, file: String, period: Interval, zone: Zone, staff: [Staff], clients: [Client], cities: [City]
    ) throws(ScheduleError) -> HandPlan {
        let root = calendar.components.first { $0.name == "VCALENDAR" }
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let person = root?.property("X-TIAOQI-PERSON")?.value.trimmingCharacters(in: .whitespaces) ?? stem
        guard staff.contains(where: { $0.id == person }) else {
            throw ScheduleError(
                file: file,
                "'\(person)' is not a staff id of the schedules given; name the file after the person's staff id (zhou.ics) or add X-TIAOQI-PERSON:<id> to the calendar")
        }
        let team = root?.property("X-TIAOQI-TEAM")?.value.trimmingCharacters(in: .whitespaces) ?? "by hand"
        var byUID: [String: (location: String?, client: String?)] = [:]
        for event in calendar.events { byUID[event.uid] = (event.location, nil) }
        for component in root?.components ?? [] where component.name == "VEVENT" {
            guard let uid = component.property("UID")?.value, let client = component.property("X-TIAOQI-CLIENT")?.value else { continue }
            byUID[uid, default: (nil, nil)].client = client.trimmingCharacters(in: .whitespaces)
        }
        let byLength = cities.sorted { ($0.displayName.count, $0.id) > ($1.displayName.count, $1.id) }
        var events: [HandPlan.Event] = []
        for occurrence in calendar.occurrences(in: period, floating: zone) where occurrence.isBusy {
            let summary = occurrence.summary ?? ""
            let known = byUID[occurrence.uid]
            let text = [known?.location, summary].compactMap { $0 }.joined(separator: " ")
            let city = byLength.first { city in
                [city.nameZh, city.name, city.id].contains { !$0.isEmpty && text.localizedCaseInsensitiveContains($0) }
            }
            let client = known?.client ?? clients.first { !$0.name.isEmpty && text.contains($0.name) }?.id
            let place = client.flatMap { id in clients.first { $0.id == id } }?.place.cityID ?? city?.id
            events.append(
                HandPlan.Event(
                    start: occurrence.interval.start, end: occurrence.interval.end, summary: summary, location: known?.location,
                    city: place, client: client))
        }
        return HandPlan(person: person, team: team, source: file, events: events)
    }
}
