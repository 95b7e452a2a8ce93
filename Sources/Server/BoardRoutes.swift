import Foundation
import HTTPTypes
import Hummingbird
import Messages
import Store
import Timeline

/// The pages after signing in: the way in for each role, the board of every team's published weeks, a team's own
/// weeks, and the same weeks as JSON.
struct BoardRoutes {
    let store: BureauStore

    /// Who sees every team's weeks.
    static let boardRoles: Set<Account.Role> = [.coordinator, .admin, .lead]
    /// Who sees their own team's weeks.
    static let weekRoles: Set<Account.Role> = [.officer, .lead]

    func add(to router: Router<BoardContext>) {
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/") { _, context -> Response in
            guard let account = context.account else { throw Refusal.notSignedIn }
            let page = Self.weekRoles.contains(account.role) ? "/week" : "/board"
            return Response(status: .seeOther, headers: [.location: page])
        }
        router.get("/board") { _, context -> Response in
            let account = try context.require(Self.boardRoles)
            return try await weeksPage(
                title: Message(.boardWeeksTitle), weeks: latest(try await store.publishedWeeks()), account: account,
                context: context)
        }
        router.get("/week") { _, context -> Response in
            let account = try context.require(Self.weekRoles)
            guard let team = account.teamID else {
                return page(Message(.boardTeamWeeksTitle, ["team": ""]), context, [sentence(.boardNoTeam, context)])
            }
            let weeks = latest(try await store.publishedWeeks().filter { $0.teamID == team })
            let name = try await store.teams().first { $0.id == team }?.name ?? team
            return try await weeksPage(
                title: Message(.boardTeamWeeksTitle, ["team": .text(name)]), weeks: weeks, account: account,
                context: context)
        }
        router.get("/api/weeks") { request, context -> Response in
            let account = try context.require(Set(Account.Role.allCases))
            var weeks = latest(try await store.publishedWeeks())
            if !Self.boardRoles.contains(account.role) {
                weeks = weeks.filter { $0.teamID == account.teamID }
            }
            let rows = weeks.map {
                WeekJSON(
                    team: $0.teamID, weekStart: $0.weekStart.description, version: $0.version,
                    publishedAt: $0.publishedAt.seconds)
            }
            return try JSONEncoder().encode(rows, from: request, context: context)
        }
    }

    /// A published week as the API gives it.
    struct WeekJSON: Encodable {
        var team: String
        var weekStart: String
        var version: Int
        var publishedAt: Int64
    }

    /// The latest version of each team's week, the newest week first, then by team.
    private func latest(_ weeks: [PublishedWeek]) -> [PublishedWeek] {
        var newest: [String: PublishedWeek] = [:]
        for week in weeks {
            let key = week.teamID + "\u{0}" + week.weekStart.description
            if (newest[key]?.version ?? 0) < week.version { newest[key] = week }
        }
        return newest.values.sorted { ($1.weekStart, $0.teamID) < ($0.weekStart, $1.teamID) }
    }

    /// A table of weeks: team (its name and id), week, version, when published.
    private func weeksPage(title: Message, weeks: [PublishedWeek], account: Account, context: BoardContext)
        async throws -> Response
    {
        guard !weeks.isEmpty else { return page(title, context, [sentence(.boardNoWeeks, context)]) }
        let language = context.language
        let names = Dictionary(try await store.teams().map { ($0.id, $0.name) }) { first, _ in first }
        let head = HTML.element(
            "tr", [:],
            [.boardColumnTeam, .boardColumnWeek, .boardColumnVersion, .boardColumnPublished].map {
                .element("th", [:], [.text(Message($0).text(language))])
            })
        let rows = weeks.map { week in
            let name = names[week.teamID].map { "\($0) (\(week.teamID))" } ?? week.teamID
            return HTML.element(
                "tr", [:],
                [
                    .element("td", [:], [.text(name)]),
                    .element("td", [:], [.text(week.weekStart.description)]),
                    .element("td", [:], [.text(String(week.version))]),
                    .element("td", [:], [.text(Self.utc(week.publishedAt))]),
                ])
        }
        return page(
            title, context, [.element("table", [:], [.element("thead", [:], [head]), .element("tbody", [:], rows)])])
    }

    private func sentence(_ key: MessageKey, _ context: BoardContext) -> HTML {
        .element("p", [:], [.text(Message(key).text(context.language))])
    }

    private func page(_ title: Message, _ context: BoardContext, _ body: [HTML]) -> Response {
        let signedIn = context.account.flatMap { account in context.session.map { (account, $0.csrfToken) } }
        return Page(title: title, language: context.language, signedIn: signedIn, body: body).response()
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
