import Foundation
import Logging
import Messages
import PostgresKit
import SQLKit
import SQLiteKit

/// The bureau's database: companies, client sites, staff and teams, projects, visits, published weeks and targets,
/// in SQLite (one file, WAL) or PostgreSQL, behind one interface. One connection, one operation at a time; every
/// change runs in a transaction, so a failure or a killed process leaves nothing half-written.
///
/// A class: it owns the connection, which it closes in `close()`.
public final class BureauStore: Sendable {
    /// Where it is.
    public let location: StoreLocation
    /// The connection as SQLKit sees it.
    let database: any SQLDatabase
    /// Whether the database is SQLite (else PostgreSQL): the few statements that differ ask.
    let isSQLite: Bool
    private let queue = OperationQueue()
    private let closeConnection: @Sendable () async throws -> Void

    private init(
        location: StoreLocation, database: any SQLDatabase, isSQLite: Bool,
        close: @escaping @Sendable () async throws -> Void
    ) {
        self.location = location
        self.database = database
        self.isSQLite = isSQLite
        closeConnection = close
    }

    /// Opens the store at `location`, creating an SQLite file on first use, and brings its schema up to date.
    public static func open(_ location: StoreLocation) async throws(StoreError) -> BureauStore {
        try await open(location, upTo: Migrations.latest)
    }

    /// Opens the store with its schema brought up to `version` only: a store as an earlier Tiaoqi made it, for the
    /// tests of upgrading.
    package static func open(_ location: StoreLocation, upTo version: Int) async throws(StoreError) -> BureauStore {
        let store: BureauStore
        do {
            switch location {
            case .sqlite(let path):
                let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: quietLogger)
                store = BureauStore(
                    location: location, database: connection.sql(queryLogLevel: nil), isSQLite: true,
                    close: { try await connection.close() })
                // WAL: readers never wait for the writer; a killed process leaves the last committed state.
                try await store.database.raw("PRAGMA journal_mode = WAL").run()
                try await store.database.raw("PRAGMA foreign_keys = ON").run()
                try await store.database.raw("PRAGMA synchronous = NORMAL").run()
            case .postgres(let url):
                let configuration = try SQLPostgresConfiguration(url: url)
                let connection = try await PostgresConnection.connect(
                    configuration: configuration.coreConfiguration, id: 1, logger: quietLogger)
                store = BureauStore(
                    location: location, database: connection.sql(queryLogLevel: nil), isSQLite: false,
                    close: { try await connection.close() })
            }
        } catch {
            throw StoreError(.storeCannotOpen, location: location, cause: error)
        }
        do { try await store.migrate(upTo: version) } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    /// Runs one statement as it is, outside any transaction: for the tests that fill a store of an earlier schema
    /// with the rows of that version's fixture.
    package func run(_ statement: SQLQueryString) async throws(StoreError) {
        try await serially { db in try await db.raw(statement).run() }
    }

    /// Closes the connection; the store is not used after.
    public func close() async throws(StoreError) {
        do { try await closeConnection() } catch { throw StoreError(.storeFailed, location: location, cause: error) }
    }

    /// The schema version the database is at.
    public func schemaVersion() async throws(StoreError) -> Int {
        try await serially { db in try await Self.version(of: db) }
    }

    /// Runs `body` alone on the connection (no other operation of this store runs meanwhile); errors name the store.
    func serially<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws(StoreError)
        -> T
    {
        let database = database
        do { return try await queue.run { try await body(database) } } catch let error as StoreError {
            throw error
        } catch { throw StoreError(.storeFailed, location: location, cause: error) }
    }

    /// Runs `body` in one transaction: all of it is kept, or none of it.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T)
        async throws(StoreError) -> T
    {
        // SQLite: take the write lock at the start, so two writers queue instead of failing half-way.
        try await inTransaction(begin: isSQLite ? "BEGIN IMMEDIATE" : "BEGIN", body)
    }

    /// Runs the reads of `body` as of one moment (a read-only transaction): what another process commits meanwhile is
    /// all in what it reads, or none of it.
    func snapshot<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T)
        async throws(StoreError) -> T
    {
        // SQLite (WAL): a deferred transaction reads one snapshot from its first read; PostgreSQL: repeatable read.
        try await inTransaction(
            begin: isSQLite ? "BEGIN DEFERRED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Runs `body` between `begin` and a commit, rolling back when it throws.
    private func inTransaction<T: Sendable>(
        begin: String, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws(StoreError) -> T {
        try await serially { db in
            try await db.raw(SQLQueryString(begin)).run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Applies the migrations the database has not had yet, each in its own transaction.
    private func migrate(upTo version: Int) async throws(StoreError) {
        try await serially { db in
            try await db.raw("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)").run()
        }
        let current = try await schemaVersion()
        guard current <= Migrations.latest else {
            throw StoreError(
                .storeTooNew, location: location,
                arguments: ["version": .number(current), "latest": .number(Migrations.latest)])
        }
        for step in Migrations.steps where step.version > current && step.version <= version {
            try await transaction { [isSQLite] db in
                for statement in step.statements + (isSQLite ? step.sqlite : step.postgres) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("DELETE FROM schema_version").run()
                try await db.raw("INSERT INTO schema_version (version) VALUES (\(bind: step.version))").run()
            }
        }
    }

    private static func version(of db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT version FROM schema_version").first()?.decode(column: "version", as: Int.self) ?? 0
    }

    private static let quietLogger: Logger = {
        var logger = Logger(label: "tiaoqi.store")
        logger.logLevel = .critical
        return logger
    }()
}

/// Runs operations one at a time, in the order they arrive.
private actor OperationQueue {
    private var last: Task<Void, Never>?

    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = last
        let task = Task {
            await previous?.value
            return try await body()
        }
        last = Task { _ = try? await task.value }
        return try await task.value
    }
}

extension BureauStore {
    /// What SQLite's `PRAGMA integrity_check` finds wrong with the file (empty when it is sound); PostgreSQL keeps
    /// its own files sound, so there nothing is checked.
    public func integrityProblems() async throws(StoreError) -> [String] {
        guard isSQLite else { return [] }
        return try await serially { db in
            try await db.raw("PRAGMA integrity_check").all().map {
                try $0.decode(column: "integrity_check", as: String.self)
            }
            .filter { $0 != "ok" }
        }
    }
}
