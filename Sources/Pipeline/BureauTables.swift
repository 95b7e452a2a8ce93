import CSV
import Foundation
import GTFS
import Messages
import Schedules
import Store
import Timeline

/// The store as a folder of CSV files, one per table (UTF-8, RFC 4180, a header row): `tiaoqi bureau export` writes
/// it and `tiaoqi bureau import` reads it back into the same records, byte for byte on the next export. Values are
/// written as they are (no spreadsheet escaping): the files are data to move and back up, not sheets to open.
public enum BureauTables {
    /// The files, in the order they are read (each names only records of the files before it).
    public static let files = [
        "teams.csv", "staff.csv", "companies.csv", "clients.csv", "projects.csv", "stage_changes.csv", "visits.csv",
        "targets.csv", "regions.csv", "published_weeks.csv",
    ]

    /// Whether `folder` holds tables of the store (any of `files`) rather than a schedule (its `plan.yaml`).
    public static func isExport(_ folder: String) -> Bool {
        !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("plan.yaml"))
            && files.contains {
                FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0))
            }
    }

    /// The files of `batch`: name and bytes.
    public static func render(_ batch: RecordBatch) -> [(name: String, data: Data)] {
        func text(_ value: Double) -> String { value.description }
        let tables: [(String, [String], [[String]])] = [
            (
                "teams.csv", ["id", "name", "time_zone", "schedule_folder", "plan_template"],
                batch.teams.map { [$0.id, $0.name, $0.timeZone, $0.scheduleFolder, $0.planTemplate] }
            ),
            (
                "staff.csv", ["id", "name", "team_id", "home", "is_leader"],
                batch.staff.map { [$0.id, $0.name, $0.teamID, $0.home, $0.isLeader ? "yes" : "no"] }
            ),
            (
                "companies.csv", ["id", "name", "credit_code", "group"],
                batch.companies.map { [$0.id, $0.name, $0.creditCode ?? "", $0.group ?? ""] }
            ),
            (
                "clients.csv",
                [
                    "id", "company_id", "name", "city", "address", "lat", "lon", "contact", "calendar", "sector",
                    "chain_position",
                ],
                batch.clients.map {
                    [
                        $0.id, $0.companyID, $0.name, $0.city, $0.address, text($0.lat), text($0.lon), $0.contact,
                        $0.calendar, $0.sector, $0.chainPosition,
                    ]
                }
            ),
            (
                "projects.csv",
                ["id", "company_id", "title", "sector", "stage", "expected_yuan", "owner", "next_action", "next_due"],
                batch.projects.map {
                    [
                        $0.id, $0.companyID, $0.title, $0.sector, $0.stage.rawValue,
                        $0.expectedYuan.map(String.init) ?? "", $0.owner ?? "", $0.nextAction,
                        $0.nextDue?.description ?? "",
                    ]
                }
            ),
            (
                "stage_changes.csv", ["project_id", "stage", "changed_on"],
                batch.stageChanges.map { [$0.projectID, $0.stage.rawValue, $0.on.description] }
            ),
            (
                "visits.csv",
                [
                    "id", "client_id", "project_id", "team_id", "starts", "ends", "attendees", "status", "outcome",
                    "next_step",
                ],
                batch.visits.map {
                    [
                        $0.id, $0.clientID, $0.projectID ?? "", $0.teamID, String($0.interval.start.seconds),
                        String($0.interval.end.seconds), $0.attendees.joined(separator: " "), $0.status.rawValue,
                        $0.outcome, $0.nextStep,
                    ]
                }
            ),
            (
                "targets.csv", ["kind", "name", "weight"],
                batch.targets.map { [$0.kind.rawValue, $0.name, text($0.weight)] }
            ),
            ("regions.csv", ["city", "region"], batch.regions.sorted { $0.key < $1.key }.map { [$0.key, $0.value] }),
            (
                "published_weeks.csv", ["team_id", "week_start", "version", "published_at", "plan_json"],
                batch.published.map {
                    [
                        $0.teamID, $0.weekStart.description, String($0.version), String($0.publishedAt.seconds),
                        $0.planJSON,
                    ]
                }
            ),
        ]
        return tables.map { name, header, rows in (name, csv([header] + rows)) }
    }

    /// The records of an export folder (or of some of its files, written by hand: projects.csv and targets.csv, say;
    /// the files not there hold nothing); a value that does not read is an error naming the file, its row and what
    /// to do.
    public static func read(folder: String) throws(ScheduleError) -> RecordBatch {
        let stages = Dictionary(uniqueKeysWithValues: ProjectStage.allCases.map { ($0.rawValue, $0) })
        var batch = RecordBatch()
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let table = try Table(path: path)
            for row in table.rows {
                switch file {
                case "teams.csv":
                    batch.teams.append(
                        Team(
                            id: try row.text("id"), name: try row.text("name"), timeZone: try row.text("time_zone"),
                            scheduleFolder: try row.text("schedule_folder"),
                            planTemplate: try row.text("plan_template")))
                case "staff.csv":
                    batch.staff.append(
                        Person(
                            id: try row.text("id"), name: try row.text("name"), teamID: try row.text("team_id"),
                            home: try row.text("home"),
                            isLeader: try row.choice("is_leader", ["yes": true, "no": false])))
                case "companies.csv":
                    batch.companies.append(
                        Company(
                            id: try row.text("id"), name: try row.text("name"),
                            creditCode: try row.optional("credit_code"),
                            group: try row.optional("group")))
                case "clients.csv":
                    batch.clients.append(
                        ClientSite(
                            id: try row.text("id"), companyID: try row.text("company_id"), name: try row.text("name"),
                            city: try row.text("city"), address: try row.text("address"), lat: try row.number("lat"),
                            lon: try row.number("lon"), contact: try row.text("contact"),
                            calendar: try row.text("calendar"), sector: try row.text("sector"),
                            chainPosition: try row.text("chain_position")))
                case "projects.csv":
                    batch.projects.append(
                        Project(
                            id: try row.text("id"), companyID: try row.text("company_id"), title: try row.text("title"),
                            sector: try row.text("sector"),
                            stage: try row.choice("stage", stages),
                            expectedYuan: try row.optional("expected_yuan") == nil
                                ? nil : try row.whole("expected_yuan"),
                            owner: try row.optional("owner"), nextAction: try row.text("next_action"),
                            nextDue: try row.optional("next_due") == nil ? nil : try row.date("next_due")))
                case "stage_changes.csv":
                    batch.stageChanges.append(
                        StageChange(
                            projectID: try row.text("project_id"), stage: try row.choice("stage", stages),
                            on: try row.date("changed_on")))
                case "visits.csv":
                    batch.visits.append(
                        VisitRecord(
                            id: try row.text("id"), clientID: try row.text("client_id"),
                            projectID: try row.optional("project_id"), teamID: try row.text("team_id"),
                            interval: Interval(
                                Instant(seconds: try row.whole("starts")), Instant(seconds: try row.whole("ends"))),
                            attendees: try row.text("attendees").split(separator: " ").map(String.init),
                            status: try row.choice(
                                "status",
                                Dictionary(uniqueKeysWithValues: VisitStatus.allCases.map { ($0.rawValue, $0) })),
                            outcome: try row.text("outcome"), nextStep: try row.text("next_step")))
                case "targets.csv":
                    batch.targets.append(
                        Target(
                            kind: try row.choice(
                                "kind", Dictionary(uniqueKeysWithValues: Target.Kind.allCases.map { ($0.rawValue, $0) })
                            ),
                            name: try row.text("name"), weight: try row.number("weight")))
                case "regions.csv":
                    batch.regions[try row.text("city")] = try row.text("region")
                default:
                    batch.published.append(
                        PublishedWeek(
                            teamID: try row.text("team_id"), weekStart: try row.date("week_start"),
                            version: Int(try row.whole("version")),
                            publishedAt: Instant(seconds: try row.whole("published_at")),
                            planJSON: try row.text("plan_json")))
                }
            }
        }
        return batch
    }

    /// Rows as RFC 4180 CSV, CRLF line ends.
    static func csv(_ rows: [[String]]) -> Data {
        let stream = OutputStream(toMemory: ())
        // The writer only fails when its stream does, and a memory stream does not.
        let writer = try! CSVWriter(stream: stream, newline: .crlf)
        for row in rows { try! writer.write(row: row) }
        writer.stream.close()
        // The writer puts line breaks between rows; the last row ends with one too.
        return (stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()) + Data("\r\n".utf8)
    }

    /// A table of an export: its rows by column name.
    private struct Table {
        struct Row {
            let file: String
            /// The row's number, counting the header as 1 (a quoted value may hold line breaks).
            let line: Int
            let fields: [String: String]

            func fail(_ key: MessageKey, _ column: String, _ value: String, _ more: [String: Message.Argument] = [:])
                -> ScheduleError
            {
                ScheduleError(
                    file: file, line: line,
                    Message(key, more.merging(["column": .text(column), "value": .text(value)]) { a, _ in a }))
            }

            func text(_ column: String) throws(ScheduleError) -> String {
                guard let value = fields[column] else { throw fail(.exportColumnMissing, column, "") }
                return value
            }

            func optional(_ column: String) throws(ScheduleError) -> String? {
                let value = try text(column)
                return value.isEmpty ? nil : value
            }

            func whole(_ column: String) throws(ScheduleError) -> Int64 {
                let value = try text(column)
                guard let whole = Int64(value) else { throw fail(.exportNotWhole, column, value) }
                return whole
            }

            func number(_ column: String) throws(ScheduleError) -> Double {
                let value = try text(column)
                guard let number = Double(value), number.isFinite else { throw fail(.exportNotNumber, column, value) }
                return number
            }

            func date(_ column: String) throws(ScheduleError) -> LocalDate {
                let value = try text(column)
                guard let date = LocalDate(iso: value) else { throw fail(.exportNotDate, column, value) }
                return date
            }

            func choice<T>(_ column: String, _ values: [String: T]) throws(ScheduleError) -> T {
                let value = try text(column)
                guard let known = values[value] else {
                    throw fail(
                        .exportNotChoice, column, value,
                        ["choices": .list(values.keys.sorted().map { .text($0) }, .comma)])
                }
                return known
            }
        }

        let rows: [Row]

        init(path: String) throws(ScheduleError) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ScheduleError(
                    file: path, Message(.exportFileMissing, ["files": .names(BureauTables.files)]))
            }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let reader: CSVReader
            do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
                throw ScheduleError(file: path, line: 1, Message(.exportNotCSV, ["cause": .text("\(error)")]))
            }
            let header = reader.headerRow ?? []
            var rows: [Row] = []
            while let values = reader.next() {
                let line = rows.count + 2
                guard values.count == header.count else {
                    throw ScheduleError(
                        file: path, line: line,
                        Message(.exportFieldCount, ["fields": .number(values.count), "columns": .number(header.count)]))
                }
                rows.append(Row(file: path, line: line, fields: Dictionary(zip(header, values)) { a, _ in a }))
            }
            if let error = reader.error {
                throw ScheduleError(
                    file: path, line: rows.count + 2, Message(.exportNotCSV, ["cause": .text("\(error)")]))
            }
            self.rows = rows
        }
    }
}
