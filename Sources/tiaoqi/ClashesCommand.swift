import ArgumentParser
import Audit
import Foundation
import GTFS
import Itinerary
import Reports
import Schedules

/// `tiaoqi clashes PLAN_OR_DIR...`: overlays the teams' plans and lists where they collide or no longer hold.
struct ClashesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clashes",
        abstract: "Overlay several teams' plans (and weeks written by hand as .ics) and list every clash.",
        discussion: """
            Kinds: same-company-day (error) and same-company-week (warning), double-booked, unreachable, \
            outside-availability, service-gone, connection-broken, over-working-hours, over-travel-hours, \
            over-travel-cap, over-night-limit, and any other audit rule a plan breaks. Exit 1 when any clash is an error.
            """)

    @Argument(help: "plan.json files, .ics weeks made by hand, or folders holding them.")
    var inputs: [String]

    @Flag(
        name: .long,
        help:
            "Fetch the calendars again before checking (else the cached copies are used, and only feeds never fetched are fetched)."
    )
    var refresh = false

    @Option(
        name: .long, help: "A CSV with columns client,company: clients with the same company key count as one company.")
    var companies: String?

    @OptionGroup var report: ReportOptions

    @Flag(name: .long, help: "Skip calendar lines that cannot be read (with a warning) instead of stopping.")
    var lenient = false

    @OptionGroup var feeds: FeedFlags

    func validate() throws {
        if refresh && feeds.offline {
            throw ValidationError("--refresh fetches the calendars; it cannot be combined with --offline")
        }
    }

    func run() async throws {
        let set: PlanSet
        let keys: [String: String]
        do throws(ScheduleError) {
            var options = feeds.options
            // Without --refresh, the calendars as they were last fetched (a feed never fetched is fetched now).
            options.cacheFirst = !refresh
            set = try await PlanSet.load(
                inputs,
                loader: ScheduleLoader(feeds: options, lenient: lenient, progress: Progress.feeds(report.language)))
            keys = try companies.map { (path) throws(ScheduleError) in try CompanyKeys.read(path) } ?? [:]
        } catch {
            throw Failure.exit(for: error, in: report.language)
        }
        Failure.warn(set.warnings, in: report.language)
        let clashes = ClashFinder(weeks: set.clashWeeks, handPlans: set.handPlans, companies: keys).clashes()
        ClashOutput(format: report.format, language: report.language).print(clashes, set: set)
        if clashes.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

/// Prints clashes as a table, JSON or an HTML report.
struct ClashOutput {
    var format: ReportFormat
    var language: ReportLanguage

    func print(_ clashes: [Clash], set: PlanSet) {
        switch format {
        case .json:
            Output.json(
                ClashText.json(
                    clashes, plans: set.plans.map(\.source), handPlans: set.handPlans.map(\.source), language: language)
            )
        case .table:
            Output.text(
                ClashText.render(
                    clashes, zone: set.plans[0].problem.zone, staff: set.plans.flatMap(\.problem.staff),
                    language: language), terminator: "")
        case .html:
            let weeks = set.plans.map {
                HTMLReport.Week(team: $0.team, plan: $0.plan, problem: $0.problem, timetable: $0.timetable)
            }
            let title = set.plans.map(\.plan.name).uniqued().joined(separator: " · ")
            Output.html(
                HTMLReport.render(
                    title: title, weeks: weeks, handPlans: set.handPlans, clashes: clashes, language: language))
        }
    }
}
