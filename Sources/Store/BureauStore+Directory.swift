import SQLKit
import Synchronization

/// Teams, staff, companies, client sites, targets and the regions of cities: who and what the bureau deals with.
/// Each `save` adds records or replaces those with the same key, all of one call in one transaction.
extension BureauStore {
    /// Saves every record of the batch in one transaction, in the order their references need: all are kept, or
    /// none (a record that names a team, company, client or person the store does not hold is refused).
    public func save(_ batch: RecordBatch) async throws(StoreError) {
        try await transaction { db in
            try await Self.write(batch, in: db)
        }
    }

    /// Saves the batches `next` hands over until it gives nil, all in one transaction: all are kept, or none (when
    /// `next` throws, what it threw is thrown, and nothing is kept). Each batch must name only records of itself or
    /// of the batches before it. Returns how many records were saved.
    ///
    /// An import of ten years of a bureau reads its files a part at a time through this, instead of holding them
    /// all in memory as one batch.
    public func save(until next: @escaping @Sendable () throws -> RecordBatch?) async throws -> Int {
        let failure = SourceFailure()
        do {
            return try await transaction { db in
                var saved = 0
                while true {
                    let batch: RecordBatch?
                    do { batch = try next() } catch {
                        failure.error.withLock { $0 = error }
                        throw error
                    }
                    guard let batch else { return saved }
                    try await Self.write(batch, in: db)
                    saved += batch.count
                }
            }
        } catch {
            if let cause = failure.error.withLock({ $0 }) { throw cause }
            throw error
        }
    }

    /// Writes every record of the batch, in the order their references need.
    static func write(_ batch: RecordBatch, in db: any SQLDatabase) async throws {
        try await write(batch.teams, in: db)
        try await write(batch.staff, in: db)
        try await write(batch.companies, in: db)
        try await write(batch.clients, in: db)
        try await write(batch.projects, in: db)
        try await write(batch.stageChanges, in: db)
        try await write(visits: batch.visits, in: db)
        try await write(batch.targets, in: db)
        try await write(batch.published, in: db)
        try await write(
            batch.regions.sorted { $0.key < $1.key }.map { CityRegion(city: $0.key, region: $0.value) }, in: db)
    }

    /// Adds or replaces teams.
    public func save(_ teams: [Team]) async throws(StoreError) { try await save(RecordBatch(teams: teams)) }

    /// Adds or replaces staff; their teams must be in the store.
    public func save(_ staff: [Person]) async throws(StoreError) { try await save(RecordBatch(staff: staff)) }

    /// Adds or replaces companies.
    public func save(_ companies: [Company]) async throws(StoreError) {
        try await save(RecordBatch(companies: companies))
    }

    /// Adds or replaces client sites; their companies must be in the store.
    public func save(_ clients: [ClientSite]) async throws(StoreError) { try await save(RecordBatch(clients: clients)) }

    /// Adds or replaces targets.
    public func save(_ targets: [Target]) async throws(StoreError) { try await save(RecordBatch(targets: targets)) }

    /// Sets the region of cities (`shanghai` → `长三角`).
    public func setRegions(_ regions: [String: String]) async throws(StoreError) {
        try await save(RecordBatch(regions: regions))
    }

    /// Every team, by id.
    public func teams() async throws(StoreError) -> [Team] {
        try await serially { db in try await Self.teams(in: db) }
    }

    static func teams(in db: any SQLDatabase) async throws -> [Team] {
        try await db.raw("SELECT id, name, time_zone, schedule_folder, plan_template FROM teams").all().map { row in
            Team(
                id: try row.decode(column: "id", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                timeZone: try row.decode(column: "time_zone", as: String.self),
                scheduleFolder: try row.decode(column: "schedule_folder", as: String.self),
                planTemplate: try row.decode(column: "plan_template", as: String.self))
        }.sorted { $0.id < $1.id }
    }

    /// Every member of staff, by id.
    public func staff() async throws(StoreError) -> [Person] {
        try await serially { db in try await Self.staff(in: db) }
    }

    static func staff(in db: any SQLDatabase) async throws -> [Person] {
        try await db.raw("SELECT id, name, team_id, home, is_leader FROM staff").all().map { row in
            Person(
                id: try row.decode(column: "id", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                teamID: try row.decode(column: "team_id", as: String.self),
                home: try row.decode(column: "home", as: String.self),
                isLeader: try row.decode(column: "is_leader", as: Int.self) != 0)
        }.sorted { $0.id < $1.id }
    }

    /// Every company, by id.
    public func companies() async throws(StoreError) -> [Company] {
        try await serially { db in try await Self.companies(in: db) }
    }

    static func companies(in db: any SQLDatabase) async throws -> [Company] {
        try await db.raw("SELECT id, name, credit_code, group_name FROM companies").all().map { row in
            Company(
                id: try row.decode(column: "id", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                creditCode: try row.decode(column: "credit_code", as: String?.self),
                group: try row.decode(column: "group_name", as: String?.self))
        }.sorted { $0.id < $1.id }
    }

    /// Every client site, by id.
    public func clients() async throws(StoreError) -> [ClientSite] {
        try await serially { db in try await Self.clients(in: db) }
    }

    static func clients(where filter: SQLQueryString = "1 = 1", in db: any SQLDatabase) async throws -> [ClientSite] {
        try await db.raw(
            """
            SELECT id, company_id, name, city, address, lat, lon, contact, calendar, sector, chain_position
            FROM clients WHERE \(filter)
            """
        ).all().map { row in
            ClientSite(
                id: try row.decode(column: "id", as: String.self),
                companyID: try row.decode(column: "company_id", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                city: try row.decode(column: "city", as: String.self),
                address: try row.decode(column: "address", as: String.self),
                lat: try row.decode(column: "lat", as: Double.self),
                lon: try row.decode(column: "lon", as: Double.self),
                contact: try row.decode(column: "contact", as: String.self),
                calendar: try row.decode(column: "calendar", as: String.self),
                sector: try row.decode(column: "sector", as: String.self),
                chainPosition: try row.decode(column: "chain_position", as: String.self))
        }.sorted { $0.id < $1.id }
    }

    /// Every target, regions first, then by name.
    public func targets() async throws(StoreError) -> [Target] {
        try await serially { db in try await Self.targets(in: db) }
    }

    static func targets(in db: any SQLDatabase) async throws -> [Target] {
        try await db.raw("SELECT kind, name, weight FROM targets").all().compactMap { row in
            guard let kind = Target.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                return nil
            }
            return Target(
                kind: kind, name: try row.decode(column: "name", as: String.self),
                weight: try row.decode(column: "weight", as: Double.self))
        }.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }
    }

    /// The region of each city that has one.
    public func regions() async throws(StoreError) -> [String: String] {
        try await serially { db in try await Self.regions(in: db) }
    }

    static func regions(in db: any SQLDatabase) async throws -> [String: String] {
        var regions: [String: String] = [:]
        for row in try await db.raw("SELECT city, region FROM city_regions").all() {
            regions[try row.decode(column: "city", as: String.self)] = try row.decode(
                column: "region", as: String.self)
        }
        return regions
    }
}

extension BureauStore {
    /// Everything the store holds, each kind in its order (for an export), read as of one moment: a change
    /// committed while it reads is all in it or not at all.
    public func everything() async throws(StoreError) -> RecordBatch {
        try await snapshot { db in
            RecordBatch(
                teams: try await Self.teams(in: db), staff: try await Self.staff(in: db),
                companies: try await Self.companies(in: db), clients: try await Self.clients(in: db),
                projects: try await Self.projects(in: db), stageChanges: try await Self.stageChanges(in: db),
                visits: try await Self.visits(where: "1 = 1", in: db), targets: try await Self.targets(in: db),
                regions: try await Self.regions(in: db), published: try await Self.publishedWeeks(in: db))
        }
    }
}

/// What the source of an import threw, kept to throw it again once the transaction is rolled back.
private final class SourceFailure: Sendable {
    let error = Mutex<(any Error)?>(nil)
}
