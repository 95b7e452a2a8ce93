import Messages
import Timeline

/// Expands one event's recurrence set into occurrences: RRULE (Gregorian or Chinese), RDATE (dates, times and
/// periods), EXDATE, and overrides by RECURRENCE-ID, including `RANGE=THISANDFUTURE`.
struct Expander {
    let event: Event
    let zones: ZoneResolver
    let floating: Zone
    /// Where UTC start times repeat: UTC, or the calendar's X-WR-TIMEZONE (Google writes UTC times meant as
    /// wall times there).
    let utcZone: Zone
    /// The zone the event's wall times live in.
    let zone: Zone
    /// How long each instance lasts: nominal days (added to the wall clock) and exact seconds.
    private let length: (days: Int, seconds: Int64)

    init(event: Event, zones: ZoneResolver, floating: Zone, utcZone: Zone = .utc) {
        self.event = event
        self.zones = zones
        self.floating = floating
        self.utcZone = utcZone
        switch event.start {
        case .utc: zone = utcZone
        case .local(_, _, _, let tzid): zone = tzid.flatMap { zones.zone(for: $0) } ?? floating
        case .date: zone = floating
        }
        if let end = event.end {
            if case .date(let startDate) = event.start, case .date(let endDate) = end {
                length = (endDate.days(since: startDate), 0)
            } else {
                length = (
                    0,
                    end.instant(zones: zones, floatingZone: floating)
                        - event.start.instant(zones: zones, floatingZone: floating)
                )
            }
        } else if let duration = event.duration {
            length = (duration.days, duration.seconds)
        } else {
            length = event.start.isDate ? (1, 0) : (0, 0)
        }
    }

    private var startLocal: LocalDateTime {
        switch event.start {
        case .date(let date): return LocalDateTime(date: date, second: 0)
        case .utc(let instant): return local(instant, in: utcZone)
        case .local(let date, let time, let second, _):
            return LocalDateTime(date: date, second: time.minutes * 60 + second)
        }
    }

    /// Whether `start` lies in one of `ranges` (sorted and apart), by binary search.
    private static func lies(_ start: LocalDateTime, in ranges: [(from: LocalDateTime, to: LocalDateTime)]) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].to < start { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].from <= start
    }

    /// The event's own instance, as written.
    func single() -> Occurrence { occurrence(at: startLocal, recurrenceID: nil) }

    /// Every instance that can overlap `window`, with overrides applied; when a `RecurrenceLimits` bound stopped
    /// the expansion, also the event's whole span inside the window (`unknown`: busy, for unknown busy time is busy;
    /// never available) and a warning.
    func instances(in window: Interval, overrides: [Event]) -> (
        occurrences: [Occurrence], unknown: Occurrence?, warning: Diagnostic?
    ) {
        let zone = self.zone
        let (days, seconds) = length
        let margin = Int64(max(days, 0) + 2) * 86_400 + max(seconds, 0)
        let last = local(window.end + 86_400, in: zone)
        let skipTo = local(window.start - margin, in: zone)
        // Overrides may move instances from outside the window into it, or shift all later ones: expand, besides
        // the window, around each instance an override that can matter here names, and where a THISANDFUTURE
        // override's shift brings later instances in. Overrides that cannot reach the window cost nothing.
        var ranges = [(from: skipTo, to: last)]
        var chinese = (from: skipTo, to: last)
        for override in overrides {
            let key = override.recurrenceID!.instant(zones: zones, floatingZone: floating)
            let original = local(key, in: zone)
            chinese = (
                min(chinese.from, LocalDateTime(date: original.date.adding(days: -1), second: 0)),
                max(chinese.to, LocalDateTime(date: original.date.adding(days: 1), second: 0))
            )
            let around = (
                LocalDateTime(date: original.date.adding(days: -1), second: 0),
                LocalDateTime(date: original.date.adding(days: 1), second: 0)
            )
            let moved = single(of: override).interval
            if override.thisAndFuture {
                let shift = moved.start - key
                let from = max(key - 86_400, window.start - shift - moved.seconds - margin)
                let to = window.end - shift + 86_400
                if from < to { ranges.append((local(from, in: zone), local(to, in: zone))) }
                ranges.append(around)
            } else if original < skipTo || original > last, moved.start < window.end + margin,
                moved.end + margin > window.start
            {
                ranges.append(around)
            }
        }
        ranges.sort { $0.from < $1.from }
        var merged: [(from: LocalDateTime, to: LocalDateTime)] = []
        for range in ranges {
            if let previous = merged.last, range.from <= previous.to {
                merged[merged.count - 1].to = max(previous.to, range.to)
            } else {
                merged.append(range)
            }
        }
        var starts: [LocalDateTime] = []
        var limited: Message?
        if let rule = event.rule {
            let untilCheck = untilTest(rule, zone: zone)
            for extra in [rule] + event.additionalRules {
                let check = untilTest(extra, zone: zone)
                if extra.scale == "CHINESE" {
                    let walk = ChineseRecurrence(rule: extra, start: startLocal).instances(
                        through: chinese.to, keepGoing: check)
                    starts += walk.instances
                    limited = limited ?? walk.limited
                } else {
                    let iterator = RecurrenceIterator(rule: extra, start: startLocal)
                    if extra.count != nil && merged.count > 1 {
                        // A counted rule may have to walk from DTSTART: once through the last range, not once per range
                        // (20,000 overrides would make that 20,000 walks), keeping what falls in a range.
                        let walk = iterator.instances(
                            through: merged[merged.count - 1].to, skipTo: merged[0].from, keepGoing: check)
                        starts += walk.instances.filter { Self.lies($0, in: merged) }
                        limited = limited ?? walk.limited
                    } else {
                        for range in merged {
                            let walk = iterator.instances(through: range.to, skipTo: range.from, keepGoing: check)
                            starts += walk.instances
                            limited = limited ?? walk.limited
                        }
                    }
                }
            }
            if merged.count > 1 { starts = Array(Set(starts)).sorted() }
            if !event.additionalRules.isEmpty { starts = Array(Set(starts)).sorted() }
            // DTSTART is always the first instance (RFC 5545 §3.8.5.3), even when the rule does not produce it,
            // unless COUNT=0 or UNTIL lies before it.
            if starts.first != startLocal && (rule.count.map { $0 > 0 } ?? true) && untilCheck(startLocal) {
                starts.insert(startLocal, at: 0)
            }
        } else {
            starts = [startLocal]
        }
        var occurrences = starts.map { occurrence(at: $0, recurrenceID: nil) }
        for extra in event.recurrenceDates { occurrences.append(rdateOccurrence(extra)) }
        let excluded = Set(event.exceptionDates.map { $0.instant(zones: zones, floatingZone: floating) })
        if event.start.isDate {
            // An all-day series is excluded by date, whatever form the EXDATE takes.
            let dates = Set(event.exceptionDates.map(localDate))
            occurrences.removeAll { dates.contains($0.allDayDates?.start ?? LocalDate(daysSinceEpoch: 0)) }
        } else {
            occurrences.removeAll { excluded.contains($0.interval.start) }
        }
        var seen: Set<Instant> = []
        occurrences = occurrences.filter { seen.insert($0.interval.start).inserted }.map { occurrence in
            var copy = occurrence
            copy.recurrenceID = occurrence.interval.start
            if let dates = occurrence.allDayDates { copy.recurrenceDate = dates.start }
            return copy
        }
        occurrences = apply(overrides, to: occurrences)
        guard let limited else { return (occurrences, nil, nil) }
        // Instances past where the walk stopped are unknown: the event's whole span in the window counts as busy.
        let first = event.start.instant(zones: zones, floatingZone: floating)
        var end = window.end
        if let until = event.rule?.until, event.additionalRules.isEmpty, event.recurrenceDates.isEmpty {
            end = min(
                end,
                until.instant(zones: zones, floatingZone: floating) + Int64(max(days, 0) + 1) * 86_400 + max(seconds, 0)
            )
        }
        let span = Interval(max(first, window.start), max(max(first, window.start), end))
        let unknown =
            span.isEmpty
            ? nil
            : Occurrence(
                uid: event.uid, recurrenceID: nil, interval: span, allDayDates: nil, transparency: event.transparency,
                status: event.status, summary: event.summary, location: event.location)
        let warning = Diagnostic(
            line: event.line, Message(.icsRecurrenceLimited, ["limit": .message(limited)]), isError: false)
        return (occurrences, unknown, warning)
    }

    /// Replaces the instances the overrides name, in one pass over the instances sorted by original start: each
    /// instance takes the latest matching RANGE=THISANDFUTURE override before it, then its own override.
    private func apply(_ overrides: [Event], to instances: [Occurrence]) -> [Occurrence] {
        guard !overrides.isEmpty else { return instances }
        // The latest override of each original start wins (file order breaks ties).
        var byKey: [Instant: (override: Event, thisAndFuture: Event?)] = [:]
        for override in overrides {
            // An all-day series matched by a date-time RECURRENCE-ID (as Outlook writes them) matches by its date.
            var key = override.recurrenceID!.instant(zones: zones, floatingZone: floating)
            if event.start.isDate { key = floating.instant(localDate(override.recurrenceID!), TimeOfDay(minutes: 0)) }
            let earlier = byKey[key]?.thisAndFuture
            byKey[key] = (override, override.thisAndFuture ? override : earlier)
        }
        var result = instances.sorted {
            ($0.recurrenceID ?? $0.interval.start) < ($1.recurrenceID ?? $1.interval.start)
        }
        var shift: (key: Instant, by: Int64, length: Int64, like: Occurrence)?
        var replacements: [Occurrence] = []
        var kept: [Occurrence] = []
        kept.reserveCapacity(result.count)
        for index in result.indices {
            let original = result[index]
            guard let key = original.recurrenceID else {
                kept.append(original)
                continue
            }
            if let shift, key > shift.key {
                // Relative to the instance's original start: a later THISANDFUTURE replaces an earlier one.
                let start = key + shift.by
                result[index].interval = Interval(start, start + shift.length)
                result[index].summary = shift.like.summary
                result[index].location = shift.like.location
                result[index].transparency = shift.like.transparency
                result[index].status = shift.like.status
            }
            // Only an instance the series has (and has not excluded) can be overridden.
            guard let (override, thisAndFuture) = byKey[key] else {
                kept.append(result[index])
                continue
            }
            var replacement = single(of: override)
            replacement.recurrenceID = key
            replacement.recurrenceDate = original.recurrenceDate
            replacements.append(replacement)
            if let thisAndFuture {
                let moved = single(of: thisAndFuture)
                shift = (key, moved.interval.start - key, moved.interval.seconds, moved)
            }
        }
        return kept + replacements
    }

    private func single(of override: Event) -> Occurrence {
        Expander(event: override, zones: zones, floating: floating, utcZone: utcZone).single()
    }

    /// The calendar date a DATE or DATE-TIME names, read where it was written (UTC in the floating zone).
    private func localDate(_ value: DateTimeValue) -> LocalDate {
        switch value {
        case .date(let day): day
        case .local(let day, _, _, _): day
        case .utc(let instant): floating.date(of: instant)
        }
    }

    private func untilTest(_ rule: RecurrenceRule, zone: Zone) -> (LocalDateTime) -> Bool {
        guard let until = rule.until else { return { _ in true } }
        switch until {
        case .date(let date):
            // A DATE UNTIL on a timed series ends at that date's midnight (as dateutil reads it).
            if event.start.isDate { return { $0.date <= date } }
            let limit = LocalDateTime(date: date, second: 0)
            return { $0 <= limit }
        case .utc(let limit):
            // An all-day series has no zone: its dates meet a UTC UNTIL on the UTC wall clock (Outlook writes these).
            if event.start.isDate {
                let wall = local(limit, in: .utc)
                return { $0 <= wall }
            }
            return { $0.instant(in: zone) <= limit }
        case .local(let date, let time, let second, _):
            let limit = LocalDateTime(date: date, second: time.minutes * 60 + second)
            return { $0 <= limit }
        }
    }

    private func local(_ instant: Instant, in zone: Zone) -> LocalDateTime {
        let (date, time, second) = zone.local(instant)
        return LocalDateTime(date: date, second: time.minutes * 60 + second)
    }

    private func occurrence(at start: LocalDateTime, recurrenceID: Instant?) -> Occurrence {
        let (days, seconds) = length
        var interval: Interval
        var allDay: (LocalDate, LocalDate)?
        if event.start.isDate {
            let endDate = start.date.adding(days: max(0, days))
            allDay = (start.date, endDate)
            interval = Interval(
                floating.instant(start.date, TimeOfDay(minutes: 0)), floating.instant(endDate, TimeOfDay(minutes: 0)))
        } else {
            let begin = start.instant(in: zone)
            var end = begin + seconds
            if days != 0 {
                end =
                    LocalDateTime(date: start.date.adding(days: days), second: start.second).instant(in: zone) + seconds
            }
            interval = Interval(begin, max(begin, end))
        }
        return Occurrence(
            uid: event.uid, recurrenceID: recurrenceID, interval: interval, allDayDates: allDay,
            transparency: event.transparency, status: event.status, summary: event.summary, location: event.location)
    }

    private func rdateOccurrence(_ value: RecurrenceDate) -> Occurrence {
        switch value.start {
        case .date(let date):
            return occurrence(at: LocalDateTime(date: date, second: 0), recurrenceID: nil)
        default:
            let start = value.start.instant(zones: zones, floatingZone: floating)
            var result = occurrence(at: local(start, in: zone), recurrenceID: nil)
            if let end = value.end {
                result.interval = Interval(start, max(start, end.instant(zones: zones, floatingZone: floating)))
            }
            return result
        }
    }
}
