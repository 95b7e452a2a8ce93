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
        var raw = raw
        guard let value = raw.withUTF8({ Self(utf8: $0, tzid: tzid, valueType: valueType) }) else { return nil }
        self = value
    }

    /// Parses the value from its UTF-8 bytes.
    init?(utf8 text: UnsafeBufferPointer<UInt8>, tzid: String?, valueType: String? = nil) {
        var start = 0
        var end = text.count
        while end > start && (text[end - 1] == 0x20 || text[end - 1] == 0x09) { end -= 1 }
        while start < end && (text[start] == 0x20 || text[start] == 0x09) { start += 1 }
        let bytes = UnsafeBufferPointer(rebasing: text[start..<end])
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for k in from..<(from + count) {
                let digit = Int(bytes[k]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes.count == 8 || bytes.count == 15 || bytes.count == 16,
            let year = number(0, 4), let month = number(4, 2), let day = number(6, 2),
            let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        if bytes.count == 8 {
            self = .date(date)
            return
        }
        if valueType?.uppercased() == "DATE" { return nil }
        guard bytes[8] == 0x54 || bytes[8] == 0x74, let hour = number(9, 2), let minute = number(11, 2),
            let second = number(13, 2),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }
        let clock = TimeOfDay(minutes: hour * 60 + minute)
        if bytes.count == 16 {
            guard bytes[15] == 0x5A || bytes[15] == 0x7A else { return nil }
            self = .utc(
                Instant(seconds: date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59))))
        } else {
            self = .local(date, clock, second: min(second, 59), tzid: tzid)
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
            return
                "\(date.description.replacingDashes)T\(two(time.minutes / 60))\(two(time.minutes % 60))\(two(second))Z"
        case .local(let date, let time, let second, _):
            return
                "\(date.description.replacingDashes)T\(two(time.minutes / 60))\(two(time.minutes % 60))\(two(second))"
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
        if text.first == "-" {
            sign = -1
            text.removeFirst()
        } else if text.first == "+" {
            text.removeFirst()
        }
        guard text.first == "P" else { return nil }
        text.removeFirst()
        var days = 0
        var seconds: Int64 = 0
        var number = ""
        var inTime = false
        var sawPart = false
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
            // Durations beyond ten thousand years are nonsense and would overflow.
            guard number.count <= 9, let value = Int(number), value <= 3_660_000 else { return nil }
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
