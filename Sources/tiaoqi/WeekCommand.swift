import ArgumentParser
import Foundation
import GTFS
import Itinerary
import Messages
import Pipeline
import Schedules
import Store
import Timeline

/// `tiaoqi week …`: a team's week from the store.
struct WeekCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "week", abstract: "A team's week from the store.", subcommands: [WeekNextCommand.self])
}

/// `tiaoqi week next TEAM --week DATE --out DIR`: the schedule folder of a team's next week.
struct WeekNextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Write a team's schedule folder for a week from the store: its plan.yaml and the clients to see.",
        discussion: """
            The clients are those of the open projects the team's staff own, with a priority from the project's \
            stage, its value, the bureau's targets and how overdue its next visit is, and a why column. A next step \
            due by the week's end, or a visit already booked in it, makes a must-visit; a project landed or lost \
            drops out. Plan the folder with tiaoqi plan DIR, then publish the plan.
            """)

    @Argument(help: "The team's id (its schedule folder's name) or name.")
    var team: String

    @Option(name: .long, help: "The week's first day (YYYY-MM-DD); it runs as long as the team's imported week.")
    var week: LocalDateOption

    @Option(name: .long, help: "The folder to write (replaced when it exists).")
    var out: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let language = store.language
        let start = week.date
        let (chosen, end, period, sources, latest) = try await store.withStore {
            bureau -> (Team, LocalDate, Interval, WeekSources, PublishedWeek?) in
            let teams = try await bureau.teams()
            guard let chosen = teams.first(where: { $0.id == team || $0.name == team }) else {
                throw StoreError(
                    .weekUnknownTeam, location: bureau.location,
                    arguments: ["team": .text(team), "teams": .names(teams.map(\.id))])
            }
            guard !chosen.planTemplate.isEmpty else {
                throw StoreError(.weekNoTemplate, location: bureau.location, arguments: ["team": .text(chosen.id)])
            }
            let template: PlanFile
            do throws(ScheduleError) {
                template = try PlanFile(
                    text: chosen.planTemplate,
                    file: (chosen.scheduleFolder as NSString).appendingPathComponent("plan.yaml"))
            } catch {
                throw Failure.exit(for: error, in: language)
            }
            let zone = Zone(identifier: chosen.timeZone) ?? .utc
            let end = start.adding(days: template.end.days(since: template.start))
            let period = Interval(zone.day(start).start, zone.day(end).end)
            return (
                chosen, end, period, try await bureau.weekSources(team: chosen.id, period: period),
                try await bureau.latestPublished(team: chosen.id, weekStart: start)
            )
        }
        let zone = Zone(identifier: chosen.timeZone) ?? .utc
        let candidates = NextWeek(sources: sources).candidates(team: chosen.id, period: period, zone: zone)
        do throws(ScheduleError) {
            let files = try WeekFolder.files(
                team: chosen, start: start, end: end, candidates: candidates, publishedVersion: latest?.version,
                zone: zone, language: language)
            try OutputFolder.write(files, to: out)
        } catch {
            throw Failure.exit(for: error, in: language)
        }
        Output.line(
            Message(
                .weekWritten,
                [
                    "team": .text(chosen.name), "week": .text(start.description), "folder": .text(out),
                    "clients": .number(candidates.count), "must": .number(candidates.filter(\.mustVisit).count),
                ]
            ).text(language))
    }
}
