import Messages
import Timeline
import Travel

/// A planned week: who meets whom when, how they travel, where they sleep, and what was left out.
public struct Plan: Sendable, Codable, Hashable {
    /// Format version of `plan.json`.
    public var version: Int = 1
    /// The schedule folder this plan was made from, relative to the plan file when written.
    public var schedule: String?
    /// Title of the week.
    public var name: String
    /// The district team whose plan this is (`team` in plan.yaml, else the schedule folder's name).
    public var team: String?
    /// The bureau's zone.
    public var timeZone: String
    /// First and last planning day.
    public var days: [LocalDate]
    /// Seed the solver used.
    public var seed: UInt64
    /// Meetings, in time order.
    public var visits: [ScheduledVisit]
    /// Journeys, in time order per person.
    public var legs: [Leg]
    /// Hotel nights.
    public var stays: [Stay]
    /// Candidate clients not visited, with the reasons.
    public var leftOut: [LeftOut]
    /// The plan's score, broken down.
    public var score: Score
    /// When replanning with a kept plan: what changed from it, in the users' words.
    public var changes: [Message]?
    /// Calendars planned from a cached copy their server did not confirm now (which feed, how old, why); absent
    /// when every calendar was fresh.
    public var staleCalendars: [StaleCalendar]?
    /// Events of the staff's own calendars that hold them in a place no journey reaches in time: kept as busy time
    /// only; absent when there are none.
    public var missedOwnEvents: [MissedOwnEvent]?
    /// The wishes the plan does not meet, and by how much; absent when it meets them all (or none is set).
    public var unmetWishes: [UnmetWish]?
    /// The version of its team's week in the bureau's store this plan was published as (`tiaoqi publish`) or made
    /// from (`plan --keep` of a published plan); absent before it is published.
    public var publishedVersion: Int?

    /// A plan from its parts.
    public init(
        schedule: String?, name: String, timeZone: String, days: [LocalDate], seed: UInt64, visits: [ScheduledVisit],
        legs: [Leg], stays: [Stay], leftOut: [LeftOut], score: Score
    ) {
        self.schedule = schedule
        self.name = name
        self.timeZone = timeZone
        self.days = days
        self.seed = seed
        self.visits = visits
        self.legs = legs
        self.stays = stays
        self.leftOut = leftOut
        self.score = score
    }

    /// Ids of everyone who has anything in the plan, in first-appearance order.
    public var people: [String] {
        var seen: [String] = []
        for id in visits.flatMap(\.staff) + legs.map(\.person) + stays.map(\.person) where !seen.contains(id) {
            seen.append(id)
        }
        return seen
    }
}

/// A meeting with a client.
public struct ScheduledVisit: Sendable, Codable, Hashable {
    /// The client's id.
    public var client: String
    /// The client's name.
    public var clientName: String
    /// The city of the meeting.
    public var city: String
    /// Who attends.
    public var staff: [String]
    /// When it starts.
    public var start: Instant
    /// When it ends.
    public var end: Instant
    /// `online` for a video call (no travel); absent: in person.
    public var mode: MeetingMode?
    /// The meeting link of an online visit.
    public var link: String?
    /// Why a client that may be met either way is met online (in plan.json, in the language it was written in).
    public var onlineReason: Message?

    /// A visit from its parts.
    public init(client: String, clientName: String, city: String, staff: [String], start: Instant, end: Instant) {
        self.client = client
        self.clientName = clientName
        self.city = city
        self.staff = staff
        self.start = start
        self.end = end
    }

    /// The meeting's span.
    public var interval: Interval { Interval(start, end) }

    /// Whether the visit is a video call, held wherever the attendees are.
    public var isOnline: Bool { mode == .online }
}

/// One person's door-to-door journey between two places.
public struct Leg: Sendable, Codable, Hashable {
    /// Who travels.
    public var person: String
    /// City left.
    public var fromCity: String
    /// City reached.
    public var toCity: String
    /// Place left (client name or `home`).
    public var from: String
    /// Place reached.
    public var to: String
    /// Leaving the door.
    public var depart: Instant
    /// Reaching the door.
    public var arrive: Instant
    /// Taxi, train and flight parts.
    public var parts: [Journey.Part]
    /// True when the tickets are bought: replanning with this plan kept leaves the leg as it is.
    public var booked: Bool?
    /// The id of the place left (a client id or a `places.csv` id), when known.
    public var fromPlace: String?
    /// The id of the place reached, when known.
    public var toPlace: String?

    /// A leg from its parts.
    public init(
        person: String, fromCity: String, toCity: String, from: String, to: String, journey: Journey,
        fromPlace: String? = nil,
        toPlace: String? = nil
    ) {
        self.fromPlace = fromPlace
        self.toPlace = toPlace
        self.person = person
        self.fromCity = fromCity
        self.toCity = toCity
        self.from = from
        self.to = to
        self.depart = journey.depart
        self.arrive = journey.arrive
        self.parts = journey.parts
    }

    /// The leg's span.
    public var interval: Interval { Interval(depart, arrive) }

    /// Ticket prices of the parts that have one.
    public var price: Double { parts.compactMap(\.price).reduce(0, +) }

    /// The door-to-door journey the leg takes.
    public var journey: Journey { Journey(depart: depart, arrive: arrive, parts: parts) }

    /// Whether two legs take the same person on the same services at the same times, whatever their labels.
    public func isSameTrip(as other: Leg) -> Bool {
        person == other.person && depart == other.depart && arrive == other.arrive
            && parts.map { [$0.service, $0.from, $0.to] } == other.parts.map { [$0.service, $0.from, $0.to] }
    }
}

/// A hotel night away from home.
public struct Stay: Sendable, Codable, Hashable {
    /// Who sleeps there.
    public var person: String
    /// The city of the hotel.
    public var city: String
    /// The local date the night begins.
    public var night: LocalDate
    /// Price of the night in yuan.
    public var cost: Double

    /// A stay from its parts.
    public init(person: String, city: String, night: LocalDate, cost: Double) {
        self.person = person
        self.city = city
        self.night = night
        self.cost = cost
    }
}

/// A candidate client not visited, and why.
public struct LeftOut: Sendable, Codable, Hashable {
    /// The client's id.
    public var client: String
    /// The client's name.
    public var clientName: String
    /// Whether the client was a must-visit.
    public var mustVisit: Bool
    /// Priority of the client.
    public var priority: Int
    /// Reasons in the users' words (in plan.json, in the language it was written in).
    public var reasons: [Message]

    /// A left-out entry from its parts.
    public init(client: String, clientName: String, mustVisit: Bool, priority: Int, reasons: [Message]) {
        self.client = client
        self.clientName = clientName
        self.mustVisit = mustVisit
        self.priority = priority
        self.reasons = reasons
    }
}

/// A plan's objective, in the order it is compared.
public struct Score: Sendable, Codable, Hashable, Comparable {
    /// Must-visits placed.
    public var mustVisitsPlaced: Int
    /// Must-visits in the problem.
    public var mustVisitsTotal: Int
    /// Sum of priorities placed.
    public var priorityPlaced: Int
    /// Sum of priorities of all candidates.
    public var priorityTotal: Int
    /// Door-to-door travel minutes.
    public var travelMinutes: Int
    /// Tickets plus hotel nights, yuan.
    public var cost: Double
    /// Hotel nights.
    public var nightsAway: Int
    /// Visits held online (counted in the visits placed too); absent when none.
    public var onlineVisits: Int?
    /// The same terms for each person who travels, and what they are held to.
    public var people: [PersonScore]?

    /// A score from its parts.
    public init(
        mustVisitsPlaced: Int, mustVisitsTotal: Int, priorityPlaced: Int, priorityTotal: Int, travelMinutes: Int,
        cost: Double, nightsAway: Int
    ) {
        self.mustVisitsPlaced = mustVisitsPlaced
        self.mustVisitsTotal = mustVisitsTotal
        self.priorityPlaced = priorityPlaced
        self.priorityTotal = priorityTotal
        self.travelMinutes = travelMinutes
        self.cost = cost
        self.nightsAway = nightsAway
    }

    /// Better scores compare smaller: more must-visits, more priority, less travel, less cost, fewer nights.
    public static func < (lhs: Score, rhs: Score) -> Bool {
        (-lhs.mustVisitsPlaced, -lhs.priorityPlaced, lhs.travelMinutes, lhs.cost, lhs.nightsAway)
            < (-rhs.mustVisitsPlaced, -rhs.priorityPlaced, rhs.travelMinutes, rhs.cost, rhs.nightsAway)
    }
}

/// One person's share of a plan's score, beside their limits.
public struct PersonScore: Sendable, Codable, Hashable {
    /// Staff id.
    public var person: String
    /// Meetings attended.
    public var visits: Int
    /// Of those, the ones held online; absent when none.
    public var onlineVisits: Int?
    /// The travel policy's per-diem for the days away from home, yuan; absent when there is none.
    public var perDiem: Double?
    /// Door-to-door travel minutes.
    public var travelMinutes: Int
    /// Most travel minutes in one day, and the daily cap.
    public var busiestDayMinutes: Int
    public var dailyCapMinutes: Int
    /// Ticket and hotel yuan, and the limit if any.
    public var tickets: Double
    public var hotels: Double
    public var costLimit: Double?
    /// Hotel nights, and the limit if any.
    public var nights: Int
    public var nightsLimit: Int?

    /// A person's score from its parts.
    public init(
        person: String, visits: Int, travelMinutes: Int, busiestDayMinutes: Int, dailyCapMinutes: Int, tickets: Double,
        hotels: Double,
        costLimit: Double?, nights: Int, nightsLimit: Int?
    ) {
        self.person = person
        self.visits = visits
        self.travelMinutes = travelMinutes
        self.busiestDayMinutes = busiestDayMinutes
        self.dailyCapMinutes = dailyCapMinutes
        self.tickets = tickets
        self.hotels = hotels
        self.costLimit = costLimit
        self.nights = nights
        self.nightsLimit = nightsLimit
    }
}

/// A calendar a plan was made from although its server did not confirm it at planning time: the cached copy was used.
public struct StaleCalendar: Sendable, Codable, Hashable {
    /// The feed, as the schedule names it (credentials removed).
    public var feed: String
    /// Seconds since its server last confirmed the copy.
    public var ageSeconds: Int
    /// Why the server did not confirm it now (in plan.json in the plan's language; read back as it is).
    public var reason: Message

    /// A stale calendar from its parts.
    public init(feed: String, ageSeconds: Int, reason: Message) {
        self.feed = feed
        self.ageSeconds = ageSeconds
        self.reason = reason
    }
}

/// An event of a person's own calendar that holds them in a place the week cannot get them to in time.
public struct MissedOwnEvent: Sendable, Codable, Hashable {
    /// The person's id.
    public var person: String
    /// The event's SUMMARY.
    public var summary: String
    /// The event's LOCATION.
    public var location: String
    /// When it starts.
    public var start: Instant
    /// Why no journey gets them there, in the users' words.
    public var reason: Message

    /// A missed own event from its parts.
    public init(person: String, summary: String, location: String, start: Instant, reason: Message) {
        self.person = person
        self.summary = summary
        self.location = location
        self.start = start
        self.reason = reason
    }
}
