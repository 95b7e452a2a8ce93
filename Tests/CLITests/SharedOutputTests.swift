import Foundation
import Itinerary
import Messages
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

/// What `plan --out` writes to share: the HTML report (left-out visits with their reasons, travel and cost per
/// person) and expenses.csv for reimbursement, beside plan.json.
@Suite("Outputs to share", .serialized)
struct SharedOutputTests {
    @Test func planOutWritesAReportAndExpensesThatAddUp() async throws {
        let out = Fixtures.temporaryFolder("shared-out")
        let run = try await tiaoqiOffThePool(["plan", "schedules/2022-w10", "--out", out, "--seconds", "0.05"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try PlanJSON.decode(contentsOf: "\(out)/plan.json")
        #expect(!plan.leftOut.isEmpty, "the sample week leaves visits out")

        let report = try String(contentsOfFile: "\(out)/report.html", encoding: .utf8)
        for left in plan.leftOut {
            let row = try #require(report.range(of: "<tr data-client=\"\(left.client)\">"), "no row for \(left.client)")
            let end = try #require(report.range(of: "</tr>", range: row.upperBound..<report.endIndex))
            let cells = report[row.upperBound..<end.lowerBound]
            for reason in left.reasons.map({ $0.text(.en) }) {
                #expect(cells.contains(Self.escaped(reason)), "\(left.client) lacks its reason \(reason)")
            }
        }
        for person in plan.score.people ?? [] { #expect(report.contains("<tr data-person=\"\(person.person)\">")) }
        // As a browser shows it: every left-out visit in its row with each of its reasons.
        let dom = try await Chromium.dumpDOM("\(out)/report.html")
        for left in plan.leftOut {
            let row = try #require(
                dom.range(of: "<tr data-client=\"\(left.client)\">"), "Chromium shows no row for \(left.client)")
            let end = try #require(dom.range(of: "</tr>", range: row.upperBound..<dom.endIndex))
            for reason in left.reasons.map({ $0.text(.en) }) {
                let shown = reason.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                    of: "<", with: "&lt;"
                )
                .replacingOccurrences(of: ">", with: "&gt;")
                #expect(
                    dom[row.upperBound..<end.lowerBound].contains(shown),
                    "Chromium shows \(left.client) without \(reason)")
            }
        }

        let bytes = try #require(FileManager.default.contents(atPath: "\(out)/expenses.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a byte-order mark for Excel")
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let people = lines.dropFirst().dropLast()
        #expect(people.count == plan.score.people?.count)
        let total = try #require(lines.last)
        let sum = people.reduce(0.0) { $0 + Double($1[6])! }
        #expect(abs(sum - Double(total[6])!) < 0.005)
        #expect(abs(Double(total[6])! - plan.score.cost) < 0.005, "the expenses add up to the plan's cost")
        for row in people {
            #expect(abs(Double(row[4])! + Double(row[5])! - Double(row[6])!) < 0.005)
        }
    }

    @Test func timesAreWholeMinutesInJSONAndInTheCalendars() async throws {
        let out = Fixtures.temporaryFolder("whole-minutes")
        let run = try await tiaoqiOffThePool(["plan", "schedules/2022-w10", "--out", out, "--seconds", "0.05"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try PlanJSON.decode(contentsOf: "\(out)/plan.json")
        let instants =
            plan.visits.flatMap { [$0.start, $0.end] }
            + plan.legs.flatMap { leg in [leg.depart, leg.arrive] + leg.parts.flatMap { [$0.depart, $0.arrive] } }
        #expect(!plan.legs.isEmpty && instants.allSatisfy { $0.seconds % 60 == 0 })
        for person in ["liu", "zhou", "chen", "sun"] {
            let calendar = try String(contentsOfFile: "\(out)/\(person).ics", encoding: .utf8)
            let times = calendar.split(separator: "\r\n").filter { $0.hasPrefix("DTSTART:") || $0.hasPrefix("DTEND:") }
            #expect(!times.isEmpty && times.allSatisfy { $0.hasSuffix("00Z") }, "\(person): \(times)")
        }
    }

    /// Text as the report escapes it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
