import Foundation
import Messages
import Pipeline
import SQLiteKit
import Store
import TestSupport
import Testing

/// A store made by each earlier schema version opens with this Tiaoqi, is upgraded, and keeps every record.
@Suite("The bureau's store: upgrading earlier versions")
struct MigrationTests {
    /// The fixtures, one per earlier version (`Tests/StoreTests/Fixtures/schema-vN`).
    static let versions = [1]

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
        // Every record the version held, as that version exported it (columns added since are not in its files).
        let written = Dictionary(uniqueKeysWithValues: BureauTables.render(records).map { ($0.name, $0.data) })
        for file in try FileManager.default.contentsOfDirectory(atPath: fixture + "/export").sorted() {
            let then = try Data(contentsOf: URL(fileURLWithPath: "\(fixture)/export/\(file)"))
            #expect(written[file] == then, "\(file)")
        }
        #expect(records.visits.contains { $0.outcome == "签约仪式已定" })
    }

    /// On each backend: a store made up to an earlier version, holding that version's fixture records, upgrades when
    /// opened and keeps them all.
    @Test(arguments: Backend.available, versions)
    func anEarlierSchemaUpgradesWithoutLossOnEachBackend(_ backend: Backend, _ version: Int) async throws {
        let fixture = Fixtures.path("Tests/StoreTests/Fixtures/schema-v\(version)")
        let location = try await backend.freshLocation()
        let old = try await BureauStore.open(location, upTo: version)
        #expect(try await old.schemaVersion() == version)
        try await old.save(try BureauTables.read(folder: fixture + "/export"))
        try await old.close()
        let store = try await BureauStore.open(location)
        let upgraded = try await store.schemaVersion()
        let records = try await store.everything()
        try await store.close()
        #expect(upgraded > version)
        let written = Dictionary(uniqueKeysWithValues: BureauTables.render(records).map { ($0.name, $0.data) })
        for file in try FileManager.default.contentsOfDirectory(atPath: fixture + "/export").sorted() {
            let then = try Data(contentsOf: URL(fileURLWithPath: "\(fixture)/export/\(file)"))
            #expect(written[file] == then, "\(file)")
        }
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
