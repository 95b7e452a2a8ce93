import Feeds
import Foundation
import Itinerary
import Timeline
import Travel

/// The plan as people read it in a terminal: per person, day by day, then what was left out and the score.
public enum PlanText {
    /// Renders a plan with names from the problem it was made for (staff, clients, zone) and the timetable
    /// (cities and stations).
    public static func render(_ plan: Plan, problem: Problem, timetable: Timetable) -> String {
        let zone = problem.zone
        func city(_ id: String) -> String { timetable.cities[id]?.displayName ?? id }
        func stop(_ id: String) -> String { timetable.stop(id: id)?.name ?? id }
        func clock(_ instant: Instant) -> String { zone.clock(instant) }
        func day(_ date: LocalDate) -> String { "\(date.weekday.displayName) \(String(date.description.dropFirst(5)))" }

        var out = SafeText.line("\(plan.name) · \(plan.days.first!) – \(plan.days.last!) (\(plan.timeZone))") + "\n"
        for person in problem.staff {
            var rows: [(Instant, LocalDate, String, String)] = []
            for leg in plan.legs where leg.person == person.id {
                let services = leg.parts.filter { $0.mode != .taxi }
                if services.isEmpty {
                    rows.append(
                        (
                            leg.depart, zone.date(of: leg.depart), "\(clock(leg.depart))–\(clock(leg.arrive))",
                            "taxi \(leg.from) → \(leg.to)"
                        ))
                    continue
                }
                let legs = services.map {
                    "\($0.service ?? "by \($0.mode.rawValue)") \(stop($0.from)) \(clock($0.depart)) → \(stop($0.to)) \(clock($0.arrive))"
                }
                let price =
                    (leg.price > 0 ? String(format: ", ¥%.0f", leg.price) : "") + (leg.booked == true ? ", booked" : "")
                rows.append(
                    (
                        leg.depart, zone.date(of: leg.depart), "\(clock(leg.depart))–\(clock(leg.arrive))",
                        "\(city(leg.fromCity)) → \(city(leg.toCity)): " + legs.joined(separator: "; ")
                            + " (leave \(clock(leg.depart)), door \(clock(leg.arrive))\(price))"
                    ))
            }
            for visit in plan.visits where visit.staff.contains(person.id) {
                let client = problem.clients.first { $0.id == visit.client }
                let others = visit.staff.filter { $0 != person.id }
                let with = others.isEmpty ? "" : " with \(others.joined(separator: ", "))"
                let detail =
                    client.map { " [\($0.id), priority \($0.priority)\($0.mustVisit ? ", must-visit" : "")]" } ?? ""
                rows.append(
                    (
                        visit.start, zone.date(of: visit.start), "\(clock(visit.start))–\(clock(visit.end))",
                        "meet \(visit.clientName)\(detail) in \(city(visit.city))\(with)"
                    ))
            }
            for stay in plan.stays where stay.person == person.id {
                rows.append((zone.day(stay.night).end - 1, stay.night, "night", "hotel in \(city(stay.city))"))
            }
            rows.sort { $0.0 < $1.0 }
            out += "\n" + SafeText.line("\(person.name) (\(person.id)), home \(city(person.home.cityID))") + "\n"
            if rows.isEmpty { out += "  stays home: nothing planned\n" }
            var lastDay: LocalDate?
            for row in rows {
                let label = row.1 == lastDay ? "" : day(row.1)
                lastDay = row.1
                out += "  " + TextWidth.pad(label, to: 10) + TextWidth.pad(row.2, to: 13) + SafeText.line(row.3) + "\n"
            }
        }
        if !plan.leftOut.isEmpty {
            out += "\nLeft out (\(plan.leftOut.count)):\n"
            for entry in plan.leftOut {
                out +=
                    "  "
                    + SafeText.line(
                        "\(entry.clientName) [\(entry.client), priority \(entry.priority)\(entry.mustVisit ? ", MUST-VISIT" : "")]"
                    ) + "\n"
                for reason in entry.reasons { out += "    - " + SafeText.line(reason) + "\n" }
            }
        }
        if let stale = plan.staleCalendars, !stale.isEmpty {
            out += "\nPlanned from STALE calendar copies (\(stale.count)): their servers did not confirm them now\n"
            for calendar in stale {
                out +=
                    "  - "
                    + SafeText.line(
                        "\(calendar.feed): last confirmed \(FeedAge.text(calendar.ageSeconds)) ago (\(calendar.reason))"
                    ) + "\n"
            }
        }
        if let missed = plan.missedOwnEvents, !missed.isEmpty {
            out += "\nOwn events the week cannot reach (\(missed.count)), kept as busy time only:\n"
            let when = problem.zone.weekdayClock
            for event in missed {
                let name = problem.staff.first { $0.id == event.person }?.name ?? event.person
                out +=
                    "  - "
                    + SafeText.line(
                        "\(name): \"\(event.summary)\" \(when(event.start)) at \(event.location): \(event.reason)")
                    + "\n"
            }
        }
        if let changes = plan.changes {
            out += "\nChanges from the kept plan (\(changes.count)):\n"
            for change in changes { out += "  - " + SafeText.line(change) + "\n" }
        }
        let score = plan.score
        for person in score.people ?? [] where person.visits > 0 || person.travelMinutes > 0 {
            let name = SafeText.line(problem.staff.first { $0.id == person.person }?.name ?? person.person)
            let nights = person.nightsLimit.map { "\(person.nights)/\($0)" } ?? "\(person.nights)"
            let cost = person.tickets + person.hotels
            let limit = person.costLimit.map { String(format: " (limit ¥%.0f)", $0) } ?? ""
            out += String(
                format:
                    "\n  %@: %d visits · travel %dh%02dm (busiest day %dh%02dm of %dh%02dm) · tickets ¥%.0f + hotels ¥%.0f = ¥%.0f%@ · nights %@",
                name, person.visits, person.travelMinutes / 60, person.travelMinutes % 60,
                person.busiestDayMinutes / 60,
                person.busiestDayMinutes % 60, person.dailyCapMinutes / 60, person.dailyCapMinutes % 60, person.tickets,
                person.hotels, cost,
                limit, nights)
        }
        if score.people != nil { out += "\n" }
        out += String(
            format: "\nScore: must-visits %d/%d · priority %d/%d · travel %dh%02dm · cost ¥%.0f · %d nights away\n",
            score.mustVisitsPlaced, score.mustVisitsTotal, score.priorityPlaced, score.priorityTotal,
            score.travelMinutes / 60,
            score.travelMinutes % 60, score.cost, score.nightsAway)
        return out
    }
}
