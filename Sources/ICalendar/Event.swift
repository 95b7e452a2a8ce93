import Timeline

/// A VEVENT as scheduling needs it.
public struct Event: Sendable, Hashable {
    /// Whether the event blocks time (`TRANSP`).
    public enum Transparency: String, Sendable, Hashable, Codable {
        case opaque = "OPAQUE", transparent = "TRANSPARENT"
    }

    /// UID.
    public var uid: String
    /// SUMMARY, unescaped.
    public var summary: String?
    /// LOCATION, unescaped.
    public var location: String?
    /// DTSTART.
    public var start: DateTimeValue
    /// DTEND, when given.
    public var end: DateTimeValue?
    /// DURATION, when given instead of DTEND.
    public var duration: CalendarDuration?
    /// TRANSP (default opaque).
    public var transparency: Transparency
    /// STATUS, upper-cased, when given.
    public var status: String?
    /// RRULE, when the event repeats.
    public var rule: RecurrenceRule?
    /// Further RRULEs (RFC 2445 allowed several; their instances are united).
    public var additionalRules: [RecurrenceRule] = []
    /// RDATE values.
    public var recurrenceDates: [RecurrenceDate]
    /// EXDATE values.
    public var exceptionDates: [DateTimeValue]
    /// RECURRENCE-ID, when this event overrides one instance of a recurring set.
    public var recurrenceID: DateTimeValue?
    /// Whether the override also applies to every later instance (`RANGE=THISANDFUTURE`).
    public var thisAndFuture: Bool
    /// SEQUENCE: the revision; of two events with one UID and no RECURRENCE-ID the higher revision wins.
    public var sequence: Int
    /// The line of its BEGIN:VEVENT.
    public var line: Int

    /// An event from its parts.
    public init(
        uid: String, summary: String? = nil, location: String? = nil, start: DateTimeValue, end: DateTimeValue? = nil,
        duration: CalendarDuration? = nil, transparency: Transparency = .opaque, status: String? = nil,
        rule: RecurrenceRule? = nil, recurrenceDates: [RecurrenceDate] = [], exceptionDates: [DateTimeValue] = [],
        recurrenceID: DateTimeValue? = nil, thisAndFuture: Bool = false, sequence: Int = 0, line: Int = 0
    ) {
        self.uid = uid
        self.summary = summary
        self.location = location
        self.start = start
        self.end = end
        self.duration = duration
        self.transparency = transparency
        self.status = status
        self.rule = rule
        self.recurrenceDates = recurrenceDates
        self.exceptionDates = exceptionDates
        self.recurrenceID = recurrenceID
        self.thisAndFuture = thisAndFuture
        self.sequence = sequence
        self.line = line
    }

    /// Whether the event is cancelled.
    public var isCancelled: Bool { status == "CANCELLED" }
}

/// An RDATE value: a date, a date-time, or a period with its own end.
public struct RecurrenceDate: Sendable, Hashable {
    /// When the extra instance starts.
    public var start: DateTimeValue
    /// Where a PERIOD gives an explicit end.
    public var end: DateTimeValue?

    /// An RDATE value from its parts.
    public init(start: DateTimeValue, end: DateTimeValue? = nil) {
        self.start = start
        self.end = end
    }
}

/// Text value escapes of RFC 5545 §3.3.11.
enum TextValue {
    static func unescape(_ text: String) -> String {
        let hasEscape = text.utf8.withContiguousStorageIfAvailable { $0.contains(0x5C) } ?? text.utf8.contains(0x5C)
        guard hasEscape else { return text }
        var result = ""
        var escaping = false
        for character in text.unicodeScalars {
            if escaping {
                switch character {
                case "n", "N": result.append("\n")
                default: result.unicodeScalars.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default: result.append(character)
            }
        }
        return result
    }
}
