import Foundation
import Logging
import PostgresKit
import Store
import TestSupport
import Testing

/// The databases the store suite runs on: SQLite always, and PostgreSQL when `TIAOQI_TEST_POSTGRES` holds the URL of
/// a server's maintenance database (`postgres://tq:tq@127.0.0.1:5432/postgres`; `.ci/run` starts one and sets it).
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    /// The backends this run has.
    static var available: [Backend] {
        ProcessInfo.processInfo.environment["TIAOQI_TEST_POSTGRES"].map { $0.isEmpty ? [.sqlite] : allCases }
            ?? [.sqlite]
    }

    var testDescription: String { rawValue }

    /// A new, empty database of this backend, for one test.
    func freshLocation() async throws -> StoreLocation {
        switch self {
        case .sqlite:
            return .sqlite(path: Fixtures.temporaryFolder("store") + "/bureau.sqlite")
        case .postgres:
            let base = ProcessInfo.processInfo.environment["TIAOQI_TEST_POSTGRES"]!
            let name = "tq_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let configuration = try SQLPostgresConfiguration(url: base)
            let connection = try await PostgresConnection.connect(
                configuration: configuration.coreConfiguration, id: 1, logger: Logger(label: "tiaoqi.tests"))
            do { try await connection.sql().raw("CREATE DATABASE \(unsafeRaw: name)").run() } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
            guard var parts = URLComponents(string: base) else { throw URLError(.badURL) }
            parts.path = "/" + name
            return .postgres(url: parts.string!)
        }
    }
}

extension Backend {
    /// Runs `body` on a store in a new database of this backend, closing it however `body` ends.
    func withStore<T>(_ body: (BureauStore) async throws -> T) async throws -> T {
        let store = try await BureauStore.open(try await freshLocation())
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }
}
