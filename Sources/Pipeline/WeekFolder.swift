import Foundation
import Itinerary
import Messages
import Schedules
import Store
import Timeline

/// A team's schedule folder for a week, from the store: plan.yaml (the team's own, for the week's dates) and
/// clients.csv (the week's candidates, each with its priority, how its project's visits are held, and why it is
/// there).
public enum WeekFolder {
    /// The folder's files for `team`'s week `start`…`end`; `why` in `language`.
    public static func files(
        team: Team, start: LocalDate, end: LocalDate, candidates: [NextWeek.Candidate], publishedVersion: Int?,
        zone: Zone, language: Language
    ) throws(ScheduleError) -> [(name: String, data: Data)] {
        let plan = try PlanTemplate.week(
            team.planTemplate, folder: team.scheduleFolder, name: "\(team.name) \(start)–\(end)", start: start,
            end: end,
            publishedVersion: publishedVersion)
        var rows = [
            [
                "id", "name", "city", "address", "lat", "lon", "priority", "meeting_minutes", "calendar", "must_visit",
                "pinned", "with", "mode", "sector", "company", "contact", "why",
            ]
        ]
        for candidate in candidates {
            let site = candidate.client
            let pinned = candidate.booked.map { "\(zone.date(of: $0.interval.start)) \(zone.clock($0.interval.start))" }
            rows.append([
                site.id, site.name, site.city, site.address, site.lat.description, site.lon.description,
                String(candidate.priority), String(candidate.meetingMinutes), site.calendar,
                candidate.mustVisit ? "yes" : "no", pinned ?? "",
                candidate.booked?.attendees.joined(separator: ";") ?? "", candidate.project.mode.rawValue,
                candidate.project.sector.isEmpty ? site.sector : candidate.project.sector, site.companyID, site.contact,
                candidate.why.text(language),
            ])
        }
        return [("plan.yaml", Data(plan.utf8)), ("clients.csv", BureauTables.csv(rows))]
    }
}
