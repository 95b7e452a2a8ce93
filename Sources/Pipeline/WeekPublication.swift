import Foundation
import Itinerary
import Messages
import Schedules
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

extension WeekPublication {
    /// The name of the file, kept with a published week, that holds the absolute path of the schedule folder it was
    /// planned from (when that folder is not itself kept, as `schedule/…` files).
    public static let scheduleFolderFile = "schedule.path"
    /// The prefix of the schedule folder's own files kept with a week planned on the board.
    public static let scheduleFilePrefix = "schedule/"

    /// Publishes `plan` as its team's next version of the week, with `files`; its visits become planned visits.
    /// Returns the version, the visits and the team.
    public static func publish(_ plan: Plan, files: [WeekFile], store: BureauStore, at now: Instant)
        async throws(StoreError) -> (version: Int, visits: [VisitRecord], team: Team)
    {
        let name = plan.team ?? ""
        guard let team = try await store.teams().first(where: { $0.id == name || $0.name == name }) else {
            throw StoreError(.publishNoTeam, location: store.location, arguments: ["team": .text(name)])
        }
        let visits = visits(
            of: plan, team: team.id, clients: try await store.clients(), projects: try await store.projects())
        let version = try await store.publish(
            team: team.id, weekStart: plan.days.first ?? LocalDate(year: 1970, month: 1, day: 1)!,
            planJSON: String(decoding: PlanJSON.encode(plan), as: UTF8.self), visits: visits,
            basedOn: plan.publishedVersion, at: now, files: files)
        return (version, visits, team)
    }

    /// The files `tiaoqi plan --out` wrote beside `planPath` that go with the published week (the report, the
    /// expenses and each person's calendar), and the schedule folder's absolute path.
    public static func filesBeside(_ planPath: String, plan: Plan) -> [WeekFile] {
        let folder = (planPath as NSString).deletingLastPathComponent
        let names = ["report.html", "expenses.csv"] + plan.people.map { "\($0).ics" }
        var files = names.compactMap { name -> WeekFile? in
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return WeekFile(name: name, body: String(decoding: data, as: UTF8.self))
        }
        if let schedule = plan.schedule {
            let absolute = RelativePath.resolve(schedule, against: RelativePath.absolute(folder.isEmpty ? "." : folder))
            files.append(WeekFile(name: scheduleFolderFile, body: absolute))
        }
        return files
    }
}
