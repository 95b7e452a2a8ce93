import Foundation
import TestSupport
import Testing

/// `route`, `fetch` and `calendar`, warnings and input errors with `--lang zh`: no English sentence reaches the reader
/// (scanned as `ChineseOutputTests` scans plans), and the same runs with `--lang en` still read in English.
@Suite("Commands, warnings and errors in Chinese", .serialized)
struct ChineseCommandTests {
    /// The English sentences in what a run printed, labelled by the run. Text quoted from the input (“…”, as a bad
    /// line is shown) is the user's own, not a sentence of ours.
    private func english(_ label: String, _ run: (status: Int32, stdout: String, stderr: String)) -> [String] {
        [run.stdout, run.stderr].flatMap { englishSentences(in: $0.replacing(/“[^”]*”/, with: " ")) }
            .map { "\(label): \($0)" }
    }

    @Test func routeReadsInChinese() throws {
        let depart = try tiaoqi(["route", "xuzhou", "shanghai", "--depart", "2022-03-07T07:00+08:00", "--lang", "zh"])
        #expect(depart.status == 0, "\(depart.stderr)")
        #expect(depart.stdout.contains("出发") && depart.stdout.contains("历时"), "\(depart.stdout)")
        let profile = try tiaoqi(["route", "xuzhou", "shanghai", "--profile", "2022-03-08", "--lang", "zh"])
        #expect(profile.status == 0, "\(profile.stderr)")
        #expect(profile.stdout.contains("小时"), "\(profile.stdout)")
        let unknown = try tiaoqi(["route", "xuzou", "shanghai", "--depart", "2022-03-07T07:00+08:00", "--lang", "zh"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("未知地点“xuzou”") && unknown.stderr.contains("xuzhou"), "\(unknown.stderr)")
        let uncovered = try tiaoqi(["route", "xuzhou", "shanghai", "--profile", "2022-08-01", "--lang", "zh"])
        #expect(uncovered.status == 2)
        #expect(uncovered.stderr.contains("2022-01-10 至 2022-06-30"), "\(uncovered.stderr)")
        #expect(
            english("depart", depart) + english("profile", profile) + english("unknown", unknown)
                + english("uncovered", uncovered) == [])
        // The same in English reads as before.
        let en = try tiaoqi(["route", "xuzhou", "shanghai", "--depart", "2022-03-07T07:00+08:00", "--lang", "en"])
        #expect(en.stdout.contains("leave 2022-03-07") && en.stdout.contains(" h "), "\(en.stdout)")
    }

    @Test func calendarReadsInChinese() throws {
        let window = ["--from", "2022-03-07", "--to", "2022-03-12", "--tz", "Asia/Shanghai", "--lang"]
        let fixture = "Tests/ICalendarTests/Fixtures/recurring.ics"
        let expand = try tiaoqi(["calendar", "expand", fixture] + window + ["zh"])
        #expect(expand.status == 0, "\(expand.stderr)")
        #expect(expand.stdout.contains("周一") && expand.stdout.contains("全天"), "\(expand.stdout)")
        let busy = try tiaoqi(["calendar", "freebusy", fixture] + window + ["zh"])
        #expect(busy.status == 0 && busy.stdout.contains("忙碌"), "\(busy.stdout)")
        // A bad line: a warning when lenient, an error with its line when strict, both in Chinese.
        let broken = "Tests/ICalendarTests/Fixtures/broken.ics"
        let lenient = try tiaoqi(["calendar", "expand", broken] + window + ["zh"])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("警告：") && lenient.stderr.contains("broken.ics:14:"), "\(lenient.stderr)")
        let strict = try tiaoqi(["calendar", "expand", broken, "--strict"] + window + ["zh"])
        #expect(strict.status == 2 && strict.stderr.contains("broken.ics:14:"), "\(strict.stderr)")
        let page = try tiaoqi(["calendar", "expand", "Tests/ICalendarTests/Fixtures/error-page.ics"] + window + ["zh"])
        #expect(page.status == 2 && page.stderr.contains("HTML 网页"), "\(page.stderr)")
        #expect(
            english("expand", expand) + english("freebusy", busy) + english("lenient", lenient)
                + english("strict", strict) + english("error page", page) == [])
        let en = try tiaoqi(["calendar", "expand", broken] + window + ["en"])
        #expect(en.stderr.contains("tiaoqi: warning: ") && en.stderr.contains("broken.ics:14:"), "\(en.stderr)")
    }

    @Test func fetchAndAMissingFeedReadInChinese() throws {
        let cache = Fixtures.temporaryFolder("zh-fetch")
        let folder = try tiaoqi(["fetch", Fixtures.quickstart, "--cache", cache, "--lang", "zh"])
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(folder.stdout.contains("已更新") && folder.stdout.contains("个日历源"), "\(folder.stdout)")
        let missing = Fixtures.temporaryFolder("zh-missing") + "/nowhere.ics"
        let fetch = try tiaoqi(["fetch", missing, "--cache", cache, "--lang", "zh"])
        #expect(fetch.status == 3)
        #expect(fetch.stdout.contains("失败") && fetch.stdout.contains("无法读取该文件"), "\(fetch.stdout)")
        // A schedule naming a calendar file that is not there: bad input at the row naming it.
        let schedule = Fixtures.copy(Fixtures.quickstart)
        try FileManager.default.removeItem(atPath: schedule + "/feeds/client-sh-bio.ics")
        let plan = try tiaoqi(["plan", schedule, "--seconds", "0.05", "--lang", "zh"])
        #expect(plan.status == 2)
        #expect(plan.stderr.contains("clients.csv:") && plan.stderr.contains("无法读取该文件"), "\(plan.stderr)")
        #expect(english("fetch folder", folder) + english("fetch missing", fetch) + english("plan", plan) == [])
        let en = try tiaoqi(["fetch", missing, "--cache", cache, "--lang", "en"])
        #expect(en.stdout.contains("failed") && en.stdout.contains("cannot read the file"), "\(en.stdout)")
    }

    @Test(arguments: [
        (
            "must_visit", ",8,90,feeds/client-nj-chip.ics,yes,", ",8,90,feeds/client-nj-chip.ics,maybe,", "“maybe”",
            "must_visit 'maybe' must be yes or no"
        ),
        (
            "city", "南京宁芯半导体有限公司,nanjing,", "南京宁芯半导体有限公司,nanjng,", "未知城市“nanjng”",
            "unknown city 'nanjng'; did you mean nanjing?"
        ),
    ])
    func aBadClientsLineReadsInChinese(
        column: String, old: String, new: String, said: String, english saidInEnglish: String
    )
        throws
    {
        let schedule = Fixtures.copy(Fixtures.quickstart)
        Fixtures.edit(schedule + "/clients.csv", replacing: old, with: new)
        let run = try tiaoqi(["plan", schedule, "--seconds", "0.05", "--lang", "zh"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("clients.csv:2: ") && run.stderr.contains(said), "\(run.stderr)")
        #expect(english(column, run) == [])
        let en = try tiaoqi(["plan", schedule, "--seconds", "0.05", "--lang", "en"])
        #expect(en.stderr.contains("clients.csv:2: \(saidInEnglish)"), "\(en.stderr)")
    }

    /// A copy of a small network broken in one way: `time` (a bad time in stop_times.txt), `route` (a trip on a route
    /// routes.txt lacks), `zip` (a file that is no zip archive), `services` (a bad time in services.csv) or `encoding`
    /// (a services.csv line that is neither UTF-8 nor GB18030).
    private func brokenNetwork(_ way: String) throws -> String {
        let gtfs = Fixtures.path("Tests/TravelTests/Fixtures/hostile/feed")
        let table = Fixtures.path("examples/services-csv/table")
        switch way {
        case "time":
            let folder = Fixtures.copy(gtfs)
            Fixtures.edit(folder + "/stop_times.txt", replacing: "T1,10:30:00", with: "T1,10:3x:00")
            return folder
        case "route":
            let folder = Fixtures.copy(gtfs)
            Fixtures.edit(folder + "/trips.txt", replacing: "R,S,T1", with: "Q,S,T1")
            return folder
        case "zip":
            let archive = Fixtures.temporaryFolder("zh-zip") + "/broken.zip"
            try Data("PK, but no archive".utf8).write(to: URL(fileURLWithPath: archive))
            return archive
        case "services":
            let folder = Fixtures.copy(table)
            Fixtures.edit(folder + "/services.csv", replacing: ",11:30,", with: ",11:3x,")
            return folder
        default:
            let folder = Fixtures.copy(table)
            let file = URL(fileURLWithPath: folder + "/services.csv")
            var lines = try Data(contentsOf: file).split(
                separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            lines[3] += [0xFF, 0xFF]
            try Data(lines.joined(separator: [UInt8(ascii: "\n")])).write(to: file)
            return folder
        }
    }

    @Test(arguments: [
        (
            "time", "stop_times.txt:3: ", "“10:3x:00”不是 H:MM:SS 格式的时间",
            "arrival_time '10:3x:00' is not H:MM:SS (hours may pass 24)"
        ),
        (
            "route", "trips.txt:2: ", "车次“T1”写的线路“Q”在 `routes.txt` 中没有定义",
            "trip 'T1' names route 'Q', which routes.txt does not define"
        ),
        (
            "zip", "broken.zip: ", "不是可读的 ZIP 压缩包：找不到中央目录结尾",
            "is not a readable ZIP archive: no end of central directory (truncated download?)"
        ),
        (
            "services", "services.csv:2: ", "“11:3x”不是时间，应写如 08:15",
            "depart '11:3x' is not a time such as 08:15, 25:10 or 01:10+1"
        ),
        (
            "encoding", "services.csv:4: ", "字节 0xFF 不是 UTF-8；文件必须是 UTF-8 或 GB18030（GBK）文本",
            "byte 0xFF, which is not UTF-8; the file must be UTF-8 or GB18030 (GBK) text and is neither"
        ),
    ])
    func aBrokenNetworkReadsInChinese(way: String, at: String, said: String, english saidInEnglish: String) throws {
        let network = try brokenNetwork(way)
        let route = ["route", "AAA", "BBB", "--depart", "2022-03-07T07:00", "--network", network, "--lang"]
        let run = try tiaoqi(route + ["zh"])
        #expect(run.status == 2)
        #expect(run.stderr.contains(at) && run.stderr.contains(said), "\(run.stderr)")
        #expect(english(way, run) == [])
        let en = try tiaoqi(route + ["en"])
        #expect(en.status == 2)
        #expect(en.stderr.contains(at + saidInEnglish), "\(en.stderr)")
    }

    /// A schedule whose network cannot be read: `plan` says so in Chinese, at the network's file and line.
    @Test func aScheduleWithABrokenNetworkReadsInChinese() throws {
        let schedule = Fixtures.copy(Fixtures.quickstart)
        let network = Fixtures.copy(Fixtures.network)
        Fixtures.edit(network + "/stop_times.txt", replacing: "G101-DAILY,06:48:00", with: "G101-DAILY,06:4x:00")
        let plan = try String(contentsOfFile: schedule + "/plan.yaml", encoding: .utf8)
        try plan.replacing(/network:[^\n]*/, with: "network: \(network)")
            .write(toFile: schedule + "/plan.yaml", atomically: true, encoding: .utf8)
        let run = try tiaoqi(["plan", schedule, "--seconds", "0.05", "--lang", "zh"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("stop_times.txt:3: `arrival_time`“06:4x:00”不是 H:MM:SS"), "\(run.stderr)")
        #expect(english("plan", run) == [])
        let en = try tiaoqi(["plan", schedule, "--seconds", "0.05", "--lang", "en"])
        #expect(en.stderr.contains("stop_times.txt:3: arrival_time '06:4x:00' is not H:MM:SS"), "\(en.stderr)")
    }

    @Test func aBadCalendarLineInAScheduleReadsInChinese() throws {
        let schedule = Fixtures.copy(Fixtures.quickstart)
        let feed = schedule + "/feeds/client-sh-bio.ics"
        let text = try String(contentsOfFile: feed, encoding: .utf8)
        try text.replacingOccurrences(of: "BEGIN:VEVENT", with: "BEGIN:VEVENT\r\nthis is no content line")
            .write(toFile: feed, atomically: true, encoding: .utf8)
        let strict = try tiaoqi(["plan", schedule, "--seconds", "0.05", "--lang", "zh"])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("client-sh-bio.ics:") && strict.stderr.contains("--lenient"), "\(strict.stderr)")
        let lenient = try tiaoqi(["plan", schedule, "--seconds", "0.05", "--lang", "zh", "--lenient"])
        #expect(lenient.status == 0 || lenient.status == 1, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("警告：") && lenient.stderr.contains("不是内容行"), "\(lenient.stderr)")
        #expect(english("strict", strict) + english("lenient", lenient) == [])
    }

    @Test func aMisspeltColumnAndAGB18030FileAreSaidInChinese() throws {
        // The quickstart's clients.csv saved as GB18030 (as Excel on a Chinese Windows does), its `sector` misspelt.
        let schedule = Fixtures.copy(Fixtures.quickstart)
        var bytes = try [UInt8](
            Data(
                contentsOf: URL(
                    fileURLWithPath: Fixtures.path(
                        "Tests/SchedulesTests/Fixtures/encoding/clients-gb18030.csv"))))
        let header = try #require(bytes.firstIndex(of: UInt8(ascii: "\n")))
        let misspelt = Array(
            String(decoding: bytes[..<header], as: UTF8.self).replacingOccurrences(
                of: ",sector", with: ",sectr"
            ).utf8)
        bytes.replaceSubrange(..<header, with: misspelt)
        try Data(bytes).write(to: URL(fileURLWithPath: schedule + "/clients.csv"))
        let run = try tiaoqi(["plan", schedule, "--seconds", "0.05", "--lang", "zh"])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("“sectr”") && run.stderr.contains("GB18030"), "\(run.stderr)")
        #expect(english("warnings", run) == [])
    }

    /// A CalDAV feed whose server stops answering usefully: the stale-copy warning, the fetch table and the plan's
    /// list of stale calendars, in Chinese.
    @Test func aStaleCopyIsSaidInChinese() async throws {
        let faults = try FaultServer()
        defer { faults.stop() }
        let path = "/caldav/zh-client/"
        let feed = "caldav://127.0.0.1:\(faults.port)\(path)"
        let folder = Fixtures.temporaryFolder("zh-stale")
        try """
        name: 过期日历
        week: {start: 2022-03-07, end: 2022-03-11}
        network: \(Fixtures.network)
        staff:
          - {id: wu, name: 吴志强, home: xuzhou}
        """.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        try """
        id,name,city,address,lat,lon,priority,meeting_minutes,calendar,must_visit
        nj,南京宁芯半导体有限公司,nanjing,南京市江北新区,32.15,118.70,8,90,\(feed),yes
        """.write(toFile: folder + "/clients.csv", atomically: true, encoding: .utf8)
        let fresh = try await tiaoqiOffThePool(["fetch", folder, "--lang", "zh"])
        #expect(fresh.status == 0 && fresh.stdout.contains("已更新"), "\(fresh.stdout)\(fresh.stderr)")
        try faults.set(path, mode: "propstat-403")
        let fetched = try await tiaoqiOffThePool(["fetch", folder, "--lang", "zh"])
        #expect(fetched.stdout.contains("过期缓存") && fetched.stdout.contains("请检查登录凭据"), "\(fetched.stdout)")
        let planned = try await tiaoqiOffThePool(["plan", folder, "--seconds", "0.05", "--lang", "zh"])
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(
            planned.stderr.contains("tiaoqi: 警告：") && planned.stderr.contains("过期的缓存副本")
                && planned.stdout.contains("过期的日历副本"), "\(planned.stderr)\(planned.stdout)")
        #expect(english("fresh", fresh) + english("fetch", fetched) + english("plan", planned) == [])
    }
}
