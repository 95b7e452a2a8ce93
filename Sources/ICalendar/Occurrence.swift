import Timeline

/// One instance of an event in time, after recurrence expansion and overrides.
public struct Occurrence: Sendable, Hashable {
    /// The event's UID.
    public var uid: String
    /// The instance's original start when it belongs to a recurring set, else nil.
    public var recurrenceID: Instant?
    /// The original date when the recurring set is all-day.
    public var recurrenceDate: LocalDate?
    /// Start and end of the instance (all-day instances run local midnight to midnight).
    public var interval: Interval
    /// The local dates of an all-day instance, end exclusive; nil for timed instances.
    public var allDayDates: (start: LocalDate, end: LocalDate)? {
        get { allDayStart.flatMap { s in allDayEnd.map { (s, $0) } } }
        set {
            allDayStart = newValue?.start
            allDayEnd = newValue?.end
        }
    }
    /// TRANSP of the instance.
    public var transparency: Event.Transparency
    /// STATUS of the instance, when given.
    public var status: String?
    /// SUMMARY of the instance.
    public var summary: String?
    /// LOCATION of the instance, when given.
    public var location: String?

    private var allDayStart: LocalDate?
    private var allDayEnd: LocalDate?

    /// An occurrence from its parts.
    public init(
        uid: String, recurrenceID: Instant?, interval: Interval, allDayDates: (start: LocalDate, end: LocalDate)?,
        transparency: Event.Transparency, status: String?, summary: String?, location: String? = nil
    ) {
        self.uid = uid
        self.recurrenceID = recurrenceID
        self.interval = interval
        self.allDayStart = allDayDates?.start
        self.allDayEnd = allDayDates?.end
        self.transparency = transparency
        self.status = status
        self.summary = summary
        self.location = location
    }

    /// Whether the instance blocks time: opaque and not cancelled.
    public var isBusy: Bool { transparency == .opaque && status != "CANCELLED" }
}

extension VCalendar {
    /// The zone floating times and dates are read in: `X-WR-TIMEZONE` when present, else `fallback`.
    public func floatingZone(fallback: Zone) -> Zone { defaultZone ?? fallback }

    /// Every occurrence overlapping `window`, sorted by start then UID; `floating` reads floating times and dates.
    public func occurrences(in window: Interval, floating fallback: Zone) -> [Occurrence] {
        var ignored: [Diagnostic] = []
        return occurrences(in: window, floating: fallback, diagnostics: &ignored)
    }

    /// Every occurrence overlapping `window`, adding a warning to `diagnostics` for each event a `RecurrenceLimits`
    /// bound kept from being expanded exactly (its whole span in the window is then one occurrence).
    public func occurrences(in window: Interval, floating fallback: Zone, diagnostics: inout [Diagnostic])
        -> [Occurrence]
    {
        let floating = floatingZone(fallback: fallback)
        let utcZone = defaultZone ?? .utc
        // Events without a UID stand alone; of several masters with one UID the highest SEQUENCE (then the last) wins.
        func key(_ index: Int) -> String { events[index].uid.isEmpty ? "#\(index)" : events[index].uid }
        var overrides: [String: [Int]] = [:]
        var masters: [String: Int] = [:]
        for index in events.indices {
            if events[index].recurrenceID != nil {
                overrides[key(index), default: []].append(index)
            } else if let current = masters[key(index)], events[current].sequence > events[index].sequence {
                continue
            } else {
                masters[key(index)] = index
            }
        }
        func inWindow(_ occurrence: Occurrence) -> Bool {
            let span = occurrence.interval
            return span.isEmpty ? window.contains(span.start) : span.overlaps(window)
        }
        var result: [Occurrence] = []
        // A single event whose dates lie days away from the window cannot meet it: skip it before any zone work.
        func floorDay(_ seconds: Int64) -> Int64 { seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400 }
        let firstDay = floorDay(window.start.seconds) - 2
        let lastDay = floorDay(window.end.seconds) + 2
        func day(_ value: DateTimeValue) -> Int64 {
            switch value {
            case .date(let date), .local(let date, _, _, _): date.daysSinceEpoch
            case .utc(let instant): floorDay(instant.seconds)
            }
        }
        for index in masters.values.sorted() {
            let event = events[index]
            if event.rule == nil && event.recurrenceDates.isEmpty && overrides[key(index)] == nil {
                if day(event.start) > lastDay { continue }
                if let end = event.end, day(end) < firstDay, day(event.start) < firstDay { continue }
                if event.end == nil
                    && event.duration.map({ $0.days == 0 && $0.seconds >= 0 && $0.seconds < 86_400 }) ?? true,
                    day(event.start) < firstDay - 1
                {
                    continue
                }
            }
            let expander = Expander(event: event, zones: zones, floating: floating, utcZone: utcZone)
            let master = expander.event
            let moved = overrides[key(index)] ?? []
            if master.rule == nil && master.recurrenceDates.isEmpty && moved.isEmpty {
                let occurrence = expander.single()
                if inWindow(occurrence) { result.append(occurrence) }
                continue
            }
            let expanded = expander.instances(in: window, overrides: moved.map { events[$0] })
            if let warning = expanded.warning { diagnostics.append(warning) }
            for occurrence in expanded.occurrences + [expanded.unknown].compactMap(\.self) where inWindow(occurrence) {
                result.append(occurrence)
            }
        }
        // Overrides whose master is missing still describe real instances.
        for (uid, orphans) in overrides where masters[uid] == nil {
            for index in orphans {
                let orphan = events[index]
                var occurrence = Expander(event: orphan, zones: zones, floating: floating, utcZone: utcZone).single()
                occurrence.recurrenceID = orphan.recurrenceID!.instant(zones: zones, floatingZone: floating)
                if case .date(let date) = orphan.recurrenceID! { occurrence.recurrenceDate = date }
                if inWindow(occurrence) { result.append(occurrence) }
            }
        }
        return result.sorted { ($0.interval.start, $0.uid) < ($1.interval.start, $1.uid) }
    }

    /// Busy time inside `window`: opaque, non-cancelled occurrences, VFREEBUSY periods, and time a VAVAILABILITY
    /// covers without an AVAILABLE slot.
    public func busy(in window: Interval, floating fallback: Zone) -> IntervalSet {
        var ignored: [Diagnostic] = []
        return busy(in: window, floating: fallback, diagnostics: &ignored)
    }

    /// Busy time inside `window`, adding a warning to `diagnostics` for each event not expanded exactly (its whole
    /// span in the window is busy).
    public func busy(in window: Interval, floating fallback: Zone, diagnostics: inout [Diagnostic]) -> IntervalSet {
        var busy = eventBusy(in: window, floating: fallback, diagnostics: &diagnostics)
        if let published = publishedAvailability(in: window, floating: fallback) {
            busy = busy.union(published.covered.subtracting(published.available))
        }
        return busy
    }

    /// Busy time from events and VFREEBUSY alone.
    func eventBusy(in window: Interval, floating fallback: Zone, diagnostics: inout [Diagnostic]) -> IntervalSet {
        let timed = occurrences(in: window, floating: fallback, diagnostics: &diagnostics).filter(\.isBusy).map(
            \.interval)
        return IntervalSet(timed + freeBusy).clipped(to: window)
    }
}
