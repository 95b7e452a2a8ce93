import Messages
import Timeline

/// Reads one VEVENT component into an `Event`.
enum EventReader {
    /// The longest event length taken at its word: ten years.
    static let longestEvent: Int64 = 3_653 * 86_400

    static func read(_ component: Component, zones: inout ZoneResolver, diagnostics: inout [Diagnostic])
        throws(ICalendarError) -> Event
    {
        let found = Found(component.properties)
        var warnings: [Diagnostic] = []
        func zoneName(_ property: ContentLine, _ name: String) -> String? {
            guard let tzid = property.tzid else { return nil }
            if !zones.remember(tzid) {
                warnings.append(
                    Diagnostic(
                        line: property.line,
                        Message(.icsUnknownTZID, ["name": .text(name), "tzid": .text(tzid)]),
                        isError: false))
            }
            return tzid
        }
        func dateTime(_ property: ContentLine?, _ name: String) throws(ICalendarError) -> DateTimeValue? {
            guard let property else { return nil }
            let tzid = zoneName(property, name)
            guard
                let value = DateTimeValue(
                    property.value, tzid: tzid, valueType: property.parameter(upperCased: "VALUE"))
            else {
                throw ICalendarError(
                    line: property.line,
                    Message(.icsNotDateOrDateTime, ["name": .text(name), "value": .text(property.value)]))
            }
            return value
        }
        func list(_ properties: [ContentLine], _ name: String) throws(ICalendarError) -> [RecurrenceDate] {
            var values: [RecurrenceDate] = []
            for property in properties {
                let tzid = zoneName(property, name)
                for piece in property.value.split(separator: ",") {
                    let parts = piece.split(separator: "/", maxSplits: 1).map(String.init)
                    guard let first = parts.first, let start = DateTimeValue(first, tzid: tzid) else {
                        throw ICalendarError(
                            line: property.line,
                            Message(.icsNotDateOrPeriod, ["name": .text(name), "value": .text(String(piece))]))
                    }
                    var end: DateTimeValue?
                    if parts.count == 2 {
                        if let explicit = DateTimeValue(parts[1], tzid: tzid) {
                            end = explicit
                        } else if let duration = CalendarDuration(parts[1]), case .utc(let from) = start {
                            end = .utc(from + Int64(duration.days) * 86_400 + duration.seconds)
                        } else if let duration = CalendarDuration(parts[1]),
                            case .local(let date, let time, let second, let zone) = start
                        {
                            let wall = LocalDateTime(
                                date: date.adding(days: duration.days), second: time.minutes * 60 + second)
                            let later = LocalDateTime(wallSeconds: wall.wallSeconds + duration.seconds)
                            end = .local(
                                later.date, TimeOfDay(minutes: later.second / 60), second: later.second % 60, tzid: zone
                            )
                        } else {
                            throw ICalendarError(
                                line: property.line,
                                Message(.icsBadPeriodEnd, ["name": .text(name), "value": .text(String(piece))]))
                        }
                    }
                    values.append(RecurrenceDate(start: start, end: end))
                }
            }
            return values
        }
        guard let start = try dateTime(found.dtStart, "DTSTART") else {
            throw ICalendarError(line: component.line, Message(.icsNoStart))
        }
        let uid = found.uid?.value.trimmingSpaces ?? ""
        var rules: [RecurrenceRule] = []
        var emptyRule = false
        for property in found.all(.rrule) {
            if property.value.trimmingSpaces.isEmpty {
                warnings.append(
                    Diagnostic(
                        line: property.line, Message(.icsEmptyRule), isError: false))
                emptyRule = true
                continue
            }
            do {
                var rule = try RecurrenceRule(parsing: property.value, tzid: property.tzid)
                for warning in rule.warnings {
                    warnings.append(Diagnostic(line: property.line, warning, isError: false))
                }
                if let until = rule.until, endsBeforeStart(until, start, zones: zones) {
                    warnings.append(
                        Diagnostic(
                            line: property.line,
                            Message(.icsUntilBeforeStart),
                            isError: false))
                    rule.until = nil
                    rule.count = 1
                }
                rules.append(rule)
            } catch {
                throw ICalendarError(line: property.line, error.sentence)
            }
        }
        var duration: CalendarDuration?
        if let property = found.duration {
            guard let parsed = CalendarDuration(property.value) else {
                throw ICalendarError(
                    line: property.line, Message(.icsBadDuration, ["value": .text(property.value)]))
            }
            duration = parsed
            if parsed.days < 0 || parsed.seconds < 0 {
                // RFC 5545 §3.8.2.5: an event's DURATION is positive. A negative one would make every instance empty.
                warnings.append(
                    Diagnostic(
                        line: property.line, Message(.icsNegativeDuration, ["value": .text(property.value)]),
                        isError: false))
                duration = CalendarDuration(days: abs(parsed.days), seconds: abs(parsed.seconds))
            }
        }
        let transparency =
            found.transp.flatMap { Event.Transparency(rawValue: $0.value.trimmingSpaces.uppercased()) } ?? .opaque
        var end = try dateTime(found.dtEnd, "DTEND")
        var begin = start
        if let given = end, given.isDate == begin.isDate, endsBeforeStart(given, begin, zones: zones) {
            let gap = begin.instant(zones: zones, floatingZone: .utc) - given.instant(zones: zones, floatingZone: .utc)
            if gap > 0 && gap <= 7 * 86_400 {
                // DTEND shortly before DTSTART: the writer swapped the two.
                warnings.append(
                    Diagnostic(
                        line: component.line, Message(.icsEndBeforeStart), isError: false))
                (begin, end) = (given, begin)
            } else if gap > 0 {
                warnings.append(
                    Diagnostic(
                        line: component.line, Message(.icsEndLongBeforeStart), isError: false))
                end = nil
            }
        } else if let given = end, roughDay(given) - roughDay(begin) > 3_650,
            given.instant(zones: zones, floatingZone: .utc) - begin.instant(zones: zones, floatingZone: .utc)
                > Self.longestEvent
        {
            // No meeting lasts ten years: a DTEND that far away is a typo, and would make every instance cover every week.
            warnings.append(
                Diagnostic(
                    line: component.line, Message(.icsEndTooFar),
                    isError: false))
            end = nil
        }
        if let length = duration, Int64(length.days) * 86_400 + length.seconds > Self.longestEvent {
            warnings.append(
                Diagnostic(
                    line: component.line, Message(.icsDurationTooLong), isError: false))
            duration = nil
        }
        var recurrenceDates = try list(found.all(.rdate), "RDATE")
        if emptyRule && rules.isEmpty { recurrenceDates.append(RecurrenceDate(start: start)) }
        var event = Event(
            uid: uid,
            summary: found.summary.map { TextValue.unescape($0.value) },
            location: found.location.map { TextValue.unescape($0.value) },
            start: begin, end: end, duration: duration, transparency: transparency,
            status: found.status?.value.trimmingSpaces.uppercased(),
            rule: rules.first, recurrenceDates: recurrenceDates,
            exceptionDates: try list(found.all(.exDate), "EXDATE").map(\.start),
            recurrenceID: try dateTime(found.recurrenceID, "RECURRENCE-ID"),
            thisAndFuture: found.recurrenceID?.parameter(upperCased: "RANGE")?.uppercased() == "THISANDFUTURE",
            sequence: found.sequence.flatMap { Int($0.value.trimmingSpaces) } ?? 0, line: component.line)
        if rules.count > 1 { event.additionalRules = Array(rules.dropFirst()) }
        diagnostics += warnings
        return event
    }

    /// The properties an event is read from, found in one pass: the first of each, and every RRULE, RDATE and EXDATE.
    private struct Found {
        let properties: [ContentLine]
        private var first: (uid: Int?, dtStart: Int?, dtEnd: Int?, duration: Int?, recurrenceID: Int?)
        private var firstText: (summary: Int?, location: Int?, status: Int?, transp: Int?, sequence: Int?)
        private var repeated: [(PropertyName, Int)] = []

        init(_ properties: [ContentLine]) {
            self.properties = properties
            for (index, property) in properties.enumerated() {
                func keepFirst(_ slot: inout Int?) { if slot == nil { slot = index } }
                switch property.known {
                case .other, .begin, .end: continue
                case .rrule, .rdate, .exDate: repeated.append((property.known, index))
                case .uid: keepFirst(&first.uid)
                case .dtStart: keepFirst(&first.dtStart)
                case .dtEnd: keepFirst(&first.dtEnd)
                case .duration: keepFirst(&first.duration)
                case .recurrenceID: keepFirst(&first.recurrenceID)
                case .summary: keepFirst(&firstText.summary)
                case .location: keepFirst(&firstText.location)
                case .status: keepFirst(&firstText.status)
                case .transp: keepFirst(&firstText.transp)
                case .sequence: keepFirst(&firstText.sequence)
                }
            }
        }

        private func line(_ index: Int?) -> ContentLine? { index.map { properties[$0] } }
        var uid: ContentLine? { line(first.uid) }
        var dtStart: ContentLine? { line(first.dtStart) }
        var dtEnd: ContentLine? { line(first.dtEnd) }
        var duration: ContentLine? { line(first.duration) }
        var recurrenceID: ContentLine? { line(first.recurrenceID) }
        var summary: ContentLine? { line(firstText.summary) }
        var location: ContentLine? { line(firstText.location) }
        var status: ContentLine? { line(firstText.status) }
        var transp: ContentLine? { line(firstText.transp) }
        var sequence: ContentLine? { line(firstText.sequence) }
        /// Every property of a name that may repeat, in file order.
        func all(_ name: PropertyName) -> [ContentLine] { repeated.filter { $0.0 == name }.map { properties[$0.1] } }
    }
}

/// Whether an end lies before a start, comparing wall times directly when both are written the same way.
private func endsBeforeStart(_ end: DateTimeValue, _ start: DateTimeValue, zones: ZoneResolver) -> Bool {
    switch (end, start) {
    case (.date(let a), .date(let b)): return a < b
    case (.utc(let a), .utc(let b)): return a < b
    case (.local(let d1, let t1, let s1, let z1), .local(let d2, let t2, let s2, let z2)) where z1 == z2:
        return (d1, t1.minutes, s1) < (d2, t2.minutes, s2)
    default:
        return end.instant(zones: zones, floatingZone: .utc) < start.instant(zones: zones, floatingZone: .utc)
    }
}

/// The day a value names, give or take one (its zone unread): a cheap first test before exact instants.
private func roughDay(_ value: DateTimeValue) -> Int64 {
    switch value {
    case .date(let date), .local(let date, _, _, _): date.daysSinceEpoch
    case .utc(let instant): instant.seconds / 86_400
    }
}
