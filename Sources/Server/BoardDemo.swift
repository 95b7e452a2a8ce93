import Foundation
import Pipeline
import Schedules
import Store
import Timeline

/// `tiaoqi serve --demo`: the sample bureau in a store of its own (its four months of history, the three district
/// teams of the sample week and their published plans) and an account for each role, so the first run shows a real
/// week and its clashes.
public enum BoardDemo {
    /// The demo's accounts: id, name, role, team, staff. Their password is `password`.
    public static let accounts: [(id: String, name: String, role: Account.Role, team: String?, staff: String?)] = [
        ("zhou", "周建华", .officer, "gulou", "zhou"),
        ("chen", "陈思远", .lead, "yunlong", "chen"),
        ("sun", "孙雅婷", .lead, "tongshan", "sun"),
        ("coordinator", "王协调", .coordinator, nil, nil),
        ("admin", "管理员", .admin, nil, nil),
    ]
    /// The demo accounts' password.
    public static let password = "tiaoqi-demo"
    /// The store the demo uses unless `--db` names one.
    public static let defaultStore = "out/demo/bureau.sqlite"

    /// The folder holding the sample data (`examples/bureau`, `schedules/2022-w10`): the current folder or one
    /// above it, else the one the program was built in.
    public static func root() -> String? {
        var candidates: [String] = []
        var folder = FileManager.default.currentDirectoryPath
        var executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().path
        for _ in 0..<6 {
            candidates += [folder, executable]
            folder = (folder as NSString).deletingLastPathComponent
            executable = (executable as NSString).deletingLastPathComponent
        }
        return candidates.first { path in
            FileManager.default.fileExists(atPath: path + "/examples/bureau/teams.csv")
                && FileManager.default.fileExists(atPath: path + "/schedules/2022-w10/plans")
        }
    }

    /// Loads the sample into `store` unless it already holds teams; returns whether it loaded.
    public static func load(into store: BureauStore, root: String, passwords: Passwords = Passwords()) async throws
        -> Bool
    {
        guard try await store.teams().isEmpty else { return false }
        let reader = BureauTables.Reader(folder: root + "/examples/bureau")
        _ = try await store.save(until: { try reader.next(upTo: 2_000) })
        for team in ["gulou", "tongshan", "yunlong"] {
            let files = try ScheduleFiles.read(folder: root + "/schedules/2022-w10/districts/" + team)
            try await store.save(ScheduleImport.records(from: files, known: try await store.staff()))
        }
        let now = Instant(.now)
        for account in accounts {
            try await store.save(
                Account(
                    id: account.id, name: account.name, role: account.role, teamID: account.team,
                    staffID: account.staff, passwordHash: passwords.hash(password), createdAt: now))
        }
        for team in ["gulou", "tongshan", "yunlong"] {
            let path = root + "/schedules/2022-w10/plans/\(team)/plan.json"
            let plan = try PlanJSON.decode(contentsOf: path)
            _ = try await WeekPublication.publish(
                plan, files: WeekPublication.filesBeside(path, plan: plan), store: store, at: now)
        }
        return true
    }
}
