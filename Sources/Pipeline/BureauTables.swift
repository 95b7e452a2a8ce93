import CSV
import Foundation
import Itinerary
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
                [
                    "id", "company_id", "title", "sector", "stage", "expected_yuan", "owner", "next_action", "next_due",
                    "mode",
                ],
                batch.projects.map {
                    [
                        $0.id, $0.companyID, $0.title, $0.sector, $0.stage.rawValue,
                        $0.expectedYuan.map(String.init) ?? "", $0.owner ?? "", $0.nextAction,
                        $0.nextDue?.description ?? "", $0.mode.rawValue,
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
}
