import ICalendar
import Messages
import Timeline

/// Occurrences and busy time written for `tiaoqi calendar`: JSON lines for programs, aligned text for people.
public enum OccurrenceText {
    /// One JSON object: `uid`, `recurrence_id`, `start`, `end`, `transp`, `status`, `summary`.
    public static func jsonLine(_ occurrence: Occurrence) -> String {
        let start: String
        let end: String
        if let dates = occurrence.allDayDates {
            start = dates.start.description
            end = dates.end.description
        } else {
            start = occurrence.interval.start.iso8601
            end = occurrence.interval.end.iso8601
        }
        let recurrence = occurrence.recurrenceDate.map { $0.description } ?? occurrence.recurrenceID.map(\.iso8601)
        let fields: [(String, String?)] = [
            ("uid", occurrence.uid), ("recurrence_id", recurrence), ("start", start), ("end", end),
            ("transp", occurrence.transparency.rawValue), ("status", occurrence.status),
            ("summary", occurrence.summary ?? ""),
        ]
        return "{" + fields.map { "\"\($0.0)\":" + ($0.1.map(JSONText.quote) ?? "null") }.joined(separator: ",") + "}"
    }

    /// One busy interval as a JSON object: `start` and `end` as ISO 8601 UTC instants.
    public static func busyJSONLine(_ busy: Interval) -> String {
        "{\"start\":\(JSONText.quote(busy.start.iso8601)),\"end\":\(JSONText.quote(busy.end.iso8601))}"
    }

    /// One busy interval for people: its local start (weekday, date, time) and end in `zone`.
    public static func busyHumanLine(_ busy: Interval, zone: Zone, language: Language = .en) -> String {
        let (date, time, _) = zone.local(busy.start)
        let start = "\(Message.Argument.weekday(date.weekday).text(language)) \(date) \(time)"
        let end = "\(zone.date(of: busy.end)) \(zone.clock(busy.end))"
        return Message(.calendarBusy, ["start": .text(start), "end": .text(end)]).text(language)
    }

    /// A line for people: local day and time, summary, and what makes it special.
    public static func humanLine(_ occurrence: Occurrence, zone: Zone, language: Language = .en) -> String {
        func weekday(_ date: LocalDate) -> String { Message.Argument.weekday(date.weekday).text(language) }
        let when: String
        if let dates = occurrence.allDayDates {
            let last = dates.end.adding(days: -1)
            let days = dates.start == last ? "\(weekday(dates.start)) \(dates.start)" : "\(dates.start) – \(last)"
            when = Message(.calendarAllDay, ["days": .text(days)]).text(language)
        } else {
            let (date, time, _) = zone.local(occurrence.interval.start)
            when = "\(weekday(date)) \(date) \(time)–\(zone.clock(occurrence.interval.end))"
        }
        var notes: [Message.Argument] = []
        if occurrence.transparency == .transparent { notes.append(.word(.calendarFree)) }
        if let status = occurrence.status { notes.append(self.status(status)) }
        if occurrence.recurrenceID != nil { notes.append(.word(.calendarRecurring)) }
        let suffix =
            notes.isEmpty ? "" : "  " + Message(.calendarNotes, ["notes": .list(notes, .comma)]).text(language)
        let summary = occurrence.summary ?? Message(.calendarNoSummary).text(language)
        return TextWidth.pad(when, to: 34) + summary + suffix
    }

    /// An event's STATUS in words: the three the standard names, else the value as written, in lower case.
    private static func status(_ status: String) -> Message.Argument {
        switch status.uppercased() {
        case "TENTATIVE": .word(.calendarTentative)
        case "CONFIRMED": .word(.calendarConfirmed)
        case "CANCELLED": .word(.calendarCancelled)
        default: .text(status.lowercased())
        }
    }
}

/// JSON string quoting by hand, for output whose key order is part of the contract.
enum JSONText {
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
