/// A team orienteering problem with time windows (TOPTW): `tours` people leave the depot (site 0) at its opening
/// time and must be back by its closing time; each other site may be visited once, starting service inside its
/// window (waiting is allowed), and earns its score. The best plan earns the most. Times are whole units (the
/// benchmark files' decimals scaled by `unitsPerTime`).
public struct OrienteeringProblem: Sendable {
    /// A place to visit, or the depot.
    public struct Site: Sendable, Hashable {
        /// What a visit earns.
        public var score: Int
        /// How long a visit lasts.
        public var service: Int64
        /// The earliest start of service (for the depot: when tours leave).
        public var open: Int64
        /// The latest start of service (for the depot: when tours must be back).
        public var close: Int64

        /// A site from its parts.
        public init(score: Int, service: Int64, open: Int64, close: Int64) {
            self.score = score
            self.service = service
            self.open = open
            self.close = close
        }
    }

    /// The sites; 0 is the depot.
    public let sites: [Site]
    /// How many tours.
    public let tours: Int
    /// Time units per unit of the source data, for reporting.
    public let unitsPerTime: Int64
    private let matrix: [Int64]

    /// A problem from its sites, travel times (`travel[a * sites.count + b]`) and number of tours.
    public init(sites: [Site], travel: [Int64], tours: Int, unitsPerTime: Int64 = 1) {
        precondition(travel.count == sites.count * sites.count, "one travel time per ordered pair of sites")
        self.sites = sites
        matrix = travel
        self.tours = tours
        self.unitsPerTime = unitsPerTime
    }

    /// Travel time from site `a` to site `b`.
    @inline(__always) public func travel(_ a: Int, _ b: Int) -> Int64 { matrix[a * sites.count + b] }

    /// The score of `routes` (site numbers, depot left out) when they are feasible, else what is wrong with them.
    /// Written apart from the solver, as its second opinion.
    public func check(_ routes: [[Int]]) -> Result<Int, OrienteeringError> {
        guard routes.count <= tours else {
            return .failure(OrienteeringError("\(routes.count) tours, more than \(tours)"))
        }
        var seen = Set<Int>()
        var score = 0
        for (number, route) in routes.enumerated() {
            var clock = sites[0].open
            var at = 0
            for site in route {
                guard site > 0, site < sites.count else {
                    return .failure(OrienteeringError("tour \(number + 1): no site \(site)"))
                }
                guard seen.insert(site).inserted else {
                    return .failure(OrienteeringError("site \(site) is visited twice"))
                }
                clock = max(clock + sites[at].service + travel(at, site), sites[site].open)
                guard clock <= sites[site].close else {
                    return .failure(
                        OrienteeringError("tour \(number + 1): site \(site) is reached after its window closes"))
                }
                score += sites[site].score
                at = site
            }
            guard clock + sites[at].service + travel(at, 0) <= sites[0].close || route.isEmpty else {
                return .failure(OrienteeringError("tour \(number + 1) is back at the depot too late"))
            }
        }
        return .success(score)
    }
}

/// Why a set of tours is not a plan.
public struct OrienteeringError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
