import ICalendar
import Itinerary
import Messages
import Timeline
import Travel

/// One iCalendar file per person: their visits, legs (one event per train or flight) and hotel nights.
public enum PlanCalendars {
    /// The `.ics` text for each person in the plan, by staff id, its summaries and descriptions in `language`; names
    /// come from the problem the plan was made for and the timetable.
    public static func render(_ plan: Plan, problem: Problem, timetable: Timetable, language: Language = .en)
        -> [String: String]
    {
        func say(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> String {
            Message(key, arguments).text(language)
        }
        var result: [String: String] = [:]
        let stamp = DateTimeValue.utc(problem.zone.day(plan.days[0]).start).icalendarText
        func stop(_ id: String) -> String { timetable.stop(id: id)?.name ?? id }
        func city(_ id: String) -> String { timetable.cities[id]?.displayName ?? id }
        func utc(_ instant: Instant) -> String { DateTimeValue.utc(instant).icalendarText }
        func event(
            uid: String, start: ContentLine, end: ContentLine, summary: String, location: String?, description: String?,
            transparent: Bool = false,
            remindMinutes: Int? = nil, link: String? = nil
        ) -> Component {
            var properties = [
                ContentLine.text("UID", uid), ContentLine(name: "DTSTAMP", value: stamp), start, end,
                ContentLine.text("SUMMARY", summary),
            ]
            if let location { properties.append(.text("LOCATION", location)) }
            // An online meeting's link, for calendar apps that offer a join button (RFC 5545 URL, RFC 7986
            // CONFERENCE); a link with spaces or control characters is left in the description only.
            if let link,
                !link.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false })
            {
                properties.append(ContentLine(name: "URL", parameters: ["VALUE": "URI"], value: link))
                properties.append(
                    ContentLine(name: "CONFERENCE", parameters: ["VALUE": "URI", "FEATURE": "VIDEO"], value: link))
            }
            if let description { properties.append(.text("DESCRIPTION", description)) }
            if transparent { properties.append(ContentLine(name: "TRANSP", value: "TRANSPARENT")) }
            // A reminder before a departure, in time to reach the station.
            let alarms =
                remindMinutes.map { minutes in
                    [
                        Component(
                            name: "VALARM",
                            properties: [
                                ContentLine(name: "ACTION", value: "DISPLAY"),
                                ContentLine(name: "TRIGGER", value: "-PT\(minutes)M"),
                                ContentLine.text("DESCRIPTION", summary),
                            ])
                    ]
                } ?? []
            return Component(name: "VEVENT", properties: properties, components: alarms)
        }
        let names = Dictionary(problem.staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for person in problem.staff {
            var events: [Component] = []
            // A visit's UID names the week and which visit of the week to the client it is, not its time: a replan
            // that moves it updates the event, and another week's visit to the client is another event.
            var seen: [String: Int] = [:]
            let week = plan.days.first.map { "-\($0)" } ?? ""
            for visit in plan.visits.sorted(by: { ($0.start, $0.client) < ($1.start, $1.client) })
            where visit.staff.contains(person.id) {
                seen[visit.client, default: 0] += 1
                let index = seen[visit.client]! > 1 ? "-\(seen[visit.client]!)" : ""
                let client = problem.clients.first { $0.id == visit.client }
                // Everyone who attends, and where: what a person needs on the day without opening the plan.
                let attendees = say(.icsAttendees, ["people": .names(visit.staff.map { names[$0] ?? $0 })])
                let address = client.flatMap {
                    $0.address.isEmpty ? nil : say(.icsAddress, ["address": .text($0.address)])
                }
                let contact = client.flatMap {
                    $0.contact.isEmpty ? nil : say(.icsContact, ["contact": .text($0.contact)])
                }
                let about = client.map {
                    say(
                        $0.mustVisit ? .icsClientMustVisit : .icsClient,
                        ["id": .text($0.id), "priority": .number($0.priority)])
                }
                let online = visit.isOnline ? [visit.link, visit.onlineReason?.text(language)] : []
                events.append(
                    event(
                        uid: "visit-\(visit.client)-\(person.id)\(week)\(index)@tiaoqi",
                        start: ContentLine(name: "DTSTART", value: utc(visit.start)),
                        end: ContentLine(name: "DTEND", value: utc(visit.end)),
                        summary: say(visit.isOnline ? .icsVisitOnline : .icsVisit, ["client": .text(visit.clientName)]),
                        location: visit.isOnline
                            ? visit.link ?? say(.icsOnline)
                            : client.map { $0.address.isEmpty ? city($0.place.cityID) : $0.address },
                        description: ([about, attendees] + online + [address, contact]).compactMap { $0 }.joined(
                            separator: "\n"), link: visit.link))
            }
            // A leg's UID names the trip (from, to, local day, which service of it), not its train: when the leg
            // moves to another train that day, a calendar app updates the event instead of adding a second one.
            var tripsSeen: [String: Int] = [:]
            for leg in plan.legs where leg.person == person.id {
                let firstService = leg.parts.firstIndex { $0.mode != .taxi }
                let trip =
                    "\(leg.fromPlace ?? leg.fromCity)-\(leg.toPlace ?? leg.toCity)-\(problem.zone.date(of: leg.depart))"
                let repeatCount = tripsSeen[trip, default: 0]
                tripsSeen[trip] = repeatCount + 1
                var ordinal = 0
                for (index, part) in leg.parts.enumerated() where part.mode != .taxi {
                    let service = part.serviceName(language)
                    let (from, to) = (
                        part.endName(part.from, language: language, stopName: stop),
                        part.endName(part.to, language: language, stopName: stop)
                    )
                    ordinal += 1
                    let uid =
                        "leg-\(person.id)-\(trip)\(repeatCount == 0 ? "" : "-\(repeatCount + 1)")-\(ordinal)@tiaoqi"
                    events.append(
                        event(
                            uid: uid,
                            start: ContentLine(name: "DTSTART", value: utc(part.depart)),
                            end: ContentLine(name: "DTEND", value: utc(part.arrive)),
                            summary: "\(service) \(from) → \(to)", location: from,
                            description: say(
                                leg.booked == true ? .icsLegBooked : .icsLeg,
                                [
                                    "from": .place(leg.from), "to": .place(leg.to),
                                    "leave": .text(problem.zone.clock(leg.depart)),
                                    "arrive": .text(problem.zone.clock(leg.arrive)),
                                ]),
                            // One reminder per leg: 30 minutes before leaving the door for its first service.
                            remindMinutes: index == firstService ? Int((part.depart - leg.depart) / 60) + 30 : nil))
                }
            }
            for stay in plan.stays where stay.person == person.id {
                events.append(
                    event(
                        uid: "stay-\(person.id)-\(stay.night)@tiaoqi",
                        start: ContentLine(
                            name: "DTSTART", parameters: ["VALUE": "DATE"],
                            value: DateTimeValue.date(stay.night).icalendarText),
                        end: ContentLine(
                            name: "DTEND", parameters: ["VALUE": "DATE"],
                            value: DateTimeValue.date(stay.night.adding(days: 1)).icalendarText),
                        summary: say(.icsStay, ["city": .text(city(stay.city))]), location: city(stay.city),
                        description: nil, transparent: true
                    ))
            }
            let calendar = Component(
                name: "VCALENDAR",
                properties: [
                    ContentLine(name: "VERSION", value: "2.0"),
                    ContentLine(name: "PRODID", value: "-//Tiaoqi//Itinerary//ZH"),
                    ContentLine(name: "CALSCALE", value: "GREGORIAN"), ContentLine(name: "METHOD", value: "PUBLISH"),
                    .text("X-WR-CALNAME", "\(person.name) · \(plan.name)"),
                ],
                components: events)
            result[person.id] = ICalendarWriter.write([calendar])
        }
        return result
    }
}
