import Timeline
import Travel

/// What planning around other teams' published weeks changed in a problem.
public struct AroundCommitments: Sendable, Hashable {
    /// For each member of staff, the times another team's week already holds them (its visits and trips).
    public var heldStaff: [String: IntervalSet] = [:]
    /// For each client, the days another team already courts its company.
    public var courtedDays: [String: Set<LocalDate>] = [:]

    /// No commitment.
    public init() {}

    /// Nothing changed.
    public var isEmpty: Bool { heldStaff.isEmpty && courtedDays.isEmpty }
}

extension Problem {
    /// This problem with other teams' published weeks (`others`) as commitments, and what that changed: a person's
    /// time another week holds (a visit they attend, a trip they take) is busy here, and where the visit is in a
    /// city this problem knows, they are held there (an own event: they travel to be there and not during it); a
    /// client whose company another week courts on a day is not met here that day, unless it is a must-visit (then
    /// the clash list flags the day instead of the plan dropping the visit). Weeks of this problem's own team are
    /// left out: replanning a week goes around the others, not around itself.
    public func around(_ others: [Plan]) -> (problem: Problem, commitments: AroundCommitments) {
        var problem = self
        var commitments = AroundCommitments()
        let week = Interval(
            zone.day(days.first ?? LocalDate(year: 1970, month: 1, day: 1)!).start,
            zone.day(days.last ?? LocalDate(year: 1970, month: 1, day: 1)!).end)
        let ownTeam = team
        let places = Dictionary(
            (clients.map(\.place) + staff.map(\.home)).map { ($0.cityID, $0) }, uniquingKeysWith: { first, _ in first })
        let staffIndex = Dictionary(
            staff.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var courted: [String: Set<LocalDate>] = [:]
        for plan in others where plan.team == nil || plan.team != ownTeam {
            for visit in plan.visits where visit.interval.overlaps(week) {
                courted[Client.companyKey(name: visit.clientName, company: nil), default: []].insert(
                    zone.date(of: visit.start))
                courted["id:" + visit.client, default: []].insert(zone.date(of: visit.start))
                for person in visit.staff {
                    guard let index = staffIndex[person] else { continue }
                    commitments.heldStaff[person] = (commitments.heldStaff[person] ?? IntervalSet()).union(
                        IntervalSet([visit.interval]))
                    // A call holds them in time only; a visit in person holds them there too.
                    if !visit.isOnline, let place = places[visit.city] {
                        problem.staff[index].ownEvents.append(
                            OwnEvent(
                                summary: visit.clientName, location: visit.city, interval: visit.interval, place: place)
                        )
                    }
                }
            }
            for leg in plan.legs where leg.interval.overlaps(week) {
                guard staffIndex[leg.person] != nil else { continue }
                commitments.heldStaff[leg.person] = (commitments.heldStaff[leg.person] ?? IntervalSet()).union(
                    IntervalSet([leg.interval]))
            }
        }
        for (person, held) in commitments.heldStaff {
            guard let index = staffIndex[person] else { continue }
            problem.staff[index].busy = problem.staff[index].busy.union(held)
            problem.staff[index].availability = problem.staff[index].availability.subtracting(held)
        }
        for index in problem.clients.indices where !problem.clients[index].mustVisit {
            let client = problem.clients[index]
            let days = (courted[Client.companyKey(name: client.name, company: client.company)] ?? [])
                .union(courted["id:" + client.id] ?? [])
            guard !days.isEmpty else { continue }
            commitments.courtedDays[client.id] = days
            var calendar = client.calendar
            for day in days.sorted() {
                calendar.busy.append(BusyEvent(interval: zone.day(day), summary: ""))
            }
            problem.clients[index].calendar = calendar
        }
        return (problem, commitments)
    }
}
