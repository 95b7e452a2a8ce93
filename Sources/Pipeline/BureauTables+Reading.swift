import CSV
import Foundation
import GTFS
import Itinerary
import Messages
import Schedules
import Store
import Timeline

extension BureauTables {
    /// The records of an export folder (or of some of its files, written by hand: projects.csv and targets.csv, say;
    /// the files not there hold nothing); a value that does not read is an error naming the file, its row and what
    /// to do.
    public static func read(folder: String) throws(ScheduleError) -> RecordBatch {
        let reader = Reader(folder: folder)
        var batch = RecordBatch()
        while let part = try reader.next(upTo: .max) { batch.append(part) }
        return batch
    }

    /// Reads an export folder a part at a time, file by file in the order of `files`, row by row: ten years of a
    /// bureau import without their 1.3 million visits held in memory at once.
    ///
    /// A class: it holds the open file. One task reads it at a time (the store's import transaction calls `next`),
    /// which is why it may cross into that task (`@unchecked Sendable`).
    public final class Reader: @unchecked Sendable {
        private let folder: String
        private var remaining: ArraySlice<String> = BureauTables.files[...]
        private var table: Table?

        /// A reader of the export in `folder`, at its first file.
        public init(folder: String) {
            self.folder = folder
        }

        /// The next records, at most `limit` and all of one file; nil when every file has been read.
        public func next(upTo limit: Int) throws(ScheduleError) -> RecordBatch? {
            while true {
                if let open = table {
                    var batch = RecordBatch()
                    while batch.count < limit, let row = try open.next() { try BureauTables.add(row, to: &batch) }
                    if batch.count > 0 { return batch }
                    table = nil
                }
                guard let file = remaining.popFirst() else { return nil }
                let path = (folder as NSString).appendingPathComponent(file)
                guard FileManager.default.fileExists(atPath: path) else { continue }
                table = try Table(path: path, file: file)
            }
        }
    }

    /// Adds the record of `row` to `batch`.
    static func add(_ row: Table.Row, to batch: inout RecordBatch) throws(ScheduleError) {
        switch row.table {
        case "teams.csv":
            batch.teams.append(
                Team(
                    id: try row.text("id"), name: try row.text("name"), timeZone: try row.text("time_zone"),
                    scheduleFolder: try row.text("schedule_folder"), planTemplate: try row.text("plan_template")))
        case "staff.csv":
            batch.staff.append(
                Person(
                    id: try row.text("id"), name: try row.text("name"), teamID: try row.text("team_id"),
                    home: try row.text("home"), isLeader: try row.choice("is_leader", ["yes": true, "no": false])))
        case "companies.csv":
            batch.companies.append(
                Company(
                    id: try row.text("id"), name: try row.text("name"), creditCode: try row.optional("credit_code"),
                    group: try row.optional("group")))
        case "clients.csv":
            batch.clients.append(
                ClientSite(
                    id: try row.text("id"), companyID: try row.text("company_id"), name: try row.text("name"),
                    city: try row.text("city"), address: try row.text("address"), lat: try row.number("lat"),
                    lon: try row.number("lon"), contact: try row.text("contact"), calendar: try row.text("calendar"),
                    sector: try row.text("sector"), chainPosition: try row.text("chain_position")))
        case "projects.csv":
            batch.projects.append(
                Project(
                    id: try row.text("id"), companyID: try row.text("company_id"), title: try row.text("title"),
                    sector: try row.text("sector"), stage: try row.choice("stage", stages),
                    expectedYuan: try row.optional("expected_yuan") == nil ? nil : try row.whole("expected_yuan"),
                    owner: try row.optional("owner"), nextAction: try row.text("next_action"),
                    nextDue: try row.optional("next_due") == nil ? nil : try row.date("next_due"),
                    mode: try row.mode("mode")))
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
                    status: try row.choice("status", visitStatuses), outcome: try row.text("outcome"),
                    nextStep: try row.text("next_step")))
        case "targets.csv":
            batch.targets.append(
                Target(
                    kind: try row.choice("kind", targetKinds), name: try row.text("name"),
                    weight: try row.number("weight")))
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

    private static let stages = Dictionary(uniqueKeysWithValues: ProjectStage.allCases.map { ($0.rawValue, $0) })
    private static let visitStatuses = Dictionary(uniqueKeysWithValues: VisitStatus.allCases.map { ($0.rawValue, $0) })
    private static let targetKinds = Dictionary(uniqueKeysWithValues: Target.Kind.allCases.map { ($0.rawValue, $0) })

    /// A file of an export, read a row at a time.
    final class Table {
        /// A row: its values by column name.
        struct Row {
            /// The file's name among `files`.
            let table: String
            let path: String
            /// The row's number, counting the header as 1 (a quoted value may hold line breaks).
            let line: Int
            let columns: [String: Int]
            let values: [String]

            func fail(_ key: MessageKey, _ column: String, _ value: String, _ more: [String: Message.Argument] = [:])
                -> ScheduleError
            {
                ScheduleError(
                    file: path, line: line,
                    Message(key, more.merging(["column": .text(column), "value": .text(value)]) { a, _ in a }))
            }

            func text(_ column: String) throws(ScheduleError) -> String {
                guard let index = columns[column] else { throw fail(.exportColumnMissing, column, "") }
                return values[index]
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

            /// How a project's visits are held: `in-person` when the column is missing (an export made before
            /// schema version 6) or empty.
            func mode(_ column: String) throws(ScheduleError) -> MeetingMode {
                guard columns[column] != nil, let text = try optional(column) else { return .inPerson }
                guard let mode = MeetingMode(word: text) else {
                    throw fail(.badMeetingMode, column, text, ["text": .text(text)])
                }
                return mode
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

        private let file: String
        private let path: String
        private let source: RecordBlocks
        private let columns: [String: Int]
        private let width: Int
        private var line = 1

        /// The file at `path` (`file` among `files`), at its first row after the header.
        init(path: String, file: String) throws(ScheduleError) {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw ScheduleError(file: path, Message(.exportFileMissing, ["files": .names(BureauTables.files)]))
            }
            source = RecordBlocks(handle: handle, path: path)
            var header = try source.next(line: 1) ?? []
            if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
            columns = Dictionary(header.enumerated().map { ($1, $0) }) { a, _ in a }
            width = header.count
            self.file = file
            self.path = path
        }

        /// The next row, or nil at the end of the file.
        func next() throws(ScheduleError) -> Row? {
            guard let values = try source.next(line: line + 1) else { return nil }
            line += 1
            guard values.count == width else {
                throw ScheduleError(
                    file: path, line: line,
                    Message(.exportFieldCount, ["fields": .number(values.count), "columns": .number(width)]))
            }
            return Row(table: file, path: path, line: line, columns: columns, values: values)
        }
    }

    /// A CSV file's records, read a block of whole records at a time: the reader holds one block (4 MB), not the
    /// file, and a quoted value may still hold line breaks.
    final class RecordBlocks {
        private let handle: FileHandle
        private let path: String
        private var pending: [UInt8] = []
        private var records: CSVReader?
        private var atEnd = false

        init(handle: FileHandle, path: String) {
            self.handle = handle
            self.path = path
        }

        deinit { try? handle.close() }

        /// The values of the next record (the file's row `line`, for errors), or nil at the end of the file.
        func next(line: Int) throws(ScheduleError) -> [String]? {
            while true {
                if let records {
                    if let values = records.next() { return values }
                    if let error = records.error {
                        throw ScheduleError(
                            file: path, line: line, Message(.exportNotCSV, ["cause": .text("\(error)")]))
                    }
                    self.records = nil
                }
                guard !atEnd else { return nil }
                let block: Data
                do { block = try handle.read(upToCount: 1 << 22) ?? Data() } catch {
                    throw ScheduleError(file: path, line: line, Message(.exportNotCSV, ["cause": .text("\(error)")]))
                }
                pending += block
                let cut: Int
                if block.isEmpty {
                    atEnd = true
                    cut = pending.count
                } else {
                    cut = Self.lastRecordEnd(pending)
                }
                guard cut > 0 else { continue }
                let text = String(decoding: pending[..<cut], as: UTF8.self)
                pending.removeSubrange(..<cut)
                do { records = try CSVReader(string: text, hasHeaderRow: false) } catch {
                    throw ScheduleError(file: path, line: line, Message(.exportNotCSV, ["cause": .text("\(error)")]))
                }
            }
        }

        /// Where the last whole record of `bytes` ends: after its last line break outside quotes (0 when none).
        static func lastRecordEnd(_ bytes: [UInt8]) -> Int {
            var quoted = false
            var end = 0
            for (index, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "\"") {
                    quoted.toggle()
                } else if byte == UInt8(ascii: "\n"), !quoted {
                    end = index + 1
                }
            }
            return end
        }
    }
}
