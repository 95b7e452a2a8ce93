import Timeline

/// An RRULE (RFC 5545 §3.3.10), as far as Tiaoqi expands it.
public struct RecurrenceRule: Sendable, Hashable {
    /// How often the rule repeats.
    public enum Frequency: String, Sendable, Hashable {
        case secondly = "SECONDLY", minutely = "MINUTELY", hourly = "HOURLY"
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// A BYDAY entry: a weekday with an optional ordinal (`-1FR`).
    public struct WeekdayNumber: Sendable, Hashable {
        /// The ordinal within the month or year, nil for every such weekday.
        public var ordinal: Int?
        /// The weekday.
        public var weekday: Weekday
    }

    /// FREQ.
    public var frequency: Frequency
    /// INTERVAL (default 1).
    public var interval: Int = 1
    /// COUNT, when given.
    public var count: Int?
    /// UNTIL, when given.
    public var until: DateTimeValue?
    /// BYDAY.
    public var byDay: [WeekdayNumber] = []
    /// BYMONTH.
    public var byMonth: [Int] = []
    /// BYMONTHDAY.
    public var byMonthDay: [Int] = []
    /// WKST (default Monday).
    public var weekStart: Weekday = .monday
    /// Parts the expander does not implement yet; a rule with any is expanded to its first instance only.
    public var unsupportedParts: [String] = []

    /// Parses the value of an RRULE property.
    public init(parsing text: String, tzid: String?) throws(ICalendarError) {
        var frequency: Frequency?
        for part in text.split(separator: ";") where !part.isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard pieces.count == 2 else { throw ICalendarError(line: 0, message: "RRULE part '\(part)' has no '='") }
            let key = pieces[0].uppercased(), value = pieces[1]
            switch key {
            case "FREQ":
                guard let parsed = Frequency(rawValue: value.uppercased()) else {
                    throw ICalendarError(line: 0, message: "RRULE FREQ '\(value)' is not one of DAILY, WEEKLY, MONTHLY, …")
                }
                frequency = parsed
            case "INTERVAL":
                guard let n = Int(value), n > 0 else { throw ICalendarError(line: 0, message: "RRULE INTERVAL '\(value)' must be a positive integer") }
                interval = n
            case "COUNT":
                guard let n = Int(value), n >= 0 else { throw ICalendarError(line: 0, message: "RRULE COUNT '\(value)' must be an integer") }
                count = n
            case "UNTIL":
                guard let parsed = DateTimeValue(value, tzid: tzid) else {
                    throw ICalendarError(line: 0, message: "RRULE UNTIL '\(value)' is not a DATE or DATE-TIME")
                }
                until = parsed
            case "BYDAY":
                byDay = []
                for entry in value.split(separator: ",") { byDay.append(try RecurrenceRule.weekdayNumber(String(entry))) }
            case "BYMONTH":
                byMonth = try RecurrenceRule.integers(value, in: 1...12, part: key)
            case "BYMONTHDAY":
                byMonthDay = try RecurrenceRule.integers(value, in: -31...31, part: key)
            case "WKST":
                guard let day = Weekday(name: value) else { throw ICalendarError(line: 0, message: "RRULE WKST '\(value)' is not a weekday") }
                weekStart = day
            default:
                unsupportedParts.append(key)
            }
        }
        guard let frequency else { throw ICalendarError(line: 0, message: "RRULE has no FREQ") }
        self.frequency = frequency
        if [.secondly, .minutely, .hourly].contains(frequency) { unsupportedParts.append("FREQ=\(frequency.rawValue)") }
        if !byDay.isEmpty && byDay.contains(where: { $0.ordinal != nil }) && frequency != .monthly && frequency != .yearly {
            unsupportedParts.append("BYDAY ordinals with FREQ=\(frequency.rawValue)")
        }
    }

    private static func weekdayNumber(_ raw: String) throws(ICalendarError) -> WeekdayNumber {
        let text = raw.trimmingSpaces.uppercased()
        guard text.count >= 2, let weekday = Weekday(name: String(text.suffix(2))) else {
            throw ICalendarError(line: 0, message: "RRULE BYDAY '\(raw)' is not a weekday such as MO or -1FR")
        }
        let prefix = text.dropLast(2)
        guard prefix.isEmpty || Int(prefix) != nil else {
            throw ICalendarError(line: 0, message: "RRULE BYDAY '\(raw)' has a bad ordinal")
        }
        return WeekdayNumber(ordinal: prefix.isEmpty ? nil : Int(prefix), weekday: weekday)
    }

    private static func integers(_ value: String, in range: ClosedRange<Int>, part: String) throws(ICalendarError) -> [Int] {
        var result: [Int] = []
        for piece in value.split(separator: ",") {
            guard let n = Int(String(piece).trimmingSpaces), range.contains(n), n != 0 else {
                throw ICalendarError(line: 0, message: "RRULE \(part) '\(piece)' is out of range")
            }
            result.append(n)
        }
        return result
    }

    /// Local dates of the rule's instances from `start` (the DTSTART date) through `last`, in order;
    /// COUNT counts from `start`, so the walk always begins there and is bounded by `last`.
    func dates(from start: LocalDate, through last: LocalDate) -> [LocalDate] {
        var result: [LocalDate] = []
        let limit = count ?? Int.max
        var produced = 0
        func accept(_ date: LocalDate) {
            guard date >= start, date <= last, produced < limit else { return }
            produced += 1
            result.append(date)
        }
        switch frequency {
        case .daily:
            var date = start
            while date <= last && produced < limit {
                if matchesLimits(date) { accept(date) }
                date = date.adding(days: interval)
            }
        case .weekly:
            let days = byDay.isEmpty ? [start.weekday] : byDay.map(\.weekday)
            let offset = (start.weekday.rawValue - weekStart.rawValue + 7) % 7
            var weekBegin = start.adding(days: -offset)
            while weekBegin <= last && produced < limit {
                let dates = days.map { weekBegin.adding(days: ($0.rawValue - weekStart.rawValue + 7) % 7) }.sorted()
                for date in Set(dates).sorted() where date >= start && matchesLimits(date) { accept(date) }
                weekBegin = weekBegin.adding(days: 7 * interval)
            }
        case .monthly:
            var year = start.year, month = start.month
            while let first = LocalDate(year: year, month: month, day: 1), first <= last && produced < limit {
                for date in monthDates(year: year, month: month, defaultDay: start.day) where date >= start {
                    accept(date)
                }
                month += interval
                while month > 12 { month -= 12; year += 1 }
            }
        case .yearly:
            var year = start.year
            while let first = LocalDate(year: year, month: 1, day: 1), first <= last && produced < limit {
                let months = byMonth.isEmpty ? [start.month] : byMonth.sorted()
                for month in months {
                    for date in monthDates(year: year, month: month, defaultDay: start.day) where date >= start {
                        accept(date)
                    }
                }
                year += interval
            }
        case .secondly, .minutely, .hourly:
            accept(start)
        }
        return result
    }

    private func matchesLimits(_ date: LocalDate) -> Bool {
        if !byMonth.isEmpty && !byMonth.contains(date.month) { return false }
        if !byMonthDay.isEmpty {
            let length = LocalDate.daysIn(month: date.month, year: date.year)
            if !byMonthDay.contains(where: { ($0 > 0 ? $0 : length + 1 + $0) == date.day }) { return false }
        }
        if frequency == .daily && !byDay.isEmpty && !byDay.contains(where: { $0.weekday == date.weekday }) { return false }
        return true
    }

    private func monthDates(year: Int, month: Int, defaultDay: Int) -> [LocalDate] {
        if !byMonth.isEmpty && frequency == .monthly && !byMonth.contains(month) { return [] }
        let length = LocalDate.daysIn(month: month, year: year)
        var days: Set<Int> = []
        if !byMonthDay.isEmpty {
            days = Set(byMonthDay.map { $0 > 0 ? $0 : length + 1 + $0 }.filter { (1...length).contains($0) })
        }
        if !byDay.isEmpty {
            var weekdayDays: Set<Int> = []
            for entry in byDay {
                let matching = (1...length).filter { LocalDate(year: year, month: month, day: $0)!.weekday == entry.weekday }
                if let ordinal = entry.ordinal {
                    let index = ordinal > 0 ? ordinal - 1 : matching.count + ordinal
                    if matching.indices.contains(index) { weekdayDays.insert(matching[index]) }
                } else {
                    weekdayDays.formUnion(matching)
                }
            }
            days = byMonthDay.isEmpty ? weekdayDays : days.intersection(weekdayDays)
        }
        if byMonthDay.isEmpty && byDay.isEmpty {
            // Invalid dates such as Feb 30 are skipped (RFC 5545 §3.3.10).
            days = defaultDay <= length ? [defaultDay] : []
        }
        return days.sorted().compactMap { LocalDate(year: year, month: month, day: $0) }
    }
}
