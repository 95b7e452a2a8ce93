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
            drops out. A project met online or either way (its mode) gives its client that mode. Plan the folder \
            with tiaoqi plan DIR, then publish the plan.
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
        let made: TeamWeek
        do {
            made = try await store.withStore { bureau in
                try await TeamWeek.make(team: team, start: week.date, store: bureau, language: language)
            }
            try OutputFolder.write(made.files, to: out)
        } catch let error as ScheduleError {
            throw Failure.exit(for: error, in: language)
        }
        Output.line(
            Message(
                .weekWritten,
                [
                    "team": .text(made.team.name), "week": .text(made.start.description), "folder": .text(out),
                    "clients": .number(made.candidates.count),
                    "must": .number(made.candidates.filter(\.mustVisit).count),
                ]
            ).text(language))
        if !made.withoutCalendar.isEmpty {
            Failure.warn(
                [
                    Message(
                        .weekWithoutCalendar,
                        ["clients": .names(made.withoutCalendar.map { "\($0.client.name) (\($0.client.id))" })])
                ], in: language)
        }
    }
}
