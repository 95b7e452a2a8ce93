import ArgumentParser
import Audit
import Foundation
import GTFS
import Itinerary
import Messages
import Pipeline
import Planner
import Reports
import Schedules

/// `tiaoqi plan SCHEDULE`: plans the week and writes plan.json and one .ics per person.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a schedule folder's week, audit it, print it, and write plan.json and .ics files.")

    @Argument(help: "The schedule folder (holding plan.yaml).")
    var schedule: String

    @Option(name: .long, help: "Folder for plan.json and one .ics per person.")
    var out: String?

    @Option(name: .long, help: "Output on stdout: table or json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Seed of the search (same input, seed, seconds and threads give the same plan).")
    var seed: UInt64 = 1

    @Option(
        name: .long,
        help: "Search effort in seconds of a reference machine, counted in work so that runs repeat exactly.")
    var seconds: Double = 1

    @Option(name: .long, help: "Independent searches run side by side; the best plan wins.")
    var threads: Int = 2

    @Option(
        name: .long,
        help:
            "A plan.json to keep where it still works (after a calendar or timetable changed); the changes are listed.")
    var keep: String?

    @Option(
        name: .long, parsing: .upToNextOption,
        help:
            "Other teams' published weeks to plan around (plan.json files or folders of them): their people's time is busy, and a company they court on a day is not met here that day."
    )
    var around: [String] = []

    @Flag(name: .long, help: "Skip calendar lines that cannot be read (with a warning) instead of stopping.")
    var lenient = false

    @Option(
        name: .long,
        help:
            "Language of the table, the reasons and changes in plan.json, the .ics and report.html: zh or en (default: from LC_ALL, LC_MESSAGES or LANG)."
    )
    var lang: ReportLanguageOption?

    @Option(
        name: .customLong("publish-caldav"),
        help: ArgumentHelp(
            "Write each person's itinerary into their CalDAV calendar: a collection URL with {staff}, or a base URL the staff id and / are added to.",
            valueName: "url"))
    var publishCalDAV: String?

    @OptionGroup var feeds: FeedFlags

    func validate() throws {
        guard seconds > 0, seconds <= 86_400 else {
            throw ValidationError("--seconds must be more than 0 and at most 86400")
        }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be from 1 to 64") }
        if let url = publishCalDAV,
            !["http://", "https://", "caldav://", "caldavs://"].contains(where: { url.lowercased().hasPrefix($0) })
        {
            throw ValidationError("--publish-caldav takes an http(s):// or caldav(s):// URL of a calendar collection")
        }
    }

    func run() async throws {
        let language = lang?.language ?? .fromEnvironment()
        let week: PlannedWeek
        do {
            let previous = try keep.map { (path) throws(ScheduleError) -> Plan in try PlanJSON.decode(contentsOf: path)
            }
            var others: [Plan] = []
            if !around.isEmpty {
                for file in try PlanSet.files(around).plans { others.append(try PlanJSON.decode(contentsOf: file)) }
            }
            week = try await WeekPlanning(
                feeds: feeds.options, lenient: lenient, options: .init(seed: seed, seconds: seconds, threads: threads)
            ).plan(
                folder: schedule, keeping: previous, around: others,
                schedule: RelativePath.of(schedule, from: out ?? "."),
                feedProgress: Progress.feeds(language), searchProgress: Progress.planning(language))
        } catch {
            throw Failure.exit(for: error, in: language)
        }
        Failure.warn(week.warnings, in: language)
        let (plan, problem, findings) = (week.plan, week.problem, week.findings)
        if let out {
            // One set: plan.json, the report, the expenses and every person's .ics appear together or not at all.
            do throws(ScheduleError) {
                try OutputFolder.write(
                    week.files(team: plan.team ?? problem.team ?? schedule, language: language), to: out)
            } catch {
                throw Failure.exit(for: error, in: language)
            }
        }
        var published: CalendarPublishing.Outcome?
        if let url = publishCalDAV {
            if findings.isEmpty {
                let calendars = PlanCalendars.render(
                    plan, problem: problem, timetable: week.timetable, language: language)
                do {
                    published = try await CalendarPublishing(feeds: feeds.options).publish(
                        calendars, url: url, schedule: schedule)
                } catch {
                    throw Failure.exit(for: error, in: language)
                }
                Failure.warn(published?.warnings ?? [], in: language)
            } else {
                Failure.warn([Message(.publishSkippedAudit)], in: language)
            }
        }
        let people = published?.people.map { (staff: $0.staff, report: $0.report) } ?? []
        switch format {
        case .json:
            let output =
                published == nil
                ? PlanJSON.encode(plan, language: language)
                : PlanJSON.encode(
                    PublishedPlan(
                        plan: plan,
                        caldavPublish: people.map {
                            PublishText.Person(staff: $0.staff, report: $0.report, language: language)
                        }),
                    language: language)
            Output.json(String(decoding: output, as: UTF8.self))
        case .table:
            Output.text(
                PlanText.render(plan, problem: problem, timetable: week.timetable, language: language), terminator: ""
            )
            if published != nil { Output.text(PublishText.table(people, language: language), terminator: "") }
        }
        var exit: Int32 = 0
        if !findings.isEmpty {
            Failure.warn(
                [Message(.auditRejectsPlan)]
                    + findings.map { .verbatim("  \($0.rule.rawValue): \($0.message.text(language))") }, in: language)
            exit = 1
        }
        if plan.score.mustVisitsPlaced < plan.score.mustVisitsTotal {
            Failure.warn(
                [
                    Message(
                        .mustVisitsLeftOut, ["count": .number(plan.score.mustVisitsTotal - plan.score.mustVisitsPlaced)]
                    )
                ], in: language)
            exit = 1
        }
        exit = max(exit, PublishExit.code(people.map(\.report), language: language))
        if exit != 0 { throw ExitCode(exit) }
    }
}

/// plan.json with the CalDAV write-back's results beside it (`caldav_publish`), as `plan --format json` prints it.
private struct PublishedPlan: Encodable {
    var plan: Plan
    var caldavPublish: [PublishText.Person]

    func encode(to encoder: any Encoder) throws {
        try plan.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(caldavPublish, forKey: .caldavPublish)
    }

    private enum Keys: String, CodingKey { case caldavPublish }
}
