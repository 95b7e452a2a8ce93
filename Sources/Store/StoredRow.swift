import Itinerary
import SQLKit
import Timeline

/// A record as one row of its table: what `BureauStore.write` needs to add it or replace the row with its key.
protocol StoredRow: Sendable {
    /// The table.
    static var table: String { get }
    /// Its columns, in the order of `values`.
    static var columns: [String] { get }
    /// The columns that identify a row (a primary key or unique constraint).
    static var key: [String] { get }
    /// The values of the row, one per column.
    var values: [any Encodable & Sendable] { get }
    /// The row's key as text, to keep one row per key in a statement.
    var keyText: String { get }
}

extension BureauStore {
    /// The most rows one statement writes. Many rows a statement is what makes an import of ten years of a bureau take
    /// seconds, not minutes; SQLite takes at most 32,766 values a statement, PostgreSQL 65,535.
    static let rowsPerStatement = 500

    /// Adds `records` to their table, replacing the rows with the same key (of records with the same key, the last
    /// wins), many rows a statement.
    static func write<Row: StoredRow>(_ records: [Row], in db: any SQLDatabase) async throws {
        guard !records.isEmpty else { return }
        // One row per key: PostgreSQL refuses a statement that would update a row twice.
        var seen: Set<String> = []
        let rows = Array(records.reversed().filter { seen.insert($0.keyText).inserted }.reversed())
        let columns = Row.columns.joined(separator: ", ")
        let rest = Row.columns.filter { !Row.key.contains($0) }
        let conflict =
            rest.isEmpty
            ? "DO NOTHING" : "DO UPDATE SET " + rest.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let perStatement = min(rowsPerStatement, 30_000 / Row.columns.count)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            var statement = SQLQueryString("INSERT INTO \(unsafeRaw: Row.table) (\(unsafeRaw: columns)) VALUES ")
            for (index, row) in rows[start..<min(start + perStatement, rows.count)].enumerated() {
                if index > 0 { statement += ", " }
                statement += "(\(binds: row.values))"
            }
            statement += " ON CONFLICT (\(unsafeRaw: Row.key.joined(separator: ", "))) \(unsafeRaw: conflict)"
            try await db.raw(statement).run()
        }
    }
}

extension Team: StoredRow {
    static let table = "teams"
    static let columns = ["id", "name", "time_zone", "schedule_folder", "plan_template"]
    static let key = ["id"]
    var values: [any Encodable & Sendable] { [id, name, timeZone, scheduleFolder, planTemplate] }
    var keyText: String { id }
}

extension Person: StoredRow {
    static let table = "staff"
    static let columns = ["id", "name", "team_id", "home", "is_leader"]
    static let key = ["id"]
    var values: [any Encodable & Sendable] { [id, name, teamID, home, isLeader ? 1 : 0] }
    var keyText: String { id }
}

extension Company: StoredRow {
    static let table = "companies"
    static let columns = ["id", "name", "credit_code", "group_name"]
    static let key = ["id"]
    var values: [any Encodable & Sendable] { [id, name, creditCode, group] }
    var keyText: String { id }
}

extension ClientSite: StoredRow {
    static let table = "clients"
    static let columns = [
        "id", "company_id", "name", "city", "address", "lat", "lon", "contact", "calendar", "sector", "chain_position",
    ]
    static let key = ["id"]
    var values: [any Encodable & Sendable] {
        [id, companyID, name, city, address, lat, lon, contact, calendar, sector, chainPosition]
    }
    var keyText: String { id }
}

extension Project: StoredRow {
    static let table = "projects"
    static let columns = [
        "id", "company_id", "title", "sector", "stage", "expected_yuan", "owner", "next_action", "next_due", "mode",
    ]
    static let key = ["id"]
    var values: [any Encodable & Sendable] {
        [
            id, companyID, title, sector, stage.rawValue, expectedYuan, owner, nextAction, nextDue?.description,
            mode.rawValue,
        ]
    }
    var keyText: String { id }
}

extension StageChange: StoredRow {
    static let table = "stage_changes"
    static let columns = ["project_id", "stage", "changed_on"]
    static let key = ["project_id", "changed_on", "stage"]
    var values: [any Encodable & Sendable] { [projectID, stage.rawValue, on.description] }
    var keyText: String { [projectID, on.description, stage.rawValue].joined(separator: "\u{1F}") }
}

extension VisitRecord: StoredRow {
    static let table = "visits"
    static let columns = [
        "id", "client_id", "project_id", "team_id", "starts", "ends", "status", "outcome", "next_step", "attendees",
    ]
    static let key = ["id"]
    var values: [any Encodable & Sendable] {
        [
            id, clientID, projectID, teamID, interval.start.seconds, interval.end.seconds, status.rawValue, outcome,
            nextStep, Set(attendees).sorted().joined(separator: " "),
        ]
    }
    var keyText: String { id }
}

/// Who attended a visit: a row of `visit_attendees`.
struct Attendance: StoredRow {
    var visitID: String
    var staffID: String

    static let table = "visit_attendees"
    static let columns = ["visit_id", "staff_id"]
    static let key = ["visit_id", "staff_id"]
    var values: [any Encodable & Sendable] { [visitID, staffID] }
    var keyText: String { visitID + "\u{1F}" + staffID }
}

extension Target: StoredRow {
    static let table = "targets"
    static let columns = ["kind", "name", "weight"]
    static let key = ["kind", "name"]
    var values: [any Encodable & Sendable] { [kind.rawValue, name, weight] }
    var keyText: String { kind.rawValue + "\u{1F}" + name }
}

extension PublishedWeek: StoredRow {
    static let table = "published_weeks"
    static let columns = ["team_id", "week_start", "version", "published_at", "plan_json"]
    static let key = ["team_id", "week_start", "version"]
    var values: [any Encodable & Sendable] { [teamID, weekStart.description, version, publishedAt.seconds, planJSON] }
    var keyText: String { [teamID, weekStart.description, String(version)].joined(separator: "\u{1F}") }
}

/// The region of a city: a row of `city_regions`.
struct CityRegion: StoredRow {
    var city: String
    var region: String

    static let table = "city_regions"
    static let columns = ["city", "region"]
    static let key = ["city"]
    var values: [any Encodable & Sendable] { [city, region] }
    var keyText: String { city }
}
