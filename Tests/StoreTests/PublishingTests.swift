import Foundation
import Messages
import Store
import TestSupport
import Testing
import Timeline

/// Publishing a team's week and recording what its visits came to.
@Suite("The bureau's store: publishing and recording")
struct PublishingTests {
    let monday = LocalDate(year: 2022, month: 3, day: 7)!
    let nine = Instant(seconds: 1_646_614_800)  // 2022-03-07 09:00 in Shanghai

    /// Gives a store the records of `StoreRecordTests` and one project for each company.
    func seed(_ store: BureauStore) async throws {
        try await store.save(StoreRecordTests.teams)
        try await store.save(StoreRecordTests.staff)
        try await store.save(StoreRecordTests.companies)
        try await store.save(StoreRecordTests.clients)
        try await store.save([
            Project(id: "p1", companyID: "xinyu", title: "激光芯片产线", stage: .negotiating),
            Project(id: "p2", companyID: "ruihe", title: "研发中心", stage: .contacted),
        ])
    }

    func visit(_ client: String, project: String, hours: Int64) -> VisitRecord {
        let start = nine + hours * 3_600
        return VisitRecord(
            id: BureauStore.visitID(team: "gulou", weekStart: monday, client: client, index: 1), clientID: client,
            projectID: project, teamID: "gulou", interval: Interval(start, start + 3_600), attendees: ["zhou"])
    }

    @Test(arguments: Backend.available)
    func aStalePlanIsRefusedAndTheNextVersionReplacesOnlyWhatIsStillPlanned(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await seed(store)
            let first = [visit("bj-chip", project: "p1", hours: 0), visit("sh-bio", project: "p2", hours: 24)]
            let version = try await store.publish(
                team: "gulou", weekStart: monday, planJSON: "{\"v\": 1}", visits: first, basedOn: nil, at: nine)
            #expect(version == 1)
            // The same plan published again, still made from no version: someone has published since.
            let stale = await #expect(throws: StoreError.self) {
                try await store.publish(
                    team: "gulou", weekStart: monday, planJSON: "{\"v\": 1}", visits: first, basedOn: nil, at: nine)
            }
            #expect(stale?.message.text(.en).contains("version 1") == true)
            #expect(stale?.message.text(.zh).contains("第 1 版") == true)
            #expect(try await store.latestPublished(team: "gulou", weekStart: monday)?.planJSON == "{\"v\": 1}")
            // The Beijing visit is held; version 2 drops Shanghai and moves nothing already recorded.
            let held = try await store.record(
                VisitOutcome(
                    status: .done, note: "意向明确", nextStep: "报价", due: LocalDate(year: 2022, month: 3, day: 18)),
                visit: first[0].id)
            #expect(held.status == .done)
            let second = try await store.publish(
                team: "gulou", weekStart: monday, planJSON: "{\"v\": 2}", visits: [], basedOn: 1, at: nine + 60)
            #expect(second == 2)
            let visits = try await store.visits()
            #expect(visits.map(\.id) == [first[0].id])
            #expect(visits.first?.outcome == "意向明确")
            let project = try #require(try await store.project(id: "p1"))
            #expect(project.nextAction == "报价" && project.nextDue == LocalDate(year: 2022, month: 3, day: 18))
            #expect(project.stage == .negotiating)
        }
    }

    @Test(arguments: Backend.available)
    func anOutcomeMovesTheProjectsStageOnlyWhenSaid(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await seed(store)
            let planned = visit("sh-bio", project: "p2", hours: 3)
            _ = try await store.publish(
                team: "gulou", weekStart: monday, planJSON: "{}", visits: [planned], basedOn: nil, at: nine)
            _ = try await store.record(VisitOutcome(status: .online, stage: .visited), visit: planned.id)
            #expect(try await store.project(id: "p2")?.stage == .visited)
            // A visit published before its project was entered serves its company's furthest open project.
            var unlinked = visit("bj-chip", project: "p1", hours: 5)
            unlinked.projectID = nil
            _ = try await store.publish(
                team: "gulou", weekStart: monday, planJSON: "{}", visits: [planned, unlinked], basedOn: 1, at: nine)
            let linked = try await store.record(VisitOutcome(status: .done, stage: .signed), visit: unlinked.id)
            #expect(linked.projectID == "p1")
            #expect(try await store.project(id: "p1")?.stage == .signed)
            let unknown = await #expect(throws: StoreError.self) {
                try await store.record(VisitOutcome(status: .done), visit: "gulou-2022-03-07-nowhere")
            }
            #expect(unknown?.message.text(.zh).contains("gulou-2022-03-07-nowhere") == true)
        }
    }

    @Test(arguments: Backend.available)
    func twoConnectionsRecordingAtOnceLoseNothing(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await seed(store)
            let visits = (0..<40).map { index in
                var visit = visit("bj-chip", project: "p1", hours: Int64(index))
                visit.id = BureauStore.visitID(team: "gulou", weekStart: monday, client: "bj-chip", index: index + 1)
                return visit
            }
            _ = try await store.publish(
                team: "gulou", weekStart: monday, planJSON: "{}", visits: visits, basedOn: nil, at: nine)
            let other = try await BureauStore.open(store.location)
            defer { Task { try? await other.close() } }
            // Two connections (as two processes would have) record alternate visits at the same time.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (connection, parity) in [(store, 0), (other, 1)] {
                    group.addTask {
                        for visit in visits.enumerated() where visit.offset % 2 == parity {
                            _ = try await connection.record(
                                VisitOutcome(status: .done, note: "第\(visit.offset)次"), visit: visit.element.id)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let recorded = try await store.visits()
            #expect(recorded.count == 40)
            #expect(recorded.allSatisfy { $0.status == .done })
            #expect(Set(recorded.map(\.outcome)).count == 40)
        }
    }
}
