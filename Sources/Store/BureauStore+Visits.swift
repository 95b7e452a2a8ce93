import SQLKit
import Timeline

/// Visits: planned from a published week, then recorded with what came of them.
extension BureauStore {
    /// Adds or replaces visits with their attendees; clients, teams, staff (and projects) must be in the store.
    public func save(_ visits: [VisitRecord]) async throws(StoreError) {
        try await save(RecordBatch(visits: visits))
    }

    /// The visits that start inside `period` (all of them when nil), of `client` and with `id` when given, in time
    /// order, then by id.
    public func visits(in period: Interval? = nil, client: String? = nil, id: String? = nil) async throws(StoreError)
        -> [VisitRecord]
    {
        var filter = SQLQueryString("1 = 1")
        if let period {
            filter += " AND starts >= \(bind: period.start.seconds) AND starts < \(bind: period.end.seconds)"
        }
        if let client { filter += " AND client_id = \(bind: client)" }
        if let id { filter += " AND id = \(bind: id)" }
        return try await serially { [filter] db in try await Self.visits(where: filter, in: db) }
    }

    /// The visits `filter` (a condition on the visits table) selects, with their attendees (kept on each visit's row
    /// beside `visit_attendees`, sorted), in time order.
    static func visits(where filter: SQLQueryString, in db: any SQLDatabase) async throws -> [VisitRecord] {
        let rows = try await db.raw(
            """
            SELECT id, client_id, project_id, team_id, starts, ends, status, outcome, next_step, attendees FROM visits
            WHERE \(filter)
            """
        ).all()
        return try rows.map { row in
            let id = try row.decode(column: "id", as: String.self)
            let status = try row.decode(column: "status", as: String.self)
            guard let known = VisitStatus(rawValue: status) else { throw RowError(column: "status", value: status) }
            return VisitRecord(
                id: id, clientID: try row.decode(column: "client_id", as: String.self),
                projectID: try row.decode(column: "project_id", as: String?.self),
                teamID: try row.decode(column: "team_id", as: String.self),
                interval: Interval(
                    Instant(seconds: try row.decode(column: "starts", as: Int64.self)),
                    Instant(seconds: try row.decode(column: "ends", as: Int64.self))),
                attendees: try row.decode(column: "attendees", as: String.self).split(separator: " ").map(String.init),
                status: known, outcome: try row.decode(column: "outcome", as: String.self),
                nextStep: try row.decode(column: "next_step", as: String.self))
        }.sorted { ($0.interval.start, $0.id) < ($1.interval.start, $1.id) }
    }

    /// Adds or replaces visits, and with them who attended each.
    static func write(visits: [VisitRecord], in db: any SQLDatabase) async throws {
        try await write(visits, in: db)
        // Without statistics of visit_attendees (an import fills it in this very transaction), PostgreSQL guesses
        // that 500 ids match every row and scans the table for each delete: 2,600 scans of up to 1.6 million rows
        // on ten years of a bureau. The key's index is the way; it is told so for these deletes.
        let postgres = db.dialect.name == "postgresql"
        if postgres { try await db.raw("SET LOCAL enable_seqscan = off").run() }
        for start in stride(from: 0, to: visits.count, by: rowsPerStatement) {
            let ids = visits[start..<min(start + rowsPerStatement, visits.count)].map(\.id)
            try await db.raw("DELETE FROM visit_attendees WHERE visit_id IN (\(binds: ids))").run()
        }
        if postgres { try await db.raw("RESET enable_seqscan").run() }
        try await write(
            visits.flatMap { visit in visit.attendees.map { Attendance(visitID: visit.id, staffID: $0) } }, in: db)
    }
}
