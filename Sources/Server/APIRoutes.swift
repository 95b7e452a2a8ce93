import Foundation
import HTTPTypes
import Hummingbird
import Store
import Timeline

/// The JSON API, as `/openapi.json` describes it: the published weeks, a week's plan, the board (weeks and clashes),
/// and the record of changes. Each answers as the pages do: only what the signed-in role may see.
struct APIRoutes {
    let store: BureauStore
    let state: BoardState

    /// Who reads the record of changes.
    static let changeReaders: Set<Account.Role> = [.coordinator, .admin]

    /// A published week in the list.
    struct WeekJSON: Encodable {
        var team: String
        var weekStart: String
        var version: Int
        var publishedAt: Int64
    }

    /// A change in the record.
    struct ChangeJSON: Encodable {
        var at: Int64
        var account: String
        var action: String
        var subject: String
        var detail: String
    }

    func add(to router: Router<BoardContext>) {
        router.get("/openapi.json") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        router.get("/api/weeks") { _, context -> Response in
            let account = try context.require(Set(Account.Role.allCases))
            var weeks = try await store.latestPublishedWeeks(from: LocalDate(year: 1970, month: 1, day: 1)!)
            if !BoardRoutes.boardRoles.contains(account.role) { weeks = weeks.filter { $0.teamID == account.teamID } }
            return try json(
                weeks.map {
                    WeekJSON(
                        team: $0.teamID, weekStart: $0.weekStart.description, version: $0.version,
                        publishedAt: $0.publishedAt.seconds)
                })
        }
        router.get("/api/weeks/:team/:week") { _, context -> Response in
            let account = try context.require(Set(Account.Role.allCases))
            guard let team = context.parameters.get("team"),
                let week = context.parameters.get("week").flatMap({ LocalDate(iso: $0) })
            else { return notFound() }
            guard BoardRoutes.boardRoles.contains(account.role) || account.teamID == team else {
                throw Refusal.forbidden(context.language)
            }
            guard let latest = try await store.latestPublished(team: team, weekStart: week) else { return notFound() }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: latest.planJSON)))
        }
        router.get("/api/board") { _, context -> Response in
            _ = try context.require(BoardRoutes.boardRoles)
            return try json(await BoardSnapshot.take(state: state, store: store, language: context.language))
        }
        router.get("/api/changes") { _, context -> Response in
            _ = try context.require(Self.changeReaders)
            return try json(
                try await store.changes().map {
                    ChangeJSON(
                        at: $0.at.seconds, account: $0.accountID, action: $0.action, subject: $0.subject,
                        detail: $0.detail)
                })
        }
    }

    private func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    private func notFound() -> Response {
        Response(
            status: .notFound, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: APIError.body("not-found", nil))))
    }
}
