import Foundation
import Itinerary
import Pipeline
import Schedules
import Store
import TestSupport
import Testing
import Timeline

/// `bureau export` then `bureau import` gives back the same store, byte for byte on the next export.
@Suite("The bureau's store: export and import")
struct RoundTripTests {
    @Test(arguments: Backend.available)
    func anExportImportedIntoAnEmptyStoreExportsTheSameBytes(_ backend: Backend) async throws {
        let monday = LocalDate(year: 2022, month: 3, day: 7)!
        var batch = RecordBatch(
            teams: StoreRecordTests.teams, staff: StoreRecordTests.staff, companies: StoreRecordTests.companies,
            clients: StoreRecordTests.clients,
            projects: [
                Project(
                    id: "p1", companyID: "xinyu", title: "激光芯片, \"二期\"", sector: "半导体", stage: .signed,
                    expectedYuan: 3_500_000_000, owner: "liu", nextAction: "  签约仪式\n筹备  ",
                    nextDue: LocalDate(year: 2022, month: 4, day: 1)),
                Project(id: "p2", companyID: "ruihe", title: "研发中心", mode: .either),
            ],
            targets: [
                Target(kind: .region, name: "长三角", weight: 40), Target(kind: .sector, name: "半导体", weight: 12.5),
            ],
            regions: ["beijing": "京津冀", "shanghai": "长三角"])
        let start = Instant(seconds: 1_646_791_200)
        batch.visits = [
            VisitRecord(
                id: BureauStore.visitID(team: "gulou", weekStart: monday, client: "bj-chip", index: 1),
                clientID: "bj-chip", projectID: "p1", teamID: "gulou", interval: Interval(start, start + 5_400),
                attendees: ["liu", "zhou"], status: .noShow, outcome: "=SUM(A1) 客户未到,\r\n改期", nextStep: ""),
            VisitRecord(
                id: "gulou-2022-03-07-sh-bio", clientID: "sh-bio", teamID: "gulou",
                interval: Interval(start + 86_400, start + 90_000), attendees: ["zhou"]),
        ]
        batch.published = [
            PublishedWeek(
                teamID: "gulou", weekStart: monday, version: 1, publishedAt: start - 600_000,
                planJSON: "{\n  \"name\" : \"鼓楼, \\\"第10周\\\"\"\n}")
        ]
        let first = try await backend.withStore { store in
            try await store.save(batch)
            return BureauTables.render(try await store.everything())
        }
        let folder = Fixtures.temporaryFolder("export")
        for file in first { try file.data.write(to: URL(fileURLWithPath: "\(folder)/\(file.name)")) }
        #expect(first.map(\.name) == BureauTables.files)
        let read = try BureauTables.read(folder: folder)
        let second = try await backend.withStore { store in
            try await store.save(read)
            let restored = try await store.everything()
            #expect(restored.visits == batch.visits)
            #expect(restored.projects == batch.projects)
            #expect(restored.published == batch.published)
            return BureauTables.render(restored)
        }
        #expect(second.map(\.data) == first.map(\.data))
    }

    @Test(arguments: Backend.available)
    func anExportReadInPartsIsWholeAndABadRowAtItsEndKeepsNothing(_ backend: Backend) async throws {
        // Plans of 5 MB each, quoted, with line breaks: the reader's 4 MB blocks end inside a quoted value.
        let monday = LocalDate(year: 2022, month: 3, day: 7)!
        let plan = (0..<120_000).map { "{\"n\": \($0), \"s\": \"鼓楼, 第\($0 % 52)周\"}" }.joined(separator: "\n")
        let published = (1...3).map {
            PublishedWeek(
                teamID: "gulou", weekStart: monday, version: $0,
                publishedAt: Instant(seconds: 1_646_000_000 + Int64($0)), planJSON: plan + "\n\($0)")
        }
        let folder = Fixtures.temporaryFolder("export")
        for file in BureauTables.render(RecordBatch(teams: StoreRecordTests.teams, published: published)) {
            try file.data.write(to: URL(fileURLWithPath: "\(folder)/\(file.name)"))
        }
        try await backend.withStore { store in
            let reader = BureauTables.Reader(folder: folder)
            let saved = try await store.save(until: { try reader.next(upTo: 2) })
            #expect(saved == StoreRecordTests.teams.count + published.count)
            #expect(try await store.publishedWeeks() == published)
        }

        let path = "\(folder)/published_weeks.csv"
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("gulou,2022-03-07,four,1646000004,{}\r\n".utf8))
        try handle.close()
        try await backend.withStore { (store: BureauStore) async throws in
            let reader = BureauTables.Reader(folder: folder)
            let error = await #expect(throws: ScheduleError.self) {
                try await store.save(until: { try reader.next(upTo: 2) })
            }
            #expect("\(error!)".contains("published_weeks.csv:5: version 'four'"))
            #expect(try await store.teams().isEmpty)
            #expect(try await store.publishedWeeks().isEmpty)
        }
    }

    @Test func aDamagedExportNamesTheFileAndRow() throws {
        let folder = Fixtures.temporaryFolder("export")
        for file in BureauTables.render(RecordBatch(teams: StoreRecordTests.teams)) {
            try file.data.write(to: URL(fileURLWithPath: "\(folder)/\(file.name)"))
        }
        try "id,name,team_id,home,is_leader\r\nliu,刘海峰,gulou,xuzhou,maybe\r\n".write(
            toFile: "\(folder)/staff.csv", atomically: true, encoding: .utf8)
        let error = #expect(throws: (any Error).self) { try BureauTables.read(folder: folder) }
        #expect("\(error!)".contains("staff.csv:2: is_leader 'maybe' is not one of no, yes"))
    }

    @Test func aProjectsModeReadsInEitherLanguageDefaultsToInPersonAndABadOneNamesItsRow() throws {
        let folder = Fixtures.temporaryFolder("export")
        let header = "id,company_id,title,sector,stage,expected_yuan,owner,next_action,next_due"
        // A file written before projects had a mode (schema version 6): every project is met in person.
        try "\(header)\r\np1,xinyu,研发中心,,lead,,,,\r\n".write(
            toFile: "\(folder)/projects.csv", atomically: true, encoding: .utf8)
        #expect(try BureauTables.read(folder: folder).projects.map(\.mode) == [.inPerson])
        try "\(header),mode\r\np1,xinyu,研发中心,,lead,,,,,均可\r\np2,xinyu,产线,,lead,,,,,online\r\np3,xinyu,基地,,lead,,,,,\r\n"
            .write(toFile: "\(folder)/projects.csv", atomically: true, encoding: .utf8)
        #expect(try BureauTables.read(folder: folder).projects.map(\.mode) == [.either, .online, .inPerson])
        try "\(header),mode\r\np1,xinyu,研发中心,,lead,,,,,phone\r\n".write(
            toFile: "\(folder)/projects.csv", atomically: true, encoding: .utf8)
        let error = #expect(throws: (any Error).self) { try BureauTables.read(folder: folder) }
        #expect("\(error!)".contains("projects.csv:2: mode 'phone' must be in-person, online or either"), "\(error!)")
    }
}
