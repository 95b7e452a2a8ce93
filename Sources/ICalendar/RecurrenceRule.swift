import Timeline

/// An RRULE (RFC 5545 §3.3.10, with RFC 7529 RSCALE/SKIP).
public struct RecurrenceRule: Sendable, Hashable {
    /// How often the rule repeats.
    public enum Frequency: String, Sendable, Hashable, Comparable {
        case secondly = "SECONDLY", minutely = "MINUTELY", hourly = "HOURLY"
        case daily = "DAILY", weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"

        var rank: Int { [.secondly, .minutely, .hourly, .daily, .weekly, .monthly, .yearly].firstIndex(of: self)! }

        public static func < (lhs: Frequency, rhs: Frequency) -> Bool { lhs.rank < rhs.rank }
    }

    /// A BYDAY entry: a weekday with an optional ordinal (`-1FR`).
    public struct WeekdayNumber: Sendable, Hashable {
        /// The ordinal within the month or year, nil for every such weekday.
        public var ordinal: Int?
        /// The weekday.
        public var weekday: Weekday
    }

    /// What to do with an instance that falls on a date the calendar lacks (RFC 7529 SKIP).
    public enum Skip: String, Sendable, Hashable {
        case omit = "OMIT", backward = "BACKWARD", forward = "FORWARD"
    }

    /// A BYMONTH entry; `leap` marks an RFC 7529 leap month such as `5L`.
    public struct Month: Sendable, Hashable {
        public var number: Int
        public var leap: Bool
    }

    /// FREQ.
    public var frequency: Frequency
    /// INTERVAL (default 1).
    public var interval: Int = 1
    /// COUNT, when given.
    public var count: Int?
    /// UNTIL, when given.
    public var until: DateTimeValue?
    /// BYSECOND.
    public var bySecond: [Int] = []
    /// BYMINUTE.
    public var byMinute: [Int] = []
    /// BYHOUR.
    public var byHour: [Int] = []
    /// BYDAY.
    public var byDay: [WeekdayNumber] = []
    /// BYMONTHDAY.
    public var byMonthDay: [Int] = []
    /// BYYEARDAY.
    public var byYearDay: [Int] = []
    /// BYWEEKNO.
    public var byWeekNo: [Int] = []
    /// BYMONTH.
    public var byMonth: [Month] = []
    /// BYSETPOS.
    public var bySetPos: [Int] = []
    /// WKST (default Monday).
    public var weekStart: Weekday = .monday
    /// RSCALE (RFC 7529), upper-cased; nil for the Gregorian calendar.
    public var scale: String?
    /// SKIP (RFC 7529), default OMIT.
    public var skip: Skip = .omit

    /// Parses the value of an RRULE property.
    public init(parsing text: String, tzid: String?) throws(ICalendarError) {
        var frequency: Frequency?
        var seen: [String] = []
        for part in text.split(separator: ";") where !part.isEmpty {
            guard let equals = part.firstIndex(of: "=") else {
                if part.trimmingSpaces.isEmpty { continue }
                throw Self.error("part '\(part)' has no '='")
            }
            let rawKey = part[..<equals], rawValue = part[part.index(after: equals)...]
            let key = rawKey.utf8.contains(where: { $0 == 0x20 || ($0 >= 0x61 && $0 <= 0x7A) }) ? rawKey.trimmingSpaces.uppercased() : String(rawKey)
            let value = rawValue.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 }) ? rawValue.trimmingSpaces : String(rawValue)
            guard !seen.contains(key) else { throw Self.error("\(key) appears twice") }
            seen.append(key)
            switch key {
            case "FREQ":
                guard let parsed = Frequency(rawValue: value) ?? Frequency(rawValue: value.uppercased()) else {
                    throw Self.error("FREQ '\(value)' is not SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY")
                }
                frequency = parsed
            case "INTERVAL":
                guard let n = Int(value), n > 0, n <= 100_000 else {
                    throw Self.error("INTERVAL '\(value)' must be a whole number from 1 to 100000")
                }
                interval = n
            case "COUNT":
                guard let n = Int(value) else { throw Self.error("COUNT '\(value)' must be a whole number") }
                // A negative COUNT (seen in exports next to UNTIL) limits nothing.
                count = n >= 0 ? n : nil
            case "UNTIL":
                guard let parsed = DateTimeValue(value, tzid: nil) else { throw Self.error("UNTIL '\(value)' is not a DATE or DATE-TIME") }
                until = parsed
            case "BYSECOND": bySecond = try Self.integers(value, in: 0...60, part: key, allowNegative: false)
            case "BYMINUTE": byMinute = try Self.integers(value, in: 0...59, part: key, allowNegative: false)
            case "BYHOUR": byHour = try Self.integers(value, in: 0...23, part: key, allowNegative: false)
            case "BYDAY":
                for entry in value.split(separator: ",") { byDay.append(try Self.weekdayNumber(String(entry))) }
            case "BYMONTHDAY": byMonthDay = try Self.integers(value, in: 1...31, part: key, allowNegative: true)
            case "BYYEARDAY": byYearDay = try Self.integers(value, in: 1...366, part: key, allowNegative: true)
            case "BYWEEKNO": byWeekNo = try Self.integers(value, in: 1...53, part: key, allowNegative: true)
            case "BYMONTH":
                for entry in value.split(separator: ",") {
                    let text = entry.trimmingSpaces.uppercased()
                    let leap = text.hasSuffix("L")
                    guard let n = Int(leap ? String(text.dropLast()) : text), (1...13).contains(n) else {
                        throw Self.error("BYMONTH '\(entry)' is out of range 1–12")
                    }
                    byMonth.append(Month(number: n, leap: leap))
                }
            case "BYSETPOS": bySetPos = try Self.integers(value, in: 1...366, part: key, allowNegative: true)
            case "WKST":
                guard let day = Weekday(name: value), value.count == 2 else { throw Self.error("WKST '\(value)' is not a weekday such as MO") }
                weekStart = day
            case "RSCALE": scale = value.uppercased()
            case "SKIP":
                guard let parsed = Skip(rawValue: value.uppercased()) else { throw Self.error("SKIP '\(value)' is not OMIT, BACKWARD or FORWARD") }
                skip = parsed
            default:
                if !key.hasPrefix("X-") { throw Self.error("unknown part \(key)") }
            }
        }
        guard let frequency else { throw Self.error("FREQ is missing") }
        self.frequency = frequency
        if let scale, scale != "GREGORIAN" && scale != "CHINESE" {
            throw Self.error("RSCALE=\(scale) is not supported (GREGORIAN and CHINESE are)")
        }
        if scale == "GREGORIAN" { self.scale = nil }
        if self.scale != "CHINESE" && byMonth.contains(where: { $0.leap || $0.number > 12 }) {
            throw Self.error("BYMONTH must be 1–12; leap months such as 5L need RSCALE=CHINESE")
        }
        if self.scale == "CHINESE" && interval > 1200 { throw Self.error("INTERVAL over 1200 with RSCALE=CHINESE") }
        if scale == nil && !seen.contains("RSCALE") { skip = .omit }
    }

    private static func error(_ message: String) -> ICalendarError { ICalendarError(line: 0, message: "RRULE: " + message) }

    private static func weekdayNumber(_ raw: String) throws(ICalendarError) -> WeekdayNumber {
        let text = raw.trimmingSpaces.uppercased()
        guard text.count >= 2, let weekday = Weekday(name: String(text.suffix(2))) else {
            throw error("BYDAY '\(raw)' is not a weekday such as MO or -1FR")
        }
        let prefix = text.dropLast(2)
        guard prefix.isEmpty || (Int(prefix).map { $0 != 0 && abs($0) <= 53 } ?? false) else {
            throw error("BYDAY '\(raw)' has a bad ordinal")
        }
        return WeekdayNumber(ordinal: prefix.isEmpty ? nil : Int(prefix), weekday: weekday)
    }

    private static func integers(
        _ value: String, in range: ClosedRange<Int>, part: String, allowNegative: Bool
    ) throws(ICalendarError) -> [Int] {
        var result: [Int] = []
        for piece in value.split(separator: ",") {
            guard let n = Int(String(piece).trimmingSpaces), range.contains(abs(n)), n >= 0 || allowNegative, n != 0 || range.lowerBound == 0 else {
                throw error("\(part) '\(piece)' is out of range")
            }
            result.append(n)
        }
        return result
    }
}
