import Foundation
import ICalendar
import TestSupport
import Testing
import Timeline

@Suite("Recurrence limits: said, and fail safe")
struct RecurrenceLimitTests {
    /// The busy time of one event's calendar in a week, with the warnings expanding it gave.
    func busy(_ event: String, in week: Interval) throws -> (
        busy: IntervalSet, warnings: [Diagnostic], read: [Diagnostic]
    ) {
        let calendar = try VCalendar.parse(calendarText(["UID:e\n" + event]), strict: false)
        var warnings: [Diagnostic] = []
        let busy = calendar.busy(in: week, floating: .utc, diagnostics: &warnings)
        return (busy, warnings, calendar.diagnostics)
    }

    let week = window("2022-03-07T00:00:00Z", "2022-03-14T00:00:00Z")

    @Test func secondlyRulesFromLongAgoAreBusyInTheWeek() throws {
        // Every hour on the hour, written as SECONDLY from 1990: 30 minutes busy each hour.
        let hourly = try busy("DTSTART:19900101T000000Z\nDURATION:PT30M\nRRULE:FREQ=SECONDLY;INTERVAL=3600", in: week)
        #expect(hourly.warnings.isEmpty)
        #expect(hourly.busy.seconds == 7 * 24 * 1800)
        #expect(hourly.busy.contains(window("2022-03-09T13:00:00Z", "2022-03-09T13:30:00Z")))
        // 09:00:00 every day, picked out of every second by BYHOUR/BYMINUTE/BYSECOND.
        let nine = try busy(
            "DTSTART:19900101T000000Z\nDURATION:PT1H\nRRULE:FREQ=SECONDLY;BYHOUR=9;BYMINUTE=0;BYSECOND=0", in: week)
        #expect(nine.warnings.isEmpty)
        #expect(nine.busy.intervals.count == 7)
        #expect(nine.busy.contains(window("2022-03-11T09:00:00Z", "2022-03-11T10:00:00Z")))
        // With COUNT, counted arithmetically: every second since 2022-03-01 00:00, 800,000 of them (to 03-10 06:13:20).
        let counted = try busy(
            "DTSTART:20220301T000000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY;INTERVAL=60;COUNT=13000", in: week)
        #expect(counted.warnings.isEmpty)
        // 13,000 minutes from 03-01 00:00 end on 03-10 00:39; the week starts 03-07 (8,640 minutes in).
        #expect(counted.busy.intervals.count == 13_000 - 8_640)
    }

    @Test func rareRulesAreFoundAcrossLongGaps() throws {
        // Friday the 13th of March: 2026, then 2037 (eleven dry years), 2043, 2048.
        let friday =
            "DTSTART:20260313T090000Z\nDURATION:PT1H\nRRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=13;BYDAY=FR;COUNT=4"
        let in2037 = try busy(friday, in: window("2037-03-09T00:00:00Z", "2037-03-16T00:00:00Z"))
        #expect(in2037.busy.intervals == [window("2037-03-13T09:00:00Z", "2037-03-13T10:00:00Z")])
        let in2048 = try busy(friday, in: window("2048-03-09T00:00:00Z", "2048-03-16T00:00:00Z"))
        #expect(in2048.busy.intervals == [window("2048-03-13T09:00:00Z", "2048-03-13T10:00:00Z")])
        // A Monday 29 February: 2016, then 2044 (28 dry years), 2072.
        let leap = "DTSTART:20160229T090000Z\nDURATION:PT1H\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;COUNT=3"
        let in2044 = try busy(leap, in: window("2044-02-29T00:00:00Z", "2044-03-07T00:00:00Z"))
        #expect(in2044.busy.intervals == [window("2044-02-29T09:00:00Z", "2044-02-29T10:00:00Z")])
        let in2072 = try busy(leap, in: window("2072-02-29T00:00:00Z", "2072-03-07T00:00:00Z"))
        #expect(in2072.busy.intervals == [window("2072-02-29T09:00:00Z", "2072-02-29T10:00:00Z")])
        // A rule that can never match is empty, quickly and without a warning.
        let never = try busy(
            "DTSTART:20200101T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", in: week)
        #expect(never.busy.isEmpty && never.warnings.isEmpty)
    }

    @Test func aLimitHitWarnsAndTheWholeSpanIsBusy() throws {
        // Every second of the week: more instances than RecurrenceLimits.maximumInstances.
        let everySecond = try busy("DTSTART:20220301T000000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY", in: week)
        #expect(everySecond.warnings.count == 1)
        #expect(everySecond.warnings.first?.message.contains("RecurrenceLimits.maximumInstances") == true)
        #expect(everySecond.busy.intervals == [week])
        // Every second of 09:00–10:00 since 1990, COUNT far away: walked from DTSTART until maximumPeriods.
        let walked = try busy(
            "DTSTART:19900101T090000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY;BYHOUR=9;COUNT=900000000", in: week)
        #expect(walked.warnings.first?.message.contains("RecurrenceLimits.maximumPeriods") == true)
        #expect(walked.busy.intervals == [week])
        // The span ends with UNTIL (plus the instance's length).
        let until = try busy(
            "DTSTART:20220301T000000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY;UNTIL=20220310T120000Z", in: week)
        #expect(until.busy.intervals == [window("2022-03-07T00:00:00Z", "2022-03-11T12:00:01Z")])
        // Transparent events stay free even then.
        let free = try busy(
            "DTSTART:20220301T000000Z\nDURATION:PT1S\nTRANSP:TRANSPARENT\nRRULE:FREQ=SECONDLY", in: week)
        #expect(free.busy.isEmpty && free.warnings.count == 1)
    }

    @Test func aLunarRuleWalkedPastItsStepLimitIsBusyAndSaid() throws {
        // Every lunar month since 1100: more than ChineseRecurrence's 10,000 months before the window.
        let ancient = try busy("DTSTART;VALUE=DATE:11000101\nRRULE:RSCALE=CHINESE;FREQ=MONTHLY", in: week)
        #expect(ancient.warnings.first?.message.contains("ChineseRecurrence.maximumSteps") == true)
        #expect(ancient.busy.intervals == [week])
        // From 1950 the walk reaches the window, and only the lunar first days are busy.
        let recent = try busy("DTSTART;VALUE=DATE:19500217\nRRULE:RSCALE=CHINESE;FREQ=MONTHLY", in: week)
        #expect(recent.warnings.isEmpty)
        #expect(recent.busy.intervals != [week])
    }

    @Test func nonsenseValuesAreWarnedAndReadSafely() throws {
        let negativeCount = try busy("DTSTART:20220301T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=-5", in: week)
        #expect(negativeCount.read.contains { !$0.isError && $0.message.contains("COUNT=-5 is negative") })
        #expect(negativeCount.busy.intervals.count == 7)
        let zeroCount = try busy("DTSTART:20220308T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=0", in: week)
        #expect(zeroCount.read.contains { $0.message.contains("COUNT=0") })
        #expect(zeroCount.busy.intervals == [window("2022-03-08T09:00:00Z", "2022-03-08T10:00:00Z")])
        let untilBefore = try busy(
            "DTSTART:20220308T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;UNTIL=20220101T000000Z", in: week)
        #expect(untilBefore.read.contains { $0.message.contains("UNTIL is before DTSTART") })
        #expect(untilBefore.busy.intervals == [window("2022-03-08T09:00:00Z", "2022-03-08T10:00:00Z")])
        let negativeDuration = try busy("DTSTART:20220308T090000Z\nDURATION:-PT1H\nRRULE:FREQ=DAILY;COUNT=2", in: week)
        #expect(negativeDuration.read.contains { $0.message.contains("is negative; read as its magnitude") })
        #expect(negativeDuration.busy.seconds == 2 * 3600)
        // Errors stay errors: the event is skipped with a diagnostic, and a strict read refuses.
        let zeroInterval = try busy("DTSTART:20220308T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;INTERVAL=0", in: week)
        #expect(zeroInterval.read.contains { $0.isError && $0.message.contains("INTERVAL") })
    }
}
