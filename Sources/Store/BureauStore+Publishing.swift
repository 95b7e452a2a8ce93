import Messages
import SQLKit
import Timeline

/// A team's week as published: the plan, numbered by version.
public struct PublishedWeek: Sendable, Hashable {
    /// The team.
    public var teamID: String
    /// The first day of the week.
    public var weekStart: LocalDate
    /// 1 for the first publication of the week, then one more each time.
    public var version: Int
    /// When it was published.
    public var publishedAt: Instant
    /// The plan as `plan.json` holds it.
    public var planJSON: String

    /// A published week from its fields.
    public init(teamID: String, weekStart: LocalDate, version: Int, publishedAt: Instant, planJSON: String) {
        self.teamID = teamID
        self.weekStart = weekStart
        self.version = version
        self.publishedAt = publishedAt
        self.planJSON = planJSON
    }
}

/// Publishing a team's week: its plan is kept as the next version and its visits become planned visits.
extension BureauStore {
    /// Publishes a team's week as its next version and returns that version. The plan must have been made from the
    /// latest published version (`basedOn`, nil for none): a plan made from an older one is refused, never
    /// written over what another member published meanwhile. The week's visits still `planned` are replaced by
    /// `visits`; visits already recorded (held, cancelled, …) stay as they were. `files` (the report, each person's
    /// calendar, …) are kept with the version; the team's draft of the week, if any, is dropped.
    public func publish(
        team: String, weekStart: LocalDate, planJSON: String, visits: [VisitRecord], basedOn: Int?, at now: Instant,
        files: [WeekFile] = []
    ) async throws(StoreError) -> Int {
        let location = location
        let isSQLite = isSQLite
        return try await transaction { db in
            // PostgreSQL: hold the team's row, so two publications of one week queue (SQLite's BEGIN IMMEDIATE
            // already does).
            let lock = isSQLite ? "" : " FOR UPDATE"
            guard
                try await db.raw("SELECT id FROM teams WHERE id = \(bind: team)\(unsafeRaw: lock)").first() != nil
            else {
                throw StoreError(.publishUnknownTeam, location: location, arguments: ["team": .text(team)])
            }
            let latest = try await Self.latestVersion(team: team, weekStart: weekStart, in: db)
            guard (basedOn ?? 0) == (latest?.version ?? 0) else {
                throw StoreError(
                    .publishStale, location: location,
                    arguments: [
                        "team": .text(team), "week": .text(weekStart.description),
                        "latest": .number(latest?.version ?? 0), "basedOn": .number(basedOn ?? 0),
                    ])
            }
            let version = (latest?.version ?? 0) + 1
            try await Self.write(
                [
                    PublishedWeek(
                        teamID: team, weekStart: weekStart, version: version, publishedAt: now, planJSON: planJSON)
                ],
                in: db)
            let prefix = Self.visitPrefix(team: team, weekStart: weekStart)
            try await db.raw(
                """
                DELETE FROM visits WHERE team_id = \(bind: team) AND status = 'planned'
                    AND substr(id, 1, length(\(bind: prefix))) = \(bind: prefix)
                """
            ).run()
            try await Self.write(visits: visits, in: db)
            try await Self.write(
                files.map {
                    PublishedFile(teamID: team, weekStart: weekStart, version: version, name: $0.name, body: $0.body)
                }, in: db)
            try await Self.dropDraft(team: team, weekStart: weekStart, in: db)
            return version
        }
    }

    /// Every published week, every version, by team, week and version.
    public func publishedWeeks() async throws(StoreError) -> [PublishedWeek] {
        try await serially { db in try await Self.publishedWeeks(in: db) }
    }

    static func publishedWeeks(in db: any SQLDatabase) async throws -> [PublishedWeek] {
        try await db.raw("SELECT team_id, week_start, version, published_at, plan_json FROM published_weeks").all()
            .map { try publishedWeek($0) }
            .sorted { ($0.teamID, $0.weekStart, $0.version) < ($1.teamID, $1.weekStart, $1.version) }
    }

    /// A `published_weeks` row (`team_id`, `week_start`, `version`, `published_at`, and `plan_json` when selected).
    static func publishedWeek(_ row: any SQLRow) throws -> PublishedWeek {
        let week = try row.decode(column: "week_start", as: String.self)
        guard let start = LocalDate(iso: week) else { throw RowError(column: "week_start", value: week) }
        return PublishedWeek(
            teamID: try row.decode(column: "team_id", as: String.self), weekStart: start,
            version: try row.decode(column: "version", as: Int.self),
            publishedAt: Instant(seconds: try row.decode(column: "published_at", as: Int64.self)),
            planJSON: row.contains(column: "plan_json") ? try row.decode(column: "plan_json", as: String.self) : "")
    }

    /// The latest published version of a team's week, or nil when it was never published.
    public func latestPublished(team: String, weekStart: LocalDate) async throws(StoreError) -> PublishedWeek? {
        try await serially { db in try await Self.latestVersion(team: team, weekStart: weekStart, in: db) }
    }

    /// The id a published week gives its `index`-th visit (from 1, in time order) to `client`: stable across
    /// versions while the visit stays the week's first (second, …) to that client.
    public static func visitID(team: String, weekStart: LocalDate, client: String, index: Int) -> String {
        visitPrefix(team: team, weekStart: weekStart) + client + (index > 1 ? "-\(index)" : "")
    }

    private static func visitPrefix(team: String, weekStart: LocalDate) -> String { "\(team)-\(weekStart)-" }

    private static func latestVersion(team: String, weekStart: LocalDate, in db: any SQLDatabase) async throws
        -> PublishedWeek?
    {
        guard
            let row = try await db.raw(
                """
                SELECT version, published_at, plan_json FROM published_weeks
                WHERE team_id = \(bind: team) AND week_start = \(bind: weekStart.description)
                ORDER BY version DESC LIMIT 1
                """
            ).first()
        else { return nil }
        return PublishedWeek(
            teamID: team, weekStart: weekStart, version: try row.decode(column: "version", as: Int.self),
            publishedAt: Instant(seconds: try row.decode(column: "published_at", as: Int64.self)),
            planJSON: try row.decode(column: "plan_json", as: String.self))
    }
}
