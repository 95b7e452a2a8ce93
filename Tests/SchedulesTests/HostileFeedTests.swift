import Foundation
import ICalendar
import Itinerary
import Schedules
import TestSupport
import Testing
import Timeline

@Suite("Hostile feeds in a schedule")
struct HostileFeedTests {
    @Test func aRecurrenceLimitIsWarnedAndTheStaffMemberIsBusy() async throws {
        let folder = Fixtures.copy(Fixtures.sampleWeek)
        let feed = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tiaoqi tests//EN", "BEGIN:VEVENT", "UID:sec",
            "DTSTART:20220301T000000Z",
            "DURATION:PT1S", "SUMMARY:every second", "RRULE:FREQ=SECONDLY", "END:VEVENT", "END:VCALENDAR", "",
        ].joined(separator: "\r\n")
        try feed.write(toFile: "\(folder)/feeds/staff-zhou.ics", atomically: true, encoding: .utf8)
        try feed.write(toFile: "\(folder)/feeds/client-bj02.ics", atomically: true, encoding: .utf8)
        let schedule = try await ScheduleLoader().load(folder: folder)
        let said = schedule.warnings.filter { $0.contains("RecurrenceLimits.maximumInstances") }
        #expect(said.contains { $0.contains("staff-zhou.ics:4:") })
        #expect(said.contains { $0.contains("client-bj02.ics:4:") })
        #expect(said.count == 2)
        let zhou = try #require(schedule.problem.staff.first { $0.id == "zhou" })
        #expect(zhou.availability.isEmpty)
        let client = try #require(schedule.problem.clients.first { $0.id == "bj02" })
        #expect(client.availability.isEmpty)
    }
}
