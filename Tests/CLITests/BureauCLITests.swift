import Foundation
import Store
import TestSupport
import Testing

/// `tiaoqi bureau import`, `publish` and `log` on an SQLite store, as separate processes use it.
@Suite("The bureau's store from the command line")
struct BureauCLITests {
    static let districts = ["gulou", "yunlong", "tongshan"].map { "schedules/2022-w10/districts/\($0)" }

    /// A new store with the sample districts imported and each district's week published; the plans' folder.
    func publishedBureau() throws -> (db: String, plans: String) {
        let folder = Fixtures.temporaryFolder("bureau")
        let db = folder + "/bureau.sqlite"
        let imported = try tiaoqi(["bureau", "import"] + Self.districts + ["--db", db, "--lang", "zh"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("鼓楼区招商组（gulou）已导入"))
        for team in ["gulou", "yunlong", "tongshan"] {
            try FileManager.default.copyItem(
                atPath: Fixtures.path("schedules/2022-w10/plans/\(team)"), toPath: "\(folder)/\(team)")
            let published = try tiaoqi(["publish", "\(folder)/\(team)/plan.json", "--db", db, "--lang", "en"])
            #expect(published.status == 0, "\(published.stderr)")
            #expect(published.stdout.contains("published as version 1"))
        }
        return (db, folder)
    }

    @Test func aStaleCopyOfAPlanIsRefusedAndThePublishedOneKept() throws {
        let (db, plans) = try publishedBureau()
        // A copy made before publishing: it says it was made from no published version.
        let stale = try tiaoqi(["publish", "schedules/2022-w10/plans/gulou/plan.json", "--db", db, "--lang", "zh"])
        #expect(stale.status == 2)
        #expect(stale.stderr.contains("已是第 1 版"))
        let again = try tiaoqi(["publish", "\(plans)/gulou/plan.json", "--db", db, "--lang", "en"])
        #expect(again.status == 0 && again.stdout.contains("version 2"), "\(again.stderr)")
    }

    @Test func processesLoggingAtOnceLoseNothing() async throws {
        let (db, _) = try publishedBureau()
        let store = try await BureauStore.open(.sqlite(path: db))
        let planned = try await store.visits()
        try await store.close()
        #expect(planned.count >= 10)
        // One process per visit, all at once.
        try await withThrowingTaskGroup(of: (String, Int32, String).self) { group in
            for visit in planned {
                group.addTask {
                    let run = try await tiaoqiOffThePool([
                        "log", visit.id, "--outcome", "done", "--note", "记录 \(visit.id)", "--db", db, "--lang", "en",
                    ])
                    return (visit.id, run.status, run.stderr)
                }
            }
            for try await (id, status, stderr) in group { #expect(status == 0, "\(id): \(stderr)") }
        }
        let reopened = try await BureauStore.open(.sqlite(path: db))
        let recorded = try await reopened.visits()
        try await reopened.close()
        #expect(recorded.count == planned.count)
        #expect(recorded.allSatisfy { $0.status == .done && $0.outcome == "记录 \($0.id)" })
    }

    /// A schedule folder with 60,000 clients, whose import is long and large.
    func largeSchedule() throws -> String {
        let folder = Fixtures.temporaryFolder("large") + "/big"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let plan = try String(
            contentsOfFile: Fixtures.path("schedules/2022-w10/districts/gulou/plan.yaml"), encoding: .utf8)
        try plan.replacingOccurrences(
            of: "network: ../../../network", with: "network: \(Fixtures.path("schedules/network"))"
        ).write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        var clients = "id,name,city,lat,lon,priority,meeting_minutes,calendar,company\n"
        for index in 0..<60_000 {
            clients += "c\(index),公司\(index),xuzhou,34.26,117.18,5,60,none.ics,集团\(index % 700)\n"
        }
        try clients.write(toFile: folder + "/clients.csv", atomically: true, encoding: .utf8)
        return folder
    }

    /// A new SQLite store holding the gulou district alone.
    func gulouStore() throws -> String {
        let db = Fixtures.temporaryFolder("store") + "/bureau.sqlite"
        let imported = try tiaoqi(["bureau", "import", Self.districts[0], "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        return db
    }

    /// An export folder of a team with one client and 200,000 visits (about 20 MB): an import that takes seconds.
    func largeExport() throws -> String {
        let folder = Fixtures.temporaryFolder("large") + "/export"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = [
            "teams.csv": "id,name,time_zone,schedule_folder,plan_template\r\nbig,大组,Asia/Shanghai,,\r\n",
            "staff.csv": "id,name,team_id,home,is_leader\r\nwang,王,big,xuzhou,no\r\n",
            "companies.csv": "id,name,credit_code,group\r\nco,公司,,\r\n",
            "clients.csv":
                "id,company_id,name,city,address,lat,lon,contact,calendar,sector,chain_position\r\n"
                + "cl,co,公司总部,shanghai,,31.2,121.4,,,半导体,\r\n",
        ]
        for (name, text) in files { try text.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8) }
        var visits = "id,client_id,project_id,team_id,starts,ends,attendees,status,outcome,next_step\r\n"
        for index in 0..<200_000 {
            let start = 1_300_000_000 + index * 3_600
            visits += "v\(index),cl,,big,\(start),\(start + 1_800),wang,done,洽谈顺利,\r\n"
        }
        try visits.write(toFile: folder + "/visits.csv", atomically: true, encoding: .utf8)
        return folder
    }

    @Test(arguments: ["schedule", "export"])
    func aLargeImportKilledHalfWayLeavesASoundStoreWithNoneOfIt(_ kind: String) async throws {
        let (folder, db) = (kind == "export" ? try largeExport() : try largeSchedule(), try gulouStore())
        let process = try startTiaoqi(["bureau", "import", folder, "--db", db])
        // Killed once its transaction has written to the log, well before it commits.
        let wal = db + "-wal"
        let size = { ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int) ?? 0 }
        let before = size()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, size() <= before + 200_000, Date() < deadline { usleep(2_000) }
        #expect(process.isRunning, "the import ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let store = try await BureauStore.open(.sqlite(path: db))
        #expect(try await store.integrityProblems().isEmpty)
        let clients = try await store.clients().count
        let visits = try await store.visits().count
        try await store.close()
        // The first import is whole; nothing of the killed one is there.
        #expect(clients == 5)
        #expect(visits == 0)
    }

    @Test func aFullDiskGivesExit2AndKeepsNothingOfTheChange() async throws {
        let (folder, db) = (try largeSchedule(), try gulouStore())
        // A file size limit stands for a full disk: writes past 1 MB fail (EFBIG) instead of killing the process.
        let binary = try executablePath("tiaoqi")
        let run = try runProgram(
            "/bin/sh",
            [
                "-c", "trap '' XFSZ; ulimit -f 1024; exec \"$0\" bureau import \"$1\" --db \"$2\" --lang zh", binary,
                folder, db,
            ])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("本次修改均未保存"))
        let store = try await BureauStore.open(.sqlite(path: db))
        #expect(try await store.integrityProblems().isEmpty)
        #expect(try await store.teams().map(\.id) == ["gulou"])
        #expect(try await store.clients().count == 5)
        try await store.close()
    }

    /// The rows of a clients.csv by id, each a column → value map (its values hold no comma: Chinese text uses "，").
    func clients(_ folder: String) throws -> [String: [String: String]] {
        let lines = try String(contentsOfFile: folder + "/clients.csv", encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var rows: [String: [String: String]] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[fields[0]] = Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
        return rows
    }

    @Test func nextWeekMakesAnOverdueNegotiationAMustVisitAndDropsALandedProject() throws {
        let (db, plans) = try publishedBureau()
        let history = try tiaoqi(["bureau", "import", "Tests/CLITests/Fixtures/bureau-history", "--db", db])
        #expect(history.status == 0, "\(history.stderr)")
        let first = plans + "/w11"
        let written = try tiaoqi([
            "week", "next", "gulou", "--week", "2022-03-14", "--out", first, "--db", db, "--lang", "zh",
        ])
        #expect(written.status == 0, "\(written.stderr)")
        var rows = try clients(first)
        // The negotiation was last held 33 days before the week (every 14 days) and its next step was due on the 10th.
        #expect(rows["nj01"]?["must_visit"] == "yes")
        #expect(rows["nj01"]?["why"]?.contains("已逾期") == true)
        #expect(rows["bj01"]?["must_visit"] == "no")
        // The signed project of 北京芯域 lands at the visit of the sample week: it is no longer a candidate.
        let landed = try tiaoqi(["log", "bj01", "--outcome", "done", "--stage", "landed", "--db", db, "--lang", "zh"])
        #expect(landed.status == 0, "\(landed.stderr)")
        let second = plans + "/w11-again"
        #expect(
            try tiaoqi(["week", "next", "鼓楼区招商组", "--week", "2022-03-14", "--out", second, "--db", db]).status == 0)
        rows = try clients(second)
        #expect(rows["bj01"] == nil)
        #expect(rows["nj01"]?["must_visit"] == "yes")
        // The folder plans as any schedule does, the must-visit placed; the plan publishes as the week's first version.
        let planned = try tiaoqi(["plan", second, "--out", second + "/plan", "--seconds", "0.5", "--lang", "en"])
        #expect(planned.status == 0, "\(planned.stderr)")
        let plan = try String(contentsOfFile: second + "/plan/plan.json", encoding: .utf8)
        #expect(plan.contains("\"client\" : \"nj01\""))
        let published = try tiaoqi(["publish", second + "/plan/plan.json", "--db", db, "--lang", "en"])
        #expect(published.status == 0 && published.stdout.contains("week of 2022-03-14 is published as version 1"))
    }

    @Test func aProjectMetOnlineGivesItsClientThatModeAndThePlanMeetsItOnline() async throws {
        let (db, plans) = try publishedBureau()
        #expect(
            try await tiaoqiOffThePool(["bureau", "import", "Tests/CLITests/Fixtures/bureau-history", "--db", db])
                .status == 0)
        let before = plans + "/w11"
        let args = ["week", "next", "gulou", "--week", "2022-03-14", "--db", db, "--lang", "en"]
        #expect(try await tiaoqiOffThePool(args + ["--out", before]).status == 0)
        #expect(try clients(before)["nj01"]?["mode"] == "in-person")
        // The officer logs the sample week's visit and agrees to hold the next one online.
        let logged = try await tiaoqiOffThePool([
            "log", "nj01", "--outcome", "done", "--mode", "线上", "--db", db, "--lang", "zh",
        ])
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.contains("项目 p-nj 今后的会见方式：线上"), "\(logged.stdout)")
        let after = plans + "/w11-online"
        #expect(try await tiaoqiOffThePool(args + ["--out", after]).status == 0)
        #expect(try clients(after)["nj01"]?["mode"] == "online")
        let planned = try await tiaoqiOffThePool([
            "plan", after, "--out", after + "/plan", "--seconds", "0.3", "--format", "json",
        ])
        #expect(planned.status <= 1, "\(planned.stderr)")
        let plan =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: after + "/plan/plan.json"))) as? [String: Any]
        let visits = plan?["visits"] as? [[String: Any]] ?? []
        let nanjing = try #require(visits.first { $0["client"] as? String == "nj01" })
        #expect(nanjing["mode"] as? String == "online")
        // A mode that is not one is refused, naming the choices.
        let wrong = try await tiaoqiOffThePool(["log", "nj01", "--outcome", "done", "--mode", "phone", "--db", db])
        #expect(wrong.status != 0 && wrong.stderr.contains("--mode"), "\(wrong.stderr)")
    }

    @Test func aStoreThatCannotBeWrittenGivesExit2AndStaysAsItWas() throws {
        let db = try gulouStore()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        // The file is read-only to whoever runs the command: root reads and writes anything, so root runs it as
        // nobody (setpriv), who may read the store but not write it or its folder.
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: (db as NSString).deletingLastPathComponent)
        let command = [try executablePath("tiaoqi"), "bureau", "import", Fixtures.path(Self.districts[1]), "--db", db]
        let run =
            getuid() == 0
            ? try runProgram("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups"] + command)
            : try runProgram(command[0], Array(command.dropFirst()))
        #expect(run.status == 2, "\(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains("bureau.sqlite"), "\(run.stderr)")
        #expect(!run.stdout.contains("imported"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }
}
