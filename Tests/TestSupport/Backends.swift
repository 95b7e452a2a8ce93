import Foundation
import Logging
import PostgresKit
import Store
import Testing

/// The databases the store suite runs on: SQLite always, and PostgreSQL when `TIAOQI_TEST_POSTGRES` holds the URL of
/// a server's maintenance database (`postgres://tq:tq@127.0.0.1:5432/postgres`; `.ci/run` starts one and sets it).
public enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    /// The backends this run has.
    public static var available: [Backend] {
        ProcessInfo.processInfo.environment["TIAOQI_TEST_POSTGRES"].map { $0.isEmpty ? [.sqlite] : allCases }
            ?? [.sqlite]
    }

    public var testDescription: String { rawValue }

    /// A new, empty database of this backend, for one test.
    public func freshLocation() async throws -> StoreLocation {
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
    /// Runs `body` on a store in a new database of this backend, closing it (and dropping a PostgreSQL database)
    /// however `body` ends.
    public func withStore<T>(_ body: (BureauStore) async throws -> T) async throws -> T {
        let location = try await freshLocation()
        let store = try await BureauStore.open(location)
        do {
            let result = try await body(store)
            try await store.close()
            try await drop(location)
            return result
        } catch {
            try? await store.close()
            try? await drop(location)
            throw error
        }
    }

    /// Drops the PostgreSQL database of `location`, so that test runs do not pile databases up on the server.
    public func drop(_ location: StoreLocation) async throws {
        guard case .postgres(let url) = location, let name = URLComponents(string: url)?.path.dropFirst(),
            name.hasPrefix("tq_"), let base = ProcessInfo.processInfo.environment["TIAOQI_TEST_POSTGRES"]
        else { return }
        let configuration = try SQLPostgresConfiguration(url: base)
        let connection = try await PostgresConnection.connect(
            configuration: configuration.coreConfiguration, id: 1, logger: Logger(label: "tiaoqi.tests"))
        try? await connection.sql().raw("DROP DATABASE IF EXISTS \(unsafeRaw: String(name))").run()
        try await connection.close()
    }
}
