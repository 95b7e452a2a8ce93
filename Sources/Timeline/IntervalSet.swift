/// A set of instants kept as sorted, disjoint, non-adjacent half-open intervals.
public struct IntervalSet: Sendable, Hashable, Codable {
    /// The intervals, sorted by start, disjoint and never touching.
    public private(set) var intervals: [Interval]

    /// The empty set.
    public init() { intervals = [] }

    /// The union of any intervals, overlapping or not.
    public init(_ intervals: some Sequence<Interval>) {
        self.intervals = IntervalSet.normalized(Array(intervals))
    }

    /// Whether the set holds no instant.
    public var isEmpty: Bool { intervals.isEmpty }

    /// Total length in seconds.
    public var seconds: Int64 { intervals.reduce(0) { $0 + $1.seconds } }

    /// Adds an interval.
    public mutating func insert(_ interval: Interval) {
        guard !interval.isEmpty else { return }
        intervals = IntervalSet.normalized(intervals + [interval])
    }

    /// Instants in either set.
    public func union(_ other: IntervalSet) -> IntervalSet { IntervalSet(intervals + other.intervals) }

    /// Instants in both sets.
    public func intersection(_ other: IntervalSet) -> IntervalSet {
        var result: [Interval] = []
        var i = 0
        var j = 0
        while i < intervals.count && j < other.intervals.count {
            let a = intervals[i]
            let b = other.intervals[j]
            if let common = a.intersection(b) { result.append(common) }
            if a.end < b.end { i += 1 } else { j += 1 }
        }
        return IntervalSet(result)
    }

    /// Instants of this set inside `window`.
    public func clipped(to window: Interval) -> IntervalSet { intersection(IntervalSet([window])) }

    /// Instants in this set but not in `other`.
    public func subtracting(_ other: IntervalSet) -> IntervalSet {
        var result: [Interval] = []
        var j = 0
        for var piece in intervals {
            while j < other.intervals.count && other.intervals[j].end <= piece.start { j += 1 }
            var k = j
            while k < other.intervals.count && other.intervals[k].start < piece.end {
                let cut = other.intervals[k]
                if cut.start > piece.start { result.append(Interval(piece.start, cut.start)) }
                piece.start = max(piece.start, cut.end)
                if piece.isEmpty { break }
                k += 1
            }
            if !piece.isEmpty { result.append(piece) }
        }
        return IntervalSet(result)
    }

    /// The parts of `window` this set does not cover.
    public func gaps(in window: Interval) -> IntervalSet { IntervalSet([window]).subtracting(self) }

    /// Whether `interval` lies wholly inside one of the set's intervals.
    public func contains(_ interval: Interval) -> Bool {
        guard let index = lastIndex(startingAtOrBefore: interval.start) else { return false }
        return intervals[index].contains(interval)
    }

    /// Whether `instant` is in the set.
    public func contains(_ instant: Instant) -> Bool {
        guard let index = lastIndex(startingAtOrBefore: instant) else { return false }
        return intervals[index].contains(instant)
    }

    /// Whether any instant of `interval` is in the set.
    public func overlaps(_ interval: Interval) -> Bool { firstOverlap(with: interval) != nil }

    /// The first of the set's intervals sharing an instant with `interval`, whole (not clipped).
    public func firstOverlap(with interval: Interval) -> Interval? {
        guard !interval.isEmpty else { return nil }
        var low = 0
        var high = intervals.count
        while low < high {
            let mid = (low + high) / 2
            if intervals[mid].end <= interval.start { low = mid + 1 } else { high = mid }
        }
        return low < intervals.count && intervals[low].start < interval.end ? intervals[low] : nil
    }

    /// The earliest start at or after `earliest` of a stretch of `seconds` lying wholly inside the set.
    public func earliestFit(seconds length: Int64, notBefore earliest: Instant) -> Instant? {
        for interval in intervals where interval.end - length >= earliest {
            let start = max(interval.start, earliest)
            if interval.end - start >= length { return start }
        }
        return nil
    }

    private func lastIndex(startingAtOrBefore instant: Instant) -> Int? {
        var low = 0
        var high = intervals.count
        while low < high {
            let mid = (low + high) / 2
            if intervals[mid].start <= instant { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }

    private static func normalized(_ input: [Interval]) -> [Interval] {
        let sorted = input.filter { !$0.isEmpty }.sorted()
        var result: [Interval] = []
        for interval in sorted {
            if let last = result.last, interval.start <= last.end {
                result[result.count - 1].end = max(last.end, interval.end)
            } else {
                result.append(interval)
            }
        }
        return result
    }
}
