import Messages
import Store
import Timeline

/// Which clients a team should see next week, and how much each matters, from what the store knows: each open
/// project of a company that the team's staff own, weighed by its stage, its value, the bureau's targets and how
/// overdue its next visit is. A due date inside the week (or past) and a visit already booked in it make a
/// must-visit; a project landed or lost drops out.
public struct NextWeek: Sendable {
    /// One client to put in the week's clients.csv.
    public struct Candidate: Sendable, Hashable {
        /// The site to visit.
        public var client: ClientSite
        /// The project the visit serves.
        public var project: Project
        /// 1 (least) to 10 (most).
        public var priority: Int
        /// Whether the week must include it.
        public var mustVisit: Bool
        /// A visit already booked in the week: its start and attendees (the plan keeps it where it is).
        public var booked: VisitRecord?
        /// Meeting length, minutes.
        public var meetingMinutes: Int
        /// Why it is on the list, in the reader's words.
        public var why: Message
    }

    /// What the store holds for the team's week.
    public var sources: WeekSources

    /// The pipeline over what the store holds for the week.
    public init(sources: WeekSources) { self.sources = sources }

    /// Days between visits a project at `stage` should have at most.
    public static func cadenceDays(_ stage: ProjectStage) -> Int {
        switch stage {
        case .lead: 90
        case .contacted: 60
        case .visited: 30
        case .negotiating: 14
        case .signed: 30
        case .landed, .lost: 0
        }
    }

    /// The candidates of `team` for the week `period` (its first day's start to its last day's end), most
    /// important first.
    public func candidates(team: String, period: Interval, zone: Zone) -> [Candidate] {
        let staff = Set(sources.staff.filter { $0.teamID == team }.map(\.id))
        let sites = Dictionary(grouping: sources.clients, by: \.companyID).mapValues { $0.sorted { $0.id < $1.id } }
        let siteByID = Dictionary(sources.clients.map { ($0.id, $0) }) { a, _ in a }
        let held = sources.lastHeld.filter { $0.start < period.start }
        let heldAt = Dictionary(grouping: held, by: \.clientID)
        let heldFor = Dictionary(grouping: held.filter { $0.projectID != nil }) { $0.projectID ?? "" }
        let bookedAt = Dictionary(
            grouping: sources.booked.filter { $0.status == .planned && period.contains($0.interval.start) },
            by: \.clientID
        ).mapValues { $0.sorted { ($0.interval.start, $0.id) < ($1.interval.start, $1.id) } }
        let weights = Dictionary(grouping: sources.targets, by: \.kind)
        func share(_ kind: Target.Kind, _ name: String?) -> Double {
            guard let name, let targets = weights[kind], let top = targets.map(\.weight).max(), top > 0 else {
                return 0
            }
            return (targets.first { $0.name == name }?.weight ?? 0) / top
        }
        let firstDay = zone.date(of: period.start)
        let lastDay = zone.date(of: period.end - 1)
        var found: [Candidate] = []
        for project in sources.projects where !project.stage.isClosed {
            guard let owner = project.owner, staff.contains(owner) else { continue }
            let companySites = sites[project.companyID] ?? []
            let lastHeld = (companySites.flatMap { heldAt[$0.id] ?? [] } + (heldFor[project.id] ?? [])).max {
                ($0.start, $0.clientID) < ($1.start, $1.clientID)
            }
            let booking = companySites.compactMap { bookedAt[$0.id]?.first }.min {
                ($0.interval.start, $0.id) < ($1.interval.start, $1.id)
            }
            guard
                let site = booking.flatMap({ siteByID[$0.clientID] })
                    ?? lastHeld.flatMap({ siteByID[$0.clientID] }) ?? companySites.first
            else { continue }
            let cadence = Self.cadenceDays(project.stage)
            let daysSince = lastHeld.map { Int((period.start - $0.start) / 86_400) }
            let overdue = daysSince.map { $0 >= cadence } ?? true
            let region = sources.regions[site.city]
            var priority = Self.basePriority(project.stage)
            if let value = project.expectedYuan {
                priority += value >= 1_000_000_000 ? 2 : value >= 100_000_000 ? 1 : 0
            }
            priority += Int(
                (share(.region, region) + share(.sector, project.sector.isEmpty ? site.sector : project.sector))
                    .rounded())
            if let daysSince {
                priority += daysSince >= 2 * cadence ? 2 : daysSince >= cadence ? 1 : 0
            } else {
                priority += 1
            }
            let due = project.nextDue.map { $0 <= lastDay } ?? false
            var reasons: [Message.Argument] = [
                .message(
                    Message(
                        .whyProject, ["stage": .word(project.stage.messageKey), "title": .text(project.title)]))
            ]
            if let daysSince {
                reasons.append(
                    .message(
                        Message(
                            overdue ? .whyOverdue : .whyLastVisit,
                            ["days": .number(daysSince), "cadence": .number(cadence)])))
            } else {
                reasons.append(.word(.whyNeverVisited))
            }
            if let nextDue = project.nextDue, due {
                reasons.append(
                    .message(
                        Message(
                            nextDue < firstDay ? .whyDuePast : .whyDue,
                            ["action": .text(project.nextAction), "date": .text(nextDue.description)])))
            }
            if let booking {
                reasons.append(
                    .message(
                        Message(
                            .whyBooked,
                            [
                                "time": .text(
                                    "\(zone.date(of: booking.interval.start)) \(zone.clock(booking.interval.start))")
                            ])))
            }
            if let region, share(.region, region) > 0 {
                reasons.append(.message(Message(.whyTargetRegion, ["region": .text(region)])))
            }
            found.append(
                Candidate(
                    client: site, project: project, priority: min(10, max(1, priority)),
                    mustVisit: due || booking != nil, booked: booking,
                    meetingMinutes: booking.map { Int(($0.interval.end - $0.interval.start) / 60) }
                        ?? (project.stage == .negotiating || project.stage == .signed ? 90 : 60),
                    why: Message(.whyList, ["reasons": .list(reasons, .semicolon)])))
        }
        // One line per site: the most important of its company's projects.
        var bySite: [String: Candidate] = [:]
        for candidate in found where (bySite[candidate.client.id]?.priority ?? 0) < candidate.priority {
            bySite[candidate.client.id] = candidate
        }
        return bySite.values.sorted { ($0.priority, $1.client.id) > ($1.priority, $0.client.id) }
    }

    /// The priority a project's stage starts from.
    static func basePriority(_ stage: ProjectStage) -> Int {
        switch stage {
        case .lead: 2
        case .contacted: 3
        case .visited: 4
        case .negotiating: 6
        case .signed: 5
        case .landed, .lost: 0
        }
    }
}

extension ProjectStage {
    /// The stage in words.
    public var messageKey: MessageKey {
        switch self {
        case .lead: .stageLead
        case .contacted: .stageContacted
        case .visited: .stageVisited
        case .negotiating: .stageNegotiating
        case .signed: .stageSigned
        case .landed: .stageLanded
        case .lost: .stageLost
        }
    }
}
