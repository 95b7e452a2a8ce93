import Foundation

/// A wall-clock time of day in minutes after midnight (may pass 24:00 for "the next morning").
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable {
    /// Minutes after midnight.
    public var minutes: Int

    /// A time of day from minutes after midnight.
    public init(minutes: Int) { self.minutes = minutes }

    /// Parses `HH:MM` (00:00–24:00).
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), parts[1].count == 2,
            (0...24).contains(hours), (0...59).contains(minutes), hours * 60 + minutes <= 1440
        else { return nil }
        self.minutes = hours * 60 + minutes
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}

extension TimeOfDay: CustomStringConvertible {
    /// `HH:MM`.
    public var description: String {
        let h = minutes / 60
        let m = minutes % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }
}

/// A daily span of local time such as business hours, `09:00-17:30`.
public struct DailyHours: Sendable, Hashable, Codable {
    /// When the span opens each day.
    public var opens: TimeOfDay
    /// When it closes (after `opens`).
    public var closes: TimeOfDay

    /// A span from `opens` to `closes`; nil unless `opens < closes`.
    public init?(opens: TimeOfDay, closes: TimeOfDay) {
        guard opens < closes else { return nil }
        self.opens = opens
        self.closes = closes
    }

    /// Parses `HH:MM-HH:MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, let opens = TimeOfDay(parts[0]), let closes = TimeOfDay(parts[1]) else { return nil }
        self.init(opens: opens, closes: closes)
    }

    /// The span on every one of `days` in `zone`, as instants.
    public func intervals(on days: [LocalDate], in zone: Zone) -> IntervalSet {
        IntervalSet(days.map { Interval(zone.instant($0, opens), zone.instant($0, closes)) })
    }
}

extension DailyHours: CustomStringConvertible {
    public var description: String { "\(opens)-\(closes)" }
}
