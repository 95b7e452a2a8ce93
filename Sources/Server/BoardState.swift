import Audit
import Foundation
import GTFS
import Itinerary
import Logging
import Messages
import Pipeline
import Schedules
import Store
import Timeline
import Travel

/// A published week as the board last checked it: its plan, the schedule it was planned from (loaded with the
/// calendars as last fetched), and what the audit finds in it now.
struct CheckedWeek: Sendable {
    /// The week as published (latest version).
    var week: PublishedWeek
    /// Its plan, or nil when plan.json cannot be read (`problem` says why).
    var plan: Plan?
    /// Its schedule, or nil when it could not be found or read (`problem` says why).
    var schedule: Schedule?
    /// The router over its timetable.
    var router: Router?
    /// Why its schedule could not be loaded.
    var problem: Message?
    /// What the audit finds with the calendars as last fetched: a visit a client's changed calendar no longer allows,
    /// a train withdrawn, … Empty for a week that still holds.
    var findings: [Finding]
    /// When it was last checked.
    var checkedAt: Instant

    /// Whether the week no longer holds as published (or cannot be checked).
    var isStale: Bool { !findings.isEmpty || problem != nil || !(plan?.staleCalendars ?? []).isEmpty }
}

/// The board's view of the bureau, shared by every request: the published weeks as last checked, their clashes,
/// and who is listening for changes (server-sent events). Checking runs one round at a time; a request that asks
/// for one while another runs joins the next round and returns when it is done. Pages read the last result and never
/// wait on a feed.
actor BoardState {
    /// How many days before the latest published week the board still checks weeks.
    static let checkedDays = 14

    let store: BureauStore
    let settings: BoardSettings
    let folders: ScheduleFolders
    let logger: Logger
    let clock: @Sendable () -> Instant

    private(set) var weeks: [String: CheckedWeek] = [:]
    private(set) var clashes: [Clash] = []
    /// One more each time the weeks' states or the clashes change.
    private(set) var generation = 0
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
    private var running = false
    private var pending: Bool?
    private var everChecked = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var storeMark: String?
    private var rendered: [String: (version: String, text: String)] = [:]
    private var rendering: [String: (version: String, task: Task<String, Never>)] = [:]

    init(store: BureauStore, settings: BoardSettings, logger: Logger, clock: @escaping @Sendable () -> Instant) {
        self.store = store
        self.settings = settings
        self.folders = ScheduleFolders(root: settings.workFolder)
        self.logger = logger
        self.clock = clock
    }

    /// The key of a team's week.
    static func key(_ team: String, _ weekStart: LocalDate) -> String { team + "\u{1F}" + weekStart.description }

    /// Checks the published weeks again: those published since the last round (all of them with `fresh`, fetching
    /// their calendars now), then the clashes between them. Returns when this round, or the one it joined, is done.
    func refresh(fresh: Bool = false) async {
        if running {
            pending = (pending ?? false) || fresh
            await withCheckedContinuation { waiting.append($0) }
            return
        }
        running = true
        var round: Bool? = fresh
        while let fresh = round {
            pending = nil
            do { try await check(fresh: fresh) } catch {
                logger.error("board check failed", metadata: ["error": .string(String(describing: error))])
            }
            round = pending
        }
        running = false
        let done = waiting
        waiting = []
        for waiter in done { waiter.resume() }
    }

    /// The last check started in the background after a publication (each waits for the one before), which shutting
    /// down waits for, so that none runs on a closed store.
    private var background: Task<Void, Never>?

    /// Checks the published weeks again in the background (after a publication): the caller does not wait.
    func refreshInBackground() {
        let previous = background
        background = Task {
            await previous?.value
            await self.refresh()
        }
    }

    /// Waits for the checks started in the background.
    func settle() async {
        await background?.value
    }

    /// What `make` renders for `key` (a page's body in a language, a person's calendar), made once for each
    /// generation of the board and each mark of the store's publications (so a week published outside the weeks
    /// the board checks counts too, within `FeedWatcher.followSeconds`): the pages read under load come from here,
    /// not from the store.
    func rendered(_ key: String, make: @escaping @Sendable () async -> String) async -> String {
        await ensureChecked()
        let version = "\(generation) \(storeMark ?? "")"
        if let known = rendered[key], known.version == version { return known.text }
        // One rendering at a time for each key and version: the requests that ask meanwhile wait for it, instead of
        // each asking the store (which a publication may be writing to) the same questions.
        if let running = rendering[key], running.version == version { return await running.task.value }
        let task = Task { await make() }
        rendering[key] = (version, task)
        let made = await task.value
        if rendering[key]?.version == version { rendering[key] = nil }
        rendered[key] = (version, made)
        return made
    }

    /// Checks the published weeks again when someone published since the last look (`tiaoqi publish`, another
    /// server on the same store), found with one cheap query.
    func followStore() async {
        guard let mark = try? await store.publicationsMark(), mark != storeMark else { return }
        storeMark = mark
        await refresh()
    }

    /// Checks the published weeks unless the board already has: a page or stream opened before the first round.
    func ensureChecked() async {
        if !everChecked { await refresh() }
    }

    /// A stream that yields the generation each time it changes, and once at the start.
    func changes() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        continuation.yield(generation)
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.stopListening(id) } }
        return stream
    }

    /// How many are listening.
    var listenerCount: Int { listeners.count }

    private func stopListening(_ id: UUID) { listeners[id] = nil }

    /// The week as last checked, loading it now when the board has not yet (a week just published).
    func week(team: String, weekStart: LocalDate) async throws -> CheckedWeek? {
        if let known = weeks[Self.key(team, weekStart)],
            known.week.version == (try await store.latestPublished(team: team, weekStart: weekStart))?.version
        {
            return known
        }
        guard let latest = try await store.latestPublished(team: team, weekStart: weekStart) else { return nil }
        return await withTaskExecutorPreference(BackgroundExecutor.shared) { await self.load(latest, fresh: false) }
    }

    private func check(fresh: Bool) async throws {
        everChecked = true
        guard let last = try await store.latestPublishedWeekStart() else { return }
        let published = try await store.latestPublishedWeeks(from: last.adding(days: -Self.checkedDays))
        var checked: [String: CheckedWeek] = [:]
        for week in published {
            let key = Self.key(week.teamID, week.weekStart)
            if !fresh, let known = weeks[key], known.week.version == week.version {
                checked[key] = known
            } else {
                checked[key] = await withTaskExecutorPreference(BackgroundExecutor.shared) {
                    await self.load(week, fresh: fresh)
                }
            }
        }
        let companies = Dictionary(try await store.clients().map { ($0.id, $0.companyID) }) { a, _ in a }
        let weeksToCheck = checked
        let found = await withTaskExecutorPreference(BackgroundExecutor.shared) {
            Self.clashes(weeksToCheck, companies: companies)
        }
        let staleBefore = Set(weeks.filter { $0.value.isStale }.keys)
        let staleNow = Set(checked.filter { $0.value.isStale }.keys)
        let newClashes = Set(found).subtracting(clashes)
        let clashesChanged = Set(found) != Set(clashes)
        let changed =
            clashesChanged || staleBefore != staleNow || Set(weeks.keys) != Set(checked.keys)
            || weeks.contains { checked[$0.key]?.week.version != $0.value.week.version }
        weeks = checked
        clashes = found
        guard changed else { return }
        generation += 1
        let now = clock()
        if clashesChanged {
            try await store.record(
                ChangeRecord(
                    at: now, accountID: "watcher", action: "clashes", subject: String(found.count),
                    detail: newClashes.map { "\($0.kind.rawValue) \($0.people.joined(separator: ","))" }.sorted()
                        .joined(separator: "; ")))
        }
        for key in staleNow.subtracting(staleBefore).sorted() {
            guard let week = checked[key] else { continue }
            try await store.record(
                ChangeRecord(
                    at: now, accountID: "watcher", action: "stale",
                    subject: "\(week.week.teamID)/\(week.week.weekStart) v\(week.week.version)",
                    detail: (week.findings.map(\.rule.rawValue) + (week.problem.map { [$0.text(.en)] } ?? []))
                        .joined(separator: "; ")))
        }
        for continuation in listeners.values { continuation.yield(generation) }
    }

    /// The clashes between the checked weeks that could be loaded.
    private static func clashes(_ checked: [String: CheckedWeek], companies: [String: String]) -> [Clash] {
        ClashFinder(
            weeks: checked.values.sorted { ($0.week.teamID, $0.week.weekStart) < ($1.week.teamID, $1.week.weekStart) }
                .compactMap { week in
                    guard let plan = week.plan, let schedule = week.schedule, let router = week.router else {
                        return nil
                    }
                    return ClashFinder.Week(
                        team: week.week.teamID, source: "\(week.week.teamID)/\(week.week.weekStart)",
                        schedule: week.week.teamID, plan: plan, problem: schedule.problem, router: router)
                },
            companies: companies
        ).clashes()
    }

    /// Loads a published week's schedule and audits its plan; what goes wrong is kept as the week's problem.
    private nonisolated func load(_ week: PublishedWeek, fresh: Bool) async -> CheckedWeek {
        let now = clock()
        let plan: Plan
        do {
            plan = try PlanJSON.decode(week.planJSON, file: "\(week.teamID)/\(week.weekStart)/plan.json")
        } catch {
            return CheckedWeek(week: week, plan: nil, problem: error.located, findings: [], checkedAt: now)
        }
        do {
            guard
                let folder = try await folders.folder(
                    team: week.teamID, weekStart: week.weekStart, version: week.version, store: store)
            else {
                return CheckedWeek(
                    week: week, plan: plan, problem: Message(.boardNoSchedule), findings: [], checkedAt: now)
            }
            let schedule = try await (fresh ? settings.freshLoader : settings.cachedLoader).load(folder: folder)
            let findings = PlanAudit(problem: schedule.problem.keepingBookings(of: plan), timetable: schedule.timetable)
                .findings(for: plan).filter { $0.rule != .mustVisitLeftOut && $0.rule != .bookedLegGivenUp }
            var checked = plan
            let stale = FeedValidation.staleCalendars(schedule.feedReports)
            checked.staleCalendars = stale.isEmpty ? nil : stale
            return CheckedWeek(
                week: week, plan: checked, schedule: schedule, router: schedule.makeRouter(), findings: findings,
                checkedAt: now)
        } catch let error as ScheduleError {
            return CheckedWeek(week: week, plan: plan, problem: error.located, findings: [], checkedAt: now)
        } catch {
            return CheckedWeek(
                week: week, plan: plan, problem: .verbatim(String(describing: error)), findings: [], checkedAt: now)
        }
    }
}
