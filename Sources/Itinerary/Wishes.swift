import Timeline

/// How much a wish counts: a weight in minutes of travel per unit it is missed by, or a rule the week must hold to.
public enum WishStrength: Sendable, Hashable {
    /// Minutes of travel one unit of the wish's shortfall is worth (0: the wish is ignored).
    case weight(Double)
    /// The week must meet the wish; a week that cannot leaves out what breaks it.
    case rule

    /// The weight, 0 for a rule.
    public var weight: Double {
        if case .weight(let value) = self { return value }
        return 0
    }

    /// Whether the wish is a rule.
    public var isRule: Bool { self == .rule }

    /// Whether the wish changes anything: a rule, or a weight above 0.
    public var isActive: Bool { isRule || weight > 0 }
}

/// What the week should favour besides the objective's fixed terms (`wishes:` in plan.yaml). Each wish is a
/// weighted term, counted in minutes of travel so that it weighs against the travel the week saves, or a rule the
/// week must hold to. With every weight at zero the week is planned exactly as without wishes.
public struct Wishes: Sendable, Hashable {
    /// Minutes of travel an `either` client met online costs the week: in person is preferred unless it takes more
    /// travel than this (`in_person`, default 480: a day's travel).
    public var inPersonMinutes: Int = 480
    /// A lunch break kept free each day with a meeting: `minutes` in a row inside `between`; weighed per minute
    /// missing.
    public var lunch: WishStrength?
    /// The lunch break's span (`between`, default 11:30-13:30) and length (`minutes`, default 60).
    public var lunchHours = DailyHours("11:30-13:30")!
    public var lunchMinutes = 60
    /// Clients' preferred times of day (their `preferred_time`): weighed per minute of a meeting outside it.
    public var preferredTime: WishStrength?
    /// Less waiting away from home: weighed per minute between reaching a client's door and the meeting (or the
    /// meeting and leaving); as a rule, no single wait over `maxWaitMinutes`.
    public var waiting: WishStrength?
    public var maxWaitMinutes = 120
    /// Earlier return home: weighed per minute away from the home city over the week.
    public var earlyHome: WishStrength?
    /// Balanced workload across the team's officers: weighed per visit (or minute of travel) between the busiest
    /// and the least busy; as a rule, at most `maxSpread` between them.
    public var balance: WishStrength?
    /// What is balanced: visits or travel.
    public var balanceBy = BalanceMeasure.visits
    public var maxSpread = 2
    /// The travel policy: hotel prices and caps by city tier, and a per-diem.
    public var policy = TravelPolicy()

    /// The default wishes: in person preferred by 480 minutes of travel, nothing else.
    public init() {}

    /// Whether any wish besides `in_person` changes the week.
    public var anyActive: Bool {
        [lunch, preferredTime, waiting, earlyHome, balance, policy.strength].contains { $0?.isActive ?? false }
    }
}

/// What a balanced workload balances.
public enum BalanceMeasure: String, Sendable, Hashable, CaseIterable {
    case visits, travel
}

/// A bureau's travel policy (`wishes.travel_policy`): what a hotel night costs in each city, the most it may cost by
/// the city's tier, and a per-diem for each day away from home.
public struct TravelPolicy: Sendable, Hashable {
    /// Yuan a night costs in a city (`hotel_prices`); other cities cost plan.yaml's `hotel_cost`.
    public var hotelPrices: [String: Double] = [:]
    /// Each city's tier (`city_tiers`); other cities are `defaultTier`.
    public var cityTiers: [String: Int] = [:]
    public var defaultTier = 3
    /// The most a night may cost in a city of each tier (`hotel_caps`).
    public var hotelCaps: [Int: Double] = [:]
    /// Yuan for each day away from home (`per_diem`).
    public var perDiem: Double = 0
    /// How a night over its cap counts: per 100 yuan over, or never (a rule); nil: caps only reported.
    public var strength: WishStrength?

    /// What a night costs in `city`: its price here, else `otherwise` (plan.yaml's `hotel_cost`).
    public func hotelPrice(in city: String, otherwise: Double) -> Double { hotelPrices[city] ?? otherwise }

    /// A policy with nothing set.
    public init() {}

    /// The cap of a night in `city`, if its tier has one.
    public func cap(_ city: String) -> Double? { hotelCaps[cityTiers[city] ?? defaultTier] }
}
