/// Door-to-door travel seconds between ordered pairs of places, by place id (a client id or a `places.csv` id), as a
/// map service exports them. Directional: the time from `a` to `b` says nothing about the time from `b` to `a`.
///
/// Ids are interned to `Int32` indices and the seconds kept by the pair of indices packed in one `Int64`, so that a
/// look-up is three dictionary probes whatever the size, and memory grows with the pairs given (a sparse matrix over
/// many places costs no square array).
public struct TravelMatrix: Sendable, Hashable {
    /// Index of each id, in the order ids were first given.
    private var indexOfID: [String: Int32] = [:]
    /// Ids by index.
    private var ids: [String] = []
    /// Seconds by packed pair of indices (`from << 32 | to`).
    private var values: [Int64: Int64] = [:]

    /// Pairs given.
    public var count: Int { values.count }

    /// An empty matrix.
    public init() {}

    /// Sets the seconds from `from` to `to` (replacing an earlier value for the same pair; below zero counts as zero).
    public mutating func set(from: String, to: String, seconds: Int64) {
        values[Self.key(intern(from), intern(to))] = max(0, seconds)
    }

    /// Seconds from `from` to `to`, or nil when the pair is not given.
    @inline(__always)
    public func seconds(from: String, to: String) -> Int64? {
        guard let i = indexOfID[from], let j = indexOfID[to] else { return nil }
        return seconds(fromIndex: i, toIndex: j)
    }

    /// The index of a place id, for `seconds(fromIndex:toIndex:)`; nil when the id is in no pair.
    public func index(of id: String) -> Int32? { indexOfID[id] }

    /// Seconds between two indices from `index(of:)`, or nil when the pair is not given.
    @inline(__always)
    public func seconds(fromIndex i: Int32, toIndex j: Int32) -> Int64? {
        values[Self.key(i, j)]
    }

    @inline(__always)
    private static func key(_ i: Int32, _ j: Int32) -> Int64 { Int64(i) << 32 | Int64(UInt32(bitPattern: j)) }

    /// Whether no pair is given.
    public var isEmpty: Bool { values.isEmpty }

    /// Every id in some pair, sorted.
    public var placeIDs: [String] { ids.sorted() }

    /// Every pair given with its seconds, in no particular order.
    public var pairs: [(from: String, to: String, seconds: Int64)] {
        values.map { key, seconds in (ids[Int(key >> 32)], ids[Int(key & 0xFFFF_FFFF)], seconds) }
    }

    private mutating func intern(_ id: String) -> Int32 {
        if let index = indexOfID[id] { return index }
        let index = ids.count
        ids.append(id)
        indexOfID[id] = Int32(index)
        return Int32(index)
    }

    /// Two matrices are equal when they give the same seconds for the same pairs, whatever order they were set in.
    public static func == (lhs: TravelMatrix, rhs: TravelMatrix) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.pairs.allSatisfy { rhs.seconds(from: $0.from, to: $0.to) == $0.seconds }
    }

    /// Hashes the pair count and the sorted ids (equal matrices hash alike).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(placeIDs)
    }
}
