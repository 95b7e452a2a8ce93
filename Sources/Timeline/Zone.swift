import Foundation

/// A time zone that turns local dates and times into instants and back: a system (IANA) zone, or a table of
/// transitions such as an iCalendar VTIMEZONE defines.
public struct Zone: Sendable, Hashable {
    private enum Rules: Sendable, Hashable {
        case system(TimeZone)
        /// Offsets in force from each transition on (sorted), and the offset before the first.
        case table(identifier: String, before: Int, transitions: [Int64], offsets: [Int])
    }

    private let rules: Rules

    /// Wraps a Foundation zone.
    public init(_ timeZone: TimeZone) { rules = .system(timeZone) }

    /// The IANA zone of that name, or nil.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        rules = .system(zone)
    }

    /// A zone defined by its transitions: `offsetBefore` until the first, then each transition's offset.
    public init(identifier: String, offsetBefore: Int, transitions: [(at: Instant, offset: Int)]) {
        let sorted = transitions.sorted { $0.at < $1.at }
        rules = .table(
            identifier: identifier, before: offsetBefore, transitions: sorted.map(\.at.seconds),
            offsets: sorted.map(\.offset))
    }

    /// UTC.
    public static let utc = Zone(TimeZone(identifier: "UTC")!)

    /// The zone's identifier, e.g. `Asia/Shanghai`.
    public var identifier: String {
        switch rules {
        case .system(let zone): zone.identifier
        case .table(let identifier, _, _, _): identifier
        }
    }

    /// The Foundation zone, when this is a system zone.
    public var timeZone: TimeZone? {
        if case .system(let zone) = rules { return zone }
        return nil
    }

    /// Offset from UTC in seconds at `instant`.
    public func offset(at instant: Instant) -> Int {
        switch rules {
        case .system(let zone):
            return zone.secondsFromGMT(for: instant.date)
        case .table(_, let before, let transitions, let offsets):
            var low = 0
            var high = transitions.count
            while low < high {
                let mid = (low + high) / 2
                if transitions[mid] <= instant.seconds { low = mid + 1 } else { high = mid }
            }
            return low == 0 ? before : offsets[low - 1]
        }
    }

    /// The instant of a local wall time; a time inside a DST gap moves forward by the gap (RFC 5545 §3.3.5),
    /// a repeated time takes its first occurrence.
    public func instant(_ date: LocalDate, _ time: TimeOfDay, second: Int = 0) -> Instant {
        let local = date.daysSinceEpoch * 86_400 + Int64(time.minutes * 60 + second)
        let before = offset(at: Instant(seconds: local - 86_400 / 2))
        let after = offset(at: Instant(seconds: local + 86_400 / 2))
        // Try the earlier offset first so a repeated hour resolves to its first occurrence.
        for candidate in [max(before, after), min(before, after)] {
            let instant = Instant(seconds: local - Int64(candidate))
            if offset(at: instant) == candidate { return instant }
        }
        // In a gap: read the wall time with the offset in force before the transition.
        return Instant(seconds: local - Int64(before))
    }

    /// The local date and time of day (with seconds) of `instant`.
    public func local(_ instant: Instant) -> (date: LocalDate, time: TimeOfDay, second: Int) {
        let (date, secondOfDay) = LocalDate.split(instant.seconds + Int64(offset(at: instant)))
        return (date, TimeOfDay(minutes: secondOfDay / 60), secondOfDay % 60)
    }

    /// The local date of `instant`.
    public func date(of instant: Instant) -> LocalDate { local(instant).date }

    /// The instants from local midnight to the next local midnight of `date`.
    public func day(_ date: LocalDate) -> Interval {
        Interval(instant(date, TimeOfDay(minutes: 0)), instant(date.adding(days: 1), TimeOfDay(minutes: 0)))
    }

    /// `HH:MM` of `instant` in this zone.
    public func clock(_ instant: Instant) -> String { local(instant).time.description }

    /// `Tue 09:30`: the local weekday and time of `instant`.
    public func weekdayClock(_ instant: Instant) -> String {
        let (date, time, _) = local(instant)
        return "\(date.weekday.displayName) \(time)"
    }

    /// `Tue 09:30–11:00`: the local weekday and times of `interval` (the end's time only).
    public func span(_ interval: Interval) -> String { "\(weekdayClock(interval.start))–\(clock(interval.end))" }
}
