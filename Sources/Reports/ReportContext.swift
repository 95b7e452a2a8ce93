import Audit
import Itinerary
import Messages
import Timeline
import Travel

/// What the HTML report's parts share: the inputs, names looked up across every week (its problem and timetable), the zone and the days.
struct ReportContext {
    let weeks: [HTMLReport.Week]
    let handPlans: [HandPlan]
    let clashes: [Clash]
    let labels: ReportLabels
    /// The bureau's zone (the first week's), in which every time is shown.
    let zone: Zone
    /// Teams in the order they first appear: the weeks', then the hand plans'.
    let teams: [String]
    /// Every day that has something, and every planning day, in order.
    let days: [LocalDate]
    /// Staff ids with a section: everyone with something in a week's plan, then the hand plans' people.
    let people: [String]

    private let staff: [String: Staff]
    private let clients: [String: Client]
    private let cities: [String: City]

    /// Whether the problems listed are one plan's own findings, not clashes between plans.
    let findings: Bool
    /// The problems section's heading and anchor.
    var problemsHeading: String { findings ? labels.findings : labels.clashes }
    var problemsID: String { findings ? "findings" : "clashes" }

    init(
        weeks: [HTMLReport.Week], handPlans: [HandPlan], clashes: [Clash], language: ReportLanguage,
        findings: Bool = false
    ) {
        self.findings = findings
        self.weeks = weeks
        self.handPlans = handPlans
        self.clashes = clashes
        labels = ReportLabels(language: language)
        let zone = weeks.first?.problem.zone ?? Zone(identifier: "Asia/Shanghai") ?? .utc
        self.zone = zone
        var staff: [String: Staff] = [:]
        var clients: [String: Client] = [:]
        var cities: [String: City] = [:]
        for week in weeks {
            for person in week.problem.staff where staff[person.id] == nil { staff[person.id] = person }
            for client in week.problem.clients where clients[client.id] == nil { clients[client.id] = client }
            for (id, city) in week.timetable.cities where cities[id] == nil { cities[id] = city }
        }
        self.staff = staff
        self.clients = clients
        self.cities = cities
        teams = (weeks.map(\.team) + handPlans.map(\.team)).uniqued()
        var people: [String] = []
        for week in weeks {
            let planned = Set(week.plan.people)
            people += week.problem.staff.map(\.id).filter(planned.contains)
            people += week.plan.people
        }
        self.people = (people + handPlans.map(\.person)).uniqued()
        var days = Set(weeks.flatMap { $0.plan.days + $0.problem.days })
        for week in weeks {
            for visit in week.plan.visits { days.insert(zone.date(of: visit.start)) }
            for leg in week.plan.legs { days.formUnion([zone.date(of: leg.depart), zone.date(of: leg.arrive - 1)]) }
            for stay in week.plan.stays { days.insert(stay.night) }
        }
        for event in handPlans.flatMap(\.events) {
            days.formUnion([zone.date(of: event.start), zone.date(of: max(event.start, event.end - 1))])
        }
        self.days = days.sorted()
    }

    /// The staff member with this id, from any week.
    func person(_ id: String) -> Staff? { staff[id] }

    /// A staff member's name, or the id when no week knows them.
    func personName(_ id: String) -> String { staff[id]?.name ?? id }

    /// The client with this id, from any week.
    func client(_ id: String) -> Client? { clients[id] }

    /// A client's name, or the id when no week knows them.
    func clientName(_ id: String) -> String { clients[id]?.name ?? id }

    /// The city with this id, from any week's timetable.
    func city(_ id: String) -> City? { cities[id] }

    /// A city's name in the report's language (Chinese when known, for `zh`), or the id.
    func cityName(_ id: String) -> String {
        guard let city = cities[id] else { return id }
        return labels.language == .zh ? city.displayName : city.name
    }

    /// A station's or airport's name from any week's timetable, or the id.
    func stopName(_ id: String) -> String {
        for week in weeks { if let stop = week.timetable.stop(id: id) { return stop.name } }
        return id
    }

    /// `HH:MM` in the bureau's zone.
    func clock(_ instant: Instant) -> String { zone.clock(instant) }

    /// `Mon 03-07 09:00–10:30` (the end's day too when it differs); a dash when there is no time.
    func span(_ start: Instant?, _ end: Instant?) -> String {
        guard let start else { return labels.noTime }
        let day = zone.date(of: start)
        var text = "\(labels.day(day)) \(clock(start))"
        if let end, end > start {
            let endDay = zone.date(of: end)
            text += "–" + (endDay == day ? clock(end) : "\(labels.day(endDay)) \(clock(end))")
        }
        return text
    }

    /// The span of a clash, for finding the blocks that take part in it: nil when the clash has no time.
    func interval(of clash: Clash) -> Interval? {
        guard let start = clash.start else { return nil }
        return Interval(start, max(clash.end ?? start, start + 1))
    }
}
