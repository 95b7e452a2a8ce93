import ArgumentParser
import Foundation
import GTFS
import Itinerary
import Messages
import Pipeline
import Schedules
import Store
import Timeline

/// `--db` and `--lang`, for the commands that work on the bureau's store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "The bureau's store: an SQLite file (created on first use) or a postgres:// URL (default: $TIAOQI_DB, else bureau.sqlite)."
    )
    var db: String?

    @Option(name: .long, help: "Language of the output: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: ReportLanguageOption?

    /// Where the store is.
    var location: StoreLocation {
        StoreLocation(
            db ?? ProcessInfo.processInfo.environment["TIAOQI_DB"].flatMap { $0.isEmpty ? nil : $0 }
                ?? StoreLocation.defaultPath)
    }

    /// The reader's language.
    var language: Language { lang?.language ?? .fromEnvironment() }

    /// Runs `body` on the open store, closing it after; a store error is said in the reader's language, exit 2.
    func withStore<T>(_ body: (BureauStore) async throws -> T) async throws -> T {
        let store: BureauStore
        do { store = try await BureauStore.open(location) } catch { throw fail(error) }
        do {
            let result = try await body(store)
            try? await store.close()
            return result
        } catch {
            try? await store.close()
            if let error = error as? StoreError { throw fail(error) }
            throw error
        }
    }

    /// Says a store error on stderr and gives exit code 2.
    func fail(_ error: StoreError) -> ExitCode {
        Output.error("tiaoqi: \(error.message.text(language))")
        return ExitCode(2)
    }
}

/// `tiaoqi bureau …`: the bureau's store as a whole.
struct BureauCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bureau", abstract: "The bureau's store: import schedule folders or an export; export it as CSV.",
        subcommands: [BureauImportCommand.self, BureauExportCommand.self])
}

/// `tiaoqi bureau import FOLDER…`: teams' schedule folders, or an export, into the store.
struct BureauImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import schedule folders (each one's team, staff, clients and their companies) or an export folder into the store.",
        discussion: """
            Each folder in one transaction: all of it is kept, or none. Records already there are updated. A folder \
            holding teams.csv and no plan.yaml is an export (tiaoqi bureau export): every record in it is restored.
            """)

    @Argument(
        help: "Schedule folders (plan.yaml and clients.csv; the folder's name is the team's id) or export folders.")
    var folders: [String]

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let language = store.language
        var schedules: [ScheduleFiles] = []
        var exports: [(folder: String, batch: RecordBatch)] = []
        do throws(ScheduleError) {
            for folder in folders {
                if BureauTables.isExport(folder) {
                    exports.append((folder, try BureauTables.read(folder: folder)))
                } else {
                    schedules.append(try ScheduleFiles.read(folder: folder))
                }
            }
        } catch {
            throw Failure.exit(for: error, in: store.language)
        }
        for files in schedules { Failure.warn(files.warnings, in: language) }
        try await store.withStore { bureau in
            for export in exports {
                try await bureau.save(export.batch)
                Output.line(
                    Message(
                        .bureauRestored,
                        [
                            "folder": .text(export.folder), "store": .text(bureau.location.description),
                            "records": .number(export.batch.count),
                        ]
                    ).text(language))
            }
            for files in schedules {
                let batch = ScheduleImport.records(from: files, known: try await bureau.staff())
                try await bureau.save(batch)
                Output.line(
                    Message(
                        .bureauImported,
                        [
                            "team": .text(files.teamName), "teamID": .text(files.teamID),
                            "store": .text(bureau.location.description), "staff": .number(batch.staff.count),
                            "companies": .number(batch.companies.count), "clients": .number(batch.clients.count),
                        ]
                    ).text(language))
            }
        }
    }
}

/// `tiaoqi bureau export DIR`: every table of the store as CSV.
struct BureauExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every table of the store as CSV files (UTF-8) into a folder; bureau import reads it back.",
        discussion: "The folder is written whole or not at all (a temporary folder, then renamed).")

    @Argument(help: "The folder to write (replaced when it exists).")
    var folder: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let batch = try await store.withStore { bureau in try await bureau.everything() }
        do throws(ScheduleError) { try OutputFolder.write(BureauTables.render(batch), to: folder) } catch {
            throw Failure.exit(for: error, in: store.language)
        }
        Output.line(
            Message(
                .bureauExported,
                [
                    "folder": .text(folder), "store": .text(store.location.description),
                    "records": .number(batch.count),
                ]
            ).text(store.language))
    }
}

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
        let name = decoded.team ?? ""
        let published = try await store.withStore { bureau -> (version: Int, visits: [VisitRecord], team: Team) in
            guard let team = try await bureau.teams().first(where: { $0.id == name || $0.name == name }) else {
                throw StoreError(
                    .publishNoTeam, location: bureau.location, arguments: ["team": .text(name)])
            }
            let visits = WeekPublication.visits(
                of: decoded, team: team.id, clients: try await bureau.clients(), projects: try await bureau.projects())
            let version = try await bureau.publish(
                team: team.id, weekStart: decoded.days.first ?? LocalDate(year: 1970, month: 1, day: 1)!,
                planJSON: String(decoding: PlanJSON.encode(decoded), as: UTF8.self), visits: visits,
                basedOn: decoded.publishedVersion, at: Instant(seconds: Int64(Date().timeIntervalSince1970)))
            return (version, visits, team)
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
        abstract: "Record what a visit came to, and move its project on (next step, due date, stage) where you say so.")

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
                    status: outcome.status, note: note, nextStep: next, due: due?.date, stage: stage?.stage),
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
    }
}

/// `--outcome done|cancelled|online|no-show`.
struct VisitStatusOption: ExpressibleByArgument {
    var status: VisitStatus

    init?(argument: String) {
        guard let status = VisitStatus(rawValue: argument.lowercased()), status != .planned else { return nil }
        self.status = status
    }
}

/// `--stage lead|contacted|…`.
struct ProjectStageOption: ExpressibleByArgument {
    var stage: ProjectStage

    init?(argument: String) {
        guard let stage = ProjectStage(rawValue: argument.lowercased()) else { return nil }
        self.stage = stage
    }
}

/// A date as `YYYY-MM-DD`.
struct LocalDateOption: ExpressibleByArgument {
    var date: LocalDate

    init?(argument: String) {
        guard let date = LocalDate(iso: argument) else { return nil }
        self.date = date
    }
}

extension VisitStatus {
    /// The status in words.
    var messageKey: MessageKey {
        switch self {
        case .planned: .statusPlanned
        case .done: .statusDone
        case .cancelled: .statusCancelled
        case .online: .statusOnline
        case .noShow: .statusNoShow
        }
    }
}

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
        let (chosen, records, latest) = try await store.withStore { bureau -> (Team, RecordBatch, PublishedWeek?) in
            let teams = try await bureau.teams()
            guard let chosen = teams.first(where: { $0.id == team || $0.name == team }) else {
                throw StoreError(
                    .weekUnknownTeam, location: bureau.location,
                    arguments: ["team": .text(team), "teams": .names(teams.map(\.id))])
            }
            guard !chosen.planTemplate.isEmpty else {
                throw StoreError(.weekNoTemplate, location: bureau.location, arguments: ["team": .text(chosen.id)])
            }
            return (
                chosen, try await bureau.everything(),
                try await bureau.latestPublished(team: chosen.id, weekStart: start)
            )
        }
        let zone = Zone(identifier: chosen.timeZone) ?? .utc
        let files: [(name: String, data: Data)]
        let candidates: [NextWeek.Candidate]
        do throws(ScheduleError) {
            let template = try PlanFile(
                text: chosen.planTemplate, file: (chosen.scheduleFolder as NSString).appendingPathComponent("plan.yaml")
            )
            let end = start.adding(days: template.end.days(since: template.start))
            candidates = NextWeek(records: records).candidates(
                team: chosen.id, period: Interval(zone.day(start).start, zone.day(end).end), zone: zone)
            files = try WeekFolder.files(
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
