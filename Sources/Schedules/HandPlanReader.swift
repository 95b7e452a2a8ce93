import Audit
import Foundation
import GTFS
import ICalendar
import Itinerary
import Messages
import Timeline
import Travel

/// Reads a week planned by hand: one person's calendar (`.ics`), whose events are what they are committed to.
public enum HandPlanReader {
    /// The week in `calendar`, read from `file`: the person is `X-TIAOQI-PERSON` or the file's name without
    /// `.ics` and must be on some schedule's staff list; the team is `X-TIAOQI-TEAM`, else "by hand". Each event's
    /// client is its `X-TIAOQI-CLIENT` id or the first client whose name its location or summary contains; its city
    /// is the client's, else the first city its location names.
    public static func read(
        _ calendar: VCalendar, file: String, period: Interval, zone: Zone, staff: [Staff], clients: [Client],
        cities: [City]
    ) throws(ScheduleError) -> HandPlan {
        let root = calendar.components.first { $0.name == "VCALENDAR" }
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let person = root?.property("X-TIAOQI-PERSON")?.value.trimmingCharacters(in: .whitespaces) ?? stem
        guard staff.contains(where: { $0.id == person }) else {
            throw ScheduleError(
                file: file,
                Message(.handPlanUnknownPerson, ["person": .text(person)]))
        }
        let team = root?.property("X-TIAOQI-TEAM")?.value.trimmingCharacters(in: .whitespaces) ?? "by hand"
        var byUID: [String: (location: String?, client: String?)] = [:]
        // Location and client by UID, from the event itself rather than its changed instances.
        for event in calendar.events where !event.uid.isEmpty && (event.recurrenceID == nil || byUID[event.uid] == nil)
        {
            byUID[event.uid] = (event.location, byUID[event.uid]?.client)
        }
        for component in root?.components ?? [] where component.name == "VEVENT" {
            guard let uid = component.property("UID")?.value, let client = component.property("X-TIAOQI-CLIENT")?.value
            else { continue }
            byUID[uid, default: (nil, nil)].client = client.trimmingCharacters(in: .whitespaces)
        }
        var events: [HandPlan.Event] = []
        for occurrence in calendar.occurrences(in: period, floating: zone) where occurrence.isBusy {
            let summary = occurrence.summary ?? ""
            let known = byUID[occurrence.uid]
            let text = [known?.location, summary].compactMap { $0 }.joined(separator: " ")
            let named =
                known?.client.flatMap { id in clients.first { $0.id == id } }
                ?? clients.first { !$0.name.isEmpty && text.contains($0.name) }
            let client = known?.client ?? named?.id
            // Where the person is: the client's city, else the city the location names first (a summary such as
            // "G7 徐州东→南京南" says where a train goes, not where the person stays).
            let place = named?.place.cityID ?? known?.location.flatMap { firstCity(in: $0, cities) }
            events.append(
                HandPlan.Event(
                    start: occurrence.interval.start, end: occurrence.interval.end, summary: summary,
                    location: known?.location,
                    city: place, client: client))
        }
        return HandPlan(person: person, team: team, source: file, events: events)
    }

    /// The id of the city whose Chinese or English name comes first in `text` (the longer name where two start
    /// together: 南京南 is 南京, not 南).
    private static func firstCity(in text: String, _ cities: [City]) -> String? {
        var best: (at: String.Index, length: Int, id: String)?
        for city in cities {
            for name in [city.nameZh, city.name] where !name.isEmpty {
                guard let found = text.range(of: name, options: .caseInsensitive) else { continue }
                if best == nil || found.lowerBound < best!.at
                    || (found.lowerBound == best!.at && name.count > best!.length)
                {
                    best = (found.lowerBound, name.count, city.id)
                }
            }
        }
        return best?.id
    }
}
