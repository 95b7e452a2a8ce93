import Timeline

/// One instance of an event in time, after recurrence expansion and overrides.
public struct Occurrence: Sendable, Hashable {
    /// The event's UID.
    public var uid: String
    /// The instance's original start when it belongs to a recurring set, else nil.
    public var recurrenceID: Instant?
    /// Start and end of the instance (all-day instances run local midnight to midnight).
    public var interval: Interval
    /// The local dates of an all-day instance, end exclusive; nil for timed instances.
    public var allDayDates: (start: LocalDate, end: LocalDate)? {
        get { allDayStart.flatMap { s in allDayEnd.map { (s, $0) } } }
        set { allDayStart = newValue?.start; allDayEnd = newValue?.end }
    }
    /// TRANSP of the instance.
    public var transparency: Event.Transparency
    /// STATUS of the instance, when given.
    public var status: String?
    /// SUMMARY of the instance.
    public var summary: String?

    private var allDayStart: LocalDate?
    private var allDayEnd: LocalDate?

    /// An occurrence from its parts.
    public init(
        uid: String, recurrenceID: Instant?, interval: Interval, allDayDates: (start: LocalDate, end: LocalDate)?,
        transparency: Event.Transparency, status: String?, summary: String?
    ) {
        self.uid = uid
        self.recurrenceID = recurrenceID
        self.interval = interval
        self.allDayStart = allDayDates?.start
        self.allDayEnd = allDayDates?.end
        self.transparency = transparency
        self.status = status
        self.summary = summary
    }

    /// Whether the instance blocks time: opaque and not cancelled.
    public var isBusy: Bool { transparency == .opaque && status != "CANCELLED" }
}

extension VCalendar {
    /// The zone floating times and dates are read in: `X-WR-TIMEZONE` when present, else `fallback`.
    public func floatingZone(fallback: Zone) -> Zone { defaultZone ?? fallback }

    /// Every occurrence overlapping `window`, sorted by start then UID; `floating` reads floating times and dates.
    public func occurrences(in window: Interval, floating fallback: Zone) -> [Occurrence] {
        let floating = floatingZone(fallback: fallback)
        var overrides: [String: [Event]] = [:]
        var masters: [Event] = []
        for event in events {
            if event.recurrenceID != nil { overrides[event.uid, default: []].append(event) } else { masters.append(event) }
        }
        var result: [Occurrence] = []
        var mastersByUID: Set<String> = []
        for master in masters {
            mastersByUID.insert(master.uid)
            let recurring = master.rule != nil || !master.recurrenceDates.isEmpty
            var instances = Expander(event: master, zones: zones, floating: floating).instances(until: window.end)
            var replaced: [Occurrence] = []
            for override in overrides[master.uid] ?? [] {
                let key = override.recurrenceID!.instant(zones: zones, floatingZone: floating)
                instances.removeAll { $0.recurrenceID == key }
                var occurrence = Expander(event: override, zones: zones, floating: floating).single()
                occurrence.recurrenceID = key
                replaced.append(occurrence)
            }
            if !recurring && replaced.isEmpty {
                instances = instances.map { var copy = $0; copy.recurrenceID = nil; return copy }
            }
            result += instances + replaced
        }
        // Overrides whose master is missing still describe real instances.
        for (uid, orphans) in overrides where !mastersByUID.contains(uid) {
            for orphan in orphans {
                var occurrence = Expander(event: orphan, zones: zones, floating: floating).single()
                occurrence.recurrenceID = orphan.recurrenceID!.instant(zones: zones, floatingZone: floating)
                result.append(occurrence)
            }
        }
        return result.filter { occurrence in
            let span = occurrence.interval
            return span.isEmpty ? window.contains(span.start) : span.overlaps(window)
        }.sorted { ($0.interval.start, $0.uid) < ($1.interval.start, $1.uid) }
    }

    /// Busy time inside `window`: opaque, non-cancelled occurrences plus VFREEBUSY periods.
    public func busy(in window: Interval, floating fallback: Zone) -> IntervalSet {
        let timed = occurrences(in: window, floating: fallback).filter(\.isBusy).map(\.interval)
        return IntervalSet(timed + freeBusy).clipped(to: window)
    }
}

/// Expands one event's recurrence set into occurrences.
struct Expander {
    let event: Event
    let zones: ZoneResolver
    let floating: Zone

    private var zone: Zone {
        switch event.start {
        case .utc: return .utc
        case .local(_, _, _, let tzid): return tzid.flatMap { zones.zone(for: $0) } ?? floating
        case .date: return floating
        }
    }

    /// The event's first instance only.
    func single() -> Occurrence { occurrence(startingOn: startParts.date, recurrenceID: nil) }

    /// All instances starting before `limit`, EXDATEs removed, RDATEs added.
    func instances(until limit: Instant) -> [Occurrence] {
        guard event.rule != nil || !event.recurrenceDates.isEmpty else { return [single()] }
        let (startDate, _, _) = startParts
        let lastDate = zone.date(of: limit).adding(days: 1)
        var starts: [LocalDate] = []
        if let rule = event.rule {
            if rule.unsupportedParts.isEmpty {
                starts = rule.dates(from: startDate, through: lastDate)
            } else {
                starts = [startDate]
            }
        } else {
            starts = [startDate]
        }
        var occurrences = starts.map { occurrence(startingOn: $0, recurrenceID: nil) }
        if let until = event.rule?.until {
            occurrences.removeAll { occurrence in
                if case .date(let date) = until { return zone.date(of: occurrence.interval.start) > date && !event.start.isDate }
                return occurrence.interval.start > until.instant(zones: zones, floatingZone: floating)
            }
            if case .date(let date) = until, event.start.isDate {
                occurrences.removeAll { ($0.allDayDates?.start ?? date) > date }
            }
        }
        for extra in event.recurrenceDates {
            var occurrence = occurrence(startingOn: startParts.date, recurrenceID: nil)
            let start = extra.instant(zones: zones, floatingZone: floating)
            let length = occurrence.interval.seconds
            occurrence.interval = Interval(start, start + length)
            if case .date(let date) = extra { occurrence.allDayDates = (date, date.adding(days: max(1, Int(length / 86_400)))) }
            if !occurrences.contains(where: { $0.interval.start == start }) { occurrences.append(occurrence) }
        }
        let excluded = Set(event.exceptionDates.map { $0.instant(zones: zones, floatingZone: floating) })
        let excludedDates = Set(event.exceptionDates.compactMap { if case .date(let d) = $0 { d } else { nil } })
        occurrences.removeAll { occurrence in
            excluded.contains(occurrence.interval.start)
                || (occurrence.allDayDates.map { excludedDates.contains($0.start) } ?? false)
        }
        return occurrences.map {
            var copy = $0
            copy.recurrenceID = copy.interval.start
            return copy
        }
    }

    private var startParts: (date: LocalDate, time: TimeOfDay, second: Int) {
        switch event.start {
        case .date(let date): return (date, TimeOfDay(minutes: 0), 0)
        case .utc(let instant): return Zone.utc.local(instant)
        case .local(let date, let time, let second, _): return (date, time, second)
        }
    }

    private func occurrence(startingOn date: LocalDate, recurrenceID: Instant?) -> Occurrence {
        let (_, time, second) = startParts
        let start = zone.instant(date, time, second: second)
        var end: Instant
        var allDay: (LocalDate, LocalDate)?
        let originalStart = event.start.instant(zones: zones, floatingZone: floating)
        if event.start.isDate {
            var days = 1
            if case .date(let endDate)? = event.end { days = max(0, endDate.days(since: startParts.date)) }
            if let duration = event.duration { days = duration.days + Int(duration.seconds / 86_400) }
            allDay = (date, date.adding(days: days))
            end = zone.instant(date.adding(days: days), TimeOfDay(minutes: 0))
        } else if let endValue = event.end {
            end = start + (endValue.instant(zones: zones, floatingZone: floating) - originalStart)
        } else if let duration = event.duration {
            end = zone.instant(date.adding(days: duration.days), time, second: second) + duration.seconds
        } else {
            end = start
        }
        if end < start { end = start }
        return Occurrence(
            uid: event.uid, recurrenceID: recurrenceID, interval: Interval(start, end), allDayDates: allDay,
            transparency: event.transparency, status: event.status, summary: event.summary)
    }
}
