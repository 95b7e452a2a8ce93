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
    /// RDATE values.
    public var recurrenceDates: [DateTimeValue]
    /// EXDATE values.
    public var exceptionDates: [DateTimeValue]
    /// RECURRENCE-ID, when this event overrides one instance of a recurring set.
    public var recurrenceID: DateTimeValue?
    /// The line of its BEGIN:VEVENT.
    public var line: Int

    /// An event from its parts.
    public init(
        uid: String, summary: String? = nil, location: String? = nil, start: DateTimeValue, end: DateTimeValue? = nil,
        duration: CalendarDuration? = nil, transparency: Transparency = .opaque, status: String? = nil,
        rule: RecurrenceRule? = nil, recurrenceDates: [DateTimeValue] = [], exceptionDates: [DateTimeValue] = [],
        recurrenceID: DateTimeValue? = nil, line: Int = 0
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
        self.line = line
    }

    /// Whether the event is cancelled.
    public var isCancelled: Bool { status == "CANCELLED" }
}

/// Text value escapes of RFC 5545 §3.3.11.
enum TextValue {
    static func unescape(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
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
