import ICalendar
import Testing
import Timeline

/// RFC 7529 (RSCALE, SKIP) with the Chinese calendar, and SKIP on the Gregorian one.
@Suite("Lunar and skipped dates")
struct LunarTests {
    func dates(_ start: String, _ rule: String, from: String, to: String) throws -> [String] {
        let text = """
            BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:lunar\r\nDTSTAMP:20120101T000000Z\r
            DTSTART;VALUE=DATE:\(start)\r\nRRULE:\(rule)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
            """
        let calendar = try VCalendar.parse(text, strict: true)
        let zone = Zone(identifier: "Asia/Shanghai")!
        let window = Interval(Instant(iso8601: from, zone: zone)!, Instant(iso8601: to, zone: zone)!)
        return calendar.occurrences(in: window, floating: zone).compactMap { $0.allDayDates?.start.description }
    }

    @Test func springFestivalEveryYear() throws {
        // RFC 7529 §4.3.1: Chinese New Year.
        #expect(
            try dates("20130210", "RSCALE=CHINESE;FREQ=YEARLY", from: "2013-01-01", to: "2017-01-01")
                == ["2013-02-10", "2014-01-31", "2015-02-19", "2016-02-08"])
    }

    @Test func midAutumnFestivalOnTheFifteenthOfTheEighthMonth() throws {
        #expect(
            try dates("20230929", "RSCALE=CHINESE;FREQ=YEARLY", from: "2023-01-01", to: "2027-01-01")
                == ["2023-09-29", "2024-09-17", "2025-10-06", "2026-09-25"])
    }

    @Test func gregorianLeapDayAnniversarySkipsForward() throws {
        // RFC 7529 §4.3.4.
        #expect(
            try dates("20120229", "RSCALE=GREGORIAN;FREQ=YEARLY;SKIP=FORWARD", from: "2012-01-01", to: "2017-01-01")
                == ["2012-02-29", "2013-03-01", "2014-03-01", "2015-03-01", "2016-02-29"])
        #expect(
            try dates("20120229", "RSCALE=GREGORIAN;FREQ=YEARLY;SKIP=BACKWARD", from: "2012-01-01", to: "2014-01-01")
                == ["2012-02-29", "2013-02-28"])
        // Without RSCALE the RFC 5545 rule holds: invalid dates are skipped.
        #expect(
            try dates("20120229", "FREQ=YEARLY", from: "2012-01-01", to: "2017-01-01") == ["2012-02-29", "2016-02-29"])
    }

    @Test func anUnknownScaleIsADiagnostic() throws {
        let text = """
            BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20120101T000000Z\r
            DTSTART;VALUE=DATE:20130906\r\nRRULE:RSCALE=ETHIOPIC;FREQ=MONTHLY;BYMONTH=13\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n
            """
        let calendar = try VCalendar.parse(text)
        #expect(calendar.events.isEmpty)
        #expect(calendar.diagnostics.contains { $0.line == 8 && $0.message.contains("RSCALE=ETHIOPIC") })
        #expect(throws: ICalendarError.self) { try VCalendar.parse(text, strict: true) }
    }
}
