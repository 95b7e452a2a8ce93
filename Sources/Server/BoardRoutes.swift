import Foundation
import HTTPTypes
import Hummingbird
import Messages
import NIOCore
import Reports
import Store
import Timeline

/// The pages after signing in: the way in for each role, the board of every team's published weeks with the live
/// clash list (server-sent events), and the language switch.
struct BoardRoutes {
    let store: BureauStore
    let state: BoardState
    let settings: BoardSettings

    /// Who sees every team's weeks.
    static let boardRoles: Set<Account.Role> = [.coordinator, .admin, .lead]
    /// Who sees their own team's weeks.
    static let weekRoles: Set<Account.Role> = [.officer, .lead]
    /// Seconds between two comments on an idle event stream, so a dead connection is noticed and closed.
    static let heartbeatSeconds = 15

    func add(to router: Router<BoardContext>) {
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/") { _, context -> Response in
            guard let account = context.account else { throw Refusal.notSignedIn }
            let page = Self.weekRoles.contains(account.role) ? "/week" : "/board"
            return Response(status: .seeOther, headers: [.location: page])
        }
        router.get("/lang/:language") { _, context -> Response in
            let chosen = context.parameters.get("language").flatMap(Language.init(rawValue:)) ?? .zh
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(
                Cookie(
                    name: "lang", value: chosen.rawValue, maxAge: 365 * 86_400, path: "/", secure: false,
                    httpOnly: true, sameSite: .lax))
            return response
        }
        router.get("/board") { _, context -> Response in
            _ = try context.require(Self.boardRoles)
            return try await boardPage(context)
        }
        router.get("/board/events") { _, context -> Response in
            _ = try context.require(Self.boardRoles)
            return events(context.language, for: settings.eventStreamSeconds)
        }
        router.get("/static/board.js") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: BoardScript.source)))
        }
    }

    /// The board: every team's latest weeks (stale ones marked) and the clashes between them, kept up to date by
    /// the board's script from `/board/events`.
    private func boardPage(_ context: BoardContext) async throws -> Response {
        let language = context.language
        let store = store
        let state = state
        let body = await state.rendered("board:\(language.rawValue)") {
            Self.boardBody(await BoardSnapshot.take(state: state, store: store, language: language), language).markup
        }
        return Page(
            title: Message(.boardWeeksTitle), language: language, signedIn: context.signedIn,
            body: [.rendered(body)], scripts: [.script("/static/board.js")]
        ).response()
    }

    /// The board's body: the weeks, their states, and the clashes.
    private static func boardBody(_ snapshot: BoardSnapshot, _ language: Language) -> HTML {
        let head = HTML.element(
            "tr", [:],
            [.boardColumnTeam, .boardColumnWeek, .boardColumnVersion, .boardColumnPublished, .boardColumnState].map {
                .element("th", [:], [.text(Message($0).text(language))])
            })
        let rows = snapshot.weeks.map { week in
            HTML.element(
                "tr", ["class": week.stale ? "stale" : nil],
                [
                    .element("td", [:], [.text(week.teamLabel)]),
                    .element("td", [:], [.text(week.week)]),
                    .element("td", [:], [.text(String(week.version))]),
                    .element("td", [:], [.text(week.publishedAt)]),
                    .element("td", ["class": "week-state"], [.text(week.state)]),
                ])
        }
        return HTML([
            .element(
                "nav", ["class": "pages"],
                [
                    .element("a", ["href": "/pipeline"], [.text(Message(.boardPipelineNav).text(language))]),
                    .element("a", ["href": "/statistics"], [.text(Message(.boardStatisticsNav).text(language))]),
                ]),
            rows.isEmpty ? .element("p", [:], [.text(Message(.boardNoWeeks).text(language))]) : .empty,
            .element("table", ["id": "weeks"], [.element("thead", [:], [head]), .element("tbody", [:], rows)]),
            .element(
                "section", ["id": "clashes", "data-generation": String(snapshot.generation)],
                [
                    .element("h2", [:], [.text(Message(.boardClashesHeading).text(language))]),
                    .element("p", ["id": "clash-count"], [.text(snapshot.countText)]),
                    clashTable(snapshot.clashes, language),
                ]),
        ])
    }

    /// The clash table; its body is what the script replaces when the clashes change.
    private static func clashTable(_ clashes: [ClashRow], _ language: Language) -> HTML {
        let head = HTML.element(
            "tr", [:],
            [
                .boardColumnSeverity, .boardColumnKind, .boardColumnWhen, .boardColumnPeople, .boardColumnTeams,
                .boardColumnWhat, .boardColumnFix,
            ].map { .element("th", [:], [.text(Message($0).text(language))]) })
        let rows = clashes.map { clash in
            HTML.element(
                "tr", ["class": "clash \(clash.severity)", "data-kind": clash.kind],
                [
                    clash.severityLabel, clash.kindLabel, clash.when, clash.people.joined(separator: ", "),
                    clash.teams.joined(separator: ", "), clash.explanation, clash.fix,
                ].map { .element("td", [:], [.text($0)]) })
        }
        return .element(
            "table", ["id": "clash-table"],
            [.element("thead", [:], [head]), .element("tbody", ["id": "clash-rows"], rows)])
    }

    /// The board's changes as server-sent events: one `board` event with the snapshot at once and after each change,
    /// a comment line every `heartbeatSeconds` while idle; it ends after `seconds` (the browser opens another).
    private func events(_ language: Language, for seconds: Double) -> Response {
        let state = state
        let store = store
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                let changes = await state.changes()
                let (ticks, tick) = AsyncStream.makeStream(of: Int?.self, bufferingPolicy: .bufferingNewest(4))
                let forward = Task {
                    for await generation in changes { tick.yield(generation) }
                    tick.finish()
                }
                let beat = Task {
                    let end = ContinuousClock.now + .seconds(seconds)
                    while !Task.isCancelled, ContinuousClock.now < end {
                        try? await Task.sleep(for: min(.seconds(Self.heartbeatSeconds), end - ContinuousClock.now))
                        tick.yield(nil)
                    }
                    tick.finish()
                }
                defer {
                    forward.cancel()
                    beat.cancel()
                }
                for await generation in ticks {
                    if generation == nil {
                        try await writer.write(ByteBuffer(string: ": alive\n\n"))
                        continue
                    }
                    let snapshot = await BoardSnapshot.take(state: state, store: store, language: language)
                    let json = String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self)
                    try await writer.write(ByteBuffer(string: "event: board\ndata: \(json)\n\n"))
                }
                try await writer.finish(nil)
            })
    }

    /// `YYYY-MM-DD HH:MM` in UTC.
    static func utc(_ instant: Instant) -> String {
        let date = Zone.utc.date(of: instant)
        let minutes = Int((instant.seconds % 86_400 + 86_400) % 86_400) / 60
        let hh = minutes / 60
        let mm = minutes % 60
        return "\(date) \(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm)"
    }
}
