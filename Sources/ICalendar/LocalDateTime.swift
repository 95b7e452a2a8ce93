import Timeline

/// A wall-clock date and time with no zone, to the second.
public struct LocalDateTime: Sendable, Hashable, Comparable {
    /// The date.
    public var date: LocalDate
    /// Seconds after midnight, 0..<86400.
    public var second: Int

    /// A wall time from a date and seconds after midnight.
    public init(date: LocalDate, second: Int) {
        self.date = date
        self.second = second
    }

    /// Seconds since 1970-01-01T00:00 on the wall clock (not an instant).
    var wallSeconds: Int64 { date.daysSinceEpoch * 86_400 + Int64(second) }

    /// The wall time `wallSeconds` after 1970-01-01T00:00.
    init(wallSeconds: Int64) {
        let days = wallSeconds >= 0 ? wallSeconds / 86_400 : (wallSeconds - 86_399) / 86_400
        self.init(date: LocalDate(daysSinceEpoch: days), second: Int(wallSeconds - days * 86_400))
    }

    /// The instant of this wall time in `zone` (DST gaps move forward, overlaps take the first).
    public func instant(in zone: Zone) -> Instant {
        zone.instant(date, TimeOfDay(minutes: second / 60), second: second % 60)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.second) < (rhs.date, rhs.second)
    }
}
