import Foundation
import GTFS
import HTTPTypes
import Hummingbird
import Itinerary
import Logging
import Messages
import Pipeline
import Schedules
import Store
import Timeline

/// What officers and team leads do with their team's week: see it, plan it from the store's candidates (leads),
/// replan it after a calendar changed, accept the changes (publish) or reject them (drop the draft), mark a ticket
/// bought. Every change is recorded with who and when; a form without the session's token is refused.
struct WeekRoutes {
    let store: BureauStore
    let state: BoardState
    let settings: BoardSettings
    let searches: SearchQueue
    let clock: @Sendable () -> Instant

    /// Who changes their own team's week.
    static let changeRoles: Set<Account.Role> = [.officer, .lead]
    /// Who plans a week from the store's candidates.
    static let planRoles: Set<Account.Role> = [.lead]

    /// A form about a week.
    struct WeekForm: Decodable {
        var csrf: String?
        var week: String?
        var leg: Int?
        /// The client of the visit to hold (`/week/pin`).
        var client: String?
        /// When to hold it, `YYYY-MM-DDTHH:MM` in the team's zone (a browser's datetime-local field).
        var start: String?
    }

    func add(to router: Router<BoardContext>) {
        router.get("/week") { request, context -> Response in
            let account = try context.require(BoardRoutes.weekRoles)
            let team = try await self.team(of: account, context)
            let chosen = request.uri.queryParameters["week"].flatMap { LocalDate(iso: String($0)) }
            return try await WeekPage(
                store: store, state: state, settings: settings, context: context, account: account, team: team
            )
            .response(week: chosen)
        }
        router.post("/week/plan") { request, context -> Response in
            let (account, team, week, _) = try await form(request, context, roles: Self.planRoles)
            let made = try await failing(context) {
                try await TeamWeek.make(team: team.id, start: week, store: store, language: context.language)
            }
            let folder = made.files.filter { ScheduleFolders.keptFiles.contains($0.name) }.map {
                WeekFile(name: $0.name, body: String(decoding: $0.data, as: UTF8.self))
            }
            let path = try ScheduleFolders(root: settings.workFolder).layOut(folder)
            let planned = try await failing(context) {
                try await plan(folder: path, keeping: nil, team: team.id, week: week)
            }
            // Candidates without a calendar feed are not planned (their free time is unknown): the draft says which.
            let unplanned = made.withoutCalendar.map { "\($0.client.name) (\($0.client.id))" }.joined(separator: "\n")
            try await saveDraft(
                planned,
                files: ScheduleFolders.kept(folder)
                    + (unplanned.isEmpty ? [] : [WeekFile(name: WeekPage.withoutCalendarFile, body: unplanned)]),
                team: team, week: week, account: account, action: "plan", language: context.language)
            return Self.back(to: week)
        }
        router.post("/week/replan") { request, context -> Response in
            let (account, team, week, _) = try await form(request, context, roles: Self.changeRoles)
            try await replan(team: team, week: week, account: account, context: context, action: "replan")
            return Self.back(to: week)
        }
        router.post("/week/pin") { request, context -> Response in
            let (account, team, week, form) = try await form(request, context, roles: Self.changeRoles)
            let zone = Zone(identifier: team.timeZone) ?? .utc
            // A date and a time of day (a browser's datetime-local field), read in the team's zone.
            guard let client = form.client, let text = form.start, text.contains("T"),
                let start = Instant(iso8601: text, zone: zone)
            else {
                throw Refusal.failed(Message(.boardBadPinTime), context.language)
            }
            try await replan(
                team: team, week: week, account: account, context: context, action: "pin",
                pinning: (client, start))
            return Self.back(to: week)
        }
        router.post("/week/publish") { request, context -> Response in
            let (account, team, week, _) = try await form(request, context, roles: Self.changeRoles)
            guard let draft = try await store.draft(team: team.id, weekStart: week) else {
                throw Refusal.failed(Message(.boardNoDraft), context.language)
            }
            var plan = try await failing(context) {
                try PlanJSON.decode(draft.planJSON, file: "\(team.id)/\(week)/plan.json")
            }
            plan.publishedVersion = draft.basedOn
            let files = try await store.draftFiles(team: team.id, weekStart: week).filter { $0.name != "plan.json" }
            try await publish(plan, files: files, team: team, week: week, account: account, context: context) {
                "v\($0), \($1) visits"
            }
            return Self.back(to: week)
        }
        router.post("/week/discard") { request, context -> Response in
            let (account, team, week, _) = try await form(request, context, roles: Self.changeRoles)
            try await store.dropDraft(team: team.id, weekStart: week)
            try await store.record(
                ChangeRecord(at: clock(), accountID: account.id, action: "discard", subject: "\(team.id)/\(week)"))
            return Self.back(to: week)
        }
        router.post("/week/ticket") { request, context -> Response in
            let (account, team, week, form) = try await form(request, context, roles: Self.changeRoles)
            var plan = try await latestPlan(team: team, week: week, context: context)
            guard let index = form.leg, plan.legs.indices.contains(index) else {
                throw Refusal.failed(Message(.boardNoSuchLeg), context.language)
            }
            plan.legs[index].booked = true
            let files = try await store.publishedFiles(
                team: team.id, weekStart: week, version: plan.publishedVersion ?? 0)
            let leg = plan.legs[index]
            try await publish(
                plan, files: files, team: team, week: week, account: account, context: context, action: "ticket"
            ) { version, _ in "v\(version), \(leg.person) \(leg.fromCity)-\(leg.toCity) \(leg.depart.seconds)" }
            return Self.back(to: week)
        }
    }

    /// The page of `week`, after a form.
    static func back(to week: LocalDate) -> Response {
        Response(status: .seeOther, headers: [.location: "/week?week=\(week)"])
    }

    /// The signed-in account's team.
    private func team(of account: Account, _ context: BoardContext) async throws -> Team {
        let teams: [Team] = try await store.teams()
        if let id = account.teamID, let team = teams.first(where: { $0.id == id }) { return team }
        throw Refusal.failed(Message(.boardNoTeam), context.language)
    }

    /// A week form's account (of one of `roles`, its token checked), team and week.
    private func form(_ request: Request, _ context: BoardContext, roles: Set<Account.Role>) async throws -> (
        Account, Team, LocalDate, WeekForm
    ) {
        let account = try context.require(roles)
        let form = try await URLEncodedFormDecoder().decode(WeekForm.self, from: request, context: context)
        try context.checkForm(form.csrf)
        guard let week = form.week.flatMap({ LocalDate(iso: $0) }) else {
            throw Refusal.failed(Message(.boardBadWeek), context.language)
        }
        return (account, try await team(of: account, context), week, form)
    }

    /// Replans the team's latest published week into a draft (`plan --keep` with the calendars fetched now), with
    /// the visit to `pinning`'s client held at its start with its people, when given; refused when there is nothing
    /// to replan or no such visit.
    private func replan(
        team: Team, week: LocalDate, account: Account, context: BoardContext, action: String,
        pinning: (client: String, start: Instant)? = nil
    ) async throws {
        let previous = try await latestPlan(team: team, week: week, context: context)
        let version = previous.publishedVersion ?? 0
        var pins: [VisitPin] = []
        if let pinning {
            guard let visit = previous.visits.first(where: { $0.client == pinning.client }) else {
                throw Refusal.failed(Message(.boardNoSuchVisit), context.language)
            }
            pins = [VisitPin(client: visit.client, start: pinning.start, people: visit.staff)]
        }
        let folders = ScheduleFolders(root: settings.workFolder)
        guard
            let folder = try await folders.folder(
                team: team.id, weekStart: week, version: version, store: store)
        else { throw Refusal.failed(Message(.boardNoSchedule), context.language) }
        let planned = try await failing(context) {
            try await plan(folder: folder, keeping: previous, pinning: pins, team: team.id, week: week)
        }
        let kept = try await store.publishedFiles(team: team.id, weekStart: week, version: version)
            .filter(ScheduleFolders.isScheduleFile)
        try await saveDraft(
            planned, files: kept, team: team, week: week, account: account, action: action,
            language: context.language)
    }

    /// The team's latest published plan of `week`, carrying its version; refused when nothing is published.
    private func latestPlan(team: Team, week: LocalDate, context: BoardContext) async throws -> Plan {
        guard let latest = try await store.latestPublished(team: team.id, weekStart: week) else {
            throw Refusal.failed(Message(.boardNothingPublished), context.language)
        }
        var plan = try await failing(context) {
            try PlanJSON.decode(latest.planJSON, file: "\(team.id)/\(week)/plan.json")
        }
        plan.publishedVersion = latest.version
        return plan
    }

    /// Publishes `plan` (made from its `publishedVersion`) with `files` as the team's next version, records it with
    /// `detail` of what was published, and has the board check it.
    private func publish(
        _ plan: Plan, files: [WeekFile], team: Team, week: LocalDate, account: Account, context: BoardContext,
        action: String = "publish", detail: (_ version: Int, _ visits: Int) -> String
    ) async throws {
        let published = try await failing(context) {
            try await WeekPublication.publish(plan, files: files, store: store, at: clock())
        }
        try await store.record(
            ChangeRecord(
                at: clock(), accountID: account.id, action: action, subject: "\(team.id)/\(week)",
                detail: detail(published.version, published.visits.count)))
        context.logger.info(
            "published",
            metadata: [
                "team": .string(team.id), "week": .string(week.description),
                "version": .stringConvertible(published.version), "account": .string(account.id),
            ])
        await state.refreshInBackground()
    }

    /// The week of the schedule `folder`, around the other teams' published weeks (their people's time is busy,
    /// the companies they court that day are not met), searched on a thread of its own, one search at a time.
    private func plan(
        folder: String, keeping previous: Plan?, pinning pins: [VisitPin] = [], team: String, week: LocalDate
    ) async throws -> PlannedWeek {
        let others = try await store.latestPublishedWeeks(from: week.adding(days: -6)).filter {
            $0.teamID != team && $0.weekStart <= week.adding(days: 6)
        }.compactMap { try? PlanJSON.decode($0.planJSON, file: "\($0.teamID)/\($0.weekStart)/plan.json") }
        let planning = settings.planning
        let searches = searches
        return try await withTaskExecutorPreference(BackgroundExecutor.shared) {
            try await planning.plan(
                folder: folder, keeping: previous, around: others, pinning: pins,
                searching: { search in await searches.run(search) })
        }
    }

    /// Keeps a week planned on the board as the team's draft, with its files (in the planner's language) and the
    /// schedule folder's, and records it.
    private func saveDraft(
        _ planned: PlannedWeek, files: [WeekFile], team: Team, week: LocalDate, account: Account, action: String,
        language: Language
    ) async throws {
        let teamName = team.name
        // Drawing the week (report, calendars) is heavy too: in the background, off the threads that answer.
        let planFiles = await withTaskExecutorPreference(BackgroundExecutor.shared) {
            planned.files(team: teamName, language: language).map {
                WeekFile(name: $0.name, body: String(decoding: $0.data, as: UTF8.self))
            }
        }
        try await store.save(
            WeekDraft(
                teamID: team.id, weekStart: week, madeBy: account.id, madeAt: clock(),
                basedOn: planned.plan.publishedVersion,
                planJSON: String(decoding: PlanJSON.encode(planned.plan, language: language), as: UTF8.self)),
            files: planFiles + files)
        try await store.record(
            ChangeRecord(
                at: clock(), accountID: account.id, action: action, subject: "\(team.id)/\(week)",
                detail: "\(planned.plan.visits.count) visits, \(planned.plan.changes?.count ?? 0) changes"))
    }

    /// The result of `body`, or the page that says what went wrong: an input error in the user's language, a
    /// publication made from an older version, …
    private func failing<T>(_ context: BoardContext, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ScheduleError {
            throw Refusal.failed(error.located, context.language)
        } catch let error as StoreError {
            throw Refusal.failed(error.message, context.language)
        }
    }
}
