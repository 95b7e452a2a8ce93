import Foundation
import Timeline

/// Turns TZID parameter values into zones: IANA names, Windows names, and VTIMEZONEs defined in the file.
public struct ZoneResolver: Sendable {
    /// Zones defined by VTIMEZONE components of the calendar, by TZID.
    public var custom: [String: Zone]
    /// Every TZID already resolved, so expansion does not look names up again.
    private var resolved: [String: Zone] = [:]
    private var lastRemembered: String?

    /// A resolver knowing the given custom zones.
    public init(custom: [String: Zone] = [:]) { self.custom = custom }

    /// Resolves a TZID once and remembers the answer; false when unknown.
    mutating func remember(_ tzid: String) -> Bool {
        if tzid == lastRemembered || resolved[tzid] != nil {
            lastRemembered = tzid
            return true
        }
        guard let zone = lookUp(tzid) else { return false }
        resolved[tzid] = zone
        lastRemembered = tzid
        return true
    }

    /// The zone of a TZID, or nil when unknown.
    public func zone(for tzid: String) -> Zone? {
        if let zone = resolved[tzid] { return zone }
        return lookUp(tzid)
    }

    private func lookUp(_ tzid: String) -> Zone? {
        let name = tzid.hasPrefix("/") ? String(tzid.dropFirst()) : tzid
        if let zone = Zone(identifier: name) { return zone }
        if let zone = custom[tzid] { return zone }
        if let iana = WindowsZones.iana[name], let zone = Zone(identifier: iana) { return zone }
        // Globally unique TZIDs such as /mozilla.org/20050126_1/America/Denver end in an IANA name.
        let parts = name.split(separator: "/")
        for length in stride(from: min(3, parts.count - 1), through: 2, by: -1) where length >= 2 {
            if let zone = Zone(identifier: parts.suffix(length).joined(separator: "/")) { return zone }
        }
        return nil
    }

    /// The zone a VTIMEZONE defines: every onset of its STANDARD and DAYLIGHT observances (DTSTART, RRULE, RDATE)
    /// up to 2100, each switching to its TZOFFSETTO.
    static func zone(from component: Component, tzid: String) -> Zone? {
        var transitions: [(at: Instant, offset: Int)] = []
        var earliest: (LocalDateTime, Int)?
        for observance in component.components where observance.name == "STANDARD" || observance.name == "DAYLIGHT" {
            guard let fromText = observance.property("TZOFFSETFROM")?.value, let from = utcOffset(fromText),
                let toText = observance.property("TZOFFSETTO")?.value, let to = utcOffset(toText),
                let startText = observance.property("DTSTART")?.value, let start = DateTimeValue(startText, tzid: nil)
            else { continue }
            let onset: LocalDateTime
            switch start {
            case .local(let date, let time, let second, _):
                onset = LocalDateTime(date: date, second: time.minutes * 60 + second)
            case .date(let date): onset = LocalDateTime(date: date, second: 0)
            case .utc(let instant): onset = LocalDateTime(wallSeconds: instant.seconds + Int64(from))
            }
            if earliest == nil || onset < earliest!.0 { earliest = (onset, from) }
            func add(_ local: LocalDateTime) {
                transitions.append((Instant(seconds: local.wallSeconds - Int64(from)), to))
            }
            add(onset)
            if let ruleText = observance.property("RRULE")?.value,
                let rule = try? RecurrenceRule(parsing: ruleText, tzid: nil)
            {
                let until: Instant? = rule.until.map { value in
                    if case .utc(let instant) = value { return instant }
                    return value.instant(zones: ZoneResolver(), floatingZone: Zone(TimeZone(secondsFromGMT: from)!))
                }
                let last = LocalDateTime(date: LocalDate(year: 2100, month: 1, day: 1)!, second: 0)
                let onsets = RecurrenceIterator(rule: rule, start: onset).instances(through: last, skipTo: nil) {
                    local in
                    until.map { Instant(seconds: local.wallSeconds - Int64(from)) <= $0 } ?? true
                }
                onsets.instances.forEach(add)
            }
            for property in observance.properties("RDATE") {
                for piece in property.value.split(separator: ",") {
                    switch DateTimeValue(String(piece), tzid: nil) {
                    case .local(let date, let time, let second, _)?:
                        add(LocalDateTime(date: date, second: time.minutes * 60 + second))
                    case .utc(let instant)?: transitions.append((instant, to))
                    default: continue
                    }
                }
            }
        }
        guard let earliest else { return nil }
        return Zone(identifier: tzid, offsetBefore: earliest.1, transitions: transitions)
    }

    /// Parses a UTC-OFFSET value, `+0800` or `-053000`.
    static func utcOffset(_ raw: String) -> Int? {
        let text = raw.trimmingSpaces
        guard let sign = text.first, sign == "+" || sign == "-", text.count == 5 || text.count == 7,
            let hours = Int(text.dropFirst().prefix(2)), let minutes = Int(text.dropFirst(3).prefix(2))
        else { return nil }
        let seconds = text.count == 7 ? Int(text.suffix(2)) ?? 0 : 0
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60 + seconds)
    }
}
