import SQLKit
import Timeline

/// The last visit held at a site for a project (or for none) before a week: how overdue the next one is.
public struct LastHeldVisit: Sendable, Hashable {
    /// The client site.
    public var clientID: String
    /// The project the visit served, when it named one.
    public var projectID: String?
    /// When it started.
    public var start: Instant

    /// A last visit from its fields.
    public init(clientID: String, projectID: String?, start: Instant) {
        self.clientID = clientID
        self.projectID = projectID
        self.start = start
    }
}

/// What the store holds that a team's next week is drawn from, read as of one moment: only the team's open
/// projects, their companies' sites, the last visit held at each and the visits booked in the week, so that a
/// store of many years reads in a moment.
public struct WeekSources: Sendable, Hashable {
    /// The team's staff.
    public var staff: [Person]
    /// The open projects (not landed or lost) the team's staff own.
    public var projects: [Project]
    /// The sites of those projects' companies.
    public var clients: [ClientSite]
    /// The last visit held before the week at each of those sites, per project.
    public var lastHeld: [LastHeldVisit]
    /// The visits planned in the week at those sites.
    public var booked: [VisitRecord]
    /// The bureau's targets.
    public var targets: [Target]
    /// The region of each city.
    public var regions: [String: String]

    /// Sources from their parts.
    public init(
        staff: [Person], projects: [Project], clients: [ClientSite], lastHeld: [LastHeldVisit],
        booked: [VisitRecord], targets: [Target], regions: [String: String]
    ) {
        self.staff = staff
        self.projects = projects
        self.clients = clients
        self.lastHeld = lastHeld
        self.booked = booked
        self.targets = targets
        self.regions = regions
    }
}

extension BureauStore {
    /// What `team`'s week `period` is drawn from.
    public func weekSources(team: String, period: Interval) async throws(StoreError) -> WeekSources {
        try await snapshot { db in
            let open: SQLQueryString = """
                stage NOT IN ('landed', 'lost') AND owner IN (SELECT id FROM staff WHERE team_id = \(bind: team))
                """
            let sites: SQLQueryString = "company_id IN (SELECT company_id FROM projects WHERE \(open))"
            let lastHeld = try await db.raw(
                """
                SELECT client_id, project_id, MAX(starts) AS starts FROM visits
                WHERE client_id IN (SELECT id FROM clients WHERE \(sites)) AND status IN ('done', 'online')
                    AND starts < \(bind: period.start.seconds)
                GROUP BY client_id, project_id
                UNION
                SELECT client_id, project_id, MAX(starts) AS starts FROM visits
                WHERE project_id IN (SELECT id FROM projects WHERE \(open)) AND status IN ('done', 'online')
                    AND starts < \(bind: period.start.seconds)
                GROUP BY client_id, project_id
                """
            ).all().map { row in
                LastHeldVisit(
                    clientID: try row.decode(column: "client_id", as: String.self),
                    projectID: try row.decode(column: "project_id", as: String?.self),
                    start: Instant(seconds: try row.decode(column: "starts", as: Int64.self)))
            }
            return WeekSources(
                staff: try await Self.staff(in: db).filter { $0.teamID == team },
                projects: try await Self.projects(where: open, in: db),
                clients: try await Self.clients(where: sites, in: db), lastHeld: lastHeld,
                booked: try await Self.visits(
                    where: """
                        status = 'planned' AND starts >= \(bind: period.start.seconds) \
                        AND starts < \(bind: period.end.seconds) AND client_id IN (SELECT id FROM clients WHERE \(sites))
                        """, in: db),
                targets: try await Self.targets(in: db), regions: try await Self.regions(in: db))
        }
    }
}
