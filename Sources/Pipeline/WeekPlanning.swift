import Audit
import Foundation
import GTFS
import Itinerary
import Messages
import Planner
import Reports
import Schedules
import Timeline
import Travel

/// A schedule folder's week, planned and audited: what `tiaoqi plan` prints and writes, and what the board plans and
/// publishes. One code path for both.
public struct PlannedWeek: Sendable {
    /// The plan (with the version it replans, its stale calendars and, after `--keep`, its changes).
    public var plan: Plan
    /// The problem it was planned for (with the kept plan's bookings).
    public var problem: Problem
    /// The timetable it travels on.
    public var timetable: Timetable
    /// What the audit rejects in it, besides must-visits it lists as left out and bookings it gives up.
    public var findings: [Finding]
    /// Warnings from loading the folder (calendar lines skipped, stale feeds, …).
    public var warnings: [Message]
    /// What other teams' weeks, planned around, held: people's time, companies' days.
    public var commitments = AroundCommitments()

    /// The plan's files, as one set: plan.json, report.html, expenses.csv and one .ics per person, in `language`.
    public func files(team: String, language: Language) -> [(name: String, data: Data)] {
        let calendars = PlanCalendars.render(plan, problem: problem, timetable: timetable, language: language)
            .sorted { $0.key < $1.key }.map { (name: "\($0.key).ics", data: Data($0.value.utf8)) }
        let week = HTMLReport.Week(team: team, plan: plan, problem: problem, timetable: timetable)
        let report = HTMLReport.render(
            title: plan.name, weeks: [week], handPlans: [], clashes: [], language: language, findings: true)
        return [
            (name: "plan.json", data: PlanJSON.encode(plan, language: language)),
            (name: "report.html", data: Data(report.utf8)),
            (name: "expenses.csv", data: Data(ExpensesCSV.render(plan, problem: problem, language: language))),
        ] + calendars
    }
}

/// Plans a schedule folder's week: loads it (fetching its calendars), keeps a previous plan's visits where they still
/// fit, searches, and audits the result.
public struct WeekPlanning: Sendable {
    /// How calendars are fetched (cache, timeouts, limits, credentials).
    public var feeds: FeedOptions
    /// Skip calendar lines that cannot be read, with a warning, instead of stopping.
    public var lenient: Bool
    /// The search's seed, effort and threads.
    public var options: Planner.Options

    /// A planning run with these settings.
    public init(feeds: FeedOptions = FeedOptions(), lenient: Bool = false, options: Planner.Options = .init()) {
        self.feeds = feeds
        self.lenient = lenient
        self.options = options
    }

    /// The week of the schedule `folder`, replanning `previous` when given, with the visits of `pins` held where they
    /// say; `schedule` is the folder as plan.json
    /// names it (relative to where plan.json goes); other teams' weeks (`others`) are commitments it plans around
    /// (`Problem.around`). Reports feed and search progress when asked. `searching` runs
    /// the search, which takes the CPU for a while (a server runs it off the threads that answer requests).
    public func plan(
        folder: String, keeping previous: Plan? = nil, around others: [Plan] = [], pinning pins: [VisitPin] = [],
        schedule: String? = nil,
        feedProgress: (@Sendable (Int, Int) -> Void)? = nil, searchProgress: (@Sendable (Int) -> Void)? = nil,
        searching: @Sendable (@escaping @Sendable () -> Plan) async -> Plan = { $0() }
    ) async throws(ScheduleError) -> PlannedWeek {
        let loaded = try await ScheduleLoader(feeds: feeds, lenient: lenient, progress: feedProgress)
            .load(folder: folder)
        var pinned = loaded.problem
        for pin in pins {
            guard let index = pinned.clients.firstIndex(where: { $0.id == pin.client }) else { continue }
            pinned.clients[index].pinnedStart = pin.start
            pinned.clients[index].with = pin.people
            pinned.clients[index].mustVisit = true
        }
        let (around, commitments) = pinned.around(others)
        let problem = around.keepingBookings(of: previous)
        let planner = Planner(problem: problem, router: loaded.makeRouter(), options: options, keeping: previous)
        var plan = await searching { planner.solve(progress: searchProgress) }
        plan.schedule = schedule ?? folder
        // A replan of a published week is made from that version: publishing it checks no one published since.
        plan.publishedVersion = previous?.publishedVersion ?? loaded.planFile.publishedVersion
        let stale = FeedValidation.staleCalendars(loaded.feedReports)
        if !stale.isEmpty { plan.staleCalendars = stale }
        // What the plan leaves out or gives up is listed in the plan itself.
        let findings = PlanAudit(problem: problem, timetable: loaded.timetable).findings(for: plan)
            .filter { $0.rule != .mustVisitLeftOut && $0.rule != .bookedLegGivenUp }
        return PlannedWeek(
            plan: plan, problem: problem, timetable: loaded.timetable, findings: findings,
            warnings: loaded.warningSentences, commitments: commitments)
    }
}

/// A visit held at a time with its people (the board's "lock or move"): planned as a booked meeting there, which the
/// search keeps or, when it cannot be reached or the client is busy, leaves out with the reason.
public struct VisitPin: Sendable, Hashable {
    /// The client's id.
    public var client: String
    /// When the meeting starts.
    public var start: Instant
    /// Everyone who attends (the one who leads included).
    public var people: [String]

    /// A pin.
    public init(client: String, start: Instant, people: [String]) {
        self.client = client
        self.start = start
        self.people = people
    }
}
