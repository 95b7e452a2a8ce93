import Timeline
import Foundation

/// Turns TZID parameter values into zones: IANA names, Windows names, and VTIMEZONEs defined in the file.
public struct ZoneResolver: Sendable {
    /// Zones defined by VTIMEZONE components of the calendar, by TZID.
    public var custom: [String: Zone]

    /// A resolver knowing the given custom zones.
    public init(custom: [String: Zone] = [:]) { self.custom = custom }

    /// The zone of a TZID, or nil when unknown.
    public func zone(for tzid: String) -> Zone? {
        let name = tzid.hasPrefix("/") ? String(tzid.dropFirst()) : tzid
        if let zone = Zone(identifier: name) { return zone }
        if let iana = ZoneResolver.windowsNames[name], let zone = Zone(identifier: iana) { return zone }
        return custom[tzid]
    }

    /// Common Windows zone names as Outlook writes them, mapped to IANA (CLDR windowsZones, territory 001).
    static let windowsNames: [String: String] = [
        "China Standard Time": "Asia/Shanghai",
        "Taipei Standard Time": "Asia/Taipei",
        "Tokyo Standard Time": "Asia/Tokyo",
        "Korea Standard Time": "Asia/Seoul",
        "Singapore Standard Time": "Asia/Singapore",
        "India Standard Time": "Asia/Calcutta",
        "W. Europe Standard Time": "Europe/Berlin",
        "Romance Standard Time": "Europe/Paris",
        "GMT Standard Time": "Europe/London",
        "Eastern Standard Time": "America/New_York",
        "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver",
        "Pacific Standard Time": "America/Los_Angeles",
        "AUS Eastern Standard Time": "Australia/Sydney",
        "UTC": "UTC",
    ]

    /// A fixed-offset zone read from a VTIMEZONE whose TZID is not a known name (uses its STANDARD offset).
    static func fixedZone(from component: Component) -> Zone? {
        let standard = component.components("STANDARD").first ?? component.components("DAYLIGHT").first
        guard let offsetText = standard?.property("TZOFFSETTO")?.value, let seconds = utcOffset(offsetText),
            let zone = TimeZone(secondsFromGMT: seconds)
        else { return nil }
        return Zone(zone)
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
