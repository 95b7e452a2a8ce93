/// What `WindowTours` needs of a problem, in flat arrays: each visit's one window for the start of its meeting, its
/// length and worth, each tour's start and finish place with the span it runs in, and fixed travel seconds between
/// all of them (32 bits, so that more of the table stays in the processor's cache).
struct WindowLayout: Sendable {
    /// Per visit: the earliest and latest start, in seconds.
    var open: [Int64]
    var close: [Int64]
    /// Per visit: the meeting's length in seconds.
    var service: [Int64]
    /// Per visit: the priority it earns.
    var score: [Int]
    /// Per visit: whether the week fails without it.
    var mustVisit: [Bool]
    /// Per tour: when it may leave its start place, and when it must be at its finish place.
    var tourOpen: [Int64]
    var tourClose: [Int64]
    /// Meetings start on a multiple of this many seconds (or at their window's opening).
    var step: Int64
    /// Whether every tour starts and finishes at the same places in the same span.
    var toursAreAlike: Bool
    private let size: Int
    private let matrix: [Int32]

    /// A layout from its parts; `travel(a, b)` is called for every ordered pair of places, where visits are
    /// `0..<visits`, and tour `t` starts at place `visits + 2t` and finishes at `visits + 2t + 1`.
    init(
        open: [Int64], close: [Int64], service: [Int64], score: [Int], mustVisit: [Bool], tourOpen: [Int64],
        tourClose: [Int64],
        step: Int64, travel: (Int, Int) -> Int64
    ) {
        self.open = open
        self.close = close
        self.service = service
        self.score = score
        self.mustVisit = mustVisit
        self.tourOpen = tourOpen
        self.tourClose = tourClose
        self.step = max(1, step)
        let visits = open.count
        let tours = tourOpen.count
        size = visits + 2 * tours
        var matrix = [Int32](repeating: 0, count: size * size)
        for a in 0..<size {
            for b in 0..<size where a != b { matrix[a * size + b] = Int32(clamping: travel(a, b)) }
        }
        self.matrix = matrix
        let size = size
        toursAreAlike = (0..<tours).allSatisfy { t in
            tourOpen[t] == tourOpen[0] && tourClose[t] == tourClose[0]
                && (0..<size).allSatisfy { p in
                    matrix[(visits + 2 * t) * size + p] == matrix[visits * size + p]
                        && matrix[p * size + visits + 2 * t + 1] == matrix[p * size + visits + 1]
                }
        }
    }

    /// How many visits.
    var visits: Int { open.count }
    /// How many tours.
    var tours: Int { tourOpen.count }

    /// Travel seconds from place `a` to place `b`.
    @inline(__always) func travel(_ a: Int, _ b: Int) -> Int64 {
        Int64(matrix.withUnsafeBufferPointer { $0[a * size + b] })
    }

    /// The place a tour starts at, and the one it finishes at.
    @inline(__always) func startPlace(_ tour: Int) -> Int { visits + 2 * tour }
    @inline(__always) func finishPlace(_ tour: Int) -> Int { visits + 2 * tour + 1 }

    /// When a meeting arriving at `arrival` begins: on the next multiple of the step, not before the window opens.
    @inline(__always) func begin(_ visit: Int, arriving arrival: Int64) -> Int64 {
        let rounded = step == 1 ? arrival : (arrival + step - 1) / step * step
        return max(rounded, open[visit])
    }

    /// The latest arrival that still begins by `latestStart`.
    @inline(__always) func latestArrival(startingBy latestStart: Int64) -> Int64 {
        step == 1 ? latestStart : latestStart - ((latestStart % step) + step) % step
    }
}
