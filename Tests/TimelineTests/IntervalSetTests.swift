import Testing
import Timeline

private func t(_ minutes: Int) -> Instant { Instant(seconds: Int64(minutes) * 60) }
private func span(_ a: Int, _ b: Int) -> Interval { Interval(t(a), t(b)) }

@Suite("IntervalSet algebra")
struct IntervalSetTests {
    @Test func unionMergesOverlappingAndTouching() {
        let set = IntervalSet([span(0, 10), span(5, 20), span(20, 30), span(40, 50)])
        #expect(set.intervals == [span(0, 30), span(40, 50)])
    }

    @Test func subtractCutsHolesAndEnds() {
        let hours = IntervalSet([span(0, 100)])
        let busy = IntervalSet([span(-10, 5), span(20, 30), span(90, 200)])
        #expect(hours.subtracting(busy).intervals == [span(5, 20), span(30, 90)])
    }

    @Test func intersectionKeepsCommonParts() {
        let a = IntervalSet([span(0, 10), span(20, 30)])
        let b = IntervalSet([span(5, 25)])
        #expect(a.intersection(b).intervals == [span(5, 10), span(20, 25)])
    }

    @Test func firstOverlapAgreesWithClipping() {
        let busy = IntervalSet([span(10, 20), span(30, 40), span(60, 61)])
        // Every window from 0 to 70 minutes, against the slow definition: the first clipped part's interval.
        for start in 0...70 {
            for end in start...70 {
                let window = span(start, end)
                let expected = busy.clipped(to: window).intervals.first.flatMap { part in
                    busy.intervals.first { $0.overlaps(part) }
                }
                #expect(busy.firstOverlap(with: window) == expected, "\(start)-\(end)")
                #expect(busy.overlaps(window) == (expected != nil))
            }
        }
    }

    @Test func gapsAreTheComplementInsideAWindow() {
        let busy = IntervalSet([span(10, 20), span(30, 40)])
        #expect(busy.gaps(in: span(0, 50)).intervals == [span(0, 10), span(20, 30), span(40, 50)])
    }

    @Test func containsNeedsOneWholeInterval() {
        let set = IntervalSet([span(0, 10), span(10, 20), span(30, 40)])
        #expect(set.contains(span(5, 15)))
        #expect(!set.contains(span(15, 35)))
        #expect(set.contains(t(39)))
        #expect(!set.contains(t(40)))
    }

    @Test func earliestFitFindsTheFirstLongEnoughStretch() {
        let set = IntervalSet([span(0, 30), span(60, 80), span(100, 200)])
        #expect(set.earliestFit(seconds: 20 * 60, notBefore: t(15)) == t(60))
        #expect(set.earliestFit(seconds: 50 * 60, notBefore: t(0)) == t(100))
        #expect(set.earliestFit(seconds: 200 * 60, notBefore: t(0)) == nil)
    }
}

@Suite("Local dates, times and zones")
struct LocalTimeTests {
    @Test(arguments: [
        ("1970-01-01", Int64(0)), ("2022-03-07", Int64(19_058)), ("2024-02-29", Int64(19_782)),
        ("1969-12-31", Int64(-1)),
    ])
    func daysSinceEpochRoundTrip(text: String, days: Int64) {
        let date = LocalDate(iso: text)!
        #expect(date.daysSinceEpoch == days)
        #expect(LocalDate(daysSinceEpoch: days) == date)
        #expect(date.description == text)
    }

    @Test func invalidDatesAreRejected() {
        #expect(LocalDate(year: 2022, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(iso: "2022-13-01") == nil)
    }

    @Test func weekdays() {
        #expect(LocalDate(iso: "2022-03-07")!.weekday == .monday)
        #expect(LocalDate(iso: "2022-03-13")!.weekday == .sunday)
    }

    @Test func shanghaiIsEightHoursAhead() {
        let zone = Zone(identifier: "Asia/Shanghai")!
        let instant = zone.instant(LocalDate(iso: "2022-03-07")!, TimeOfDay("09:00")!)
        #expect(instant.iso8601 == "2022-03-07T01:00:00Z")
        #expect(zone.clock(instant) == "09:00")
    }

    @Test func aTimeInTheSpringGapMovesForward() {
        let zone = Zone(identifier: "America/New_York")!
        let instant = zone.instant(LocalDate(iso: "2024-03-10")!, TimeOfDay("02:30")!)
        #expect(instant.iso8601 == "2024-03-10T07:30:00Z")  // read with EST, i.e. 03:30 EDT
    }

    @Test func aRepeatedAutumnTimeTakesItsFirstOccurrence() {
        let zone = Zone(identifier: "America/New_York")!
        let instant = zone.instant(LocalDate(iso: "2024-11-03")!, TimeOfDay("01:30")!)
        #expect(instant.iso8601 == "2024-11-03T05:30:00Z")  // EDT
    }

    @Test(arguments: [
        ("2022-03-07T07:00+08:00", "2022-03-06T23:00:00Z"), ("2022-03-07T07:00:30Z", "2022-03-07T07:00:30Z"),
        ("2022-03-07T07:00", "2022-03-06T23:00:00Z"), ("2022-03-07", "2022-03-06T16:00:00Z"),
    ])
    func isoParsing(text: String, expected: String) {
        #expect(Instant(iso8601: text, zone: Zone(identifier: "Asia/Shanghai")!)?.iso8601 == expected)
    }

    @Test func dailyHoursParse() {
        #expect(DailyHours("09:00-17:30")?.description == "09:00-17:30")
        #expect(DailyHours("18:00-09:00") == nil)
        #expect(DailyHours("9-5") == nil)
    }
}
