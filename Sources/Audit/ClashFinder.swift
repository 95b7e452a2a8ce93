import Itinerary
import Messages
import Timeline
import Travel

/// Overlays several teams' plans (and weeks written by hand) and lists where they collide or no longer hold: the
/// same company courted by two teams, a person booked twice or needed in two places, a visit the client's calendar
/// no longer allows, a service that no longer runs, a person over their limits.
public struct ClashFinder: Sendable {
    /// One team's plan with the problem and travel it is checked against (as loaded now).
    public struct Week: Sendable {
        /// The team whose plan it is.
        public var team: String
        /// The plan file, for messages.
        public var source: String
        /// The schedule folder the plan was made from, for the replanning hint.
        public var schedule: String
        /// The plan.
        public var plan: Plan
        /// The schedule's problem, with calendars as they are now.
        public var problem: Problem
        /// Routes over the schedule's timetable as it is now.
        public var router: Router

        /// A week from its parts.
        public init(team: String, source: String, schedule: String, plan: Plan, problem: Problem, router: Router) {
            self.team = team
            self.source = source
            self.schedule = schedule
            self.plan = plan
            self.problem = problem
            self.router = router
        }
    }

    /// The teams' plans.
    public var weeks: [Week]
    /// Weeks written by hand.
    public var handPlans: [HandPlan]
    /// Company keys by client id or client name (a credit code, a group name), overriding clients.csv's `company`.
    public var companies: [String: String]

    /// A finder over plans and hand-made weeks.
    public init(weeks: [Week], handPlans: [HandPlan] = [], companies: [String: String] = [:]) {
        self.weeks = weeks
        self.handPlans = handPlans
        self.companies = companies
    }

    /// Every clash, errors first, then by time.
    public func clashes() -> [Clash] {
        var found: [Clash] = []
        for week in weeks { found += Self.clashes(within: week) }
        let overlay = Overlay(finder: self)
        found += overlay.sameCompany()
        found += overlay.doubleBooked()
        found += overlay.unreachable()
        return found.sorted { a, b in
            (b.severity, a.start ?? Instant(seconds: .min), a.kind, a.explanation.text(.en)) < (
                a.severity, b.start ?? Instant(seconds: .min), b.kind, b.explanation.text(.en)
            )
        }
    }
}

extension ClashFinder {
    /// One plan's own problems: its audit's findings as clashes, with what changed and what to do; `outcomes` adds
    /// what the plan lists itself (must-visits left out, bought tickets given up).
    public static func clashes(within week: Week, outcomes: Bool = false) -> [Clash] {
        PlanClashes(week: week, outcomes: outcomes).clashes()
    }

    /// The key two visits share when they court the same company: the mapping, else clients.csv's `company`, else
    /// the name without spaces or case.
    func companyKey(id: String, name: String, company: String?) -> String {
        Client.companyKey(name: name, company: companies[id] ?? companies[name] ?? company)
    }
}

/// The clashes within one plan: the audit's findings, in the coordinators' kinds, with what changed and what to do.
struct PlanClashes {
    let week: ClashFinder.Week
    let outcomes: Bool

    private var problem: Problem { week.problem }

    func clashes() -> [Clash] {
        let findings = PlanAudit(problem: problem, timetable: week.router.timetable).findings(for: week.plan)
        let clients = Dictionary(problem.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let staff = Dictionary(problem.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let replan = Remedy.Replan(schedule: week.schedule, keeping: week.source)
        var result: [Clash] = []
        for finding in findings where outcomes || !finding.rule.isOutcome {
            var kind = finding.rule.clashKind
            var explanation = finding.message
            var remedy = Remedy(.replan, replan: replan)
            let visit = finding.client.flatMap { id in
                week.plan.visits.first { $0.client == id && $0.start == finding.time }
            }
            switch finding.rule {
            case .visitOutsideClientAvailability:
                if let visit, let client = clients[visit.client] {
                    explanation = outsideAvailability(visit, client: client) ?? finding.message
                }
                remedy = Remedy(.replanMovesVisit, replan: replan)
            case .visitOutsideStaffAvailability:
                // On a day off the audit's busy-on-day-off says it better.
                if let visit, let id = finding.person, let person = staff[id],
                    person.daysOff.contains(problem.zone.date(of: visit.start))
                {
                    continue
                }
                if let visit, let id = finding.person, let person = staff[id], person.busy.overlaps(visit.interval) {
                    kind = .doubleBooked
                    explanation = Message(
                        .personSays,
                        [
                            "people": .text(person.name),
                            "text": .message(
                                Message(
                                    .visitOverlapsOwnCalendar,
                                    ["client": .text(visit.clientName), "time": span(visit.interval)])),
                        ])
                    remedy = Remedy(.moveVisitOrOwnEvent, subject: person.name, replan: replan)
                } else if let visit, let id = finding.person, let person = staff[id] {
                    kind = .overWorkingHours
                    let hours = person.workingHours(on: problem.zone.date(of: visit.start))
                    explanation = Message(
                        .personSays,
                        [
                            "people": .text(person.name),
                            "text": .message(
                                Message(
                                    .visitOutsideWorkingHours,
                                    [
                                        "client": .text(visit.clientName), "time": span(visit.interval),
                                        "hours": .text("\(hours)"),
                                    ])),
                        ])
                    remedy = Remedy(.moveInsideWorkingHours, subject: "\(hours)", replan: replan)
                }
            case .unknownService: remedy = Remedy(.rebookService, replan: replan)
            case .missedConnection: remedy = Remedy(.rebookConnection, replan: replan)
            case .doubleBooked, .travelDuringOwnEvent: remedy = Remedy(.moveOneOfTwo, replan: replan)
            case .overTravelCap, .outsideTravelHours, .overNightLimit, .overCostLimit:
                remedy = Remedy(.spreadTheTrip, replan: replan)
            default: break
            }
            let end = visit?.end
            result.append(
                Clash(
                    kind: kind, severity: finding.severity, people: finding.person.map { [$0] } ?? visit?.staff ?? [],
                    clients: finding.client.map { [$0] } ?? [], teams: [week.team], start: finding.time, end: end,
                    explanation: explanation, remedy: remedy))
        }
        return result
    }

    /// What changed in the client's calendar: the busy events now over the visit.
    private func outsideAvailability(_ visit: ScheduledVisit, client: Client) -> Message? {
        let over = client.calendar.busy.filter { $0.interval.overlaps(visit.interval) }
        let label = Message.Argument.message(
            Message(.teamVisit, ["client": .text(client.name), "time": span(visit.interval), "team": .text(week.team)]))
        guard !over.isEmpty else { return Message(.visitNoLongerInHours, ["visit": label]) }
        let events = over.map {
            Message.Argument.message(
                Message(
                    .quotedAt,
                    [
                        "text": $0.summary.isEmpty ? .word(.busy) : .text($0.summary), "time": span($0.interval),
                    ]))
        }
        return Message(.visitOverlapsClientEvents, ["visit": label, "events": .list(events, .comma)])
    }

    private func span(_ interval: Interval) -> Message.Argument { .span(interval, problem.zone) }
}
