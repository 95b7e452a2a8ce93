import Foundation
import GTFS
import Messages

/// A schedule folder's own files, read without fetching a feed or loading the network: plan.yaml and the facts of
/// clients.csv, for the bureau's store (`tiaoqi bureau import`).
public struct ScheduleFiles: Sendable {
    /// A client row's facts: who and where, not this week's wishes (priority, pins, …).
    public struct Client: Sendable, Hashable {
        public var id: String
        public var name: String
        public var city: String
        public var address: String
        public var lat: Double
        public var lon: Double
        public var contact: String
        /// Its feed: a URL as written, a path made absolute (against the schedule folder).
        public var calendar: String
        public var sector: String
        /// The `company` column (a credit code or a group name), nil when empty.
        public var company: String?
        /// The row, for messages.
        public var line: Int
    }

    /// plan.yaml.
    public var planFile: PlanFile
    /// plan.yaml's text, as written.
    public var planText: String
    /// The schedule folder, absolute.
    public var folder: String
    /// clients.csv's rows, in file order.
    public var clients: [Client]
    /// What was noticed while reading (an encoding guessed, …).
    public var warnings: [Message]
    /// The id of the team planning the schedule: the folder's name (`gulou`).
    public var teamID: String
    /// The team's name: plan.yaml's `team`, else the folder's name (as `tiaoqi plan` records it in plan.json).
    public var teamName: String

    /// Reads the folder's plan.yaml and clients.csv, with the same checks as planning.
    public static func read(folder: String) throws(ScheduleError) -> ScheduleFiles {
        let (planFile, table, _, warnings) = try ScheduleLoader().readPlanAndCitations(folder: folder)
        let absolute = RelativePath.absolute(folder)
        try table.require(["id", "name", "city", "lat", "lon"])
        var clients: [Client] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let id = try table.value(row, "id")
            if let first = seen[id] {
                throw ScheduleError(
                    file: table.file, line: row.line,
                    Message(.clientIDTwice, ["id": .text(id), "first": .number(first)]))
            }
            seen[id] = row.line
            clients.append(
                Client(
                    id: id, name: try table.value(row, "name"), city: try table.value(row, "city"),
                    address: row["address"] ?? "", lat: try table.decimal(row, "lat", in: -90...90),
                    lon: try table.decimal(row, "lon", in: -180...180), contact: row["contact"] ?? "",
                    calendar: row["calendar"].map {
                        $0.contains("://") ? $0 : RelativePath.resolve($0, against: absolute)
                    }
                        ?? "",
                    sector: row["sector"] ?? "",
                    company: row["company"].flatMap { $0.isEmpty ? nil : $0 }, line: row.line))
        }
        let folderName = (absolute as NSString).lastPathComponent
        let planText = String(decoding: FileManager.default.contents(atPath: planFile.file) ?? Data(), as: UTF8.self)
        return ScheduleFiles(
            planFile: planFile, planText: planText, folder: absolute, clients: clients, warnings: warnings,
            teamID: folderName, teamName: planFile.team ?? folderName)
    }
}
