import Foundation
import Messages
import Pipeline
import Reports
import Store
import TestSupport
import Testing
import Timeline

/// The bureau's report, from a store's records to its figures and heat map, on each backend.
@Suite("The bureau's store: the report")
struct ReportTests {
    let monday = LocalDate(year: 2022, month: 3, day: 7)!
    let zone = Zone(identifier: "Asia/Shanghai")!

    func visit(_ id: String, _ client: String, _ project: String, day: Int, hour: Int, _ people: [String])
        -> VisitRecord
    {
        let start = zone.instant(monday.adding(days: day), TimeOfDay(minutes: hour * 60))
        return VisitRecord(
            id: id, clientID: client, projectID: project, teamID: "gulou", interval: Interval(start, start + 3_600),
            attendees: people)
    }

    /// Liu (a leader) and Zhou in Beijing Monday and Tuesday, where the chip project signs; Zhou alone in Shanghai on
    /// Thursday, online on Friday; Wednesday's meeting called off.
    func seed(_ store: BureauStore) async throws {
        var records = RecordBatch(
            teams: StoreRecordTests.teams, staff: StoreRecordTests.staff, companies: StoreRecordTests.companies,
            clients: StoreRecordTests.clients,
            projects: [
                Project(
                    id: "p1", companyID: "xinyu", title: "激光芯片产线", sector: "半导体", stage: .negotiating,
                    expectedYuan: 500_000_000, owner: "zhou"),
                Project(
                    id: "p2", companyID: "ruihe", title: "研发中心", sector: "生物医药", stage: .visited,
                    expectedYuan: 80_000_000, owner: "liu"),
            ],
            targets: [
                Target(kind: .region, name: "京津冀", weight: 60), Target(kind: .region, name: "长三角", weight: 40),
                Target(kind: .sector, name: "半导体", weight: 50), Target(kind: .sector, name: "生物医药", weight: 50),
            ],
            regions: ["beijing": "京津冀", "shanghai": "长三角"])
        records.visits = [
            visit("mon", "bj-chip", "p1", day: 0, hour: 9, ["liu", "zhou"]),
            visit("tue", "bj-chip", "p1", day: 1, hour: 9, ["liu", "zhou"]),
            visit("wed", "sh-bio", "p2", day: 2, hour: 10, ["zhou"]),
            visit("thu", "sh-bio", "p2", day: 3, hour: 10, ["zhou"]),
            visit("fri", "sh-bio", "p2", day: 4, hour: 10, ["zhou"]),
        ]
        try await store.save(records)
        for (id, status) in [("mon", VisitStatus.done), ("wed", .cancelled), ("thu", .done), ("fri", .online)] {
            _ = try await store.record(VisitOutcome(status: status), visit: id)
        }
        _ = try await store.record(VisitOutcome(status: .done, note: "签约", stage: .signed), visit: "tue")
    }

    @Test(arguments: Backend.available)
    func theFiguresCountTripsDelegationsVisitsAndSignings(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await seed(store)
            let last = monday.adding(days: 6)
            let facts = try await store.periodFacts(from: monday, to: last, zone: zone)
            let leaders = try await store.periodFacts(
                from: monday, to: last, zone: zone, scope: BureauStatistics.scope(.leader))
            let stages = try await store.periodFacts(
                from: monday, to: last, zone: zone, scope: BureauStatistics.scope(.stage))
            #expect(facts.stageChanges == [StageChange(projectID: "p1", stage: .signed, on: monday.adding(days: 1))])

            let byTeam = BureauStatistics.report(facts, from: monday, to: last, by: .team)
            let gulou = try #require(byTeam.rows.first { $0.key == "gulou" }?.figures)
            #expect(gulou.trips == 2)
            #expect(gulou.delegations == 1)
            #expect(gulou.visitsHeld == 4)
            #expect(gulou.visitsOnline == 1)
            #expect(gulou.visitsCalledOff == 1)
            #expect(gulou.signed == 1)
            #expect(gulou.signedYuan == 500_000_000)
            #expect(gulou.expectedYuan == 580_000_000)
            // A team with nothing this period still has its row, of zeros.
            #expect(byTeam.rows.first { $0.key == "yunlong" }?.figures.visitsHeld == 0)
            #expect(byTeam.total.trips == 2)

            let byLeader = BureauStatistics.report(leaders, from: monday, to: last, by: .leader)
            let liu = try #require(byLeader.rows.first { $0.key == "liu" }?.figures)
            #expect((liu.trips, liu.delegations, liu.visitsHeld) == (1, 1, 2))
            #expect(liu.projects[ProjectStage.visited.rank] == 1)
            // By stage: the Beijing trip served the project now signed, the Shanghai one the project visited.
            let byStage = BureauStatistics.report(stages, from: monday, to: last, by: .stage)
            #expect(byStage.rows.first { $0.key == "signed" }?.figures.trips == 1)
            #expect(byStage.rows.first { $0.key == "visited" }?.figures.trips == 1)
            // Visits without a leader have their row: Zhou's Thursday and Friday.
            #expect(byLeader.rows.first { $0.key.isEmpty }?.figures.visitsHeld == 2)

            // The heat map: Beijing's chips get their share; the Yangtze delta's chips are neglected.
            let cell = { (region: String, sector: String) in
                byTeam.heat.first { $0.region == region && $0.sector == sector }
            }
            #expect(cell("京津冀", "半导体")?.visits == 2)
            #expect(abs((cell("京津冀", "半导体")?.targetShare ?? 0) - 0.3) < 1e-9)
            #expect(cell("长三角", "生物医药")?.visits == 2)
            #expect(cell("长三角", "半导体")?.attention == 0)
            #expect(byTeam.regions == ["京津冀", "长三角"])
        }
    }

    @Test(arguments: Backend.available)
    func aVisitTwoLeadersAttendCountsOnceInAllAndOnceForEachLeader(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await seed(store)
            try await store.save([Person(id: "wang", name: "王副市长", teamID: "gulou", home: "xuzhou", isLeader: true)])
            try await store.save([visit("sat", "bj-chip", "p1", day: 5, hour: 9, ["liu", "wang", "zhou"])])
            _ = try await store.record(VisitOutcome(status: .done), visit: "sat")
            let last = monday.adding(days: 6)
            let facts = try await store.periodFacts(
                from: monday, to: last, zone: zone, scope: BureauStatistics.scope(.leader))
            let byLeader = BureauStatistics.report(facts, from: monday, to: last, by: .leader)
            let held = { (key: String) in byLeader.rows.first { $0.key == key }?.figures.visitsHeld }
            #expect(held("liu") == 3)
            #expect(held("wang") == 1)
            #expect(held("") == 2)
            #expect(byLeader.total.visitsHeld == 5)
            // Saturday in Beijing is a trip of its own, the three together: Wang's one trip, and a delegation.
            let wang = byLeader.rows.first { $0.key == "wang" }?.figures
            #expect((wang?.trips, wang?.delegations) == (1, 1))
        }
    }

    @Test func everyFormatCarriesTheFiguresAndEscapesWhatTheStoreHolds() async throws {
        try await Backend.sqlite.withStore { store in
            try await seed(store)
            try await store.save([Team(id: "gulou", name: "鼓楼<script>")])
            let last = monday.adding(days: 6)
            let report = BureauStatistics.report(
                try await store.periodFacts(from: monday, to: last, zone: zone), from: monday, to: last, by: .team)
            let html = report.html(.zh)
            #expect(html.contains("鼓楼&lt;script&gt;"))
            #expect(!html.contains("<script>"))
            #expect(html.contains("class=\"neglected\""))
            #expect(html.contains("招商热力图"))
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(report.json(.en).utf8)) as? [String: Any])
            #expect(json["by"] as? String == "team")
            let total = try #require(json["total"] as? [String: Any])
            #expect(total["signed_yuan"] as? Int == 500_000_000)
            #expect(total["trips"] as? Int == 2)
            let csv = report.csv(.en).split(separator: "\r\n")
            #expect(csv.first?.hasPrefix("key,label,trips,visits_held") == true)
            #expect(csv.last?.hasPrefix("*,whole bureau,2,4,1,1,0,1,") == true)
            #expect(report.table(.zh).contains("出访次数"))
        }
    }
}
