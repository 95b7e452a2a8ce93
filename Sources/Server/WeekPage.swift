import Audit
import Foundation
import Hummingbird
import Itinerary
import Messages
import Reports
import Schedules
import Store
import Timeline
import Travel

/// The page of a team's week: the weeks it has, the draft waiting to be accepted (its changes, the audit's verdict,
/// publish or drop it), the published version (stale or not, replan it, its tickets) and the week as the reports
/// draw it (timeline, map, visits, left-out visits with their reasons, expenses per person). Leads also plan a week.
struct WeekPage {
    let store: BureauStore
    let state: BoardState
    let settings: BoardSettings
    let context: BoardContext
    let account: Account
    let team: Team

    private var language: Language { context.language }

    /// The draft's file listing the candidates not planned for want of a calendar feed, one a line.
    static let withoutCalendarFile = "without-calendar.txt"

    /// The page for `week`, or for the team's latest week when nil.
    func response(week chosen: LocalDate?) async throws -> Response {
        let published = try await store.latestPublishedWeeks(from: LocalDate(year: 1970, month: 1, day: 1)!)
            .filter { $0.teamID == team.id }
        let week = chosen ?? published.last?.weekStart
        var body: [HTML] = [weekLinks(published, current: week)]
        if WeekRoutes.planRoles.contains(account.role) { body.append(planForm(after: week)) }
        guard let week else {
            body.append(sentence(.boardNoWeekYet))
            return page(Message(.boardTeamWeeksTitle, ["team": .text(team.name)]), body)
        }
        if let draft = try await store.draft(team: team.id, weekStart: week) {
            body.append(try await draftBox(draft))
        }
        if let latest = published.first(where: { $0.weekStart == week }) {
            body.append(try await publishedBox(latest))
        } else {
            body.append(sentence(.boardNothingPublished))
        }
        return page(Message(.boardWeekTitle, ["team": .text(team.name), "week": .text(week.description)]), body)
    }

    /// Links to each week the team published.
    private func weekLinks(_ weeks: [PublishedWeek], current: LocalDate?) -> HTML {
        let links = weeks.reversed().map { week -> HTML in
            let label = Message(
                .boardWeekLink, ["week": .text(week.weekStart.description), "version": .number(week.version)]
            ).text(language)
            return week.weekStart == current
                ? .element("strong", [:], [.text(label)])
                : .element("a", ["href": "/week?week=\(week.weekStart)"], [.text(label)])
        }
        return .element(
            "nav", ["class": "pages"],
            [.text(Message(.boardWeeksNav).text(language) + " ")] + links
                + [.element("a", ["href": "/calendar"], [.text(Message(.boardCalendarNav).text(language))])])
    }

    /// A lead's form: plan a week from the store's candidates.
    private func planForm(after week: LocalDate?) -> HTML {
        let next = week.map { $0.adding(days: 7) } ?? mondayAfter(Zone(identifier: team.timeZone) ?? .utc)
        return .element(
            "section", ["class": "box", "id": "plan"],
            [
                .element("h2", [:], [.text(Message(.boardPlanHeading).text(language))]),
                form(
                    "/week/plan", week: nil,
                    [
                        .element(
                            "label", [:],
                            [
                                .text(Message(.boardPlanWeekLabel).text(language) + " "),
                                .element(
                                    "input",
                                    ["type": "date", "name": "week", "value": next.description, "required": ""]),
                            ]),
                        .element("button", ["type": "submit"], [.text(Message(.boardPlanSubmit).text(language))]),
                    ]),
            ])
    }

    /// The draft: who made it from what, its changes, the audit's verdict, accept or reject.
    private func draftBox(_ draft: WeekDraft) async throws -> HTML {
        let plan = try? PlanJSON.decode(draft.planJSON, file: "draft/plan.json")
        let made = Message(
            draft.basedOn == nil ? .boardDraftMadeNew : .boardDraftMade,
            [
                "account": .text(draft.madeBy), "time": .text(BoardRoutes.utc(draft.madeAt)),
                "version": .number(draft.basedOn ?? 0),
            ])
        var parts: [HTML] = [
            .element("h2", [:], [.text(Message(.boardDraftHeading).text(language))]),
            .element("p", [:], [.text(made.text(language))]),
        ]
        let changes = plan?.changes ?? []
        if draft.basedOn != nil {
            parts.append(.element("h3", [:], [.text(Message(.boardChangesHeading).text(language))]))
            parts.append(
                changes.isEmpty
                    ? sentence(.boardNoChanges)
                    : .element(
                        "ul", ["class": "changes"], changes.map { .element("li", [:], [.text($0.text(language))]) }))
        }
        if let unplanned = try await store.draftFile(
            team: team.id, weekStart: draft.weekStart, name: Self.withoutCalendarFile)
        {
            parts.append(
                .element(
                    "p", ["class": "stale", "id": "without-calendar"],
                    [
                        .text(
                            Message(
                                .weekWithoutCalendar,
                                ["clients": .names(unplanned.split(separator: "\n").map(String.init))]
                            ).text(language))
                    ]))
        }
        var report: HTML = .empty
        if let plan,
            let folder = try await ScheduleFolders(root: settings.workFolder)
                .draftFolder(team: team.id, weekStart: draft.weekStart, store: store),
            let schedule = try? await settings.cachedLoader.load(folder: folder)
        {
            let findings = PlanAudit(problem: schedule.problem.keepingBookings(of: plan), timetable: schedule.timetable)
                .findings(for: plan).filter { $0.rule != .mustVisitLeftOut && $0.rule != .bookedLegGivenUp }
            parts.append(.element("h3", [:], [.text(Message(.boardFindingsHeading).text(language))]))
            parts.append(findingList(findings))
            report = .reportSections(
                title: plan.name,
                weeks: [
                    HTMLReport.Week(
                        team: team.name, plan: plan, problem: schedule.problem, timetable: schedule.timetable)
                ],
                clashes: [], language: language, findings: true)
        }
        parts.append(
            .element(
                "p", [:],
                [
                    form(
                        "/week/publish", week: draft.weekStart,
                        [.element("button", ["type": "submit"], [.text(Message(.boardPublishDraft).text(language))])],
                        inline: true),
                    form(
                        "/week/discard", week: draft.weekStart,
                        [.element("button", ["type": "submit"], [.text(Message(.boardDiscardDraft).text(language))])],
                        inline: true),
                ]))
        parts.append(report)
        return .element("section", ["class": "box", "id": "draft"], parts)
    }

    /// The published version: when, whether it still holds, replan it, its tickets, and the week drawn.
    private func publishedBox(_ latest: PublishedWeek) async throws -> HTML {
        var parts: [HTML] = [
            .element(
                "h2", [:],
                [
                    .text(
                        Message(
                            .boardPublishedHeading,
                            ["version": .number(latest.version), "time": .text(BoardRoutes.utc(latest.publishedAt))]
                        ).text(language))
                ])
        ]
        let checked = try await state.week(team: team.id, weekStart: latest.weekStart)
        if let checked, checked.isStale {
            var reasons = checked.findings.map { $0.message.text(language) }
            if let problem = checked.problem { reasons.append(problem.text(language)) }
            for calendar in checked.plan?.staleCalendars ?? [] {
                reasons.append("\(calendar.feed): \(calendar.reason.text(language))")
            }
            parts.append(
                .element(
                    "div", ["class": "stale", "id": "stale"],
                    [
                        .element(
                            "p", [:], [.element("strong", [:], [.text(Message(.boardStaleWarning).text(language))])]),
                        .element("ul", [:], reasons.map { .element("li", [:], [.text($0)]) }),
                    ]))
        }
        parts.append(
            form(
                "/week/replan", week: latest.weekStart,
                [.element("button", ["type": "submit"], [.text(Message(.boardReplan).text(language))])]))
        guard let checked, let plan = checked.plan else { return .element("section", ["class": "box"], parts) }
        let names = Dictionary(try await store.staff().map { ($0.id, $0.name) }) { first, _ in first }
        parts.append(
            tickets(
                plan, week: latest.weekStart, zone: checked.schedule?.problem.zone ?? .utc, names: names,
                cities: { checked.schedule?.timetable.cities[$0]?.displayName ?? $0 }))
        // In the team's zone, as `/week/pin` reads the time back.
        let teamZone = Zone(identifier: team.timeZone) ?? checked.schedule?.problem.zone ?? .utc
        parts.append(pins(plan, week: latest.weekStart, zone: teamZone, names: names))
        if let schedule = checked.schedule {
            parts.append(
                .reportSections(
                    title: plan.name,
                    weeks: [
                        HTMLReport.Week(
                            team: team.name, plan: plan, problem: schedule.problem, timetable: schedule.timetable)
                    ],
                    clashes: [], language: language, findings: true))
        }
        return .element("section", ["class": "box", "id": "published"], parts)
    }

    /// The week's trips by train or plane, each with whether its ticket is bought, and a button to say it is.
    private func tickets(
        _ plan: Plan, week: LocalDate, zone: Zone, names: [String: String], cities: (String) -> String
    ) -> HTML {
        let rows = plan.legs.enumerated().filter { $0.element.parts.contains { $0.service != nil } }.map {
            index, leg -> HTML in
            let services = leg.parts.compactMap(\.service).joined(separator: " + ")
            let state: HTML =
                leg.booked == true
                ? .text(Message(.boardTicketBought).text(language))
                : form(
                    "/week/ticket", week: week,
                    [
                        .element("input", ["type": "hidden", "name": "leg", "value": String(index)]),
                        .element("button", ["type": "submit"], [.text(Message(.boardMarkBought).text(language))]),
                    ], inline: true)
            return .element(
                "tr", [:],
                [
                    .element("td", [:], [.text(names[leg.person] ?? leg.person)]),
                    .element("td", [:], [.text(Message.Argument.dayClock(leg.depart, zone).text(language))]),
                    .element("td", [:], [.text("\(cities(leg.fromCity)) → \(cities(leg.toCity))")]),
                    .element("td", [:], [.text(services)]),
                    .element("td", [:], [state]),
                ])
        }
        guard !rows.isEmpty else { return .empty }
        let head = HTML.element(
            "tr", [:],
            [.boardColumnPerson, .boardColumnDepart, .boardColumnTrip, .boardColumnService, .boardColumnTicket].map {
                .element("th", [:], [.text(Message($0).text(language))])
            })
        return .element(
            "div", ["id": "tickets"],
            [
                .element("h3", [:], [.text(Message(.boardTicketsHeading).text(language))]),
                .element("table", [:], [.element("thead", [:], [head]), .element("tbody", [:], rows)]),
            ])
    }

    /// The week's visits, each with a time to hold it at (its own, to lock it; another, to move it) and a button that
    /// replans around it into a draft with the audit's verdict.
    private func pins(_ plan: Plan, week: LocalDate, zone: Zone, names: [String: String]) -> HTML {
        let rows = plan.visits.sorted { ($0.start, $0.client) < ($1.start, $1.client) }.map { visit -> HTML in
            let day = zone.date(of: visit.start)
            let local = "\(day)T\(zone.clock(visit.start))"
            return .element(
                "tr", [:],
                [
                    .element("td", [:], [.text("\(visit.clientName) (\(visit.client))")]),
                    .element("td", [:], [.text(Message.Argument.dayClock(visit.start, zone).text(language))]),
                    .element("td", [:], [.text(visit.staff.map { names[$0] ?? $0 }.joined(separator: "、"))]),
                    .meeting(visit.mode ?? .inPerson, language),
                    .element(
                        "td", [:],
                        [
                            form(
                                "/week/pin", week: week,
                                [
                                    .element("input", ["type": "hidden", "name": "client", "value": visit.client]),
                                    .element(
                                        "input",
                                        [
                                            "type": "datetime-local", "name": "start", "value": local, "step": "60",
                                            "required": "required",
                                        ]),
                                    .element(
                                        "button", ["type": "submit"],
                                        [.text(Message(.boardPinSubmit).text(language))]),
                                ], inline: true)
                        ]),
                ])
        }
        guard !rows.isEmpty else { return .empty }
        let head = HTML.element(
            "tr", [:],
            [.boardColumnWhat, .boardColumnWhen, .boardColumnPeople, .boardColumnMeeting, .boardPinHeading].map {
                .element("th", [:], [.text(Message($0).text(language))])
            })
        return .element(
            "div", ["id": "pins"],
            [
                .element("h3", [:], [.text(Message(.boardPinHeading).text(language))]),
                sentence(.boardPinHint),
                .element("table", [:], [.element("thead", [:], [head]), .element("tbody", [:], rows)]),
            ])
    }

    /// The audit's findings as a list, or the sentence that it finds nothing.
    private func findingList(_ findings: [Finding]) -> HTML {
        findings.isEmpty
            ? .element("p", ["class": "ok"], [.text(Message(.boardNoFindings).text(language))])
            : .element(
                "ul", ["class": "findings"],
                findings.map { .element("li", [:], [.text("\($0.rule.rawValue): \($0.message.text(language))")]) })
    }

    /// A form that posts to `action` with the session's token and the week.
    private func form(_ action: StaticString, week: LocalDate?, _ fields: [HTML], inline: Bool = false) -> HTML {
        var hidden: [HTML] = [
            .element("input", ["type": "hidden", "name": "csrf", "value": context.session?.csrfToken])
        ]
        if let week { hidden.append(.element("input", ["type": "hidden", "name": "week", "value": week.description])) }
        return .element(
            "form", ["method": "post", "action": "\(action)", "class": inline ? "inline" : nil], hidden + fields)
    }

    private func sentence(_ key: MessageKey) -> HTML { .element("p", [:], [.text(Message(key).text(language))]) }

    private func page(_ title: Message, _ body: [HTML]) -> Response {
        Page(title: title, language: language, signedIn: context.signedIn, body: body).response()
    }

    /// The Monday after today, in `zone`.
    private func mondayAfter(_ zone: Zone) -> LocalDate {
        let today = zone.date(of: Instant(.now))
        let weekday = Int((today.daysSinceEpoch + 3) % 7)  // 1970-01-01 was a Thursday: Monday is 0.
        return today.adding(days: 7 - weekday)
    }
}

extension BoardContext {
    /// Who is signed in and the token their forms carry, for the page's header.
    var signedIn: (account: Account, csrfToken: String)? {
        account.flatMap { account in session.map { (account, $0.csrfToken) } }
    }
}
