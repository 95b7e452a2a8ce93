// The expected values in this file are transcribed from the examples of RFC 5545 §3.8.5.3 ("Recurrence Rule"),
// all with DTSTART;TZID=America/New_York as the RFC gives it. Each result is written as New York wall time
// ("YYYY-MM-DD HH:MM"); where the RFC abbreviates a list ("September 2-11", "2,4,6...24") it is expanded in full.
// For rules that run forever, the window ends just after the last instance the RFC lists, so the whole result is
// compared with the whole printed list. One example uses the UNTIL value as corrected by verified erratum 3883.

import ICalendar
import Testing
import Timeline

@Suite("RFC 5545 recurrence examples")
struct RFCExampleTests {
    private let newYork = Zone(identifier: "America/New_York")!

    /// The New York wall-clock starts of an event with `DTSTART;TZID=America/New_York:<dtstart>` and `RRULE:<rrule>`
    /// (plus `extra` lines such as EXDATE) inside the window `[windowStart, windowEnd)`.
    private func starts(
        _ dtstart: String, _ rrule: String, extra: [String] = [],
        from windowStart: String = "1997-01-01T00:00:00Z", until windowEnd: String = "2010-01-01T00:00:00Z"
    ) throws -> [String] {
        let lines =
            [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN", "BEGIN:VEVENT", "UID:x",
                "DTSTAMP:19970101T000000Z", "DTSTART;TZID=America/New_York:\(dtstart)", "RRULE:\(rrule)",
            ] + extra + ["END:VEVENT", "END:VCALENDAR"]
        let calendar = try VCalendar.parse(lines.map { $0 + "\r\n" }.joined(), strict: true)
        let window = Interval(Instant(iso8601: windowStart)!, Instant(iso8601: windowEnd)!)
        return calendar.occurrences(in: window, floating: newYork).map { occurrence in
            let (date, time, _) = newYork.local(occurrence.interval.start)
            return "\(date) \(time)"
        }
    }

    // MARK: - Daily

    @Test func dailyForTenOccurrences() throws {
        // (1997 9:00 AM EDT) September 2-11
        #expect(
            try starts("19970902T090000", "FREQ=DAILY;COUNT=10") == [
                "1997-09-02 09:00", "1997-09-03 09:00", "1997-09-04 09:00", "1997-09-05 09:00", "1997-09-06 09:00",
                "1997-09-07 09:00", "1997-09-08 09:00", "1997-09-09 09:00", "1997-09-10 09:00", "1997-09-11 09:00",
            ])
    }

    @Test func dailyUntilDecember24th1997() throws {
        // (1997 9:00 AM EDT) September 2-30;October 1-25
        // (1997 9:00 AM EST) October 26-31;November 1-30;December 1-23
        #expect(
            try starts("19970902T090000", "FREQ=DAILY;UNTIL=19971224T000000Z") == [
                "1997-09-02 09:00", "1997-09-03 09:00", "1997-09-04 09:00", "1997-09-05 09:00", "1997-09-06 09:00",
                "1997-09-07 09:00", "1997-09-08 09:00", "1997-09-09 09:00", "1997-09-10 09:00", "1997-09-11 09:00",
                "1997-09-12 09:00", "1997-09-13 09:00", "1997-09-14 09:00", "1997-09-15 09:00", "1997-09-16 09:00",
                "1997-09-17 09:00", "1997-09-18 09:00", "1997-09-19 09:00", "1997-09-20 09:00", "1997-09-21 09:00",
                "1997-09-22 09:00", "1997-09-23 09:00", "1997-09-24 09:00", "1997-09-25 09:00", "1997-09-26 09:00",
                "1997-09-27 09:00", "1997-09-28 09:00", "1997-09-29 09:00", "1997-09-30 09:00", "1997-10-01 09:00",
                "1997-10-02 09:00", "1997-10-03 09:00", "1997-10-04 09:00", "1997-10-05 09:00", "1997-10-06 09:00",
                "1997-10-07 09:00", "1997-10-08 09:00", "1997-10-09 09:00", "1997-10-10 09:00", "1997-10-11 09:00",
                "1997-10-12 09:00", "1997-10-13 09:00", "1997-10-14 09:00", "1997-10-15 09:00", "1997-10-16 09:00",
                "1997-10-17 09:00", "1997-10-18 09:00", "1997-10-19 09:00", "1997-10-20 09:00", "1997-10-21 09:00",
                "1997-10-22 09:00", "1997-10-23 09:00", "1997-10-24 09:00", "1997-10-25 09:00", "1997-10-26 09:00",
                "1997-10-27 09:00", "1997-10-28 09:00", "1997-10-29 09:00", "1997-10-30 09:00", "1997-10-31 09:00",
                "1997-11-01 09:00", "1997-11-02 09:00", "1997-11-03 09:00", "1997-11-04 09:00", "1997-11-05 09:00",
                "1997-11-06 09:00", "1997-11-07 09:00", "1997-11-08 09:00", "1997-11-09 09:00", "1997-11-10 09:00",
                "1997-11-11 09:00", "1997-11-12 09:00", "1997-11-13 09:00", "1997-11-14 09:00", "1997-11-15 09:00",
                "1997-11-16 09:00", "1997-11-17 09:00", "1997-11-18 09:00", "1997-11-19 09:00", "1997-11-20 09:00",
                "1997-11-21 09:00", "1997-11-22 09:00", "1997-11-23 09:00", "1997-11-24 09:00", "1997-11-25 09:00",
                "1997-11-26 09:00", "1997-11-27 09:00", "1997-11-28 09:00", "1997-11-29 09:00", "1997-11-30 09:00",
                "1997-12-01 09:00", "1997-12-02 09:00", "1997-12-03 09:00", "1997-12-04 09:00", "1997-12-05 09:00",
                "1997-12-06 09:00", "1997-12-07 09:00", "1997-12-08 09:00", "1997-12-09 09:00", "1997-12-10 09:00",
                "1997-12-11 09:00", "1997-12-12 09:00", "1997-12-13 09:00", "1997-12-14 09:00", "1997-12-15 09:00",
                "1997-12-16 09:00", "1997-12-17 09:00", "1997-12-18 09:00", "1997-12-19 09:00", "1997-12-20 09:00",
                "1997-12-21 09:00", "1997-12-22 09:00", "1997-12-23 09:00",
            ])
    }

    @Test func everyOtherDayForever() throws {
        // (1997 9:00 AM EDT) September 2,4,6,8...24,26,28,30; October 2,4,6...20,22,24
        // (1997 9:00 AM EST) October 26,28,30; November 1,3,5,7...25,27,29; December 1,3,...
        // Forever: the window ends after December 3, the last instance the RFC prints.
        #expect(
            try starts("19970902T090000", "FREQ=DAILY;INTERVAL=2", until: "1997-12-04T00:00:00Z") == [
                "1997-09-02 09:00", "1997-09-04 09:00", "1997-09-06 09:00", "1997-09-08 09:00", "1997-09-10 09:00",
                "1997-09-12 09:00", "1997-09-14 09:00", "1997-09-16 09:00", "1997-09-18 09:00", "1997-09-20 09:00",
                "1997-09-22 09:00", "1997-09-24 09:00", "1997-09-26 09:00", "1997-09-28 09:00", "1997-09-30 09:00",
                "1997-10-02 09:00", "1997-10-04 09:00", "1997-10-06 09:00", "1997-10-08 09:00", "1997-10-10 09:00",
                "1997-10-12 09:00", "1997-10-14 09:00", "1997-10-16 09:00", "1997-10-18 09:00", "1997-10-20 09:00",
                "1997-10-22 09:00", "1997-10-24 09:00", "1997-10-26 09:00", "1997-10-28 09:00", "1997-10-30 09:00",
                "1997-11-01 09:00", "1997-11-03 09:00", "1997-11-05 09:00", "1997-11-07 09:00", "1997-11-09 09:00",
                "1997-11-11 09:00", "1997-11-13 09:00", "1997-11-15 09:00", "1997-11-17 09:00", "1997-11-19 09:00",
                "1997-11-21 09:00", "1997-11-23 09:00", "1997-11-25 09:00", "1997-11-27 09:00", "1997-11-29 09:00",
                "1997-12-01 09:00", "1997-12-03 09:00",
            ])
    }

    @Test func everyTenDaysFiveOccurrences() throws {
        #expect(
            try starts("19970902T090000", "FREQ=DAILY;INTERVAL=10;COUNT=5") == [
                "1997-09-02 09:00", "1997-09-12 09:00", "1997-09-22 09:00", "1997-10-02 09:00", "1997-10-12 09:00",
            ])
    }

    /// (1998, 1999 and 2000 9:00 AM EST) January 1-31.
    private static let everyDayInJanuary = [
        "1998-01-01 09:00", "1998-01-02 09:00", "1998-01-03 09:00", "1998-01-04 09:00", "1998-01-05 09:00",
        "1998-01-06 09:00", "1998-01-07 09:00", "1998-01-08 09:00", "1998-01-09 09:00", "1998-01-10 09:00",
        "1998-01-11 09:00", "1998-01-12 09:00", "1998-01-13 09:00", "1998-01-14 09:00", "1998-01-15 09:00",
        "1998-01-16 09:00", "1998-01-17 09:00", "1998-01-18 09:00", "1998-01-19 09:00", "1998-01-20 09:00",
        "1998-01-21 09:00", "1998-01-22 09:00", "1998-01-23 09:00", "1998-01-24 09:00", "1998-01-25 09:00",
        "1998-01-26 09:00", "1998-01-27 09:00", "1998-01-28 09:00", "1998-01-29 09:00", "1998-01-30 09:00",
        "1998-01-31 09:00", "1999-01-01 09:00", "1999-01-02 09:00", "1999-01-03 09:00", "1999-01-04 09:00",
        "1999-01-05 09:00", "1999-01-06 09:00", "1999-01-07 09:00", "1999-01-08 09:00", "1999-01-09 09:00",
        "1999-01-10 09:00", "1999-01-11 09:00", "1999-01-12 09:00", "1999-01-13 09:00", "1999-01-14 09:00",
        "1999-01-15 09:00", "1999-01-16 09:00", "1999-01-17 09:00", "1999-01-18 09:00", "1999-01-19 09:00",
        "1999-01-20 09:00", "1999-01-21 09:00", "1999-01-22 09:00", "1999-01-23 09:00", "1999-01-24 09:00",
        "1999-01-25 09:00", "1999-01-26 09:00", "1999-01-27 09:00", "1999-01-28 09:00", "1999-01-29 09:00",
        "1999-01-30 09:00", "1999-01-31 09:00", "2000-01-01 09:00", "2000-01-02 09:00", "2000-01-03 09:00",
        "2000-01-04 09:00", "2000-01-05 09:00", "2000-01-06 09:00", "2000-01-07 09:00", "2000-01-08 09:00",
        "2000-01-09 09:00", "2000-01-10 09:00", "2000-01-11 09:00", "2000-01-12 09:00", "2000-01-13 09:00",
        "2000-01-14 09:00", "2000-01-15 09:00", "2000-01-16 09:00", "2000-01-17 09:00", "2000-01-18 09:00",
        "2000-01-19 09:00", "2000-01-20 09:00", "2000-01-21 09:00", "2000-01-22 09:00", "2000-01-23 09:00",
        "2000-01-24 09:00", "2000-01-25 09:00", "2000-01-26 09:00", "2000-01-27 09:00", "2000-01-28 09:00",
        "2000-01-29 09:00", "2000-01-30 09:00", "2000-01-31 09:00",
    ]

    @Test func everyDayInJanuaryForThreeYearsYearly() throws {
        let rule = "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA"
        #expect(try starts("19980101T090000", rule) == Self.everyDayInJanuary)
    }

    @Test func everyDayInJanuaryForThreeYearsDaily() throws {
        #expect(try starts("19980101T090000", "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1") == Self.everyDayInJanuary)
    }

    // MARK: - Weekly

    @Test func weeklyForTenOccurrences() throws {
        #expect(
            try starts("19970902T090000", "FREQ=WEEKLY;COUNT=10") == [
                "1997-09-02 09:00", "1997-09-09 09:00", "1997-09-16 09:00", "1997-09-23 09:00", "1997-09-30 09:00",
                "1997-10-07 09:00", "1997-10-14 09:00", "1997-10-21 09:00", "1997-10-28 09:00", "1997-11-04 09:00",
            ])
    }

    @Test func weeklyUntilDecember24th1997() throws {
        #expect(
            try starts("19970902T090000", "FREQ=WEEKLY;UNTIL=19971224T000000Z") == [
                "1997-09-02 09:00", "1997-09-09 09:00", "1997-09-16 09:00", "1997-09-23 09:00", "1997-09-30 09:00",
                "1997-10-07 09:00", "1997-10-14 09:00", "1997-10-21 09:00", "1997-10-28 09:00", "1997-11-04 09:00",
                "1997-11-11 09:00", "1997-11-18 09:00", "1997-11-25 09:00", "1997-12-02 09:00", "1997-12-09 09:00",
                "1997-12-16 09:00", "1997-12-23 09:00",
            ])
    }

    @Test func everyOtherWeekForever() throws {
        // Forever: the window ends after 1998-02-17, the last instance the RFC prints.
        #expect(
            try starts("19970902T090000", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", until: "1998-02-18T00:00:00Z") == [
                "1997-09-02 09:00", "1997-09-16 09:00", "1997-09-30 09:00", "1997-10-14 09:00", "1997-10-28 09:00",
                "1997-11-11 09:00", "1997-11-25 09:00", "1997-12-09 09:00", "1997-12-23 09:00", "1998-01-06 09:00",
                "1998-01-20 09:00", "1998-02-03 09:00", "1998-02-17 09:00",
            ])
    }

    /// (1997 9:00 AM EDT) September 2,4,9,11,16,18,23,25,30; October 2.
    private static let tuesdaysAndThursdaysForFiveWeeks = [
        "1997-09-02 09:00", "1997-09-04 09:00", "1997-09-09 09:00", "1997-09-11 09:00", "1997-09-16 09:00",
        "1997-09-18 09:00", "1997-09-23 09:00", "1997-09-25 09:00", "1997-09-30 09:00", "1997-10-02 09:00",
    ]

    @Test func weeklyOnTuesdayAndThursdayForFiveWeeksUntil() throws {
        let rule = "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH"
        #expect(try starts("19970902T090000", rule) == Self.tuesdaysAndThursdaysForFiveWeeks)
    }

    @Test func weeklyOnTuesdayAndThursdayForFiveWeeksCount() throws {
        let rule = "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH"
        #expect(try starts("19970902T090000", rule) == Self.tuesdaysAndThursdaysForFiveWeeks)
    }

    @Test func everyOtherWeekOnMondayWednesdayAndFridayUntilDecember24th1997() throws {
        let rule = "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR"
        #expect(
            try starts("19970901T090000", rule) == [
                "1997-09-01 09:00", "1997-09-03 09:00", "1997-09-05 09:00", "1997-09-15 09:00", "1997-09-17 09:00",
                "1997-09-19 09:00", "1997-09-29 09:00", "1997-10-01 09:00", "1997-10-03 09:00", "1997-10-13 09:00",
                "1997-10-15 09:00", "1997-10-17 09:00", "1997-10-27 09:00", "1997-10-29 09:00", "1997-10-31 09:00",
                "1997-11-10 09:00", "1997-11-12 09:00", "1997-11-14 09:00", "1997-11-24 09:00", "1997-11-26 09:00",
                "1997-11-28 09:00", "1997-12-08 09:00", "1997-12-10 09:00", "1997-12-12 09:00", "1997-12-22 09:00",
            ])
    }

    @Test func everyOtherWeekOnTuesdayAndThursdayForEightOccurrences() throws {
        #expect(
            try starts("19970902T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH") == [
                "1997-09-02 09:00", "1997-09-04 09:00", "1997-09-16 09:00", "1997-09-18 09:00", "1997-09-30 09:00",
                "1997-10-02 09:00", "1997-10-14 09:00", "1997-10-16 09:00",
            ])
    }

    // MARK: - Monthly

    @Test func monthlyOnTheFirstFridayForTenOccurrences() throws {
        #expect(
            try starts("19970905T090000", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR") == [
                "1997-09-05 09:00", "1997-10-03 09:00", "1997-11-07 09:00", "1997-12-05 09:00", "1998-01-02 09:00",
                "1998-02-06 09:00", "1998-03-06 09:00", "1998-04-03 09:00", "1998-05-01 09:00", "1998-06-05 09:00",
            ])
    }

    @Test func monthlyOnTheFirstFridayUntilDecember24th1997() throws {
        #expect(
            try starts("19970905T090000", "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR") == [
                "1997-09-05 09:00", "1997-10-03 09:00", "1997-11-07 09:00", "1997-12-05 09:00",
            ])
    }

    @Test func everyOtherMonthOnTheFirstAndLastSundayForTenOccurrences() throws {
        #expect(
            try starts("19970907T090000", "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU") == [
                "1997-09-07 09:00", "1997-09-28 09:00", "1997-11-02 09:00", "1997-11-30 09:00", "1998-01-04 09:00",
                "1998-01-25 09:00", "1998-03-01 09:00", "1998-03-29 09:00", "1998-05-03 09:00", "1998-05-31 09:00",
            ])
    }

    @Test func monthlyOnTheSecondToLastMondayForSixMonths() throws {
        #expect(
            try starts("19970922T090000", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO") == [
                "1997-09-22 09:00", "1997-10-20 09:00", "1997-11-17 09:00", "1997-12-22 09:00", "1998-01-19 09:00",
                "1998-02-16 09:00",
            ])
    }

    @Test func monthlyOnTheThirdToTheLastDayForever() throws {
        // Forever: the window ends after 1998-02-26, the last instance the RFC prints.
        #expect(
            try starts("19970928T090000", "FREQ=MONTHLY;BYMONTHDAY=-3", until: "1998-02-27T00:00:00Z") == [
                "1997-09-28 09:00", "1997-10-29 09:00", "1997-11-28 09:00", "1997-12-29 09:00", "1998-01-29 09:00",
                "1998-02-26 09:00",
            ])
    }

    @Test func monthlyOnThe2ndAnd15thForTenOccurrences() throws {
        #expect(
            try starts("19970902T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15") == [
                "1997-09-02 09:00", "1997-09-15 09:00", "1997-10-02 09:00", "1997-10-15 09:00", "1997-11-02 09:00",
                "1997-11-15 09:00", "1997-12-02 09:00", "1997-12-15 09:00", "1998-01-02 09:00", "1998-01-15 09:00",
            ])
    }

    @Test func monthlyOnTheFirstAndLastDayForTenOccurrences() throws {
        #expect(
            try starts("19970930T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1") == [
                "1997-09-30 09:00", "1997-10-01 09:00", "1997-10-31 09:00", "1997-11-01 09:00", "1997-11-30 09:00",
                "1997-12-01 09:00", "1997-12-31 09:00", "1998-01-01 09:00", "1998-01-31 09:00", "1998-02-01 09:00",
            ])
    }

    @Test func every18MonthsOnThe10thThru15thForTenOccurrences() throws {
        #expect(
            try starts("19970910T090000", "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15") == [
                "1997-09-10 09:00", "1997-09-11 09:00", "1997-09-12 09:00", "1997-09-13 09:00", "1997-09-14 09:00",
                "1997-09-15 09:00", "1999-03-10 09:00", "1999-03-11 09:00", "1999-03-12 09:00", "1999-03-13 09:00",
            ])
    }

    @Test func everyTuesdayEveryOtherMonth() throws {
        // Unbounded: the window ends after 1998-03-31, the last instance the RFC prints.
        #expect(
            try starts("19970902T090000", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", until: "1998-04-01T00:00:00Z") == [
                "1997-09-02 09:00", "1997-09-09 09:00", "1997-09-16 09:00", "1997-09-23 09:00", "1997-09-30 09:00",
                "1997-11-04 09:00", "1997-11-11 09:00", "1997-11-18 09:00", "1997-11-25 09:00", "1998-01-06 09:00",
                "1998-01-13 09:00", "1998-01-20 09:00", "1998-01-27 09:00", "1998-03-03 09:00", "1998-03-10 09:00",
                "1998-03-17 09:00", "1998-03-24 09:00", "1998-03-31 09:00",
            ])
    }

    // MARK: - Yearly

    @Test func yearlyInJuneAndJulyForTenOccurrences() throws {
        #expect(
            try starts("19970610T090000", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7") == [
                "1997-06-10 09:00", "1997-07-10 09:00", "1998-06-10 09:00", "1998-07-10 09:00", "1999-06-10 09:00",
                "1999-07-10 09:00", "2000-06-10 09:00", "2000-07-10 09:00", "2001-06-10 09:00", "2001-07-10 09:00",
            ])
    }

    @Test func everyOtherYearOnJanuaryFebruaryAndMarchForTenOccurrences() throws {
        #expect(
            try starts("19970310T090000", "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3") == [
                "1997-03-10 09:00", "1999-01-10 09:00", "1999-02-10 09:00", "1999-03-10 09:00", "2001-01-10 09:00",
                "2001-02-10 09:00", "2001-03-10 09:00", "2003-01-10 09:00", "2003-02-10 09:00", "2003-03-10 09:00",
            ])
    }

    @Test func everyThirdYearOnThe1st100thAnd200thDayForTenOccurrences() throws {
        #expect(
            try starts("19970101T090000", "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200") == [
                "1997-01-01 09:00", "1997-04-10 09:00", "1997-07-19 09:00", "2000-01-01 09:00", "2000-04-09 09:00",
                "2000-07-18 09:00", "2003-01-01 09:00", "2003-04-10 09:00", "2003-07-19 09:00", "2006-01-01 09:00",
            ])
    }

    @Test func every20thMondayOfTheYearForever() throws {
        // Forever: the window ends after 1999-05-17, the last instance the RFC prints.
        #expect(
            try starts("19970519T090000", "FREQ=YEARLY;BYDAY=20MO", until: "1999-05-18T00:00:00Z") == [
                "1997-05-19 09:00", "1998-05-18 09:00", "1999-05-17 09:00",
            ])
    }

    @Test func mondayOfWeekNumber20Forever() throws {
        // Forever: the window ends after 1999-05-17, the last instance the RFC prints.
        #expect(
            try starts("19970512T090000", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", until: "1999-05-18T00:00:00Z") == [
                "1997-05-12 09:00", "1998-05-11 09:00", "1999-05-17 09:00",
            ])
    }

    @Test func everyThursdayInMarchForever() throws {
        // Forever: the window ends after 1999-03-25, the last instance the RFC prints.
        #expect(
            try starts("19970313T090000", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", until: "1999-03-26T00:00:00Z") == [
                "1997-03-13 09:00", "1997-03-20 09:00", "1997-03-27 09:00", "1998-03-05 09:00", "1998-03-12 09:00",
                "1998-03-19 09:00", "1998-03-26 09:00", "1999-03-04 09:00", "1999-03-11 09:00", "1999-03-18 09:00",
                "1999-03-25 09:00",
            ])
    }

    @Test func everyThursdayButOnlyDuringJuneJulyAndAugustForever() throws {
        // Forever: the window ends after 1999-08-26, the last instance the RFC prints.
        #expect(
            try starts("19970605T090000", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", until: "1999-08-27T00:00:00Z") == [
                "1997-06-05 09:00", "1997-06-12 09:00", "1997-06-19 09:00", "1997-06-26 09:00",
                "1997-07-03 09:00", "1997-07-10 09:00", "1997-07-17 09:00", "1997-07-24 09:00", "1997-07-31 09:00",
                "1997-08-07 09:00", "1997-08-14 09:00", "1997-08-21 09:00", "1997-08-28 09:00",
                "1998-06-04 09:00", "1998-06-11 09:00", "1998-06-18 09:00", "1998-06-25 09:00",
                "1998-07-02 09:00", "1998-07-09 09:00", "1998-07-16 09:00", "1998-07-23 09:00", "1998-07-30 09:00",
                "1998-08-06 09:00", "1998-08-13 09:00", "1998-08-20 09:00", "1998-08-27 09:00",
                "1999-06-03 09:00", "1999-06-10 09:00", "1999-06-17 09:00", "1999-06-24 09:00",
                "1999-07-01 09:00", "1999-07-08 09:00", "1999-07-15 09:00", "1999-07-22 09:00", "1999-07-29 09:00",
                "1999-08-05 09:00", "1999-08-12 09:00", "1999-08-19 09:00", "1999-08-26 09:00",
            ])
    }

    // MARK: - Combined BYxxx rules

    @Test func everyFridayThe13thForever() throws {
        // DTSTART (a Tuesday) is excluded by EXDATE. Forever: the window ends after 2000-10-13.
        let exdate = ["EXDATE;TZID=America/New_York:19970902T090000"]
        let rule = "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13"
        #expect(
            try starts("19970902T090000", rule, extra: exdate, until: "2000-10-14T00:00:00Z") == [
                "1998-02-13 09:00", "1998-03-13 09:00", "1998-11-13 09:00", "1999-08-13 09:00", "2000-10-13 09:00",
            ])
    }

    @Test func theFirstSaturdayThatFollowsTheFirstSundayOfTheMonth() throws {
        // Forever: the window ends after 1998-06-13, the last instance the RFC prints.
        let rule = "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13"
        #expect(
            try starts("19970913T090000", rule, until: "1998-06-14T00:00:00Z") == [
                "1997-09-13 09:00", "1997-10-11 09:00", "1997-11-08 09:00", "1997-12-13 09:00", "1998-01-10 09:00",
                "1998-02-07 09:00", "1998-03-07 09:00", "1998-04-11 09:00", "1998-05-09 09:00", "1998-06-13 09:00",
            ])
    }

    @Test func everyFourYearsTheFirstTuesdayAfterAMondayInNovember() throws {
        // U.S. Presidential Election day. DTSTART is in 1996, so the window opens earlier than usual.
        // Forever: the window ends after 2004-11-02, the last instance the RFC prints.
        let rule = "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8"
        #expect(
            try starts("19961105T090000", rule, from: "1996-01-01T00:00:00Z", until: "2004-11-03T00:00:00Z") == [
                "1996-11-05 09:00", "2000-11-07 09:00", "2004-11-02 09:00",
            ])
    }

    @Test func theThirdInstanceOfTuesdayWednesdayOrThursdayForTheNextThreeMonths() throws {
        #expect(
            try starts("19970904T090000", "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3") == [
                "1997-09-04 09:00", "1997-10-07 09:00", "1997-11-06 09:00",
            ])
    }

    @Test func theSecondToLastWeekdayOfTheMonth() throws {
        // Forever: the window ends after 1998-03-30, the last instance the RFC prints.
        let rule = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2"
        #expect(
            try starts("19970929T090000", rule, until: "1998-03-31T00:00:00Z") == [
                "1997-09-29 09:00", "1997-10-30 09:00", "1997-11-27 09:00", "1997-12-30 09:00", "1998-01-29 09:00",
                "1998-02-26 09:00", "1998-03-30 09:00",
            ])
    }

    // MARK: - Hourly and minutely

    @Test func everyThreeHoursFrom9AMTo5PMOnASpecificDay() throws {
        // The RFC prints UNTIL=19970902T170000Z, which is 13:00 EDT and so would stop after 12:00; verified
        // erratum 3883 corrects it to 19970902T210000Z (17:00 EDT), which gives the listed 09:00, 12:00, 15:00.
        #expect(
            try starts("19970902T090000", "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z") == [
                "1997-09-02 09:00", "1997-09-02 12:00", "1997-09-02 15:00",
            ])
    }

    @Test func every15MinutesForSixOccurrences() throws {
        #expect(
            try starts("19970902T090000", "FREQ=MINUTELY;INTERVAL=15;COUNT=6") == [
                "1997-09-02 09:00", "1997-09-02 09:15", "1997-09-02 09:30", "1997-09-02 09:45", "1997-09-02 10:00",
                "1997-09-02 10:15",
            ])
    }

    @Test func everyHourAndAHalfForFourOccurrences() throws {
        #expect(
            try starts("19970902T090000", "FREQ=MINUTELY;INTERVAL=90;COUNT=4") == [
                "1997-09-02 09:00", "1997-09-02 10:30", "1997-09-02 12:00", "1997-09-02 13:30",
            ])
    }

    /// (September 2 and 3, 1997 EDT) 9:00,9:20,9:40,10:00,10:20,...16:00,16:20,16:40.
    private static let every20MinutesOnTwoDays = [
        "1997-09-02 09:00", "1997-09-02 09:20", "1997-09-02 09:40", "1997-09-02 10:00", "1997-09-02 10:20",
        "1997-09-02 10:40", "1997-09-02 11:00", "1997-09-02 11:20", "1997-09-02 11:40", "1997-09-02 12:00",
        "1997-09-02 12:20", "1997-09-02 12:40", "1997-09-02 13:00", "1997-09-02 13:20", "1997-09-02 13:40",
        "1997-09-02 14:00", "1997-09-02 14:20", "1997-09-02 14:40", "1997-09-02 15:00", "1997-09-02 15:20",
        "1997-09-02 15:40", "1997-09-02 16:00", "1997-09-02 16:20", "1997-09-02 16:40", "1997-09-03 09:00",
        "1997-09-03 09:20", "1997-09-03 09:40", "1997-09-03 10:00", "1997-09-03 10:20", "1997-09-03 10:40",
        "1997-09-03 11:00", "1997-09-03 11:20", "1997-09-03 11:40", "1997-09-03 12:00", "1997-09-03 12:20",
        "1997-09-03 12:40", "1997-09-03 13:00", "1997-09-03 13:20", "1997-09-03 13:40", "1997-09-03 14:00",
        "1997-09-03 14:20", "1997-09-03 14:40", "1997-09-03 15:00", "1997-09-03 15:20", "1997-09-03 15:40",
        "1997-09-03 16:00", "1997-09-03 16:20", "1997-09-03 16:40",
    ]

    @Test func every20MinutesFrom9AMTo440PMEveryDayDaily() throws {
        // Forever: the window ends after 16:40 on September 3, the last day the RFC prints.
        let rule = "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40"
        #expect(try starts("19970902T090000", rule, until: "1997-09-04T00:00:00Z") == Self.every20MinutesOnTwoDays)
    }

    @Test func every20MinutesFrom9AMTo440PMEveryDayMinutely() throws {
        // Forever: the window ends after 16:40 on September 3, the last day the RFC prints.
        let rule = "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16"
        #expect(try starts("19970902T090000", rule, until: "1997-09-04T00:00:00Z") == Self.every20MinutesOnTwoDays)
    }

    // MARK: - WKST and invalid dates

    @Test func daysGeneratedDependOnWeekStartMonday() throws {
        #expect(
            try starts("19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO") == [
                "1997-08-05 09:00", "1997-08-10 09:00", "1997-08-19 09:00", "1997-08-24 09:00",
            ])
    }

    @Test func daysGeneratedDependOnWeekStartSunday() throws {
        #expect(
            try starts("19970805T090000", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU") == [
                "1997-08-05 09:00", "1997-08-17 09:00", "1997-08-19 09:00", "1997-08-31 09:00",
            ])
    }

    @Test func anInvalidDateIsIgnored() throws {
        // February 30 does not exist, so February contributes only the 15th.
        #expect(
            try starts("20070115T090000", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5") == [
                "2007-01-15 09:00", "2007-01-30 09:00", "2007-02-15 09:00", "2007-03-15 09:00", "2007-03-30 09:00",
            ])
    }
}
