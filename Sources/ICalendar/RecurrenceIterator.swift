import Messages
import Timeline

/// Expands a Gregorian RRULE into wall-clock start times (RFC 5545 §3.3.10: the BYxxx expand/limit table,
/// BYSETPOS per period, WKST, BYWEEKNO, negative ordinals; dates the calendar lacks are skipped).
struct RecurrenceIterator {
    let rule: RecurrenceRule
    let start: LocalDateTime
    let byMonth: [Int]
    let byMonthDay: [Int]
    let byDay: [RecurrenceRule.WeekdayNumber]
    /// The times of day of each instance for DAILY and coarser rules (they do not change from period to period).
    let dailyTimes: [Int]

    init(rule: RecurrenceRule, start: LocalDateTime) {
        self.rule = rule
        self.start = start
        var byMonth = rule.byMonth.map(\.number)
        var byMonthDay = rule.byMonthDay
        var byDay = rule.byDay
        // Defaults taken from DTSTART when the rule names no day (as dateutil and the RFC's examples do).
        if rule.byWeekNo.isEmpty && rule.byYearDay.isEmpty && rule.byMonthDay.isEmpty && rule.byDay.isEmpty {
            switch rule.frequency {
            case .yearly:
                if byMonth.isEmpty { byMonth = [start.date.month] }
                byMonthDay = [start.date.day]
            case .monthly: byMonthDay = [start.date.day]
            case .weekly: byDay = [.init(ordinal: nil, weekday: start.date.weekday)]
            default: break
            }
        }
        // FREQ=YEARLY;BYMONTHDAY without BYMONTH takes DTSTART's month (RFC 5545; not "every month").
        if rule.frequency == .yearly && byMonth.isEmpty && !rule.byMonthDay.isEmpty && rule.byDay.isEmpty
            && rule.byWeekNo.isEmpty && rule.byYearDay.isEmpty
        {
            byMonth = [start.date.month]
        }
        self.byMonth = byMonth
        self.byMonthDay = byMonthDay
        self.byDay = byDay
        let hour = start.second / 3600
        let minute = start.second / 60 % 60
        let second = start.second % 60
        var times: Set<Int> = []
        for h in rule.byHour.isEmpty ? [hour] : rule.byHour {
            for m in rule.byMinute.isEmpty ? [minute] : rule.byMinute {
                for s in rule.bySecond.isEmpty ? [second] : rule.bySecond {
                    times.insert(h * 3600 + m * 60 + min(s, 59))
                }
            }
        }
        self.dailyTimes = times.sorted()
    }

    /// What a walk found, and why it stopped early when a limit stopped it (then instances after the last one found
    /// are unknown).
    struct Walk {
        var instances: [LocalDateTime] = []
        var limited: Message?
    }

    /// Instances from DTSTART on, in order, while `keepGoing` accepts them; stops after the first period whose
    /// start is past `last`. `skipTo` lets the walk start near the window: straight there without COUNT, and with
    /// COUNT where every period yields the same number of instances (counted arithmetically); otherwise it walks
    /// from DTSTART, within `RecurrenceLimits.maximumPeriods`.
    func instances(through last: LocalDateTime, skipTo: LocalDateTime?, keepGoing: (LocalDateTime) -> Bool) -> Walk {
        var walk = Walk()
        var produced = 0
        let limit = rule.count ?? Int.max
        var period = 0
        if rule.count == nil {
            period = firstPeriod(skipTo: skipTo)
        } else if let skipTo, let skip = countedSkip(to: skipTo) {
            (period, produced) = skip
        }
        // A rule silent for a whole calendar cycle is silent for ever: the Gregorian calendar repeats every 400 years.
        let dry = drySeconds
        var lastMatch = max(start, periodStart(period) ?? start).wallSeconds
        var walked = 0
        while produced < limit {
            guard let bounds = periodStart(period), bounds <= last else { break }
            walked += 1
            if walked > RecurrenceLimits.maximumPeriods {
                walk.limited = Message(.icsLimitPeriods, ["count": .number(RecurrenceLimits.maximumPeriods)])
                return walk
            }
            var candidates = candidates(in: period, begin: bounds)
            if !rule.bySetPos.isEmpty { candidates = setPositions(candidates) }
            guard let latest = candidates.last else {
                if let dry, bounds.wallSeconds - lastMatch > dry { break }
                period = nextPeriod(after: period, begin: bounds)
                continue
            }
            lastMatch = latest.wallSeconds
            for candidate in candidates where candidate >= start {
                guard produced < limit, candidate <= last, keepGoing(candidate) else { return walk }
                // Instances long before the window only count towards COUNT.
                if skipTo.map({ candidate >= $0 }) ?? true {
                    walk.instances.append(candidate)
                    if walk.instances.count > RecurrenceLimits.maximumInstances {
                        walk.limited = Message(
                            .icsLimitInstances, ["count": .number(RecurrenceLimits.maximumInstances)])
                        return walk
                    }
                }
                produced += 1
            }
            period += 1
        }
        return walk
    }

    // MARK: - Periods

    /// Period `k` is the k-th period of length INTERVAL × FREQ counted from DTSTART's own period.
    func periodStart(_ k: Int) -> LocalDateTime? {
        let n = k * rule.interval
        let date = start.date
        switch rule.frequency {
        case .yearly:
            guard let first = LocalDate(year: date.year + n, month: 1, day: 1) else { return nil }
            return LocalDateTime(date: first, second: 0)
        case .monthly:
            let months = date.year * 12 + (date.month - 1) + n
            return LocalDateTime(date: LocalDate(year: months / 12, month: months % 12 + 1, day: 1)!, second: 0)
        case .weekly:
            let back = (date.weekday.rawValue - rule.weekStart.rawValue + 7) % 7
            return LocalDateTime(date: date.adding(days: n * 7 - back), second: 0)
        case .daily: return LocalDateTime(date: date.adding(days: n), second: 0)
        case .hourly: return LocalDateTime(wallSeconds: (start.wallSeconds / 3600 + Int64(n)) * 3600)
        case .minutely: return LocalDateTime(wallSeconds: (start.wallSeconds / 60 + Int64(n)) * 60)
        case .secondly: return LocalDateTime(wallSeconds: start.wallSeconds + Int64(n))
        }
    }

    /// The first period worth looking at when no COUNT forces a walk from DTSTART.
    func firstPeriod(skipTo target: LocalDateTime?) -> Int {
        guard let target, target > start else { return 0 }
        let units: Int64
        switch rule.frequency {
        case .yearly: units = Int64(target.date.year - start.date.year)
        case .monthly: units = Int64((target.date.year - start.date.year) * 12 + target.date.month - start.date.month)
        case .weekly: units = Int64(target.date.days(since: start.date) / 7)
        case .daily: units = Int64(target.date.days(since: start.date))
        case .hourly: units = (target.wallSeconds - start.wallSeconds) / 3600
        case .minutely: units = (target.wallSeconds - start.wallSeconds) / 60
        case .secondly: units = target.wallSeconds - start.wallSeconds
        }
        return max(0, Int(units / Int64(rule.interval)) - 1)
    }

    /// Every instance of period `k` before BYSETPOS, sorted.
    func candidates(in k: Int, begin known: LocalDateTime? = nil) -> [LocalDateTime] {
        guard let begin = known ?? periodStart(k) else { return [] }
        let days: [LocalDate]
        switch rule.frequency {
        case .yearly where !byMonth.isEmpty:
            // Only the named months can match; walking them alone keeps long yearly rules cheap.
            days = Set(byMonth).sorted().flatMap { month in
                (1...LocalDate.daysIn(month: month, year: begin.date.year)).map {
                    LocalDate(year: begin.date.year, month: month, day: $0)!
                }
            }
        case .yearly:
            let length = isLeap(begin.date.year) ? 366 : 365
            days = (0..<length).map { begin.date.adding(days: $0) }
        case .monthly where !byMonthDay.isEmpty:
            // Only the named days of the month can match.
            let length = LocalDate.daysIn(month: begin.date.month, year: begin.date.year)
            days = Set(byMonthDay.map { $0 > 0 ? $0 : length + 1 + $0 }).filter { (1...length).contains($0) }.sorted()
                .map { begin.date.adding(days: $0 - 1) }
        case .monthly:
            days = (0..<LocalDate.daysIn(month: begin.date.month, year: begin.date.year)).map {
                begin.date.adding(days: $0)
            }
        case .weekly:
            // Like dateutil, the first week starts at DTSTART's day, so BYSETPOS counts only days from DTSTART on.
            days = (0..<7).map { begin.date.adding(days: $0) }.filter { k > 0 || $0 >= start.date }
        default:
            // One day: no arrays until it matches.
            guard dayMatches(begin.date) else { return [] }
            return timesOfDay(periodBegin: begin).map { LocalDateTime(date: begin.date, second: $0) }
        }
        var matching = days.filter(dayMatches)
        if rule.skip != .omit && (rule.frequency == .monthly || rule.frequency == .yearly) {
            matching = Array(Set(matching + skippedDays(periodBegin: begin.date))).sorted()
        }
        guard !matching.isEmpty else { return [] }
        let times = timesOfDay(periodBegin: begin)
        var result: [LocalDateTime] = []
        result.reserveCapacity(matching.count * times.count)
        for day in matching {
            for time in times { result.append(LocalDateTime(date: day, second: time)) }
        }
        return result
    }

    /// RFC 7529 SKIP=BACKWARD/FORWARD: a BYMONTHDAY past the month's end moves to its last day or the next month's first.
    private func skippedDays(periodBegin: LocalDate) -> [LocalDate] {
        let months = rule.frequency == .monthly ? [periodBegin.month] : Set(byMonth).sorted()
        var result: [LocalDate] = []
        for month in months {
            let length = LocalDate.daysIn(month: month, year: periodBegin.year)
            guard byMonthDay.contains(where: { $0 > length }), rule.byDay.isEmpty else { continue }
            let last = LocalDate(year: periodBegin.year, month: month, day: length)!
            result.append(rule.skip == .backward ? last : last.adding(days: 1))
        }
        return result
    }

    private func timesOfDay(periodBegin: LocalDateTime) -> [Int] {
        let minute = start.second / 60 % 60
        let second = start.second % 60
        switch rule.frequency {
        case .hourly:
            let h = periodBegin.second / 3600
            guard rule.byHour.isEmpty || rule.byHour.contains(h) else { return [] }
            return combine(
                [h], rule.byMinute.isEmpty ? [minute] : rule.byMinute, rule.bySecond.isEmpty ? [second] : rule.bySecond)
        case .minutely:
            let h = periodBegin.second / 3600
            let m = periodBegin.second / 60 % 60
            guard rule.byHour.isEmpty || rule.byHour.contains(h), rule.byMinute.isEmpty || rule.byMinute.contains(m)
            else { return [] }
            return combine([h], [m], rule.bySecond.isEmpty ? [second] : rule.bySecond)
        case .secondly:
            let h = periodBegin.second / 3600
            let m = periodBegin.second / 60 % 60
            let s = periodBegin.second % 60
            guard rule.byHour.isEmpty || rule.byHour.contains(h), rule.byMinute.isEmpty || rule.byMinute.contains(m),
                rule.bySecond.isEmpty || rule.bySecond.contains(s)
            else { return [] }
            return [periodBegin.second]
        default:
            return dailyTimes
        }
    }

    func combine(_ hours: [Int], _ minutes: [Int], _ seconds: [Int]) -> [Int] {
        var result: Set<Int> = []
        for h in hours { for m in minutes { for s in seconds { result.insert(h * 3600 + m * 60 + min(s, 59)) } } }
        return result.sorted()
    }

    func setPositions<T: Comparable & Hashable>(_ candidates: [T]) -> [T] {
        var picked: Set<T> = []
        for position in rule.bySetPos {
            let index = position > 0 ? position - 1 : candidates.count + position
            if candidates.indices.contains(index) { picked.insert(candidates[index]) }
        }
        return picked.sorted()
    }

    // MARK: - Day filters

    func dayMatches(_ day: LocalDate) -> Bool {
        if !byMonth.isEmpty && !byMonth.contains(day.month) { return false }
        if !rule.byWeekNo.isEmpty && !weekNumberMatches(day) { return false }
        if !rule.byYearDay.isEmpty {
            let length = isLeap(day.year) ? 366 : 365
            let ordinal = day.days(since: LocalDate(year: day.year, month: 1, day: 1)!) + 1
            if !rule.byYearDay.contains(where: { ($0 > 0 ? $0 : length + 1 + $0) == ordinal }) { return false }
        }
        if !byMonthDay.isEmpty {
            let length = LocalDate.daysIn(month: day.month, year: day.year)
            if !byMonthDay.contains(where: { ($0 > 0 ? $0 : length + 1 + $0) == day.day }) { return false }
        }
        if !byDay.isEmpty && !byDay.contains(where: { weekdayMatches($0, day) }) { return false }
        return true
    }

    private func weekdayMatches(_ entry: RecurrenceRule.WeekdayNumber, _ day: LocalDate) -> Bool {
        guard entry.weekday == day.weekday else { return false }
        guard let ordinal = entry.ordinal, rule.frequency >= .monthly else { return true }
        // The n-th such weekday of the month (MONTHLY, or YEARLY with BYMONTH) or of the year.
        let inMonth = rule.frequency == .monthly || !byMonth.isEmpty
        let first =
            inMonth
            ? LocalDate(year: day.year, month: day.month, day: 1)! : LocalDate(year: day.year, month: 1, day: 1)!
        let length = inMonth ? LocalDate.daysIn(month: day.month, year: day.year) : (isLeap(day.year) ? 366 : 365)
        let index = day.days(since: first)
        if ordinal > 0 { return index / 7 == ordinal - 1 }
        return (length - 1 - index) / 7 == -ordinal - 1
    }

    /// BYWEEKNO as dateutil reads it: weeks start on WKST, week 1 holds at least four days of the year; leading days
    /// belong to the previous year's last week, trailing days may be the next year's week 1.
    private func weekNumberMatches(_ day: LocalDate) -> Bool {
        let year = day.year
        let thisStart = firstWeekStart(year)
        let nextStart = firstWeekStart(year + 1)
        if day < thisStart {
            let weeks = thisStart.days(since: firstWeekStart(year - 1)) / 7
            return rule.byWeekNo.contains(weeks) || rule.byWeekNo.contains(-1)
        }
        if day >= nextStart { return rule.byWeekNo.contains(1) }
        let weeks = nextStart.days(since: thisStart) / 7
        let number = day.days(since: thisStart) / 7 + 1
        return rule.byWeekNo.contains { ($0 > 0 ? $0 : weeks + 1 + $0) == number }
    }

    private func firstWeekStart(_ year: Int) -> LocalDate {
        let january = LocalDate(year: year, month: 1, day: 1)!
        let offset = (january.weekday.rawValue - rule.weekStart.rawValue + 7) % 7
        return offset <= 3 ? january.adding(days: -offset) : january.adding(days: 7 - offset)
    }

    func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }
}
