import Feeds
import Foundation
import TestSupport
import Testing

@Suite("CalDAV against a real Radicale server", .serialized)
struct CalDAVTests {
    static func event(_ uid: String, _ start: String, _ summary: String) -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tiaoqi tests//EN\r\nBEGIN:VEVENT\r\nUID:\(uid)\r\nDTSTAMP:20220301T000000Z\r\n"
            + "DTSTART:\(start)\r\nDURATION:PT1H\r\nSUMMARY:\(summary)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    }

    @Test func aCalendarQueryReturnsTheWindowsEventsWithBasicAuth() async throws {
        let server = try Radicale()
        defer { server.stop() }
        try server.makeCalendar(
            "work",
            events: [
                "in-week": Self.event("in-week", "20220308T020000Z", "周二拜访"),
                "next-month": Self.event("next-month", "20220420T020000Z", "四月会议"),
            ])
        let location = try FeedLocation("caldav://127.0.0.1:\(server.port)/\(server.user)/work/")
        let source = FeedSource(
            location: location, credentials: "\(server.user):\(server.password)",
            window: (start: "20220307T000000Z", end: "20220314T000000Z"),
            allowInsecureAuth: true)
        let report = await FeedService().fetch([source], validate: { _ in nil })[0]
        #expect(report.outcome == .fresh, "\(String(describing: report.error))")
        let text = String(decoding: report.body ?? [], as: UTF8.self)
        #expect(text.contains("周二拜访"))
        #expect(!text.contains("四月会议"))
        #expect(!report.location.redacted.contains(server.password))
    }

    @Test func wrongCredentialsFailWithoutRetrying() async throws {
        let server = try Radicale()
        defer { server.stop() }
        try server.makeCalendar("work", events: [:])
        let location = try FeedLocation("caldav://127.0.0.1:\(server.port)/\(server.user)/work/")
        let report = await FeedService().fetch(
            [FeedSource(location: location, credentials: "\(server.user):wrong", allowInsecureAuth: true)],
            validate: { _ in nil })[0]
        #expect(report.outcome == .failed)
        #expect(report.status == 401)
        #expect(report.error?.message.contains("wrong") == false)
    }
}
