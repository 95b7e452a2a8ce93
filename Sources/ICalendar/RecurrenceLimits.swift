import Timeline

/// The bounds on expanding one recurring event for one window. Hitting one is never silent: the expansion warns
/// (a diagnostic on the event's line) and the event's whole span inside the window counts as busy.
public enum RecurrenceLimits {
    /// The most periods (FREQ × INTERVAL steps) examined per event per expansion. Rules without COUNT, and COUNT
    /// rules whose periods all yield the same number of instances, start next to the window, so only COUNT rules
    /// that must be walked from a DTSTART long ago (`FREQ=SECONDLY;BYHOUR=9;COUNT=…` from 1990) can reach it.
    public static let maximumPeriods = 200_000
    /// The most instances of one event near one window: one every 43 seconds for the ten days around a week (a week
    /// of `FREQ=SECONDLY` has 604,800).
    public static let maximumInstances = 20_000
    /// Years after which a rule that has matched nothing never will: the Gregorian calendar repeats every 400 years
    /// (146,097 days, a whole number of weeks); with an INTERVAL the cycle is the least common multiple of the two.
    public static let cycleYears = 400
}

extension RecurrenceIterator {
    /// Wall-clock seconds without a match after which the rule is empty for good, nil when the cycle is too long to
    /// compute (then `RecurrenceLimits.maximumPeriods` ends the walk, with a warning).
    var drySeconds: Int64? {
        let cycleDays: Int64 = 146_097
        let day: Int64 = 86_400
        let interval = Int64(rule.interval)
        func lcm(_ a: Int64, _ b: Int64) -> Int64? {
            var (x, y) = (a, b)
            while y != 0 { (x, y) = (y, x % y) }
            let (product, overflow) = (a / x).multipliedReportingOverflow(by: b)
            return overflow ? nil : product
        }
        // The cycle in units of the frequency, times an upper bound of the unit's length, plus two periods.
        let cycle: (units: Int64?, seconds: Int64, period: Int64)
        switch rule.frequency {
        case .yearly: cycle = (lcm(interval, Int64(RecurrenceLimits.cycleYears)), 366 * day, 366 * day * interval)
        case .monthly: cycle = (lcm(interval, Int64(RecurrenceLimits.cycleYears) * 12), 31 * day, 31 * day * interval)
        case .weekly: cycle = (lcm(interval, cycleDays / 7), 7 * day, 7 * day * interval)
        case .daily: cycle = (lcm(interval, cycleDays), day, day * interval)
        case .hourly: cycle = (lcm(interval * 3600, cycleDays * day), 1, 3600 * interval)
        case .minutely: cycle = (lcm(interval * 60, cycleDays * day), 1, 60 * interval)
        case .secondly: cycle = (lcm(interval, cycleDays * day), 1, interval)
        }
        guard let units = cycle.units else { return nil }
        let (seconds, overflow) = units.multipliedReportingOverflow(by: cycle.seconds)
        guard !overflow, seconds < Int64.max / 4 else { return nil }
        return seconds + 2 * cycle.period
    }

    /// The next period worth examining after period `k` (starting at `begin`) yielded nothing: for rules finer than
    /// a day, the first period at or after the next wall time whose day, hour, minute and second pass the rule's
    /// filters (BYHOUR filters HOURLY periods; BYHOUR and BYMINUTE MINUTELY ones; all three SECONDLY ones).
    func nextPeriod(after k: Int, begin: LocalDateTime) -> Int {
        let unit: Int64
        switch rule.frequency {
        case .hourly: unit = 3600
        case .minutely: unit = 60
        case .secondly: unit = 1
        default: return k + 1
        }
        guard let base = periodStart(0)?.wallSeconds else { return k + 1 }
        let target = nextMatchingTime(after: begin.wallSeconds, unit: unit)
        let step = unit * Int64(rule.interval)
        let periods = (target - base + step - 1) / step
        return max(k + 1, periods >= Int64(Int.max / 2) ? Int.max / 2 : Int(periods))
    }

    /// The first wall time after `wall`, on a `unit` boundary, that the day and time filters let through (or where
    /// the search gave up, a thousand jumps on: the walk goes on from there).
    private func nextMatchingTime(after wall: Int64, unit: Int64) -> Int64 {
        func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
        let hours = Set(rule.byHour)
        let minutes = unit <= 60 ? Set(rule.byMinute) : []
        let seconds = unit == 1 ? Set(rule.bySecond) : []
        var t = floorDiv(wall, unit) * unit + unit
        for _ in 0..<1000 {
            let day = floorDiv(t, 86_400)
            let midnight = day * 86_400
            let time = Int(t - midnight)
            let (h, m, s) = (time / 3600, time / 60 % 60, time % 60)
            if !dayMatches(LocalDate(daysSinceEpoch: day)) {
                t = midnight + 86_400
            } else if !hours.isEmpty && !hours.contains(h) {
                t = hours.filter { $0 > h }.min().map { midnight + Int64($0) * 3600 } ?? midnight + 86_400
            } else if !minutes.isEmpty && !minutes.contains(m) {
                let hour = midnight + Int64(h) * 3600
                t = minutes.filter { $0 > m }.min().map { hour + Int64($0) * 60 } ?? hour + 3600
            } else if !seconds.isEmpty && !seconds.contains(s) {
                let minute = midnight + Int64(h) * 3600 + Int64(m) * 60
                t = seconds.filter { $0 > s }.min().map { minute + Int64($0) } ?? minute + 60
            } else {
                return t
            }
        }
        return t
    }

    /// With COUNT: the period to start at near `target`, and the instances the periods before it yield, when every
    /// period after the first yields the same number; nil when the walk must start at DTSTART.
    func countedSkip(to target: LocalDateTime) -> (period: Int, produced: Int)? {
        guard let count = rule.count, let perPeriod = fixedYield else { return nil }
        let k = firstPeriod(skipTo: target)
        guard k > 1 else { return nil }
        var first = candidates(in: 0)
        if !rule.bySetPos.isEmpty { first = setPositions(first) }
        let before = first.filter { $0 >= start }.count
        let (rest, overflow) = (k - 1).multipliedReportingOverflow(by: perPeriod)
        guard !overflow, rest <= count else { return (k, count) }
        return (k, min(count, before + rest))
    }

    /// How many instances each period yields when that does not depend on the period, else nil.
    var fixedYield: Int? {
        // Day filters make periods differ (months differ in length, weekdays fall differently); MONTHLY and YEARLY
        // periods always do, and are cheap to walk (4,800 months in 400 years).
        guard byMonth.isEmpty, rule.byWeekNo.isEmpty, rule.byYearDay.isEmpty, byMonthDay.isEmpty else { return nil }
        let perPeriod: Int
        switch rule.frequency {
        case .yearly, .monthly: return nil
        case .weekly: perPeriod = Set(byDay.map(\.weekday)).count * dailyTimes.count
        case .daily:
            guard byDay.isEmpty else { return nil }
            perPeriod = dailyTimes.count
        case .hourly:
            guard byDay.isEmpty, rule.byHour.isEmpty else { return nil }
            perPeriod =
                combine([0], rule.byMinute.isEmpty ? [0] : rule.byMinute, rule.bySecond.isEmpty ? [0] : rule.bySecond)
                .count
        case .minutely:
            guard byDay.isEmpty, rule.byHour.isEmpty, rule.byMinute.isEmpty else { return nil }
            perPeriod = combine([0], [0], rule.bySecond.isEmpty ? [0] : rule.bySecond).count
        case .secondly:
            guard byDay.isEmpty, rule.byHour.isEmpty, rule.byMinute.isEmpty, rule.bySecond.isEmpty else { return nil }
            perPeriod = 1
        }
        return rule.bySetPos.isEmpty ? perPeriod : setPositions(Array(0..<perPeriod)).count
    }
}
