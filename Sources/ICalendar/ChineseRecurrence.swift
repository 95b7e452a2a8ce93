import Foundation
import Messages
import Timeline

/// Expands `RSCALE=CHINESE` rules (RFC 7529) with Foundation's Chinese calendar: yearly and monthly repetition on
/// lunar months and days, leap months written `5L`, and SKIP for days a lunar month lacks.
struct ChineseRecurrence {
    let rule: RecurrenceRule
    let start: LocalDateTime

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .chinese)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private struct LunarMonth: Hashable {
        var cycle: Int  // era * 60 + year - 1: an absolute lunar year
        var month: Int
        var leap: Bool
    }

    /// Lunar years (YEARLY) or months (MONTHLY) walked at most from DTSTART: 10,000 months reach 800 years on.
    static let maximumSteps = 10_000

    /// Instances from DTSTART on, in order, up to `last`, while `keepGoing` accepts them; `limited` says when the walk
    /// stopped at `maximumSteps` before reaching `last` (the caller then counts the event's span as busy).
    func instances(through last: LocalDateTime, keepGoing: (LocalDateTime) -> Bool) -> (
        instances: [LocalDateTime], limited: Message?
    ) {
        let found = walk(through: last, keepGoing: keepGoing)
        return (
            found.instances,
            found.steps >= Self.maximumSteps
                ? Message(.icsLimitChineseSteps, ["count": .number(Self.maximumSteps)])
                : nil
        )
    }

    private func walk(through last: LocalDateTime, keepGoing: (LocalDateTime) -> Bool) -> (
        instances: [LocalDateTime], steps: Int
    ) {
        guard let origin = lunar(start.date) else { return ([], 0) }
        var result: [LocalDateTime] = []
        let limit = rule.count ?? Int.max
        var months = rule.frequency == .monthly ? [origin.month] : []
        var step = 0
        while result.count < limit && step < Self.maximumSteps {
            var dates: [LocalDate] = []
            switch rule.frequency {
            case .yearly:
                let cycle = origin.month.cycle + step * rule.interval
                let targets =
                    rule.byMonth.isEmpty
                    ? [(origin.month.month, origin.month.leap)] : rule.byMonth.map { ($0.number, $0.leap) }
                for (month, leap) in targets {
                    dates += resolve(LunarMonth(cycle: cycle, month: month, leap: leap), days: days(origin.day))
                }
                if let first = gregorian(LunarMonth(cycle: cycle, month: 1, leap: false), day: 1), first > last.date {
                    return (result, 0)
                }
            case .monthly:
                let month = months.last!
                if rule.byMonth.isEmpty
                    || rule.byMonth.contains(where: { $0.number == month.month && $0.leap == month.leap })
                {
                    dates += resolve(month, days: days(origin.day))
                }
                guard let first = gregorian(month, day: 1), first <= last.date else { return (result, 0) }
                for _ in 0..<rule.interval { months.append(next(months.last!)) }
            default:
                return ([start], 0)
            }
            for date in Set(dates).sorted() {
                let candidate = LocalDateTime(date: date, second: start.second)
                guard candidate >= start else { continue }
                guard result.count < limit, candidate <= last, keepGoing(candidate) else { return (result, 0) }
                result.append(candidate)
            }
            step += 1
        }
        return (result, result.count < limit ? step : 0)
    }

    private func days(_ originDay: Int) -> [Int] { rule.byMonthDay.isEmpty ? [originDay] : rule.byMonthDay }

    /// The Gregorian dates of `days` in a lunar month, applying SKIP to a missing leap month or day.
    private func resolve(_ month: LunarMonth, days: [Int]) -> [LocalDate] {
        var target = month
        if gregorian(month, day: 1) == nil {
            // The leap month does not exist this year.
            switch rule.skip {
            case .omit: return []
            case .backward: target.leap = false
            case .forward: target = next(LunarMonth(cycle: month.cycle, month: month.month, leap: false))
            }
        }
        guard let first = gregorian(target, day: 1) else { return [] }
        let length = Self.calendar.range(of: .day, in: .month, for: date(first))?.count ?? 29
        var result: [LocalDate] = []
        for day in days {
            let index = day > 0 ? day : length + 1 + day
            if (1...length).contains(index) {
                result.append(first.adding(days: index - 1))
            } else if index > length {
                switch rule.skip {
                case .omit: continue
                case .backward: result.append(first.adding(days: length - 1))
                case .forward: result.append(first.adding(days: length))
                }
            }
        }
        return result
    }

    private func next(_ month: LunarMonth) -> LunarMonth {
        if !month.leap, gregorian(LunarMonth(cycle: month.cycle, month: month.month, leap: true), day: 1) != nil {
            return LunarMonth(cycle: month.cycle, month: month.month, leap: true)
        }
        return month.month == 12
            ? LunarMonth(cycle: month.cycle + 1, month: 1, leap: false)
            : LunarMonth(cycle: month.cycle, month: month.month + 1, leap: false)
    }

    private func lunar(_ date: LocalDate) -> (month: LunarMonth, day: Int)? {
        let parts = Self.calendar.dateComponents([.era, .year, .month, .day], from: self.date(date))
        guard let era = parts.era, let year = parts.year, let month = parts.month, let day = parts.day else {
            return nil
        }
        return (LunarMonth(cycle: era * 60 + year - 1, month: month, leap: parts.isLeapMonth ?? false), day)
    }

    /// The Gregorian date of a lunar day, or nil when that month does not exist.
    private func gregorian(_ month: LunarMonth, day: Int) -> LocalDate? {
        var parts = DateComponents()
        parts.era = month.cycle / 60
        parts.year = month.cycle % 60 + 1
        parts.month = month.month
        parts.day = day
        parts.isLeapMonth = month.leap
        guard let found = Self.calendar.date(from: parts) else { return nil }
        let check = Self.calendar.dateComponents([.month, .day], from: found)
        guard check.month == month.month, (check.isLeapMonth ?? false) == month.leap, check.day == day else {
            return nil
        }
        return LocalDate(daysSinceEpoch: Int64((found.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    private func date(_ local: LocalDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(local.daysSinceEpoch * 86_400))
    }
}
