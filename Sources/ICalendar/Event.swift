import Timeline

/// A VEVENT as scheduling needs it.
public struct Event: Sendable, Hashable {
    /// Whether the event blocks time (`TRANSP`).
    public enum Transparency: String, Sendable, Hashable, Codable {
        case opaque = "OPAQUE"
        case transparent = "TRANSPARENT"
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

    /// TEXT escaped per RFC 5545 §3.3.11: backslash, semicolon and comma escaped, every line break (CR LF, CR, LF,
    /// NEL, U+2028, U+2029) written as `\n`, other control characters but HTAB dropped.
    static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\".unicodeScalars
            case ";": result += "\\;".unicodeScalars
            case ",": result += "\\,".unicodeScalars
            case _ where isLineBreak(scalar):
                if scalar == "\n" && afterCR { continue }
                result += "\\n".unicodeScalars
            case _ where isControl(scalar): continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// A character that ends a line somewhere: CR, LF, VT, FF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// A character iCalendar text may not hold (RFC 5545 §3.3.11 CONTROL): C0 but HTAB, DEL, C1, and line breaks.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }
}
