import Foundation
import Hummingbird
import Itinerary
import Messages
import Pipeline
import Reports
import Store
import Timeline

/// The coordinators' pages on the bureau's work: the pipeline (open projects by stage, the overdue next steps
/// first) and the statistics (visits, delegations, days away, by team, leader, stage, sector or region, with the
/// region × sector heat map), as of a day.
struct BureauRoutes {
    let store: BureauStore
    let clock: @Sendable () -> Instant

    /// Who reads the bureau's pipeline and statistics.
    static let readers: Set<Account.Role> = [.coordinator, .admin, .lead]
    /// How many weeks before today a store's last published week may be before the pages count as of that week
    /// instead of today (a store of the past, as the sample bureau is, is shown as of its own time).
    static let staleWeeks = 8

    func add(to router: Router<BoardContext>) {
        router.get("/pipeline") { request, context -> Response in
            _ = try context.require(Self.readers)
            let (day, zone) = try await asOf(request)
            return try await pipeline(context, day: day, zone: zone)
        }
        router.get("/statistics") { request, context -> Response in
            _ = try context.require(Self.readers)
            let (day, zone) = try await asOf(request)
            let weeks =
                request.uri.queryParameters["weeks"].flatMap { Int(String($0)) }.map { min(max($0, 1), 520) } ?? 4
            let grouping =
                request.uri.queryParameters["by"].flatMap { BureauReport.Grouping(rawValue: String($0)) } ?? .team
            let first = day.adding(days: 1 - 7 * weeks)
            let facts = try await store.periodFacts(
                from: first, to: day, zone: zone, scope: BureauStatistics.scope(grouping))
            let report = BureauStatistics.report(facts, from: first, to: day, by: grouping)
            let links = BureauReport.Grouping.allCases.map { other -> HTML in
                let label = Message(other.messageKey).text(context.language)
                return other == grouping
                    ? .element("strong", [:], [.text(label)])
                    : .element(
                        "a", ["href": "/statistics?by=\(other.rawValue)&weeks=\(weeks)&on=\(day)"], [.text(label)])
            }
            return Page(
                title: Message(.boardStatisticsNav), language: context.language, signedIn: context.signedIn,
                body: [.element("nav", ["class": "pages"], links), .bureauReport(report, language: context.language)],
                styles: [HTML.bureauStyle], heading: false
            ).response()
        }
    }

    /// The day the pages count to: `?on=`, else today in the bureau's zone, else (a store of the past) the last day
    /// of its latest published week.
    private func asOf(_ request: Request) async throws -> (LocalDate, Zone) {
        let zones = Dictionary(grouping: try await store.teams(), by: \.timeZone)
        let zone =
            zones.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }.flatMap { Zone(identifier: $0.key) }
            ?? Zone(identifier: "Asia/Shanghai") ?? .utc
        if let chosen = request.uri.queryParameters["on"].flatMap({ LocalDate(iso: String($0)) }) {
            return (chosen, zone)
        }
        let today = zone.date(of: clock())
        if let latest = try await store.latestPublishedWeekStart(),
            latest.adding(days: 7 * Self.staleWeeks) < today
        {
            return (latest.adding(days: 6), zone)
        }
        return (today, zone)
    }

    /// Open projects by stage, furthest first; in each, the overdue next steps first, then by due day.
    private func pipeline(_ context: BoardContext, day: LocalDate, zone: Zone) async throws -> Response {
        let language = context.language
        let projects = try await store.projects().filter { !$0.stage.isClosed }
        let companies = Dictionary(try await store.companies().map { ($0.id, $0.name) }) { a, _ in a }
        let staff = Dictionary(try await store.staff().map { ($0.id, $0.name) }) { a, _ in a }
        let notes = try await store.lastNotes()
        let overdue = projects.filter { ($0.nextDue ?? day) < day }.count
        var body: [HTML] = [
            .element(
                "p", [:],
                [
                    .text(
                        Message(
                            .boardPipelineSummary,
                            [
                                "day": .text(day.description), "open": .number(projects.count),
                                "overdue": .number(overdue),
                            ]
                        ).text(language))
                ])
        ]
        let stages = Dictionary(grouping: projects, by: \.stage)
        for stage in ProjectStage.allCases.reversed() {
            guard let inStage = stages[stage], !inStage.isEmpty else { continue }
            let sorted = inStage.sorted {
                (($0.nextDue ?? .distantFuture) < day ? 0 : 1, $0.nextDue ?? .distantFuture, $0.id)
                    < (($1.nextDue ?? .distantFuture) < day ? 0 : 1, $1.nextDue ?? .distantFuture, $1.id)
            }
            let head = HTML.element(
                "tr", [:],
                [
                    .boardColumnProject, .boardColumnCompany, .boardColumnOwner, .boardColumnMeeting,
                    .boardColumnNextStep, .boardColumnDue, .boardColumnLastNote,
                ].map { .element("th", [:], [.text(Message($0).text(language))]) })
            let rows = sorted.map { project -> HTML in
                let late = (project.nextDue ?? .distantFuture) < day
                return .element(
                    "tr", ["class": late ? "overdue" : nil],
                    [
                        .element("td", [:], [.text("\(project.title) (\(project.id))")]),
                        .element("td", [:], [.text(companies[project.companyID] ?? project.companyID)]),
                        .element("td", [:], [.text(project.owner.map { staff[$0] ?? $0 } ?? "")]),
                        .meeting(project.mode, language),
                        .element("td", [:], [.text(project.nextAction)]),
                        .element(
                            "td", [:],
                            [
                                .text(
                                    (project.nextDue?.description ?? "")
                                        + (late ? " · " + Message(.boardOverdue).text(language) : ""))
                            ]),
                        .element(
                            "td", ["class": "note"],
                            notes[project.id].map { note in
                                [.text("\(zone.date(of: note.starts)) \(note.text)")]
                            } ?? []),
                    ])
            }
            body.append(
                .element(
                    "section", ["class": "stage", "id": "stage-\(stage.rawValue)"],
                    [
                        .element(
                            "h2", [:],
                            [.text("\(Message(stage.messageKey).text(language)) (\(inStage.count))")]),
                        .element("table", [:], [.element("thead", [:], [head]), .element("tbody", [:], rows)]),
                    ]))
        }
        return Page(title: Message(.boardPipelineNav), language: language, signedIn: context.signedIn, body: body)
            .response()
    }
}

extension LocalDate {
    /// A day after every day a plan or project names.
    fileprivate static let distantFuture = LocalDate(year: 9999, month: 12, day: 31)!
}
