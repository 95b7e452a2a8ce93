import SQLKit
import Timeline

/// Visits of a period counted by team, project, the site's city and sector, and status (and, for the visits a
/// leader attended, by leader): what the bureau's report adds up, without reading each visit.
public struct VisitCount: Sendable, Hashable {
    /// The leader who attended, for counts by leader; nil in the count of every visit.
    public var leaderID: String?
    /// The team whose plan it came from.
    public var teamID: String
    /// The project it served, when it named one.
    public var projectID: String?
    /// The site's city.
    public var city: String
    /// The site's sector.
    public var sector: String
    /// What became of the visits.
    public var status: VisitStatus
    /// How many.
    public var count: Int

    /// A count from its fields.
    public init(
        leaderID: String? = nil, teamID: String, projectID: String?, city: String, sector: String,
        status: VisitStatus, count: Int
    ) {
        self.leaderID = leaderID
        self.teamID = teamID
        self.projectID = projectID
        self.city = city
        self.sector = sector
        self.status = status
        self.count = count
    }
}

/// A day someone spent visiting clients away from their home city (visits held in person): trips are runs of them.
public struct DayAway: Sendable, Hashable {
    /// Who.
    public var staffID: String
    /// The day, in the bureau's calendar.
    public var day: LocalDate
    /// A city visited that day.
    public var city: String
    /// What the period's facts were asked to tell of that day's visits there (`PeriodFacts.TripDetail`): the stage of
    /// a visit's project (empty without one) or its sector; empty when not asked.
    public var detail: String

    /// A day away from its fields.
    public init(staffID: String, day: LocalDate, city: String, detail: String = "") {
        self.staffID = staffID
        self.day = day
        self.city = city
        self.detail = detail
    }
}

/// What the store holds about a period, read as of one moment, for the bureau's report.
public struct PeriodFacts: Sendable, Hashable {
    /// What the days away tell of their visits besides the city.
    public enum TripDetail: Sendable, Hashable {
        /// Nothing more.
        case none
        /// The stage of each visit's project.
        case stage
        /// Each visit's sector: its project's, else its site's.
        case sector
    }

    /// Every visit that starts in the period, counted.
    public var visits: [VisitCount]
    /// The visits counted by leader: once for each leader who attended, and those no leader attended (`leaderID`
    /// nil).
    public var leaderVisits: [VisitCount]
    /// Days away from home, with the cities of that day's visits (and the detail asked for).
    public var daysAway: [DayAway]
    /// Every project, as it stands now.
    public var projects: [Project]
    /// The city of each project's company (of its sites, the first city by name), by project id.
    public var projectCities: [String: String]
    /// The stage changes inside the period.
    public var stageChanges: [StageChange]
    /// Every team.
    public var teams: [Team]
    /// Every member of staff.
    public var staff: [Person]
    /// The bureau's targets.
    public var targets: [Target]
    /// The region of each city.
    public var regions: [String: String]
}

extension BureauStore {
    /// What the store holds about the days `from`…`to` of `zone` (both included), read as of one moment; the days
    /// away tell `detail` of their visits.
    public func periodFacts(from: LocalDate, to: LocalDate, zone: Zone, detail: PeriodFacts.TripDetail = .none)
        async throws(StoreError) -> PeriodFacts
    {
        let detailColumn: SQLQueryString =
            switch detail {
            case .none: "''"
            case .stage: "COALESCE(projects.stage, '')"
            case .sector: "COALESCE(NULLIF(projects.sector, ''), clients.sector)"
            }
        let period = Interval(zone.day(from).start, zone.day(to).end)
        // Days are counted in SQL as (starts + offset) / 86400, one query per stretch of days with the same offset.
        var stretches: [(interval: Interval, offset: Int)] = []
        var day = from
        while day <= to {
            let interval = zone.day(day)
            let offset = zone.offset(at: interval.start)
            if let last = stretches.last, last.offset == offset, last.interval.end == interval.start {
                stretches[stretches.count - 1].interval = Interval(last.interval.start, interval.end)
            } else {
                stretches.append((interval, offset))
            }
            day = day.adding(days: 1)
        }
        return try await snapshot { [stretches] db in
            let inPeriod: SQLQueryString =
                "visits.starts >= \(bind: period.start.seconds) AND visits.starts < \(bind: period.end.seconds)"
            func counts(_ rows: [any SQLRow]) throws -> [VisitCount] {
                try rows.map { row in
                    let status = try row.decode(column: "status", as: String.self)
                    guard let known = VisitStatus(rawValue: status) else {
                        throw RowError(column: "status", value: status)
                    }
                    return VisitCount(
                        leaderID: try row.decode(column: "leader", as: String?.self),
                        teamID: try row.decode(column: "team_id", as: String.self),
                        projectID: try row.decode(column: "project_id", as: String?.self),
                        city: try row.decode(column: "city", as: String.self),
                        sector: try row.decode(column: "sector", as: String.self), status: known,
                        count: try row.decode(column: "n", as: Int.self))
                }
            }
            let visits = try counts(
                try await db.raw(
                    """
                    SELECT NULL AS leader, visits.team_id AS team_id, visits.project_id AS project_id,
                        clients.city AS city, clients.sector AS sector, visits.status AS status, COUNT(*) AS n
                    FROM visits JOIN clients ON clients.id = visits.client_id
                    WHERE \(inPeriod)
                    GROUP BY visits.team_id, visits.project_id, clients.city, clients.sector, visits.status
                    """
                ).all())
            // Each leader's visits, then (to count the visits no leader attended) the visits with any leader, once.
            let leaderVisits = try counts(
                try await db.raw(
                    """
                    SELECT staff.id AS leader, visits.team_id AS team_id, visits.project_id AS project_id,
                        clients.city AS city, clients.sector AS sector, visits.status AS status, COUNT(*) AS n
                    FROM staff JOIN visit_attendees ON visit_attendees.staff_id = staff.id
                    JOIN visits ON visits.id = visit_attendees.visit_id JOIN clients ON clients.id = visits.client_id
                    WHERE staff.is_leader <> 0 AND \(inPeriod)
                    GROUP BY staff.id, visits.team_id, visits.project_id, clients.city, clients.sector, visits.status
                    """
                ).all())
            let led = try counts(
                try await db.raw(
                    """
                    SELECT NULL AS leader, visits.team_id AS team_id, visits.project_id AS project_id,
                        clients.city AS city, clients.sector AS sector, visits.status AS status,
                        COUNT(DISTINCT visits.id) AS n
                    FROM staff JOIN visit_attendees ON visit_attendees.staff_id = staff.id
                    JOIN visits ON visits.id = visit_attendees.visit_id JOIN clients ON clients.id = visits.client_id
                    WHERE staff.is_leader <> 0 AND \(inPeriod)
                    GROUP BY visits.team_id, visits.project_id, clients.city, clients.sector, visits.status
                    """
                ).all())
            func uncounted(_ count: VisitCount) -> VisitCount {
                var key = count
                key.count = 0
                return key
            }
            let ledCounts = Dictionary(led.map { (uncounted($0), $0.count) }, uniquingKeysWith: +)
            let leaderless = visits.compactMap { count -> VisitCount? in
                var rest = count
                rest.count -= ledCounts[uncounted(count)] ?? 0
                return rest.count > 0 ? rest : nil
            }
            var daysAway: [DayAway] = []
            for stretch in stretches {
                for row in try await db.raw(
                    """
                    SELECT visit_attendees.staff_id AS staff_id,
                        (visits.starts + \(bind: Int64(stretch.offset))) / 86400 AS day,
                        clients.city AS city, \(detailColumn) AS detail
                    FROM visits JOIN clients ON clients.id = visits.client_id
                    JOIN visit_attendees ON visit_attendees.visit_id = visits.id
                    JOIN staff ON staff.id = visit_attendees.staff_id
                    LEFT JOIN projects ON projects.id = visits.project_id
                    WHERE visits.status = 'done' AND clients.city <> staff.home
                        AND visits.starts >= \(bind: stretch.interval.start.seconds)
                        AND visits.starts < \(bind: stretch.interval.end.seconds)
                    GROUP BY 1, 2, 3, 4
                    """
                ).all() {
                    daysAway.append(
                        DayAway(
                            staffID: try row.decode(column: "staff_id", as: String.self),
                            day: LocalDate(daysSinceEpoch: try row.decode(column: "day", as: Int64.self)),
                            city: try row.decode(column: "city", as: String.self),
                            detail: try row.decode(column: "detail", as: String.self)))
                }
            }
            var projectCities: [String: String] = [:]
            for row in try await db.raw(
                """
                SELECT projects.id AS id, MIN(clients.city) AS city FROM projects
                JOIN clients ON clients.company_id = projects.company_id GROUP BY projects.id
                """
            ).all() {
                projectCities[try row.decode(column: "id", as: String.self)] = try row.decode(
                    column: "city", as: String.self)
            }
            let stageChanges = try await db.raw(
                """
                SELECT project_id, stage, changed_on FROM stage_changes
                WHERE changed_on >= \(bind: from.description) AND changed_on <= \(bind: to.description)
                """
            ).all().map(Self.stageChange)
            return PeriodFacts(
                visits: visits, leaderVisits: leaderVisits + leaderless, daysAway: daysAway,
                projects: try await Self.projects(in: db), projectCities: projectCities, stageChanges: stageChanges,
                teams: try await Self.teams(in: db), staff: try await Self.staff(in: db),
                targets: try await Self.targets(in: db), regions: try await Self.regions(in: db))
        }
    }
}
