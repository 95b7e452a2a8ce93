import Feeds
import Foundation
import Itinerary
import Messages
import Timeline
import Travel

/// The plan as people read it in a terminal: per person, day by day, then what was left out and the score.
public enum PlanText {
    /// Renders a plan in `language` with names from the problem it was made for (staff, clients, zone) and the
    /// timetable (cities and stations).
    public static func render(_ plan: Plan, problem: Problem, timetable: Timetable, language: Language = .en)
        -> String
    {
        let zone = problem.zone
        func say(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> String {
            Message(key, arguments).text(language)
        }
        func city(_ id: String) -> Message.Argument { .text(timetable.cities[id]?.displayName ?? id) }
        func stop(_ id: String) -> String { timetable.stop(id: id)?.name ?? id }
        func end(_ end: String, _ part: Journey.Part) -> Message.Argument {
            .text(part.endName(end, language: language, stopName: stop))
        }
        func clock(_ instant: Instant) -> Message.Argument { .text(zone.clock(instant)) }
        func day(_ date: LocalDate) -> String {
            Message(
                .dayClock, ["weekday": .weekday(date.weekday), "clock": .text(String(date.description.dropFirst(5)))]
            )
            .text(language)
        }

        // `Tue 03-08` and `周二 03-08` with a space after.
        let dayWidth = language == .zh ? 11 : 10
        var out = SafeText.line("\(plan.name) · \(plan.days.first!) – \(plan.days.last!) (\(plan.timeZone))") + "\n"
        for person in problem.staff {
            var rows: [(Instant, LocalDate, String, String)] = []
            for leg in plan.legs where leg.person == person.id {
                let services = leg.parts.filter { $0.mode != .taxi }
                let times = "\(zone.clock(leg.depart))–\(zone.clock(leg.arrive))"
                if services.isEmpty {
                    rows.append(
                        (
                            leg.depart, zone.date(of: leg.depart), times,
                            say(.tableTaxi, ["from": .place(leg.from), "to": .place(leg.to)])
                        ))
                    continue
                }
                let parts = services.map { part -> Message.Argument in
                    .message(
                        Message(
                            .tablePart,
                            [
                                "service": part.service.map { .text($0) }
                                    ?? .message(Message(.byMode, ["mode": .mode(part.mode)])),
                                "from": end(part.from, part), "depart": clock(part.depart),
                                "to": end(part.to, part),
                                "arrive": clock(part.arrive),
                            ]))
                }
                var details: [Message.Argument] = [
                    .message(Message(.tableDoor, ["leave": clock(leg.depart), "door": clock(leg.arrive)]))
                ]
                if leg.price > 0 { details.append(.text(String(format: "¥%.0f", leg.price))) }
                if leg.booked == true { details.append(.word(.labelBooked)) }
                rows.append(
                    (
                        leg.depart, zone.date(of: leg.depart), times,
                        say(
                            .tableLeg,
                            [
                                "from": city(leg.fromCity), "to": city(leg.toCity), "parts": .list(parts, .semicolon),
                                "details": .list(details, .clause),
                            ])
                    ))
            }
            for visit in plan.visits where visit.staff.contains(person.id) {
                let client = problem.clients.first { $0.id == visit.client }
                let others = visit.staff.filter { $0 != person.id }
                let about: Message.Argument =
                    client.map {
                        .message(
                            Message(
                                $0.mustVisit ? .tableAboutMustVisit : .tableAbout,
                                ["id": .text($0.id), "priority": .number($0.priority)]))
                    } ?? ""
                let with: Message.Argument =
                    others.isEmpty
                    ? ""
                    : .message(
                        Message(
                            .tableWith,
                            ["people": .names(others.map { id in problem.staff.first { $0.id == id }?.name ?? id })]))
                var meet = say(
                    visit.isOnline ? .tableMeetOnline : .tableMeet,
                    ["client": .text(visit.clientName), "about": about, "city": city(visit.city), "with": with])
                if let link = visit.link { meet += " " + link }
                if let why = visit.onlineReason { meet += say(.tableParenthesis, ["text": .message(why)]) }
                rows.append(
                    (
                        visit.start, zone.date(of: visit.start), "\(zone.clock(visit.start))–\(zone.clock(visit.end))",
                        meet
                    ))
            }
            for stay in plan.stays where stay.person == person.id {
                rows.append(
                    (
                        zone.day(stay.night).end - 1, stay.night, say(.tableNight),
                        say(.tableHotel, ["city": city(stay.city)])
                    ))
            }
            rows.sort { $0.0 < $1.0 }
            out +=
                "\n"
                + SafeText.line(
                    say(
                        .tablePerson,
                        ["name": .text(person.name), "id": .text(person.id), "city": city(person.home.cityID)]))
                + "\n"
            if rows.isEmpty { out += "  " + say(.tableStaysHome) + "\n" }
            var lastDay: LocalDate?
            for row in rows {
                let label = row.1 == lastDay ? "" : day(row.1)
                lastDay = row.1
                out +=
                    "  " + TextWidth.pad(label, to: dayWidth) + TextWidth.pad(row.2, to: 13) + SafeText.line(row.3)
                    + "\n"
            }
        }
        if !plan.leftOut.isEmpty {
            out += "\n" + say(.tableLeftOut, ["count": .number(plan.leftOut.count)]) + "\n"
            for entry in plan.leftOut {
                out +=
                    "  "
                    + SafeText.line(
                        say(
                            entry.mustVisit ? .tableLeftOutMustVisit : .tableLeftOutEntry,
                            [
                                "client": .text(entry.clientName), "id": .text(entry.client),
                                "priority": .number(entry.priority),
                            ])) + "\n"
                for reason in entry.reasons { out += "    - " + SafeText.line(reason.text(language)) + "\n" }
            }
        }
        if let stale = plan.staleCalendars, !stale.isEmpty {
            out += "\n" + say(.tableStale, ["count": .number(stale.count)]) + "\n"
            for calendar in stale {
                out +=
                    "  - "
                    + SafeText.line(
                        say(
                            .tableStaleEntry,
                            [
                                "feed": .text(calendar.feed), "age": .age(seconds: calendar.ageSeconds),
                                "reason": .message(calendar.reason),
                            ])) + "\n"
            }
        }
        if let missed = plan.missedOwnEvents, !missed.isEmpty {
            out += "\n" + say(.tableMissedOwnEvents, ["count": .number(missed.count)]) + "\n"
            for event in missed {
                let name = problem.staff.first { $0.id == event.person }?.name ?? event.person
                out +=
                    "  - "
                    + SafeText.line(
                        say(
                            .tableMissedOwnEvent,
                            [
                                "person": .text(name), "summary": .text(event.summary),
                                "time": .dayClock(event.start, problem.zone), "location": .text(event.location),
                                "reason": .message(event.reason),
                            ])) + "\n"
            }
        }
        if let unmet = plan.unmetWishes, !unmet.isEmpty {
            out += "\n" + say(.tableUnmetWishes, ["count": .number(unmet.count)]) + "\n"
            for wish in unmet { out += "  - " + SafeText.line(wish.reason.text(language)) + "\n" }
        }
        if let changes = plan.changes {
            out += "\n" + say(.tableChanges, ["count": .number(changes.count)]) + "\n"
            for change in changes { out += "  - " + SafeText.line(change.text(language)) + "\n" }
        }
        let score = plan.score
        for person in score.people ?? [] where person.visits > 0 || person.travelMinutes > 0 {
            let name = SafeText.line(problem.staff.first { $0.id == person.person }?.name ?? person.person)
            let nights = person.nightsLimit.map { "\(person.nights)/\($0)" } ?? "\(person.nights)"
            let limit: Message.Argument =
                person.costLimit.map { .message(Message(.tableCostLimit, ["limit": .yuan($0)])) } ?? ""
            out +=
                "\n  "
                + say(
                    .tablePersonScore,
                    [
                        "name": .text(name), "visits": .number(person.visits),
                        "travel": .hours(minutes: person.travelMinutes),
                        "busiest": .hours(minutes: person.busiestDayMinutes),
                        "cap": .hours(minutes: person.dailyCapMinutes), "tickets": .yuan(person.tickets),
                        "hotels": .yuan(person.hotels), "cost": .yuan(person.tickets + person.hotels), "limit": limit,
                        "nights": .text(nights),
                    ])
            if let calls = person.onlineVisits { out += say(.tableOnlineCount, ["count": .number(calls)]) }
            if let perDiem = person.perDiem {
                out += say(
                    .tablePerDiem,
                    ["perDiem": .yuan(perDiem), "total": .yuan(person.tickets + person.hotels + perDiem)])
            }
        }
        if score.people != nil { out += "\n" }
        out +=
            "\n"
            + say(
                .tableScore,
                [
                    "must": .number(score.mustVisitsPlaced), "mustTotal": .number(score.mustVisitsTotal),
                    "priority": .number(score.priorityPlaced), "priorityTotal": .number(score.priorityTotal),
                    "travel": .hours(minutes: score.travelMinutes), "cost": .yuan(score.cost),
                    "nights": .number(score.nightsAway),
                ])
        if let calls = score.onlineVisits { out += say(.tableOnlineCount, ["count": .number(calls)]) }
        return out + "\n"
    }
}
