import ArgumentParser
import Foundation
import GTFS
import Itinerary
import Messages
import Pipeline
import Schedules
import Store
import Timeline

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
        var exports: [String] = []
        do throws(ScheduleError) {
            for folder in folders {
                if BureauTables.isExport(folder) {
                    exports.append(folder)
                } else {
                    schedules.append(try ScheduleFiles.read(folder: folder))
                }
            }
        } catch {
            throw Failure.exit(for: error, in: store.language)
        }
        for files in schedules { Failure.warn(files.warnings, in: language) }
        try await store.withStore { bureau in
            for folder in exports {
                // Read a part at a time inside the import's one transaction: a value that does not read undoes it all.
                let reader = BureauTables.Reader(folder: folder)
                let saved: Int
                do { saved = try await bureau.save(until: { try reader.next(upTo: 2_000) }) } catch let error
                    as ScheduleError
                {
                    throw Failure.exit(for: error, in: language)
                }
                Output.line(
                    Message(
                        .bureauRestored,
                        [
                            "folder": .text(folder), "store": .text(bureau.location.description),
                            "records": .number(saved),
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
