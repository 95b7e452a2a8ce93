import Foundation
import Messages
import Pipeline
import SQLKit
import SQLiteKit
import Store
import TestSupport
import Testing

/// A store made by each earlier schema version opens with this Tiaoqi, is upgraded, and keeps every record.
@Suite("The bureau's store: upgrading earlier versions")
struct MigrationTests {
    /// The fixtures, one per earlier version (`Tests/StoreTests/Fixtures/schema-vN`).
    static let versions = [1, 2, 3]

    @Test(arguments: versions)
    func aStoreOfAnEarlierVersionUpgradesWithoutLoss(_ version: Int) async throws {
        let fixture = Fixtures.path("Tests/StoreTests/Fixtures/schema-v\(version)")
        let copy = Fixtures.temporaryFolder("upgrade") + "/bureau.sqlite"
        try FileManager.default.copyItem(atPath: fixture + "/bureau.sqlite", toPath: copy)
        let store = try await BureauStore.open(.sqlite(path: copy))
        let upgraded = try await store.schemaVersion()
        let problems = try await store.integrityProblems()
        let records = try await store.everything()
        try await store.close()
        #expect(upgraded >= version)
        #expect(problems.isEmpty)
        try expectSameRecords(records, asExported: fixture + "/export")
        #expect(records.visits.contains { $0.outcome == "签约仪式已定" })
        #expect(records.visits.allSatisfy { !$0.attendees.isEmpty })
    }

    /// On each backend: a store made up to an earlier version, holding the rows of that version's fixture store,
    /// upgrades when opened and keeps them all.
    @Test(arguments: Backend.available, versions)
    func anEarlierSchemaUpgradesWithoutLossOnEachBackend(_ backend: Backend, _ version: Int) async throws {
        let fixture = Fixtures.path("Tests/StoreTests/Fixtures/schema-v\(version)")
        let location = try await backend.freshLocation()
        let old = try await BureauStore.open(location, upTo: version)
        #expect(try await old.schemaVersion() == version)
        try await copyRows(of: fixture + "/bureau.sqlite", into: old)
        try await old.close()
        let store = try await BureauStore.open(location)
        let upgraded = try await store.schemaVersion()
        let records = try await store.everything()
        try await store.close()
        try await backend.drop(location)
        #expect(upgraded > version)
        try expectSameRecords(records, asExported: fixture + "/export")
    }

    /// Every record of `export` (what an earlier version exported) is in `records`, as it was: a file whose columns
    /// are still those of today's export is written again byte for byte; one that lacks a column added since (a
    /// project's `mode`, schema version 6) reads as that column's default and then writes as today's records do.
    func expectSameRecords(_ records: RecordBatch, asExported export: String) throws {
        let written = Dictionary(uniqueKeysWithValues: BureauTables.render(records).map { ($0.name, $0.data) })
        let then = Dictionary(
            uniqueKeysWithValues: BureauTables.render(try BureauTables.read(folder: export)).map { ($0.name, $0.data) })
        for file in try FileManager.default.contentsOfDirectory(atPath: export).sorted() {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(export)/\(file)"))
            #expect(written[file] == then[file], "\(file)")
            let header = { (data: Data?) in
                data.flatMap { String(decoding: $0, as: UTF8.self).split(separator: "\r\n").first }
            }
            if header(bytes) == header(written[file]) { #expect(written[file] == bytes, "\(file)") }
        }
    }

    /// Copies every row of the SQLite store at `path` into `store` (of the same schema), table by table in the order
    /// their references need, as the rows are: what that version wrote, whichever the backend.
    func copyRows(of path: String, into store: BureauStore) async throws {
        let source = try await SQLiteConnection.open(storage: .file(path: path))
        let tables = [
            "teams", "staff", "companies", "clients", "projects", "stage_changes", "visits", "visit_attendees",
            "targets", "city_regions", "published_weeks",
        ]
        let present = Set(
            try await source.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap {
                $0.column("name")?.string
            })
        for table in tables where present.contains(table) {
            for row in try await source.query("SELECT * FROM \(table)") {
                var statement = SQLQueryString(
                    "INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: row.columns.map(\.name).joined(separator: ", "))) VALUES ("
                )
                for (index, column) in row.columns.enumerated() {
                    if index > 0 { statement += ", " }
                    switch column.data {
                    case .integer(let value): statement += "\(bind: value)"
                    case .float(let value): statement += "\(bind: value)"
                    case .text(let value): statement += "\(bind: value)"
                    case .null: statement += "NULL"
                    case .blob: Issue.record("\(table).\(column.name) holds bytes, which no column of the store does")
                    }
                }
                statement += ")"
                try await store.run(statement)
            }
        }
        try await source.close()
    }

    @Test func aStoreOfANewerVersionIsRefused() async throws {
        let copy = Fixtures.temporaryFolder("newer") + "/bureau.sqlite"
        try FileManager.default.copyItem(
            atPath: Fixtures.path("Tests/StoreTests/Fixtures/schema-v1/bureau.sqlite"), toPath: copy)
        let store = try await BureauStore.open(.sqlite(path: copy))
        try await store.close()
        // Marked as made by a version this Tiaoqi does not know.
        let connection = try await SQLiteConnection.open(storage: .file(path: copy))
        try await connection.sql().raw("UPDATE schema_version SET version = 999").run()
        try await connection.close()
        let error = await #expect(throws: StoreError.self) { try await BureauStore.open(.sqlite(path: copy)) }
        #expect(error?.message.text(.en).contains("schema version 999") == true)
    }
}
