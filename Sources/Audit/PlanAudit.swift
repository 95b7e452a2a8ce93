import Itinerary
import Timeline
import Travel

/// Checks any plan, hand-written or solved, against the problem and the timetable, without the solver's code.
public struct PlanAudit: Sendable {
    /// The problem the plan claims to solve.
    public let problem: Problem
    /// The timetable its legs must come from.
    public let timetable: Timetable

    /// An audit of plans for a problem over a timetable.
    public init(problem: Problem, timetable: Timetable) {
        self.problem = problem
        self.timetable = timetable
    }

    /// Every rule the plan breaks, errors first, then by time.
    public func findings(for plan: Plan) -> [Finding] {
        var findings: [Finding] = []
        let clients = Dictionary(problem.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let staff = Dictionary(problem.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        findings += checkVisits(plan, clients: clients, staff: staff)
        for person in problem.staff {
            findings += PersonWeekCheck(audit: self, person: person, plan: plan, clients: clients).findings()
        }
        for id in plan.people where staff[id] == nil {
            findings.append(
                Finding(
                    rule: .unknownPerson, severity: .error, person: id,
                    message: "'\(id)' is not a staff member of the schedule"))
        }
        let placed = Set(plan.visits.map(\.client))
        for client in problem.clients where client.mustVisit && !placed.contains(client.id) {
            findings.append(
                Finding(
                    rule: .mustVisitLeftOut, severity: .error, client: client.id,
                    message: "must-visit \(client.name) (\(client.id)) is not in the plan"))
        }
        for ticket in problem.bookedLegs where !plan.legs.contains(where: { $0.isSameTrip(as: ticket) }) {
            let services = ticket.parts.compactMap(\.service).joined(separator: "+")
            findings.append(
                Finding(
                    rule: .bookedLegGivenUp, severity: .warning, person: ticket.person, time: ticket.depart,
                    message:
                        "the booked \(services.isEmpty ? "journey" : services) \(span(ticket.interval)) \(ticket.fromCity)→\(ticket.toCity) of \(ticket.person) is not in the plan"
                ))
        }
        return findings.sorted { a, b in
            (b.severity, a.time ?? Instant(seconds: .min), a.rule.rawValue, a.message) < (
                a.severity, b.time ?? Instant(seconds: .min), b.rule.rawValue, b.message
            )
        }
    }

    private func checkVisits(_ plan: Plan, clients: [String: Client], staff: [String: Staff]) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<String> = []
        for visit in plan.visits {
            let when = span(visit.interval)
            guard let client = clients[visit.client] else {
                findings.append(
                    Finding(
                        rule: .unknownClient, severity: .error, client: visit.client, time: visit.start,
                        message: "visit \(when) names client '\(visit.client)', which the schedule does not list"))
                continue
            }
            let label = "visit to \(client.name) (\(client.id)) \(when)"
            if !seen.insert(client.id).inserted {
                findings.append(
                    Finding(
                        rule: .visitRepeated, severity: .warning, client: client.id, time: visit.start,
                        message: "\(label) repeats an earlier visit to the same client"))
            }
            if visit.city != client.place.cityID {
                findings.append(
                    Finding(
                        rule: .visitWrongCity, severity: .error, client: client.id, time: visit.start,
                        message: "\(label) is in \(visit.city), but the client is in \(client.place.cityID)"))
            }
            if visit.end - visit.start < Int64(client.meetingMinutes) * 60 {
                findings.append(
                    Finding(
                        rule: .visitTooShort, severity: .error, client: client.id, time: visit.start,
                        message:
                            "\(label) lasts \((visit.end - visit.start) / 60) minutes; the meeting needs \(client.meetingMinutes)"
                    ))
            }
            let free = ClientFreeTime(calendar: client.calendar)
            if !free.isFree(visit.interval) {
                let day = problem.zone.day(problem.zone.date(of: visit.start))
                findings.append(
                    Finding(
                        rule: .visitOutsideClientAvailability, severity: .error, client: client.id, time: visit.start,
                        message:
                            "\(label) lies outside the client's free time (free that day: \(describe(IntervalSet(free.freeStretches(in: day)))))"
                    ))
            }
            findings += checkPeople(visit, client: client, staff: staff, label: label)
            if let earliest = client.earliestDay, problem.zone.date(of: visit.start) < earliest {
                findings.append(
                    Finding(
                        rule: .visitTooEarly, severity: .error, client: client.id, time: visit.start,
                        message: "\(label) is before its earliest day \(earliest)"))
            }
            if let latest = client.latestDay, problem.zone.date(of: visit.end - 1) > latest {
                findings.append(
                    Finding(
                        rule: .visitTooLate, severity: .error, client: client.id, time: visit.start,
                        message: "\(label) is after its latest day \(latest)"))
            }
            for id in client.after {
                guard let earlier = plan.visits.first(where: { $0.client == id }), earlier.end > visit.start else {
                    continue
                }
                findings.append(
                    Finding(
                        rule: .orderBroken, severity: .error, client: client.id, time: visit.start,
                        message:
                            "\(label) must come after the visit to \(clients[id]?.name ?? id), which ends \(span(earlier.interval))"
                    ))
            }
            if visit.staff.isEmpty {
                findings.append(
                    Finding(
                        rule: .visitUnattended, severity: .error, client: client.id, time: visit.start,
                        message: "\(label) has nobody attending"))
            }
            for id in visit.staff {
                guard let person = staff[id] else { continue }
                if !person.availability.contains(visit.interval) {
                    let day = problem.zone.day(problem.zone.date(of: visit.start))
                    findings.append(
                        Finding(
                            rule: .visitOutsideStaffAvailability, severity: .error, person: id, client: client.id,
                            time: visit.start,
                            message:
                                "\(label) lies outside \(person.name)'s working hours or own calendar (free that day: \(describe(person.availability.clipped(to: day))))"
                        ))
                }
            }
        }
        return findings
    }

    /// Who attends: every required co-attendee, the booked people of a pinned visit, and someone who may lead.
    private func checkPeople(_ visit: ScheduledVisit, client: Client, staff: [String: Staff], label: String)
        -> [Finding]
    {
        var findings: [Finding] = []
        func add(_ rule: AuditRule, _ message: String) {
            findings.append(
                Finding(
                    rule: rule, severity: .error, client: client.id, time: visit.start, message: "\(label) \(message)"))
        }
        for id in client.with where !visit.staff.contains(id) {
            add(.coAttendeeMissing, "lacks \(staff[id]?.name ?? id), who must attend")
        }
        if let pinned = client.pinnedStart {
            if visit.start != pinned { add(.pinnedVisitMoved, "was booked to start \(span(Interval(pinned, pinned)))") }
            if Set(visit.staff) != Set(client.with) {
                add(
                    .pinnedVisitPeople,
                    "was booked for \(client.with.joined(separator: ", ")), not \(visit.staff.joined(separator: ", "))")
            }
            return findings
        }
        let leads = visit.staff.filter { id in
            guard let person = staff[id], !client.with.contains(id) else { return false }
            if let language = client.language, !person.languages.contains(language) { return false }
            return client.eligible.isEmpty || client.eligible.contains(id)
                || !person.sectors.isDisjoint(with: client.eligible)
        }
        if leads.isEmpty {
            add(
                .noEligibleLead,
                "has nobody who may lead it (eligible: \(client.eligible.isEmpty ? "anyone" : client.eligible.joined(separator: ", "))\(client.language.map { ", language \($0)" } ?? ""))"
            )
        }
        return findings
    }

    func span(_ interval: Interval) -> String {
        let (date, time, _) = problem.zone.local(interval.start)
        return "\(date.weekday.displayName) \(date) \(time)–\(problem.zone.clock(interval.end))"
    }

    func describe(_ set: IntervalSet) -> String {
        set.isEmpty
            ? "none"
            : set.intervals.map { "\(problem.zone.clock($0.start))–\(problem.zone.clock($0.end))" }.joined(
                separator: ", ")
    }
}
