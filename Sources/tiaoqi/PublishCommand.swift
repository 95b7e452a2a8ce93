import ArgumentParser
import Foundation
import GTFS
import Itinerary
import Messages
import Pipeline
import Schedules
import Store
import Timeline

/// `tiaoqi publish PLAN.json`: a team's week into the store as its next version.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract:
            "Publish a team's planned week (plan.json) to the store as its next version; its visits become planned.",
        discussion: """
            A plan made from an older version than the store's latest (someone published since) is refused. On \
            success plan.json records the version it was published as (written to a temporary file, then renamed).
            """)

    @Argument(help: "The plan.json to publish.")
    var plan: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let language = store.language
        var decoded: Plan
        do throws(ScheduleError) { decoded = try PlanJSON.decode(contentsOf: plan) } catch {
            throw Failure.exit(for: error, in: store.language)
        }
        let files = WeekPublication.filesBeside(plan, plan: decoded)
        let published = try await store.withStore { bureau in
            try await WeekPublication.publish(
                decoded, files: files, store: bureau, at: Instant(seconds: Int64(Date().timeIntervalSince1970)))
        }
        decoded.publishedVersion = published.version
        do {
            try PlanJSON.encode(decoded, language: language).write(to: URL(fileURLWithPath: plan), options: .atomic)
        } catch {
            throw Failure.exit(
                for: ScheduleError(
                    file: plan, Message(.publishNotWritten, ["cause": .text(error.localizedDescription)])),
                in: language
            )
        }
        Output.line(
            Message(
                .weekPublished,
                [
                    "team": .text(published.team.name), "week": .text(decoded.days.first?.description ?? ""),
                    "version": .number(published.version), "store": .text(store.location.description),
                    "visits": .number(published.visits.count), "plan": .text(plan),
                ]
            ).text(language))
        let zone = Zone(identifier: decoded.timeZone) ?? .utc
        for visit in published.visits {
            let when = "\(zone.date(of: visit.interval.start)) \(zone.clock(visit.interval.start))"
            Output.line("  \(visit.id)  \(when)  \(visit.attendees.joined(separator: ","))")
        }
    }
}

/// `tiaoqi log VISIT_OR_CLIENT --outcome …`: what a visit came to.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract:
            "Record what a visit came to, and move its project on (next step, due date, stage, how it is met) where you say so."
    )

    @Argument(help: "A visit id (as publish lists them), or a client id: its earliest visit still planned.")
    var visit: String

    @Option(name: .long, help: "What became of it: done, cancelled, online or no-show.")
    var outcome: VisitStatusOption

    @Option(name: .long, help: "What came of it, in words.")
    var note = ""

    @Option(name: .long, help: "The next step agreed; it becomes the project's next action.")
    var next = ""

    @Option(name: .long, help: "When the next step is due (YYYY-MM-DD).")
    var due: LocalDateOption?

    @Option(
        name: .long,
        help: "Move the project to this stage: lead, contacted, visited, negotiating, signed, landed or lost.")
    var stage: ProjectStageOption?

    @Option(
        name: .long,
        help: "How the project's next visits are held: in-person, online or either (线下, 线上, 均可; the planner decides).")
    var mode: MeetingModeOption?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let language = store.language
        let (recorded, teams) = try await store.withStore { bureau -> (VisitRecord, [Team]) in
            var id = visit
            if try await bureau.visits(id: visit).isEmpty {
                guard let planned = try await bureau.visits(client: visit).first(where: { $0.status == .planned })
                else {
                    throw StoreError(
                        .logNoPlannedVisit, location: bureau.location, arguments: ["client": .text(visit)])
                }
                id = planned.id
            }
            let recorded = try await bureau.record(
                VisitOutcome(
                    status: outcome.status, note: note, nextStep: next, due: due?.date, stage: stage?.stage,
                    mode: mode?.mode),
                visit: id)
            return (recorded, try await bureau.teams())
        }
        let zone =
            teams.first { $0.id == recorded.teamID }.flatMap { Zone(identifier: $0.timeZone) } ?? .utc
        Output.line(
            Message(
                .visitLogged,
                [
                    "visit": .text(recorded.id), "client": .text(recorded.clientID),
                    "time": .text("\(zone.date(of: recorded.interval.start)) \(zone.clock(recorded.interval.start))"),
                    "status": .word(recorded.status.messageKey),
                ]
            ).text(language))
        if let mode, let project = recorded.projectID {
            Output.line(
                Message(.logModeChanged, ["project": .text(project), "mode": .word(mode.mode.messageKey)]).text(
                    language))
        }
    }
}
