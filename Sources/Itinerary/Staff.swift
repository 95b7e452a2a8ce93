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
    /// Hours of particular weekdays where they differ from `workingHours`.
    public var weekdayHours: [Weekday: DailyHours]
    /// Local hours in which they may travel.
    public var travelHours: DailyHours
    /// Most minutes of travel in one day.
    public var dailyTravelCapMinutes: Int
    /// Their own busy time (from their calendar): no visit then.
    public var busy: IntervalSet
    /// The events of their own calendar that hold them in a place (part of `busy`): no travel then, and they must
    /// be there.
    public var ownEvents: [OwnEvent] = []
    /// The time of their own events held online (a link or an online LOCATION; part of `busy`): no visit then, but
    /// they may travel, taking the call on the way. The rest of `busy` keeps them from travelling too.
    public var calls = IntervalSet()

    /// When they may not travel: busy time but calls.
    public var noTravel: IntervalSet { busy.subtracting(calls) }
    /// When they can meet: working hours on working days minus busy time and days off.
    public var availability: IntervalSet
    /// Days they neither meet nor travel, spent at home.
    public var daysOff: Set<LocalDate>
    /// Most hotel nights in the week, if limited.
    public var maxNightsAway: Int?
    /// Most yuan of tickets and hotel nights in the week, if limited.
    public var maxCost: Double?
    /// Languages they hold meetings in, e.g. `zh`, `en`.
    public var languages: Set<String>
    /// Sectors they cover, e.g. `半导体`.
    public var sectors: Set<String>
    /// Where their week begins (an office, a hotel); nil: at home.
    public var start: Place?
    /// Where their week must end; nil: at home.
    public var finish: Place?
    /// When they must be at `finish`; nil: by the end of the last day.
    public var finishBy: Instant?
    /// Their e-mail address, for the invitations they send (`email` in plan.yaml); empty when not given.
    public var email = ""

    /// A staff member from their parts.
    public init(
        id: String, name: String, home: Place, workingHours: DailyHours, travelHours: DailyHours,
        dailyTravelCapMinutes: Int, busy: IntervalSet, availability: IntervalSet, daysOff: Set<LocalDate> = [],
        maxNightsAway: Int? = nil, maxCost: Double? = nil, languages: Set<String> = [], sectors: Set<String> = [],
        weekdayHours: [Weekday: DailyHours] = [:]
    ) {
        self.weekdayHours = weekdayHours
        self.id = id
        self.name = name
        self.home = home
        self.workingHours = workingHours
        self.travelHours = travelHours
        self.dailyTravelCapMinutes = dailyTravelCapMinutes
        self.busy = busy
        self.availability = availability
        self.daysOff = daysOff
        self.maxNightsAway = maxNightsAway
        self.maxCost = maxCost
        self.languages = languages
        self.sectors = sectors
    }
}

/// A company to visit.
public struct Client: Sendable, Hashable, Identifiable {
    /// Short id, e.g. `c07`.
    public var id: String
    /// Company name.
    public var name: String
    /// Where the meeting is.
    public var place: Place
    /// Street address, for people.
    public var address: String
    /// Whom to call there and how (`王经理 138 0000 0000`), for people; empty when not known.
    public var contact: String = ""
    /// 1–10, higher matters more.
    public var priority: Int
    /// Length of the meeting.
    public var meetingMinutes: Int
    /// Whether the week fails without this visit.
    public var mustVisit: Bool
    /// Sector, free text.
    public var sector: String
    /// What the client's calendar says: business hours, published slots, busy events (the facts, stored once).
    public var calendar: ClientCalendar {
        didSet { availability = calendar.freeTime }
    }
    /// When the client can meet: `calendar.freeTime`, derived only there and kept in step with `calendar`.
    public internal(set) var availability: IntervalSet
    /// Staff ids or sectors that may lead the visit; empty means anyone.
    public var eligible: [String]
    /// Language the meeting is held in, if one is required.
    public var language: String?
    /// Staff ids who must attend besides the officer who leads (e.g. the bureau leader); all of them travel there.
    public var with: [String]
    /// First local day the visit may take place.
    public var earliestDay: LocalDate?
    /// Last local day the visit may take place.
    public var latestDay: LocalDate?
    /// Client ids whose visits, when placed, must end before this one starts.
    public var after: [String]
    /// Start of an already booked meeting: its time is fixed and its attendees are exactly `with`.
    public var pinnedStart: Instant?
    /// The company or group the client belongs to (a credit code, a group name), for spotting two teams courting
    /// the same company; nil means the client's name.
    public var company: String?
    /// Whether the client is met in person, online, or either way.
    public var mode: MeetingMode = .inPerson
    /// The contact's e-mail address, to send invitations to (`email` in clients.csv); empty when not given.
    public var email = ""
    /// The local hours the client would rather meet in (`preferred_time`), if any: a wish, or a rule.
    public var preferredTime: DailyHours?

    /// The key of the company a client belongs to: its `company` (a credit code or a group name), else its name
    /// without spaces or case. Two clients with one key are one company (`tiaoqi clashes`, the bureau's store).
    public static func companyKey(name: String, company: String?) -> String {
        company ?? String(name.lowercased().filter { !$0.isWhitespace })
    }

    /// A client from its parts; `calendar` says when it can meet.
    public init(
        id: String, name: String, place: Place, address: String, priority: Int, meetingMinutes: Int, mustVisit: Bool,
        sector: String, calendar: ClientCalendar, eligible: [String] = [], language: String? = nil, with: [String] = [],
        earliestDay: LocalDate? = nil, latestDay: LocalDate? = nil, after: [String] = [], pinnedStart: Instant? = nil
    ) {
        self.eligible = eligible
        self.language = language
        self.with = with
        self.earliestDay = earliestDay
        self.latestDay = latestDay
        self.after = after
        self.pinnedStart = pinnedStart
        self.id = id
        self.name = name
        self.place = place
        self.address = address
        self.priority = priority
        self.meetingMinutes = meetingMinutes
        self.mustVisit = mustVisit
        self.sector = sector
        self.calendar = calendar
        availability = calendar.freeTime
    }

    /// A client free at exactly `availability` (open hours with nothing published and nothing busy).
    public init(
        id: String, name: String, place: Place, address: String, priority: Int, meetingMinutes: Int, mustVisit: Bool,
        sector: String, availability: IntervalSet, eligible: [String] = [], language: String? = nil,
        with: [String] = [],
        earliestDay: LocalDate? = nil, latestDay: LocalDate? = nil, after: [String] = [], pinnedStart: Instant? = nil
    ) {
        self.init(
            id: id, name: name, place: place, address: address, priority: priority, meetingMinutes: meetingMinutes,
            mustVisit: mustVisit, sector: sector, calendar: ClientCalendar(hours: availability), eligible: eligible,
            language: language,
            with: with, earliestDay: earliestDay, latestDay: latestDay, after: after, pinnedStart: pinnedStart)
    }
}

/// A busy event of a calendar: when, and its summary.
public struct BusyEvent: Sendable, Hashable {
    /// When it is.
    public var interval: Interval
    /// Its SUMMARY, or empty.
    public var summary: String
    /// Its UID, when it came from an event (a meeting Tiaoqi offered has Tiaoqi's UID).
    public var uid: String?

    /// A busy event from its parts.
    public init(interval: Interval, summary: String, uid: String? = nil) {
        self.interval = interval
        self.summary = summary
        self.uid = uid
    }
}

extension Staff {
    /// Their working hours on `day`.
    public func workingHours(on day: LocalDate) -> DailyHours { weekdayHours[day.weekday] ?? workingHours }
}

extension Client {
    /// Whether `person` may lead this visit: listed by id or sector (or nobody listed), and speaking its language.
    public func mayBeLed(by person: Staff) -> Bool {
        if with.contains(person.id) { return false }
        if let language, !person.languages.contains(language) { return false }
        return eligible.isEmpty || eligible.contains { $0 == person.id || person.sectors.contains($0) }
    }

    /// Whether the visit is already booked.
    public var isPinned: Bool { pinnedStart != nil }
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
    /// The district team planning this week, if named.
    public var team: String?
    /// Tickets already bought (legs a kept plan marks `booked`): the planner keeps them where it still can.
    public var bookedLegs: [Leg] = []
    /// Door-to-door seconds between places by place id (`travel_matrix` in plan.yaml); empty when not given.
    public var travelMatrix = TravelMatrix()
    /// Seconds a meeting's start is rounded up to (`meeting_start_step_seconds`): 300, meetings start five by five
    /// minutes.
    public var meetingStartStep: Int64 = 300
    /// The pattern of online visits' meeting links (`online.link` in plan.yaml), if given.
    public var meetingLink: MeetingLink?
    /// What the week should favour besides the objective's terms, and what it must hold to.
    public var wishes = Wishes()

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

    /// When a client may be met: their availability within their earliest and latest day.
    public func meetingWindows(of client: Client) -> IntervalSet {
        guard client.earliestDay != nil || client.latestDay != nil else { return client.availability }
        let from = client.earliestDay.map { zone.day($0).start } ?? period.start
        let to = client.latestDay.map { zone.day($0).end } ?? period.end
        return from < to ? client.availability.clipped(to: Interval(from, to)) : IntervalSet()
    }

    /// The whole planning period, from the first day's midnight to the last day's end.
    public var period: Interval {
        Interval(zone.day(days.first!).start, zone.day(days.last!).end)
    }
}
