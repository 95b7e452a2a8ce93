/// A half-open span of time `[start, end)`.
public struct Interval: Sendable, Hashable, Codable, Comparable {
    /// The first instant inside the interval.
    public var start: Instant
    /// The first instant after the interval.
    public var end: Instant

    /// An interval from `start` up to, not including, `end`.
    public init(_ start: Instant, _ end: Instant) {
        self.start = start
        self.end = end
    }

    /// An interval from `start` lasting `minutes`.
    public init(start: Instant, minutes: Int) { self.init(start, start.adding(minutes: minutes)) }

    /// Length in seconds (zero when empty or inverted).
    public var seconds: Int64 { max(0, end - start) }

    /// Whether the interval holds no instant.
    public var isEmpty: Bool { end <= start }

    /// Whether `instant` lies inside.
    public func contains(_ instant: Instant) -> Bool { start <= instant && instant < end }

    /// Whether `other` lies wholly inside.
    public func contains(_ other: Interval) -> Bool { start <= other.start && other.end <= end }

    /// Whether the two share at least one instant.
    public func overlaps(_ other: Interval) -> Bool { start < other.end && other.start < end }

    /// The common part, or nil when they do not overlap.
    public func intersection(_ other: Interval) -> Interval? {
        let result = Interval(max(start, other.start), min(end, other.end))
        return result.isEmpty ? nil : result
    }

    public static func < (lhs: Interval, rhs: Interval) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension Interval: CustomStringConvertible {
    public var description: String { "[\(start.iso8601), \(end.iso8601))" }
}
