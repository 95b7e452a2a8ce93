import Itinerary
import Store
import Timeline

/// A team's planned week as the store keeps it: its visits, numbered per client, each tied to its company's project.
public enum WeekPublication {
    /// The planned visits of `plan` for `team`, with ids stable across versions (the week's first, second, … visit
    /// to a client) and each tied to the project its company has open (the most advanced one, when several are).
    public static func visits(of plan: Plan, team: String, clients: [ClientSite], projects: [Project])
        -> [VisitRecord]
    {
        let weekStart = plan.days.first ?? LocalDate(year: 1970, month: 1, day: 1)!
        let companyOf = Dictionary(clients.map { ($0.id, $0.companyID) }) { a, _ in a }
        var openProject: [String: Project] = [:]
        for project in projects where !project.stage.isClosed {
            let current = openProject[project.companyID]
            if current.map({ project.stage.rank > $0.stage.rank }) ?? true {
                openProject[project.companyID] = project
            }
        }
        var seen: [String: Int] = [:]
        return plan.visits.sorted { ($0.start, $0.client) < ($1.start, $1.client) }.map { visit in
            seen[visit.client, default: 0] += 1
            return VisitRecord(
                id: BureauStore.visitID(
                    team: team, weekStart: weekStart, client: visit.client, index: seen[visit.client]!),
                clientID: visit.client, projectID: companyOf[visit.client].flatMap { openProject[$0]?.id },
                teamID: team, interval: visit.interval, attendees: visit.staff)
        }
    }
}
