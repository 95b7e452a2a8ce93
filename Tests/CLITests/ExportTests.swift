import Foundation
import ICalendar
import Itinerary
import Schedules
import Testing
import TestSupport
import Travel

@Suite("Per-person calendars")
struct ExportTests {
    /// UID → component of every VEVENT in an exported calendar.
    private func events(_ path: String) throws -> [String: Component] {
        let calendar = try VCalendar.parse(String(contentsOfFile: path, encoding: .utf8), strict: true)
        let root = try #require(calendar.components.first { $0.name == "VCALENDAR" })
        var result: [String: Component] = [:]
        for event in root.components where event.name == "VEVENT" {
            let uid = try #require(event.property("UID")?.value)
            #expect(result[uid] == nil, "UID \(uid) repeats")
            result[uid] = event
        }
        return result
    }

    @Test func trainsHaveRemindersAndReplanningKeepsEveryUID() async throws {
        let out = Fixtures.temporaryFolder("export")
        #expect(try await tiaoqiOffThePool(["plan", "schedules/2022-w10", "--out", out, "--seconds", "0.05"]).status == 0)
        let plan = try PlanJSON.decode(contentsOf: "\(out)/plan.json")
        let first = try events("\(out)/zhou.ics")
        let trains = first.values.filter { $0.property("SUMMARY")?.value.range(of: #"^[GDCKZT]\d+ "#, options: .regularExpression) != nil }
        #expect(!trains.isEmpty)
        // One reminder per leg, on its first train or flight.
        let alarms = first.values.compactMap { $0.components.first { $0.name == "VALARM" } }
        #expect(alarms.count == plan.legs.filter { $0.person == "zhou" && $0.parts.contains { $0.mode != .taxi } }.count)
        for alarm in alarms {
            #expect(alarm.property("ACTION")?.value == "DISPLAY")
            #expect(alarm.property("TRIGGER")?.value.hasPrefix("-PT") == true)
        }
        let visits = plan.visits.filter { $0.staff.contains("zhou") }
        #expect(first.keys.filter { $0.hasPrefix("visit-") }.count == visits.count)
        #expect(first.values.contains { $0.property("SUMMARY")?.value.hasPrefix("住宿") == true })
        // The same week planned again, keeping the plan: a calendar app re-importing it updates, never duplicates.
        #expect(try await tiaoqiOffThePool(["plan", "schedules/2022-w10", "--keep", "\(out)/plan.json", "--out", out, "--seconds", "0.05"]).status == 0)
        #expect(Set(try events("\(out)/zhou.ics").keys) == Set(first.keys))
    }
}
