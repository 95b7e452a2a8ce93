import Foundation
import ICalendar
import TestSupport
import Testing
import Timeline

let shanghai = Zone(identifier: "Asia/Shanghai")!

func fixture(_ name: String) throws -> String {
    try String(contentsOfFile: Fixtures.path("Tests/ICalendarTests/Fixtures/\(name)"), encoding: .utf8)
}

/// The week of 2022-03-07 (Mon) to 2022-03-12 (Sat) 00:00 in Shanghai.
let week = Interval(
    shanghai.instant(LocalDate(iso: "2022-03-07")!, TimeOfDay(minutes: 0)),
    shanghai.instant(LocalDate(iso: "2022-03-12")!, TimeOfDay(minutes: 0)))

@Suite("Recurrence and busy time")
struct RecurrenceTests {
    let occurrences: [Occurrence]
    let calendar: VCalendar

    init() throws {
        calendar = try VCalendar.parse(try fixture("recurring.ics"), strict: true)
        occurrences = calendar.occurrences(in: week, floating: shanghai)
    }

    func starts(_ uid: String) -> [String] {
        occurrences.filter { $0.uid == uid }.map(\.interval.start.iso8601)
    }

    @Test func dailyCountWithAnExcludedDate() {
        #expect(
            starts("standup@example.com") == [
                "2022-03-07T01:00:00Z", "2022-03-08T01:00:00Z", "2022-03-10T01:00:00Z", "2022-03-11T01:00:00Z",
            ])
        #expect(occurrences.first { $0.uid == "standup@example.com" }?.interval.seconds == 1800)
    }

    @Test func weeklyByDayUntilWithAnOverrideInAWindowsZone() throws {
        let review = occurrences.filter { $0.uid == "review@example.com" }
        #expect(review.map(\.interval.start.iso8601) == ["2022-03-08T02:00:00Z", "2022-03-10T06:00:00Z"])
        let moved = try #require(review.first)
        #expect(moved.summary == "评审会（改期）")
        #expect(moved.recurrenceID?.iso8601 == "2022-03-08T06:00:00Z")
        #expect(review.last?.interval.end.iso8601 == "2022-03-10T08:00:00Z")
    }

    @Test func intervalTwoSkipsTheWeek() {
        #expect(starts("fortnightly@example.com").isEmpty)
        let later = Interval(Instant(iso8601: "2022-03-14T00:00:00Z")!, Instant(iso8601: "2022-03-15T00:00:00Z")!)
        #expect(
            calendar.occurrences(in: later, floating: shanghai).filter { $0.uid == "fortnightly@example.com" }.count
                == 1)
    }

    @Test func allDayEventsRunMidnightToMidnightLocal() throws {
        let expo = try #require(occurrences.first { $0.uid == "expo@example.com" })
        #expect(
            expo.interval
                == Interval(Instant(iso8601: "2022-03-09T16:00:00Z")!, Instant(iso8601: "2022-03-11T16:00:00Z")!))
        #expect(expo.allDayDates?.start == LocalDate(iso: "2022-03-10"))
        #expect(expo.recurrenceID == nil)
    }

    @Test func floatingTimesAreReadInTheGivenZone() {
        #expect(starts("floating@example.com") == ["2022-03-09T08:00:00Z"])
    }

    @Test func durationDaysAreNominal() throws {
        let trip = try #require(occurrences.first { $0.uid == "trip@example.com" })
        #expect(trip.interval.end.iso8601 == "2022-03-12T10:00:00Z")
    }

    @Test func transparentAndCancelledEventsDoNotBlock() {
        let busy = calendar.busy(in: week, floating: shanghai)
        let marker = Interval(Instant(iso8601: "2022-03-07T03:00:00Z")!, Instant(iso8601: "2022-03-07T04:00:00Z")!)
        let cancelled = Interval(Instant(iso8601: "2022-03-08T07:00:00Z")!, Instant(iso8601: "2022-03-08T09:00:00Z")!)
        #expect(!busy.overlaps(marker))
        #expect(!busy.overlaps(cancelled))
        #expect(occurrences.contains { $0.uid == "cancelled@example.com" && $0.status == "CANCELLED" })
        #expect(
            busy.contains(
                Interval(Instant(iso8601: "2022-03-07T01:00:00Z")!, Instant(iso8601: "2022-03-07T01:30:00Z")!)))
    }

    @Test func freeTimeIsHoursMinusBusy() {
        let days = (7...11).map { LocalDate(year: 2022, month: 3, day: $0)! }
        let free = calendar.freeTime(hours: DailyHours("09:00-17:30")!, on: days, zone: shanghai)
        let monday = free.clipped(to: shanghai.day(days[0]))
        #expect(monday.intervals.map { "\(shanghai.clock($0.start))-\(shanghai.clock($0.end))" } == ["09:30-17:30"])
        // Thursday and Friday are the expo: no free time.
        #expect(free.clipped(to: shanghai.day(days[3])).isEmpty)
        #expect(free.clipped(to: shanghai.day(days[4])).isEmpty)
    }

    @Test func theSampleStaffCalendarBlocksTheMondayMeeting() throws {
        let text = try String(contentsOfFile: Fixtures.path("schedules/2022-w10/feeds/staff-liu.ics"), encoding: .utf8)
        let liu = try VCalendar.parse(text, strict: true)
        let busy = liu.busy(in: week, floating: shanghai)
        #expect(
            busy.contains(
                Interval(Instant(iso8601: "2022-03-07T00:30:00Z")!, Instant(iso8601: "2022-03-07T02:00:00Z")!)))
        // The all-day 两会 marker is transparent and must not swallow the week.
        #expect(
            !busy.contains(
                Interval(Instant(iso8601: "2022-03-09T02:00:00Z")!, Instant(iso8601: "2022-03-09T03:00:00Z")!)))
    }
}

@Suite("Published availability (RFC 7953)")
struct AvailabilityTests {
    @Test func availableSlotsReplaceBusinessHoursAndHigherPriorityWins() throws {
        let calendar = try VCalendar.parse(try fixture("availability.ics"), strict: true)
        let days = (7...11).map { LocalDate(year: 2022, month: 3, day: $0)! }
        let free = calendar.freeTime(hours: DailyHours("09:00-17:30")!, on: days, zone: shanghai)
        let text = free.intervals.map {
            "\(shanghai.date(of: $0.start).day) \(shanghai.clock($0.start))-\(shanghai.clock($0.end))"
        }
        #expect(
            text == [
                "7 10:00-12:00", "8 10:00-10:30", "8 11:00-12:00", "9 14:00-16:00", "10 10:00-12:00", "11 10:00-12:00",
            ])
    }

    @Test func unavailableTimeIsBusy() throws {
        let calendar = try VCalendar.parse(try fixture("availability.ics"), strict: true)
        let monday = shanghai.day(LocalDate(iso: "2022-03-07")!)
        let busy = calendar.busy(in: monday, floating: shanghai)
        #expect(
            busy.intervals.map { "\(shanghai.clock($0.start))-\(shanghai.clock($0.end))" } == [
                "00:00-10:00", "12:00-00:00",
            ])
    }
}

@Suite("Series that began long ago")
struct LongRunningSeriesTests {
    @Test func aWeeklyMeetingSince2005StillMeetsIn2024() throws {
        let calendar = try VCalendar.parse(try fixture("weekly-since-2005.ics"), strict: true)
        let window = Interval(
            Instant(iso8601: "2024-03-01T00:00:00+08:00")!, Instant(iso8601: "2024-03-15T00:00:00+08:00")!)
        #expect(
            calendar.occurrences(in: window, floating: shanghai).map(\.interval.start.iso8601) == [
                "2024-03-04T00:30:00Z", "2024-03-11T00:30:00Z",
            ])
    }
}
