import Messages
import Timeline

/// An RRULE (RFC 5545 §3.3.10, with RFC 7529 RSCALE/SKIP).
public struct RecurrenceRule: Sendable, Hashable {
    /// How often the rule repeats.
    public enum Frequency: String, Sendable, Hashable, Comparable {
        case secondly = "SECONDLY"
        case minutely = "MINUTELY"
        case hourly = "HOURLY"
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"

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
        case omit = "OMIT"
        case backward = "BACKWARD"
        case forward = "FORWARD"
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
    /// Values read in a documented way rather than as written (a negative or zero COUNT), in words.
    public var warnings: [Message] = []

    /// Parses the value of an RRULE property.
    public init(parsing text: String, tzid: String?) throws(ICalendarError) {
        let rule = RuleText(Array(text.utf8))
        var frequency: Frequency?
        var seen: UInt32 = 0
        var seenExtensions: [String] = []
        var partStart = 0
        while partStart <= rule.bytes.count {
            var partEnd = partStart
            while partEnd < rule.bytes.count && rule.bytes[partEnd] != 0x3B { partEnd += 1 }  // ;
            let part = rule.trimmed(partStart..<partEnd)
            partStart = partEnd + 1
            if part.isEmpty { continue }
            guard let equals = part.firstIndex(where: { rule.bytes[$0] == 0x3D }) else {
                throw Self.error(.ruleNoEquals, ["part": .text(rule.text(part))])
            }
            let keyRange = rule.trimmed(part.lowerBound..<equals)
            let valueRange = rule.trimmed((equals + 1)..<part.upperBound)
            let known = rule.keyword(keyRange, Self.partNames)
            let key = known.map { String(describing: Self.partNames[$0]) } ?? rule.text(keyRange).uppercased()
            if let known {
                guard seen & (1 << known) == 0 else { throw Self.error(.ruleTwice, ["key": .text(key)]) }
                seen |= 1 << known
            } else {
                guard !seenExtensions.contains(key) else { throw Self.error(.ruleTwice, ["key": .text(key)]) }
                seenExtensions.append(key)
            }
            var value: String { rule.text(valueRange) }
            switch known {
            case 0:  // FREQ
                guard let index = rule.keyword(valueRange, Self.frequencyNames) else {
                    throw Self.error(.ruleBadFrequency, ["value": .text(value)])
                }
                frequency = [.secondly, .minutely, .hourly, .daily, .weekly, .monthly, .yearly][index]
            case 1:  // INTERVAL
                guard let n = rule.integer(valueRange), n > 0, n <= 100_000 else {
                    throw Self.error(.ruleBadInterval, ["value": .text(value)])
                }
                interval = n
            case 2:  // COUNT
                guard let n = rule.integer(valueRange) else {
                    throw Self.error(.ruleBadCount, ["value": .text(value)])
                }
                // A negative COUNT (seen in exports next to UNTIL) limits nothing; COUNT=0 would leave no instance at
                // all, so it is read as the DTSTART instance alone (unknown busy time is busy).
                if n < 0 {
                    warnings.append(Message(.icsNegativeCount, ["count": .number(n)]))
                } else if n == 0 {
                    warnings.append(Message(.icsZeroCount))
                }
                count = n > 0 ? n : n == 0 ? 1 : nil
            case 3:  // UNTIL
                guard let parsed = DateTimeValue(value, tzid: nil) else {
                    throw Self.error(.ruleBadUntil, ["value": .text(value)])
                }
                until = parsed
            case 4: bySecond = try rule.integers(valueRange, in: 0...60, part: key, allowNegative: false)
            case 5: byMinute = try rule.integers(valueRange, in: 0...59, part: key, allowNegative: false)
            case 6: byHour = try rule.integers(valueRange, in: 0...23, part: key, allowNegative: false)
            case 7:  // BYDAY
                for entry in rule.pieces(valueRange) {
                    let trimmed = rule.trimmed(entry)
                    let ordinal = rule.integer(trimmed.lowerBound..<max(trimmed.lowerBound, trimmed.upperBound - 2))
                    guard trimmed.count >= 2,
                        let day = rule.keyword((trimmed.upperBound - 2)..<trimmed.upperBound, Self.weekdayNames)
                    else {
                        throw Self.error(.ruleBadDay, ["value": .text(rule.text(entry))])
                    }
                    guard trimmed.count == 2 || (ordinal.map { $0 != 0 && abs($0) <= 53 } ?? false) else {
                        throw Self.error(.ruleBadOrdinal, ["value": .text(rule.text(entry))])
                    }
                    byDay.append(WeekdayNumber(ordinal: ordinal, weekday: Weekday(rawValue: day)!))
                }
            case 8: byMonthDay = try rule.integers(valueRange, in: 1...31, part: key, allowNegative: true)
            case 9: byYearDay = try rule.integers(valueRange, in: 1...366, part: key, allowNegative: true)
            case 10: byWeekNo = try rule.integers(valueRange, in: 1...53, part: key, allowNegative: true)
            case 11:  // BYMONTH
                for entry in rule.pieces(valueRange) {
                    let trimmed = rule.trimmed(entry)
                    let leap = trimmed.count > 0 && rule.bytes[trimmed.upperBound - 1] | 0x20 == 0x6C  // L or l
                    guard let n = rule.integer(trimmed.lowerBound..<(trimmed.upperBound - (leap ? 1 : 0))),
                        (1...13).contains(n)
                    else {
                        throw Self.error(.ruleBadMonth, ["value": .text(rule.text(entry))])
                    }
                    byMonth.append(Month(number: n, leap: leap))
                }
            case 12: bySetPos = try rule.integers(valueRange, in: 1...366, part: key, allowNegative: true)
            case 13:  // WKST
                guard let day = rule.keyword(valueRange, Self.weekdayNames) else {
                    throw Self.error(.ruleBadWeekStart, ["value": .text(value)])
                }
                weekStart = Weekday(rawValue: day)!
            case 14: scale = value.uppercased()  // RSCALE
            case 15:  // SKIP
                guard let index = rule.keyword(valueRange, ["OMIT", "BACKWARD", "FORWARD"]) else {
                    throw Self.error(.ruleBadSkip, ["value": .text(value)])
                }
                skip = [.omit, .backward, .forward][index]
            default:
                if !key.hasPrefix("X-") { throw Self.error(.ruleUnknownPart, ["key": .text(key)]) }
            }
        }
        guard let frequency else { throw Self.error(.ruleNoFrequency) }
        self.frequency = frequency
        if let scale, scale != "GREGORIAN" && scale != "CHINESE" {
            throw Self.error(.ruleUnknownScale, ["scale": .text(scale)])
        }
        if scale == "GREGORIAN" { self.scale = nil }
        if self.scale != "CHINESE" && byMonth.contains(where: { $0.leap || $0.number > 12 }) {
            throw Self.error(.ruleLeapMonth)
        }
        if self.scale == "CHINESE" && interval > 1200 { throw Self.error(.ruleChineseInterval) }
        if scale == nil && seen & (1 << 14) == 0 { skip = .omit }
    }

    /// The parts of a rule in the order the parser's `switch` numbers them.
    private static let partNames: [StaticString] = [
        "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
        "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST", "RSCALE", "SKIP",
    ]
    private static let frequencyNames: [StaticString] = [
        "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY",
    ]
    /// Weekday names in `Weekday`'s raw-value order.
    private static let weekdayNames: [StaticString] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    private static func error(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> ICalendarError {
        ICalendarError(line: 0, Message(.ruleError, ["text": .message(Message(key, arguments))]))
    }
}

/// The bytes of an RRULE value and the small readers its parts need; ranges index `bytes`.
private struct RuleText {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// The range without leading and trailing spaces, tabs, CR and LF.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && isSpace(bytes[lower]) { lower += 1 }
        while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The index of the name the range spells, ignoring case.
    func keyword(_ range: Range<Int>, _ names: [StaticString]) -> Int? {
        names.firstIndex { name in
            guard name.utf8CodeUnitCount == range.count else { return false }
            for k in 0..<range.count {
                let b = bytes[range.lowerBound + k]
                if (b >= 0x61 && b <= 0x7A ? b - 0x20 : b) != name.utf8Start[k] { return false }
            }
            return true
        }
    }

    /// A whole number with an optional sign, or nil.
    func integer(_ range: Range<Int>) -> Int? {
        var k = range.lowerBound
        var negative = false
        if k < range.upperBound && (bytes[k] == 0x2B || bytes[k] == 0x2D) {
            negative = bytes[k] == 0x2D
            k += 1
        }
        guard k < range.upperBound, range.upperBound - k <= 18 else { return nil }
        var value = 0
        while k < range.upperBound {
            let digit = Int(bytes[k]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
            k += 1
        }
        return negative ? -value : value
    }

    /// The non-empty comma-separated pieces of the range.
    func pieces(_ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for k in range.lowerBound...range.upperBound where k == range.upperBound || bytes[k] == 0x2C {
            if k > start { result.append(start..<k) }
            start = k + 1
        }
        return result
    }

    /// A comma-separated list of whole numbers in `range` (negated too where allowed; zero only when in range).
    func integers(_ value: Range<Int>, in allowed: ClosedRange<Int>, part: String, allowNegative: Bool)
        throws(ICalendarError) -> [Int]
    {
        var result: [Int] = []
        for piece in pieces(value) {
            guard let n = integer(trimmed(piece)), allowed.contains(abs(n)), n >= 0 || allowNegative,
                n != 0 || allowed.lowerBound == 0
            else {
                throw ICalendarError(
                    line: 0,
                    Message(
                        .ruleError,
                        [
                            "text": .message(
                                Message(.ruleOutOfRange, ["part": .text(part), "value": .text(text(piece))]))
                        ]))
            }
            result.append(n)
        }
        return result
    }
}
