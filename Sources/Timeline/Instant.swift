import Foundation

/// A moment in time: whole seconds since 1970-01-01T00:00:00Z.
public struct Instant: Sendable, Hashable, Comparable {
    /// Seconds since the Unix epoch, UTC.
    public var seconds: Int64

    /// An instant from seconds since the Unix epoch.
    public init(seconds: Int64) { self.seconds = seconds }

    /// The instant of a Foundation date, truncated to whole seconds.
    public init(_ date: Date) { self.seconds = Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// This instant as a Foundation date.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.seconds < rhs.seconds }

    /// The instant `seconds` later.
    public static func + (lhs: Instant, rhs: Int64) -> Instant { Instant(seconds: lhs.seconds + rhs) }

    /// The instant `seconds` earlier.
    public static func - (lhs: Instant, rhs: Int64) -> Instant { Instant(seconds: lhs.seconds - rhs) }

    /// Seconds from `rhs` to `lhs`.
    public static func - (lhs: Instant, rhs: Instant) -> Int64 { lhs.seconds - rhs.seconds }

    /// The instant `minutes` later.
    public func adding(minutes: Int) -> Instant { self + Int64(minutes) * 60 }

    /// The UTC ISO 8601 form, `YYYY-MM-DDTHH:MM:SSZ`.
    public var iso8601: String {
        let (date, secondOfDay) = LocalDate.split(seconds)
        return String(
            format: "%@T%02d:%02d:%02dZ", date.description, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`, or a bare date or local time read in `zone`.
    public init?(iso8601 text: String, zone: Zone = .utc) {
        guard let parsed = ISOParser.parse(text, zone: zone) else { return nil }
        self = parsed
    }
}

extension Instant: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let instant = Instant(iso8601: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an ISO 8601 time such as 2022-03-07T01:30:00Z")
        }
        self = instant
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}

extension Instant: CustomStringConvertible {
    public var description: String { iso8601 }
}

/// Parsing of the ISO 8601 forms users type on the command line.
enum ISOParser {
    static func parse(_ raw: String, zone: Zone) -> Instant? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "T", maxSplits: 1).map(String.init)
        guard let date = LocalDate(iso: parts[0]) else { return nil }
        if parts.count == 1 { return zone.instant(date, TimeOfDay(minutes: 0)) }
        var clock = parts[1]
        var offset: Int?
        if clock.hasSuffix("Z") {
            offset = 0
            clock.removeLast()
        } else if let signIndex = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let suffix = clock[clock.index(after: signIndex)...].replacingOccurrences(of: ":", with: "")
            guard suffix.count == 4 || suffix.count == 2, let value = Int(suffix) else { return nil }
            let hours = suffix.count == 4 ? value / 100 : value
            let minutes = suffix.count == 4 ? value % 100 : 0
            offset = (hours * 60 + minutes) * 60 * (clock[signIndex] == "-" ? -1 : 1)
            clock = String(clock[..<signIndex])
        }
        let fields = clock.split(separator: ":").map { Int($0) }
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0 != nil }) else { return nil }
        let hour = fields[0]!
        let minute = fields[1]!
        let second = fields.count == 3 ? fields[2]! : 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        if let offset {
            let local = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            return Instant(seconds: local - Int64(offset))
        }
        return zone.instant(date, TimeOfDay(minutes: hour * 60 + minute)) + Int64(second)
    }
}
