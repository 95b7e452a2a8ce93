import Foundation
import Messages
import Schedules
import Store
import TestSupport
import Testing
import Timeline

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A shared board for the browser tests, made only with the real command line: a temporary SQLite store with the
/// sample districts imported and their weeks published, the accounts added (passwords on standard input), and
/// `tiaoqi serve` on a free loopback port. `flows(_:artifacts:)` runs Tests/Browser/board_flows.py on it with
/// Playwright from `.venv-test` driving Debian's Chromium.
final class BrowserBoard {
    /// One account of the board, as the flows sign in with it.
    struct Login {
        var id: String
        var password: String
        var name: String
    }

    /// `.venv-test`'s Python, which `scripts/ensure-deps --tests` gives Playwright.
    static let python = Fixtures.path(".venv-test/bin/python")

    /// Whether `.venv-test`'s Python imports Playwright.
    static let playwrightInstalled: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        return (try? runProgram(python, ["-c", "import playwright"]).status) == 0
    }()

    /// Whether a missing Playwright fails the browser tests instead of skipping them: under `CI=true`.
    static let requiredByCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Why the browser tests would be skipped.
    static let skipReason: Comment =
        "the browser tests need Playwright in .venv-test (scripts/ensure-deps --tests installs it); skipped outside CI"

    /// The sample districts, imported and published.
    static let districts = ["gulou", "yunlong", "tongshan"]

    /// The week the sample districts plan.
    static let week = "2022-03-07"

    /// The name given to the hostile account: markup that would run or load something if it were not escaped.
    static let hostileTexts = [#"<img src=x onerror="window.__xss=1">"#, "<script>window.__xss=1</script>"]

    /// Text from outside that the pages show, as markup that would run or load something if it were not escaped:
    /// a company's name, a project's title, a visit's note and the next step logged with it (`enterHostileProjects`).
    static let hostileData = [
        "company": #"<img src=x onerror="window.__xss=2">上海微纳芯"#,
        "project": "<script>window.__xss=3</script>晶圆项目",
        "note": #"<svg onload="window.__xss=4"></svg>谈得顺利"#,
        "next": "<iframe src=\"javascript:window.__xss=5\"></iframe>报价",
        // In the copy of the sample the board is made from (`copySample`): a gulou client's name, and the summary of
        // the officer's own Monday meeting, both on his week.
        "client": #"<img src=x onerror="window.__xss=6">北京芯域半导体科技有限公司"#,
        "event": "<img src=x onerror=window.__xss=7>局务会",
    ]

    let folder: String
    let db: String
    let officer = Login(id: "zhou", password: "zhou-口令-1", name: "周建华")
    let coordinator = Login(id: "wang", password: "wang s3cret", name: "王主任")
    let hostile = Login(id: "mallory", password: "mallory-pw", name: BrowserBoard.hostileTexts.joined(separator: " "))
    private(set) var teams: [Team] = []
    /// The loopback feed server of the live scenario (`prepare(live:)`), whose nj01 calendar the flows change.
    private(set) var feeds: FaultServer?
    private var server: Process?
    private(set) var url = ""

    /// A new store under a temporary folder.
    init() {
        folder = Fixtures.temporaryFolder("browser")
        db = folder + "/bureau.sqlite"
    }

    /// Imports the districts, publishes copies of their sample plans (publish rewrites plan.json; the copies keep
    /// `schedule: ../../districts/NAME` pointing at the real districts), and adds the accounts. `live`: gulou's week
    /// is planned instead from a copy of its schedule whose client nj01 reads its calendar from a loopback fault
    /// server (Tests/FeedsTests/Server/fault_server.py), so a flow can change that calendar.
    func prepare(live: Bool = false) async throws {
        let sample = try copySample()
        let imported = try await run(
            ["bureau", "import"] + Self.districts.map { "\(sample)/districts/\($0)" } + ["--db", db])
        try #require(imported.status == 0, "\(imported.stderr)")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/districts", withDestinationPath: sample + "/districts")
        try FileManager.default.createDirectory(atPath: folder + "/plans", withIntermediateDirectories: true)
        for district in Self.districts where !(live && district == "gulou") {
            let copy = "\(folder)/plans/\(district)"
            try FileManager.default.copyItem(atPath: "\(sample)/plans/\(district)", toPath: copy)
            let published = try await run(["publish", copy + "/plan.json", "--db", db, "--lang", "en"])
            try #require(published.status == 0, "\(published.stderr)")
        }
        if live { try await publishLiveGulou() }
        try await enterHostileProjects()
        let accounts: [(Login, [String])] = [
            (officer, ["--role", "officer", "--team", "gulou", "--staff", "zhou"]),
            (coordinator, ["--role", "coordinator"]),
            (hostile, ["--role", "officer", "--team", "gulou"]),
        ]
        for (login, role) in accounts {
            let added = try await run(
                ["account", "add", login.id, "--name", login.name] + role + ["--db", db], input: login.password + "\n")
            try #require(added.status == 0, "\(added.stderr)")
        }
        let store = try await BureauStore.open(.sqlite(path: db))
        teams = try await store.teams().filter { Self.districts.contains($0.id) }
        try await store.close()
    }

    /// A copy of the sample week and its network in the folder, where gulou's client bj01 is named with markup and
    /// the officer zhou's own Monday meeting is summarised with markup (`hostileData`); returns the week's folder.
    private func copySample() throws -> String {
        let copy = folder + "/schedules"
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for name in ["2022-w10", "network"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("schedules/\(name)"), toPath: "\(copy)/\(name)")
        }
        let week = copy + "/2022-w10"
        func edit(_ path: String, _ old: String, _ new: String) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(old), "\(path) has no \(old)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let client = Self.hostileData["client"]!.replacingOccurrences(of: "\"", with: "\"\"")
        try edit("\(week)/districts/gulou/clients.csv", "bj01,北京芯域半导体科技有限公司,", "bj01,\"\(client)\",")
        try edit("\(week)/feeds/staff-zhou.ics", "SUMMARY:局务会", "SUMMARY:" + Self.hostileData["event"]!)
        // The published plan names its clients too (the week is drawn from it): the same name there.
        let json = String(decoding: try JSONEncoder().encode(Self.hostileData["client"]!), as: UTF8.self)
        try edit("\(week)/plans/gulou/plan.json", "\"北京芯域半导体科技有限公司\"", json)
        return week
    }

    /// Renames sh01's company to hostile markup and enters two projects (restored from `companies.csv` and
    /// `projects.csv` as `bureau export` writes them), one titled with markup; then logs su01's visit with a note and
    /// a next step of markup, its project met online from now on (`tiaoqi log`), so the pipeline shows all five.
    private func enterHostileProjects() async throws {
        let data = Self.hostileData
        func csv(_ fields: [String]) -> String {
            fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }
        let restore = folder + "/hostile"
        try FileManager.default.createDirectory(atPath: restore, withIntermediateDirectories: true)
        let shanghai = "上海微纳芯光电科技有限公司"
        let suzhou = "苏州晶澜新材料科技有限公司"
        try
            (["id,name,credit_code,group", csv([shanghai, data["company"]!, "", ""])].joined(separator: "\r\n")
            + "\r\n").write(toFile: restore + "/companies.csv", atomically: true, encoding: .utf8)
        try
            ([
                "id,company_id,title,sector,stage,expected_yuan,owner,next_action,next_due",
                csv(["px-sh", shanghai, "光电封装", "半导体", "contacted", "", "zhou", "回访", "2022-03-20"]),
                csv(["px-su", suzhou, data["project"]!, "新材料", "visited", "", "zhou", "", ""]),
            ].joined(separator: "\r\n") + "\r\n").write(
                toFile: restore + "/projects.csv", atomically: true, encoding: .utf8)
        let restored = try await run(["bureau", "import", restore, "--db", db, "--lang", "en"])
        try #require(restored.status == 0, "\(restored.stderr)")
        let logged = try await run([
            "log", "su01", "--outcome", "done", "--note", data["note"]!, "--next", data["next"]!, "--mode", "online",
            "--db", db, "--lang", "en",
        ])
        try #require(logged.status == 0, "\(logged.stderr)")
    }

    /// gulou's week planned from a copy of its schedule (paths made absolute) whose client nj01's calendar is
    /// `/feed/nj01.ics` on a new fault server, and published.
    private func publishLiveGulou() async throws {
        let feeds = try FaultServer()
        self.feeds = feeds
        let district = Fixtures.path("schedules/2022-w10/districts/gulou")
        let live = folder + "/gulou-live"
        try FileManager.default.createDirectory(atPath: live, withIntermediateDirectories: true)
        let template = try String(contentsOfFile: district + "/plan.yaml", encoding: .utf8)
        let week = LocalDate(iso: Self.week)!
        let plan = try PlanTemplate.week(
            template, folder: district, name: "鼓楼区招商组 \(Self.week)", start: week, end: week.adding(days: 4))
        try plan.write(toFile: live + "/plan.yaml", atomically: true, encoding: .utf8)
        let feedsFolder = Fixtures.path("schedules/2022-w10/feeds/")
        let clients = try String(contentsOfFile: district + "/clients.csv", encoding: .utf8)
            .replacingOccurrences(of: "../../feeds/client-nj01.ics", with: feeds.url("/feed/nj01.ics"))
            .replacingOccurrences(of: "../../feeds/", with: feedsFolder)
        try clients.write(toFile: live + "/clients.csv", atomically: true, encoding: .utf8)
        let planned = try await run(["plan", live, "--out", live + "/out", "--seconds", "0.3", "--lang", "en"])
        try #require(planned.status <= 1, "\(planned.stderr)")
        let published = try await run(["publish", live + "/out/plan.json", "--db", db, "--lang", "en"])
        try #require(published.status == 0, "\(published.stderr)")
    }

    /// Starts `tiaoqi serve` on a free loopback port and waits until /healthz answers; its output goes to
    /// serve.log in the folder.
    func start() async throws {
        let port = try freePort()
        let log = folder + "/serve.log"
        try #require(FileManager.default.createFile(atPath: log, contents: nil), "cannot write \(log)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executablePath("tiaoqi"))
        process.arguments = [
            "serve", "--db", db, "--host", "127.0.0.1", "--port", String(port), "--work", folder + "/work", "--cache",
            folder + "/cache", "--plan-seconds", "0.3",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        server = process
        url = "http://127.0.0.1:\(port)"
        for _ in 0..<200 {
            if let answer = try? await URLSession.shared.data(from: URL(string: url + "/healthz")!),
                String(decoding: answer.0, as: UTF8.self) == "ok\n"
            {
                return
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        stop()
        Issue.record("tiaoqi serve did not answer /healthz on \(url): \(said)")
        throw CocoaError(.fileReadUnknown)
    }

    /// Runs the browser flows (all, or those named) against the board, screenshots into
    /// artifacts/browser/`test`/ at the repository's root (emptied first); returns what the script printed.
    func flows(_ names: [String] = [], test: String) async throws -> (status: Int32, stdout: String, stderr: String) {
        let artifacts = Fixtures.path("artifacts/browser/\(test)")
        try? FileManager.default.removeItem(atPath: artifacts)
        try FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        let scenario = folder + "/scenario.json"
        try JSONSerialization.data(withJSONObject: scenarioJSON(), options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: scenario))
        let arguments =
            [Fixtures.path("Tests/Browser/board_flows.py"), "--base-url", url, "--scenario", scenario]
            + ["--artifacts", artifacts] + names.flatMap { ["--flow", $0] }
        let result = await offThePool { Result { try runProgram(Self.python, arguments) } }
        return try result.get()
    }

    /// Stops the server (and the fault server, if any).
    func stop() {
        feeds?.stop()
        feeds = nil
        guard let server, server.isRunning else { return }
        server.terminate()
        server.waitUntilExit()
    }

    deinit { stop() }

    /// What the flows read: the accounts, the teams, the week, the hostile texts and the catalogue's sentences.
    private func scenarioJSON() -> [String: Any] {
        func login(_ login: Login) -> [String: String] {
            ["id": login.id, "password": login.password, "name": login.name]
        }
        let gulou = teams.first { $0.id == "gulou" }?.name ?? "gulou"
        var text: [String: [String: String]] = [:]
        for language in [Language.zh, .en] {
            func say(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> String {
                Message(key, arguments).text(language)
            }
            text[language.rawValue] = [
                "login_title": say(.boardLoginTitle),
                "login_submit": say(.boardLoginSubmit),
                "login_failed": say(.boardLoginFailed),
                "board_title": say(.boardWeeksTitle),
                "officer_week_title": say(.boardWeekTitle, ["team": .text(gulou), "week": .text(Self.week)]),
                "officer_signed_in": say(
                    .boardSignedInAs, ["name": .text(officer.name), "role": .word(.boardRoleOfficer)]),
                "coordinator_signed_in": say(
                    .boardSignedInAs, ["name": .text(coordinator.name), "role": .word(.boardRoleCoordinator)]),
                "forbidden": say(.boardForbidden),
                "sign_out": say(.boardSignOut),
                "replan": say(.boardReplan),
                "publish_draft": say(.boardPublishDraft),
                "draft_heading": say(.boardDraftHeading),
                "meeting_online": say(.meetingOnline),
            ]
        }
        return [
            "accounts": ["officer": login(officer), "coordinator": login(coordinator), "hostile": login(hostile)],
            "teams": teams.map { ["id": $0.id, "name": $0.name] },
            "officer_team": ["id": "gulou", "name": gulou],
            "week": Self.week,
            "tiaoqi": (try? executablePath("tiaoqi")) ?? "",
            "db": db,
            "folder": folder,
            "feed_server": feeds?.url("") ?? "",
            "tongshan_name": teams.first { $0.id == "tongshan" }?.name ?? "tongshan",
            "hostile_texts": Self.hostileTexts,
            "hostile_data": Self.hostileData,
            "text": text,
        ]
    }

    /// `tiaoqi` on a Dispatch thread, with `input` on standard input.
    private func run(_ arguments: [String], input: String = "") async throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let result = await offThePool { Result { try tiaoqi(arguments, input: input) } }
        return try result.get()
    }

    /// A loopback port nothing listens on: bound to 0 by Python, read, released.
    private func freePort() throws -> Int {
        let probe = try runProgram(
            Self.python,
            ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        return try #require(Int(probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}
