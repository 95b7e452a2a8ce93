import ArgumentParser
import Audit
import Foundation
import GTFS
import Itinerary
import Messages
import Reports
import Schedules

/// `tiaoqi check PLAN`: audits a plan against its schedule's calendars and timetable.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check a plan.json against its schedule: windows, travel, timetable, stays.")

    @Argument(help: "The plan.json to check.")
    var plan: String

    @Option(name: .long, help: "The schedule folder (default: the one recorded in the plan).")
    var schedule: String?

    @OptionGroup var report: ReportOptions

    @Flag(name: .long, help: "Skip calendar lines that cannot be read (with a warning) instead of stopping.")
    var lenient = false

    @OptionGroup var feeds: FeedFlags

    func run() async throws {
        let findings: [Finding]
        let decoded: Plan
        let loaded: Schedule
        do throws(ScheduleError) {
            decoded = try PlanJSON.decode(contentsOf: plan)
            let planFolder = (plan as NSString).deletingLastPathComponent
            guard
                let folder = schedule
                    ?? decoded.schedule.map({ RelativePath.resolve($0, against: planFolder.isEmpty ? "." : planFolder) }
                    )
            else {
                throw ScheduleError(
                    file: plan, Message(.planWithoutScheduleCheck))
            }
            loaded = try await ScheduleLoader(
                feeds: feeds.options, lenient: lenient, progress: Progress.feeds(report.language)
            ).load(
                folder: folder)
            Failure.warn(loaded.warningSentences, in: report.language)
            findings = PlanAudit(problem: loaded.problem, timetable: loaded.timetable).findings(for: decoded)
        } catch {
            throw Failure.exit(for: error, in: report.language)
        }
        switch report.format {
        case .json:
            Output.json(CheckText.json(plan: plan, findings: findings, language: report.language))
        case .html:
            let team = decoded.team ?? loaded.problem.team ?? loaded.folder
            let week = ClashFinder.Week(
                team: team, source: plan, schedule: loaded.folder, plan: decoded, problem: loaded.problem,
                router: loaded.makeRouter())
            Output.html(
                HTMLReport.render(
                    title: decoded.name,
                    weeks: [
                        HTMLReport.Week(team: team, plan: decoded, problem: loaded.problem, timetable: loaded.timetable)
                    ],
                    handPlans: [], clashes: ClashFinder.clashes(within: week, outcomes: true),
                    language: report.language,
                    findings: true
                ))
        case .table:
            Output.text(CheckText.table(plan: plan, findings: findings, language: report.language), terminator: "")
        }
        if findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
