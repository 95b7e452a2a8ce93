import SQLKit
import Synchronization
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

/// A day someone spent visiting clients in person away from their home city: trips are runs of them.
public struct DayAway: Sendable, Hashable {
    /// Who.
    public var staffID: String
    /// The day, in the bureau's calendar.
    public var day: LocalDate
    /// The cities of that day's visits away from home.
    public var cities: Set<String>
    /// What the period's facts were asked to tell of those visits (`PeriodFacts.TripDetail`): the stages of their
    /// projects (empty for a visit without one) or their sectors; empty when not asked.
    public var details: Set<String>

    /// A day away from its fields.
    public init(staffID: String, day: LocalDate, cities: Set<String>, details: Set<String> = []) {
        self.staffID = staffID
        self.day = day
        self.cities = cities
        self.details = details
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

    /// What a report needs read beyond what every report reads: the rest is left unread, since on ten years of a
    /// bureau each costs a pass over a year's visits.
    public struct Scope: Sendable, Hashable {
        /// What the days away tell of their visits.
        public var tripDetail: TripDetail
        /// Whether the visits are counted by leader too (`leaderVisits`).
        public var byLeader: Bool

        /// A scope from its fields.
        public init(tripDetail: TripDetail = .none, byLeader: Bool = false) {
            self.tripDetail = tripDetail
            self.byLeader = byLeader
        }
    }

    /// Every visit that starts in the period, counted.
    public var visits: [VisitCount]
    /// The visits counted by leader, when the scope asked for them (else empty): once for each leader who attended,
    /// and those no leader attended (`leaderID` nil).
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
    /// What the store holds about the days `from`…`to` of `zone` (both included), read as of one moment, with what
    /// `scope` asks for.
    public func periodFacts(from: LocalDate, to: LocalDate, zone: Zone, scope: PeriodFacts.Scope = .init())
        async throws(StoreError) -> PeriodFacts
    {
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
        let isSQLite = isSQLite
        return try await snapshot { [stretches] db in
            if !isSQLite {
                // A year's visits in one pass: compiling it (JIT) cost PostgreSQL more than it saved, and sorting it
                // by day spilled to disk in the default 4 MB.
                try await db.raw("SET LOCAL jit = off").run()
                try await db.raw("SET LOCAL work_mem = '64MB'").run()
            }
            let projects = try await Self.projects(in: db)
            let staff = try await Self.staff(in: db)
            var sites: [String: PeriodTally.Site] = [:]
            for row in try await db.raw("SELECT id, city, sector FROM clients").all() {
                sites[try row.decode(column: "id", as: String.self)] = PeriodTally.Site(
                    city: try row.decode(column: "city", as: String.self),
                    sector: try row.decode(column: "sector", as: String.self))
            }
            var tally = PeriodTally(sites: sites, staff: staff, projects: projects, scope: scope)
            for stretch in stretches {
                try await Self.periodVisits(
                    in: db, period: stretch.interval, offset: stretch.offset, isSQLite: isSQLite, into: &tally)
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
                visits: try tally.visits(), leaderVisits: try tally.leaderVisits(), daysAway: tally.daysAway,
                projects: projects, projectCities: projectCities, stageChanges: stageChanges,
                teams: try await Self.teams(in: db),
                staff: staff, targets: try await Self.targets(in: db), regions: try await Self.regions(in: db))
        }
    }

    /// Adds the visits that start in `period`, whose days all start `offset` seconds ahead of UTC, to `tally`: SQL
    /// lists each day's visits (status, team, site, project, attendees) in one string, so that a year of a bureau's
    /// visits comes back in a row a day, read from the visits' rows alone (schema v3 keeps the attendees there).
    private static func periodVisits(
        in db: any SQLDatabase, period: Interval, offset: Int, isSQLite: Bool, into tally: inout PeriodTally
    ) async throws {
        let list = isSQLite ? "group_concat" : "string_agg"
        func separator(_ byte: UInt8) -> String { String(UnicodeScalar(byte)) }
        let field = separator(PeriodTally.fieldSeparator)
        // Each day is added as it arrives, while the database works out the next: PostgreSQL's rows come over the
        // wire as it makes them.
        let receiver = TallyReceiver(tally)
        try await db.raw(
            """
            SELECT (visits.starts + \(bind: Int64(offset))) / 86400 AS day, \(unsafeRaw: list)(
                visits.status || \(bind: field) || visits.team_id || \(bind: field) || visits.client_id
                    || \(bind: field) || COALESCE(visits.project_id, '') || \(bind: field) || visits.attendees,
                \(bind: separator(PeriodTally.visitSeparator))) AS visits
            FROM visits
            WHERE visits.starts >= \(bind: period.start.seconds) AND visits.starts < \(bind: period.end.seconds)
            GROUP BY 1
            """
        ).run { row in
            receiver.take { tally in
                try tally.add(
                    day: LocalDate(daysSinceEpoch: try row.decode(column: "day", as: Int64.self)),
                    visits: try row.decode(column: "visits", as: String.self))
            }
        }
        tally = try receiver.tally()
    }
}

/// Holds a tally while the rows of a query are added to it one by one (a row handler cannot throw): the first error
/// is kept, and the rows after it are not added.
private final class TallyReceiver: Sendable {
    private let state: Mutex<(tally: PeriodTally, error: (any Error)?)>

    init(_ tally: PeriodTally) {
        state = Mutex((tally, nil))
    }

    /// Runs `add` on the tally, unless an earlier row failed.
    func take(_ add: (inout PeriodTally) throws -> Void) {
        state.withLock { state in
            guard state.error == nil else { return }
            do { try add(&state.tally) } catch { state.error = error }
        }
    }

    /// The tally, or the error of the first row that failed.
    func tally() throws -> PeriodTally {
        try state.withLock { state in
            if let error = state.error { throw error }
            return state.tally
        }
    }
}
