import Foundation
import Itinerary
import Messages
import Store
import TestSupport
import Testing
import Timeline

/// The store keeps what it is given and gives it back the same, on every backend.
@Suite("The bureau's store: records")
struct StoreRecordTests {
    static let teams = [Team(id: "gulou", name: "鼓楼区招商组"), Team(id: "yunlong", name: "云龙区招商组")]
    static let staff = [
        Person(id: "liu", name: "刘海峰", teamID: "gulou", home: "xuzhou", isLeader: true),
        Person(id: "zhou", name: "周建华", teamID: "gulou", home: "xuzhou"),
    ]
    static let companies = [
        Company(id: "xinyu", name: "北京芯域半导体科技有限公司", creditCode: "91110108MA01XXXX1K", group: "芯域集团"),
        Company(id: "ruihe", name: "上海瑞和生物医药有限公司"),
    ]
    static let clients = [
        ClientSite(
            id: "bj-chip", companyID: "xinyu", name: "北京芯域（中关村总部）", city: "beijing", address: "北京市海淀区中关村东路66号",
            lat: 39.984, lon: 116.328, contact: "王经理 138-0000-0000", calendar: "https://cal.example.com/xinyu.ics",
            sector: "半导体", chainPosition: "上游材料"),
        ClientSite(id: "sh-bio", companyID: "ruihe", name: "上海瑞和", city: "shanghai", lat: 31.208, lon: 121.598),
    ]

    @Test(arguments: Backend.available)
    func recordsComeBackAsTheyWereSaved(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.save(Self.teams)
            try await store.save(Self.staff)
            try await store.save(Self.companies)
            try await store.save(Self.clients)
            let project = Project(
                id: "p1", companyID: "xinyu", title: "激光芯片产线", sector: "半导体", stage: .negotiating,
                expectedYuan: 1_200_000_000, owner: "zhou", nextAction: "带队考察",
                nextDue: LocalDate(year: 2022, month: 3, day: 18))
            let online = Project(id: "p2", companyID: "ruihe", title: "研发中心", mode: .either)
            try await store.save([project, online])
            let start = Instant(seconds: 1_646_791_200)
            let visit = VisitRecord(
                id: "gulou-2022-03-07-1", clientID: "bj-chip", projectID: "p1", teamID: "gulou",
                interval: Interval(start, start + 5_400), attendees: ["zhou", "liu"], status: .done, outcome: "意向明确",
                nextStep: "报价")
            try await store.save([visit])
            try await store.save([
                Target(kind: .region, name: "京津冀", weight: 30), Target(kind: .sector, name: "半导体", weight: 50),
            ])
            try await store.setRegions(["beijing": "京津冀", "shanghai": "长三角"])
            #expect(try await store.teams() == Self.teams)
            #expect(try await store.staff() == Self.staff)
            #expect(try await store.companies() == Self.companies.sorted { $0.id < $1.id })
            #expect(try await store.clients() == Self.clients)
            #expect(try await store.project(id: "p1") == project)
            #expect(try await store.projects() == [project, online])
            var saved = visit
            saved.attendees = ["liu", "zhou"]
            #expect(try await store.visits() == [saved])
            #expect(try await store.visits(in: Interval(start + 1, start + 10)).isEmpty)
            #expect(try await store.regions() == ["beijing": "京津冀", "shanghai": "长三角"])
            #expect(try await store.targets().count == 2)
            // Opened again (a second connection): the same records, the schema already current.
            let again = try await BureauStore.open(store.location)
            #expect(try await again.visits() == [saved])
            #expect(try await again.schemaVersion() == 6)
            // Logging a visit may change how its project is met from now on.
            _ = try await again.record(VisitOutcome(status: .done, mode: .online), visit: visit.id)
            #expect(try await again.project(id: "p1")?.mode == .online)
            try await again.close()
        }
    }

    @Test(arguments: Backend.available)
    func aChangeThatBreaksARuleKeepsNothingOfIt(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.save(Self.teams)
            // The second person's team is unknown: the whole save is refused, the first person is not kept either.
            let error = await #expect(throws: StoreError.self) {
                try await store.save([
                    Person(id: "a", name: "甲", teamID: "gulou", home: "xuzhou"),
                    Person(id: "b", name: "乙", teamID: "nowhere", home: "xuzhou"),
                ])
            }
            #expect(error?.message.text(.zh).contains("均未保存") == true)
            #expect(try await store.staff().isEmpty)
        }
    }
}
