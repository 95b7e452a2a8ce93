import Timeline

/// A DATE or DATE-TIME value as written: all-day, UTC, in a named zone, or floating.
public enum DateTimeValue: Sendable, Hashable {
    /// An all-day date (`VALUE=DATE`).
    case date(LocalDate)
    /// A UTC time (`…Z`).
    case utc(Instant)
    /// A wall time in the zone `tzid`, or floating (local to whoever reads it) when `tzid` is nil.
    case local(LocalDate, TimeOfDay, second: Int, tzid: String?)

    /// Whether this is an all-day date.
    public var isDate: Bool { if case .date = self { true } else { false } }

    /// Parses `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `YYYYMMDDTHHMMSSZ`; `tzid` applies to local times.
    public init?(_ raw: String, tzid: String?, valueType: String? = nil) {
        let text = raw.trimmingSpaces
        guard text.count >= 8, let date = LocalDate(iso: String(text.prefix(8))) else { return nil }
        if text.count == 8 {
            self = .date(date)
            return
        }
        if valueType?.uppercased() == "DATE" { return nil }
        let rest = Array(text.dropFirst(8))
        guard rest.count == 7 || rest.count == 8, rest[0] == "T",
            let hour = Int(String(rest[1...2])), let minute = Int(String(rest[3...4])),
            let second = Int(String(rest[5...6])), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second), rest[1...6].allSatisfy(\.isNumber)
        else { return nil }
        let clampedSecond = min(second, 59)
        if rest.count == 8 {
            guard rest[7] == "Z" || rest[7] == "z" else { return nil }
            self = .utc(Zone.utc.instant(date, TimeOfDay(minutes: hour * 60 + minute), second: clampedSecond))
        } else {
            self = .local(date, TimeOfDay(minutes: hour * 60 + minute), second: clampedSecond, tzid: tzid)
        }
    }

    /// The instant this value names; dates and floating times are read in `floatingZone`.
    public func instant(zones: ZoneResolver, floatingZone: Zone) -> Instant {
        switch self {
        case .date(let date): return floatingZone.instant(date, TimeOfDay(minutes: 0))
        case .utc(let instant): return instant
        case .local(let date, let time, let second, let tzid):
            let zone = tzid.flatMap { zones.zone(for: $0) } ?? floatingZone
            return zone.instant(date, time, second: second)
        }
    }

    /// The iCalendar text form of the value.
    public var icalendarText: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch self {
        case .date(let d): return d.description.replacingDashes
        case .utc(let instant):
            let (date, time, second) = Zone.utc.local(instant)
            return "\(date.description.replacingDashes)T\(two(time.minutes / 60))\(two(time.minutes % 60))\(two(second))Z"
        case .local(let date, let time, let second, _):
            return "\(date.description.replacingDashes)T\(two(time.minutes / 60))\(two(time.minutes % 60))\(two(second))"
        }
    }
}

extension String {
    var replacingDashes: String { filter { $0 != "-" } }
}

/// An RFC 5545 DURATION: weeks and days are nominal (calendar days), hours, minutes and seconds exact.
public struct CalendarDuration: Sendable, Hashable {
    /// Nominal days (weeks folded in as 7 days each), negative for a negative duration.
    public var days: Int
    /// Exact seconds, negative for a negative duration.
    public var seconds: Int64

    /// A duration from nominal days and exact seconds.
    public init(days: Int = 0, seconds: Int64 = 0) {
        self.days = days
        self.seconds = seconds
    }

    /// Parses `[+-]P[nW][nD][T[nH][nM][nS]]`.
    public init?(_ raw: String) {
        var text = Substring(raw.trimmingSpaces.uppercased())
        var sign = 1
        if text.first == "-" { sign = -1; text.removeFirst() } else if text.first == "+" { text.removeFirst() }
        guard text.first == "P" else { return nil }
        text.removeFirst()
        var days = 0, seconds: Int64 = 0, number = "", inTime = false, sawPart = false
        for character in text {
            if character.isNumber {
                number.append(character)
                continue
            }
            if character == "T" {
                guard number.isEmpty, !inTime else { return nil }
                inTime = true
                continue
            }
            guard let value = Int(number) else { return nil }
            number = ""
            sawPart = true
            switch (character, inTime) {
            case ("W", false): days += 7 * value
            case ("D", false): days += value
            case ("H", true): seconds += Int64(value) * 3600
            case ("M", true): seconds += Int64(value) * 60
            case ("S", true): seconds += Int64(value)
            default: return nil
            }
        }
        guard number.isEmpty, sawPart else { return nil }
        self.days = sign * days
        self.seconds = Int64(sign) * seconds
    }
}
