import SQLKit
import Timeline

/// A file that goes with a week: its report, a person's calendar, a file of the schedule folder it was planned from.
public struct WeekFile: Sendable, Hashable {
    /// The file's name (`report.html`, `zhou.ics`, `schedule/plan.yaml`, …).
    public var name: String
    /// Its text.
    public var body: String

    /// A file from its name and text.
    public init(name: String, body: String) {
        self.name = name
        self.body = body
    }
}

/// A team's week planned on the board and not yet published: the plan, who made it, and the version it replans.
public struct WeekDraft: Sendable, Hashable {
    /// The team.
    public var teamID: String
    /// The first day of the week.
    public var weekStart: LocalDate
    /// The account that made it.
    public var madeBy: String
    /// When.
    public var madeAt: Instant
    /// The published version it was planned from, nil for a first plan.
    public var basedOn: Int?
    /// The plan as `plan.json` holds it.
    public var planJSON: String

    /// A draft from its fields.
    public init(
        teamID: String, weekStart: LocalDate, madeBy: String, madeAt: Instant, basedOn: Int?, planJSON: String
    ) {
        self.teamID = teamID
        self.weekStart = weekStart
        self.madeBy = madeBy
        self.madeAt = madeAt
        self.basedOn = basedOn
        self.planJSON = planJSON
    }
}

/// A published week's file: a row of `published_files`.
struct PublishedFile: StoredRow {
    var teamID: String
    var weekStart: LocalDate
    var version: Int
    var name: String
    var body: String

    static let table = "published_files"
    static let columns = ["team_id", "week_start", "version", "name", "body"]
    static let key = ["team_id", "week_start", "version", "name"]
    var values: [any Encodable & Sendable] { [teamID, weekStart.description, version, name, body] }
    var keyText: String { [teamID, weekStart.description, String(version), name].joined(separator: "\u{1F}") }
}

/// Drafts of a week, and the files kept with drafts and published weeks.
extension BureauStore {
    /// Keeps `draft` with its `files` as the team's draft of the week, replacing the one before.
    public func save(_ draft: WeekDraft, files: [WeekFile]) async throws(StoreError) {
        try await transaction { db in
            try await Self.dropDraft(team: draft.teamID, weekStart: draft.weekStart, in: db)
            let week = draft.weekStart.description
            try await db.raw(
                """
                INSERT INTO week_drafts (team_id, week_start, made_by, made_at, based_on, plan_json)
                VALUES (\(bind: draft.teamID), \(bind: week), \(bind: draft.madeBy), \(bind: draft.madeAt.seconds),
                    \(bind: draft.basedOn), \(bind: draft.planJSON))
                """
            ).run()
            for file in files {
                try await db.raw(
                    """
                    INSERT INTO draft_files (team_id, week_start, name, body)
                    VALUES (\(bind: draft.teamID), \(bind: week), \(bind: file.name), \(bind: file.body))
                    """
                ).run()
            }
        }
    }

    /// The team's draft of the week, or nil.
    public func draft(team: String, weekStart: LocalDate) async throws(StoreError) -> WeekDraft? {
        try await serially { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT made_by, made_at, based_on, plan_json FROM week_drafts
                    WHERE team_id = \(bind: team) AND week_start = \(bind: weekStart.description)
                    """
                ).first()
            else { return nil }
            return WeekDraft(
                teamID: team, weekStart: weekStart, madeBy: try row.decode(column: "made_by", as: String.self),
                madeAt: Instant(seconds: try row.decode(column: "made_at", as: Int64.self)),
                basedOn: try row.decode(column: "based_on", as: Int?.self),
                planJSON: try row.decode(column: "plan_json", as: String.self))
        }
    }

    /// Drops the team's draft of the week (nothing when there is none).
    public func dropDraft(team: String, weekStart: LocalDate) async throws(StoreError) {
        try await transaction { db in try await Self.dropDraft(team: team, weekStart: weekStart, in: db) }
    }

    /// A file of the team's draft of the week (nil for a published week's file: see `publishedFile`).
    public func draftFile(team: String, weekStart: LocalDate, name: String) async throws(StoreError) -> String? {
        try await serially { db in
            try await db.raw(
                """
                SELECT body FROM draft_files
                WHERE team_id = \(bind: team) AND week_start = \(bind: weekStart.description) AND name = \(bind: name)
                """
            ).first()?.decode(column: "body", as: String.self)
        }
    }

    /// A file kept with a published version of a week, or nil.
    public func publishedFile(team: String, weekStart: LocalDate, version: Int, name: String) async throws(StoreError)
        -> String?
    {
        try await serially { db in
            try await db.raw(
                """
                SELECT body FROM published_files
                WHERE team_id = \(bind: team) AND week_start = \(bind: weekStart.description)
                    AND version = \(bind: version) AND name = \(bind: name)
                """
            ).first()?.decode(column: "body", as: String.self)
        }
    }

    /// The files named `name` of the latest version of every published week from `from` on, oldest week first: a
    /// person's calendars (`zhou.ics`) across teams and weeks.
    public func latestPublishedFiles(named name: String, from: LocalDate) async throws(StoreError) -> [(
        week: PublishedWeek, body: String
    )] {
        try await serially { db in
            try await db.raw(
                """
                SELECT w.team_id, w.week_start, w.version, w.published_at, f.body FROM published_weeks w
                JOIN published_files f ON f.team_id = w.team_id AND f.week_start = w.week_start
                    AND f.version = w.version
                WHERE f.name = \(bind: name) AND w.week_start >= \(bind: from.description)
                    AND w.version = (SELECT max(v.version) FROM published_weeks v
                        WHERE v.team_id = w.team_id AND v.week_start = w.week_start)
                ORDER BY w.week_start, w.team_id
                """
            ).all().map { row in (try Self.publishedWeek(row), try row.decode(column: "body", as: String.self)) }
        }
    }

    static func dropDraft(team: String, weekStart: LocalDate, in db: any SQLDatabase) async throws {
        let week = weekStart.description
        try await db.raw("DELETE FROM draft_files WHERE team_id = \(bind: team) AND week_start = \(bind: week)").run()
        try await db.raw("DELETE FROM week_drafts WHERE team_id = \(bind: team) AND week_start = \(bind: week)").run()
    }
}

extension BureauStore {
    /// The latest version of every published week that starts on or after `from`, with its plan, by team and week.
    public func latestPublishedWeeks(from: LocalDate) async throws(StoreError) -> [PublishedWeek] {
        try await serially { db in
            try await db.raw(
                """
                SELECT w.team_id, w.week_start, w.version, w.published_at, w.plan_json FROM published_weeks w
                WHERE w.week_start >= \(bind: from.description)
                    AND w.version = (SELECT max(v.version) FROM published_weeks v
                        WHERE v.team_id = w.team_id AND v.week_start = w.week_start)
                ORDER BY w.team_id, w.week_start
                """
            ).all().map(Self.publishedWeek)
        }
    }

    /// The first day of the latest week anyone published, or nil when nothing was.
    public func latestPublishedWeekStart() async throws(StoreError) -> LocalDate? {
        try await serially { db in
            try await db.raw("SELECT max(week_start) AS latest FROM published_weeks").first()?
                .decode(column: "latest", as: String?.self).flatMap { LocalDate(iso: $0) }
        }
    }
}

extension BureauStore {
    /// Every file of the team's draft of the week, by name.
    public func draftFiles(team: String, weekStart: LocalDate) async throws(StoreError) -> [WeekFile] {
        try await serially { db in
            try await db.raw(
                """
                SELECT name, body FROM draft_files
                WHERE team_id = \(bind: team) AND week_start = \(bind: weekStart.description) ORDER BY name
                """
            ).all().map {
                WeekFile(
                    name: try $0.decode(column: "name", as: String.self),
                    body: try $0.decode(column: "body", as: String.self))
            }
        }
    }

    /// Every file kept with a published version of a week, by name.
    public func publishedFiles(team: String, weekStart: LocalDate, version: Int) async throws(StoreError) -> [WeekFile]
    {
        try await serially { db in
            try await db.raw(
                """
                SELECT name, body FROM published_files
                WHERE team_id = \(bind: team) AND week_start = \(bind: weekStart.description)
                    AND version = \(bind: version) ORDER BY name
                """
            ).all().map {
                WeekFile(
                    name: try $0.decode(column: "name", as: String.self),
                    body: try $0.decode(column: "body", as: String.self))
            }
        }
    }
}

extension BureauStore {
    /// A mark that changes whenever a week is published, by anyone: what the board compares to follow publications
    /// made elsewhere (`tiaoqi publish`, another server on the same store) with one cheap query.
    public func publicationsMark() async throws(StoreError) -> String {
        try await serially { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT count(*) AS n, coalesce(max(published_at), 0) AS at, coalesce(sum(version), 0) AS v
                    FROM published_weeks
                    """
                ).first()
            else { return "" }
            return "\(try row.decode(column: "n", as: Int64.self)) \(try row.decode(column: "at", as: Int64.self)) "
                + "\(try row.decode(column: "v", as: Int64.self))"
        }
    }
}
