import ICalendar
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
    public static func busyHumanLine(_ busy: Interval, zone: Zone) -> String {
        let (date, time, _) = zone.local(busy.start)
        return "\(date.weekday.displayName) \(date) \(time) – \(zone.date(of: busy.end)) \(zone.clock(busy.end))  busy"
    }

    /// A line for people: local day and time, summary, and what makes it special.
    public static func humanLine(_ occurrence: Occurrence, zone: Zone) -> String {
        let when: String
        if let dates = occurrence.allDayDates {
            let last = dates.end.adding(days: -1)
            when =
                dates.start == last
                ? "\(dates.start.weekday.displayName) \(dates.start) all day" : "\(dates.start) – \(last) all day"
        } else {
            let (date, time, _) = zone.local(occurrence.interval.start)
            when = "\(date.weekday.displayName) \(date) \(time)–\(zone.clock(occurrence.interval.end))"
        }
        var notes: [String] = []
        if occurrence.transparency == .transparent { notes.append("free") }
        if let status = occurrence.status { notes.append(status.lowercased()) }
        if occurrence.recurrenceID != nil { notes.append("recurring") }
        let suffix = notes.isEmpty ? "" : "  (\(notes.joined(separator: ", ")))"
        return TextWidth.pad(when, to: 34) + (occurrence.summary ?? "(no summary)") + suffix
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
