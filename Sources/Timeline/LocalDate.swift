/// A calendar date with no time zone (proleptic Gregorian).
public struct LocalDate: Sendable, Hashable, Comparable {
    /// The year, e.g. 2022.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int

    /// A date from its parts; nil when the date does not exist (Feb 30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int64) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = Int(yoe + era * 400 + (m <= 2 ? 1 : 0))
        month = Int(m)
        day = Int(d)
    }

    /// Parses `YYYY-MM-DD` or `YYYYMMDD`.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        let dashed = bytes.count == 10
        guard bytes.count == 8 || (dashed && bytes[4] == 0x2D && bytes[7] == 0x2D) else { return nil }
        var value = 0
        for (index, byte) in bytes.enumerated() where !(dashed && (index == 4 || index == 7)) {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        self.init(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(month > 2 ? month - 3 : month + 9)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `count` days later (earlier when negative).
    public func adding(days count: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + Int64(count)) }

    /// Whole days from `other` to this date.
    public func days(since other: LocalDate) -> Int { Int(daysSinceEpoch - other.daysSinceEpoch) }

    /// The day of the week.
    public var weekday: Weekday { Weekday(rawValue: Int((daysSinceEpoch % 7 + 7 + 3) % 7))! }

    /// Days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Splits UTC epoch seconds into the UTC date and the second of that day.
    static func split(_ seconds: Int64) -> (LocalDate, Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (LocalDate(daysSinceEpoch: days), Int(seconds - days * 86_400))
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension LocalDate: CustomStringConvertible {
    /// `YYYY-MM-DD`.
    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }
}

extension LocalDate: Codable {
    /// Reads `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard text.count == 10, let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date YYYY-MM-DD")
        }
        self = date
    }

    /// Writes `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A day of the week, ISO order (Monday first).
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Reads `mon`, `monday`, or iCalendar's `MO`, in any case.
    public init?(name: String) {
        if name.utf8.count == 2, let index = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].firstIndex(of: name) {
            self.init(rawValue: index)
            return
        }
        let key = name.lowercased()
        guard
            let match = Weekday.allCases.first(where: {
                $0.shortName == key || "\($0)" == key || $0.icalendar.lowercased() == key
            })
        else { return nil }
        self = match
    }

    /// `mon`, `tue`, ….
    public var shortName: String { String("\(self)".prefix(3)) }

    /// `Mon`, `Tue`, … as people read it.
    public var displayName: String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue] }

    /// iCalendar's two-letter code, `MO` … `SU`.
    public var icalendar: String { ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue] }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
