import Timeline
import Travel

/// A person who travels to meet clients.
public struct Staff: Sendable, Hashable, Codable, Identifiable {
    /// Short id, e.g. `zhou`.
    public var id: String
    /// Name people read.
    public var name: String
    /// Where they start and end the week.
    public var home: Place
    /// Local hours in which they meet clients.
    public var workingHours: DailyHours
    /// Local hours in which they may travel.
    public var travelHours: DailyHours
    /// Most minutes of travel in one day.
    public var dailyTravelCapMinutes: Int
    /// Their own busy time (from their calendar): no visit and no travel then.
    public var busy: IntervalSet
    /// When they can meet: working hours on working days minus busy time.
    public var availability: IntervalSet

    /// A staff member from their parts.
    public init(
        id: String, name: String, home: Place, workingHours: DailyHours, travelHours: DailyHours,
        dailyTravelCapMinutes: Int, busy: IntervalSet, availability: IntervalSet
    ) {
        self.id = id
        self.name = name
        self.home = home
        self.workingHours = workingHours
        self.travelHours = travelHours
        self.dailyTravelCapMinutes = dailyTravelCapMinutes
        self.busy = busy
        self.availability = availability
    }
}

/// A company to visit.
public struct Client: Sendable, Hashable, Codable, Identifiable {
    /// Short id, e.g. `c07`.
    public var id: String
    /// Company name.
    public var name: String
    /// Where the meeting is.
    public var place: Place
    /// Street address, for people.
    public var address: String
    /// 1–10, higher matters more.
    public var priority: Int
    /// Length of the meeting.
    public var meetingMinutes: Int
    /// Whether the week fails without this visit.
    public var mustVisit: Bool
    /// Sector, free text.
    public var sector: String
    /// When the client can meet: published availability or business hours, minus busy time.
    public var availability: IntervalSet

    /// A client from its parts.
    public init(
        id: String, name: String, place: Place, address: String, priority: Int, meetingMinutes: Int, mustVisit: Bool,
        sector: String, availability: IntervalSet
    ) {
        self.id = id
        self.name = name
        self.place = place
        self.address = address
        self.priority = priority
        self.meetingMinutes = meetingMinutes
        self.mustVisit = mustVisit
        self.sector = sector
        self.availability = availability
    }
}

/// Everything a plan is made from: the week, the people, the clients and the rules.
public struct Problem: Sendable {
    /// Title of the week.
    public var name: String
    /// The bureau's zone; local times are read and shown in it.
    public var zone: Zone
    /// The planning days, in order.
    public var days: [LocalDate]
    /// People who travel.
    public var staff: [Staff]
    /// Candidate clients.
    public var clients: [Client]
    /// Door-to-door travel rules.
    public var travelRules: TravelRules
    /// Yuan per hotel night.
    public var hotelCost: Double

    /// A problem from its parts.
    public init(
        name: String, zone: Zone, days: [LocalDate], staff: [Staff], clients: [Client], travelRules: TravelRules,
        hotelCost: Double
    ) {
        self.name = name
        self.zone = zone
        self.days = days
        self.staff = staff
        self.clients = clients
        self.travelRules = travelRules
        self.hotelCost = hotelCost
    }

    /// The local travel window of a person on a day, as instants.
    public func travelWindow(of person: Staff, on day: LocalDate) -> Interval {
        Interval(zone.instant(day, person.travelHours.opens), zone.instant(day, person.travelHours.closes))
    }

    /// The whole planning period, from the first day's midnight to the last day's end.
    public var period: Interval {
        Interval(zone.day(days.first!).start, zone.day(days.last!).end)
    }
}
