import Foundation
import TestSupport
import Testing

/// The sample bureau (examples/bureau): `scripts/sample-bureau --sample` still writes it as committed, and it plans
/// gulou's next week on top of the district schedules.
@Suite("The sample bureau's tables")
struct SampleBureauTests {
    @Test func theGeneratorWritesTheCommittedTablesByteForByte() throws {
        let folder = Fixtures.temporaryFolder("sample-bureau") + "/bureau"
        let made = try runProgram("/usr/bin/env", ["python3", "scripts/sample-bureau", "--sample", folder])
        #expect(made.status == 0, "\(made.stderr)")
        let committed = Fixtures.path("examples/bureau")
        let tables = try FileManager.default.contentsOfDirectory(atPath: committed).filter { $0.hasSuffix(".csv") }
        #expect(tables.count >= 9)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == tables.sorted())
        for table in tables.sorted() {
            let written = FileManager.default.contents(atPath: folder + "/" + table)
            let kept = FileManager.default.contents(atPath: committed + "/" + table)
            #expect(
                written == kept,
                "examples/bureau/\(table) is not what scripts/sample-bureau --sample writes: run it into examples/bureau"
            )
        }
    }

    @Test func gulousNextWeekFromTheSampleHasItsOverdueNegotiationAsAMustVisit() throws {
        let folder = Fixtures.temporaryFolder("sample-bureau")
        let db = folder + "/bureau.sqlite"
        let imported = try tiaoqi(
            ["bureau", "import"] + BureauCLITests.districts + ["examples/bureau", "--db", db, "--lang", "en"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let week = folder + "/gulou"
        let written = try tiaoqi([
            "week", "next", "gulou", "--week", "2022-03-07", "--out", week, "--db", db, "--lang", "en",
        ])
        #expect(written.status == 0, "\(written.stderr)")
        let clients = try String(contentsOfFile: week + "/clients.csv", encoding: .utf8)
        let rows = clients.split(separator: "\r\n").map(String.init)
        #expect(
            rows.first?.hasPrefix("id,name,city,address,lat,lon,priority,meeting_minutes,calendar,must_visit") == true)
        #expect(rows.count > 5)
        // 南京江芯微电子's negotiation, owned in gulou, was due on 2022-03-02: the schedule's own calendar, a must-visit.
        let nanjing = try #require(rows.first { $0.hasPrefix("nj01,") })
        #expect(nanjing.contains("client-nj01.ics,yes,"))
        #expect(nanjing.contains("was due 2022-03-02"))
        // The clients the sample adds (no schedule has them) have no calendar feed: when they can meet is unknown, so
        // they are named on stderr, not written as free all week; the folder plans.
        #expect(rows.allSatisfy { $0.hasPrefix("id,") || $0.contains(".ics,") })
        #expect(written.stderr.contains("having no calendar feed"))
        let planned = try tiaoqi(["plan", week, "--seconds", "0.2", "--format", "json"])
        #expect(planned.status <= 1, "\(planned.stderr)")
    }
}
