import Itinerary
import SQLKit
import Timeline

/// Projects: what the bureau follows with each company, stage by stage.
extension BureauStore {
    /// Adds or replaces projects; their companies (and owners) must be in the store.
    public func save(_ projects: [Project]) async throws(StoreError) {
        try await save(RecordBatch(projects: projects))
    }

    /// Every project, by id.
    public func projects() async throws(StoreError) -> [Project] {
        try await serially { db in try await Self.projects(in: db) }
    }

    static func projects(where filter: SQLQueryString = "1 = 1", in db: any SQLDatabase) async throws -> [Project] {
        try await db.raw(
            """
            SELECT id, company_id, title, sector, stage, expected_yuan, owner, next_action, next_due, mode FROM projects
            WHERE \(filter)
            """
        ).all().map(Self.project).sorted { $0.id < $1.id }
    }

    /// The project with this id, or nil.
    public func project(id: String) async throws(StoreError) -> Project? {
        try await serially { db in
            try await db.raw(
                """
                SELECT id, company_id, title, sector, stage, expected_yuan, owner, next_action, next_due, mode FROM projects
                WHERE id = \(bind: id)
                """
            ).first().map(Self.project)
        }
    }

    /// The note of each project's last visit that has one (what the officer wrote when logging it), by project id.
    public func lastNotes() async throws(StoreError) -> [String: ProjectNote] {
        try await serially { db in
            var notes: [String: ProjectNote] = [:]
            let rows = try await db.raw(
                """
                SELECT visits.project_id AS project_id, visits.id AS id, visits.starts AS starts, visits.outcome AS outcome
                FROM visits JOIN (
                    SELECT project_id, MAX(starts) AS last FROM visits
                    WHERE outcome <> '' AND project_id IS NOT NULL GROUP BY project_id
                ) AS latest ON latest.project_id = visits.project_id AND latest.last = visits.starts
                WHERE visits.outcome <> ''
                """
            ).all()
            for row in rows {
                let note = ProjectNote(
                    visitID: try row.decode(column: "id", as: String.self),
                    starts: Instant(seconds: try row.decode(column: "starts", as: Int64.self)),
                    text: try row.decode(column: "outcome", as: String.self))
                let project = try row.decode(column: "project_id", as: String.self)
                // Two visits at one instant: the larger id, the same each time.
                if let known = notes[project], known.visitID > note.visitID { continue }
                notes[project] = note
            }
            return notes
        }
    }

    /// Every stage change, by project, then day and stage.
    public func stageChanges() async throws(StoreError) -> [StageChange] {
        try await serially { db in try await Self.stageChanges(in: db) }
    }

    static func stageChanges(in db: any SQLDatabase) async throws -> [StageChange] {
        try await db.raw("SELECT project_id, stage, changed_on FROM stage_changes").all().map(Self.stageChange)
            .sorted { ($0.projectID, $0.on, $0.stage.rank) < ($1.projectID, $1.on, $1.stage.rank) }
    }

    static func stageChange(_ row: any SQLRow) throws -> StageChange {
        let stage = try row.decode(column: "stage", as: String.self)
        guard let known = ProjectStage(rawValue: stage) else { throw RowError(column: "stage", value: stage) }
        let day = try row.decode(column: "changed_on", as: String.self)
        guard let on = LocalDate(iso: day) else { throw RowError(column: "changed_on", value: day) }
        return StageChange(projectID: try row.decode(column: "project_id", as: String.self), stage: known, on: on)
    }

    static func project(_ row: any SQLRow) throws -> Project {
        let stage = try row.decode(column: "stage", as: String.self)
        guard let known = ProjectStage(rawValue: stage) else { throw RowError(column: "stage", value: stage) }
        let due = try row.decode(column: "next_due", as: String?.self)
        let mode = try row.decode(column: "mode", as: String.self)
        guard let meeting = MeetingMode(rawValue: mode) else { throw RowError(column: "mode", value: mode) }
        return Project(
            id: try row.decode(column: "id", as: String.self),
            companyID: try row.decode(column: "company_id", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            sector: try row.decode(column: "sector", as: String.self), stage: known,
            expectedYuan: try row.decode(column: "expected_yuan", as: Int64?.self),
            owner: try row.decode(column: "owner", as: String?.self),
            nextAction: try row.decode(column: "next_action", as: String.self),
            nextDue: try due.map { text in
                guard let date = LocalDate(iso: text) else { throw RowError(column: "next_due", value: text) }
                return date
            }, mode: meeting)
    }
}

/// A value in the store that this Tiaoqi cannot read (written by hand, or by a newer version).
struct RowError: Error, CustomStringConvertible {
    /// The column.
    var column: String
    /// What it holds.
    var value: String

    var description: String { "column \(column) holds '\(value)', which Tiaoqi cannot read" }
}

/// What an officer wrote about a project's visit when logging its outcome.
public struct ProjectNote: Sendable, Hashable {
    /// The visit.
    public var visitID: String
    /// When it began.
    public var starts: Instant
    /// The note.
    public var text: String
}
