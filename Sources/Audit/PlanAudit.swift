import Itinerary
import Messages
import Timeline
import Travel

/// Checks any plan, hand-written or solved, against the problem and the timetable, without the solver's code.
public struct PlanAudit: Sendable {
    /// The problem the plan claims to solve.
    public let problem: Problem
    /// The timetable its legs must come from.
    public let timetable: Timetable
    /// The check of drives by hired car, with the schedule's places at hand.
    let drives: DriveCheck

    /// An audit of plans for a problem over a timetable.
    public init(problem: Problem, timetable: Timetable) {
        self.problem = problem
        self.timetable = timetable
        drives = DriveCheck(problem: problem, timetable: timetable)
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
                    message: Message(.unknownPerson, ["person": .text(id)])))
        }
        let placed = Set(plan.visits.map(\.client))
        for client in problem.clients where client.mustVisit && !placed.contains(client.id) {
            findings.append(
                Finding(
                    rule: .mustVisitLeftOut, severity: .error, client: client.id,
                    message: Message(.mustVisitNotInPlan, ["client": .text(client.name), "id": .text(client.id)])))
        }
        for ticket in problem.bookedLegs where !plan.legs.contains(where: { $0.isSameTrip(as: ticket) }) {
            let services = ticket.parts.compactMap(\.service).joined(separator: "+")
            findings.append(
                Finding(
                    rule: .bookedLegGivenUp, severity: .warning, person: ticket.person, time: ticket.depart,
                    message: Message(
                        .bookedLegNotInPlan,
                        [
                            "ticket": services.isEmpty ? .word(.journey) : .text(services),
                            "time": span(ticket.interval), "from": city(ticket.fromCity), "to": city(ticket.toCity),
                            "person": .text(ticket.person),
                        ])))
        }
        return findings.sorted { a, b in
            (b.severity, a.time ?? Instant(seconds: .min), a.rule.rawValue, a.message.text(.en)) < (
                a.severity, b.time ?? Instant(seconds: .min), b.rule.rawValue, b.message.text(.en)
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
                        message: Message(.unknownClient, ["time": when, "client": .text(visit.client)])))
                continue
            }
            let label = Message.Argument.message(
                Message(.visitLabel, ["client": .text(client.name), "id": .text(client.id), "time": when]))
            if !seen.insert(client.id).inserted {
                findings.append(
                    Finding(
                        rule: .visitRepeated, severity: .warning, client: client.id, time: visit.start,
                        message: Message(.visitRepeated, ["visit": label])))
            }
            if visit.city != client.place.cityID {
                findings.append(
                    Finding(
                        rule: .visitWrongCity, severity: .error, client: client.id, time: visit.start,
                        message: Message(
                            .visitWrongCity,
                            ["visit": label, "city": city(visit.city), "clientCity": city(client.place.cityID)])))
            }
            // An online visit for a client met only in person, or the other way round.
            if visit.isOnline ? !client.mode.allowsOnline : !client.mode.allowsInPerson {
                findings.append(
                    Finding(
                        rule: .visitWrongMode, severity: .error, client: client.id, time: visit.start,
                        message: Message(
                            visit.isOnline ? .visitOnlineNotAllowed : .visitInPersonNotAllowed, ["visit": label])))
            }
            if visit.end - visit.start < Int64(client.meetingMinutes) * 60 {
                findings.append(
                    Finding(
                        rule: .visitTooShort, severity: .error, client: client.id, time: visit.start,
                        message: Message(
                            .visitTooShort,
                            [
                                "visit": label, "minutes": .number(Int((visit.end - visit.start) / 60)),
                                "needed": .number(client.meetingMinutes),
                            ])))
            }
            let free = ClientFreeTime(calendar: client.calendar)
            if !free.isFree(visit.interval) {
                let day = problem.zone.day(problem.zone.date(of: visit.start))
                findings.append(
                    Finding(
                        rule: .visitOutsideClientAvailability, severity: .error, client: client.id, time: visit.start,
                        message: Message(
                            .visitOutsideClientFreeTime,
                            ["visit": label, "free": describe(IntervalSet(free.freeStretches(in: day)))])))
            }
            findings += checkPeople(visit, client: client, staff: staff, label: label)
            if let earliest = client.earliestDay, problem.zone.date(of: visit.start) < earliest {
                findings.append(
                    Finding(
                        rule: .visitTooEarly, severity: .error, client: client.id, time: visit.start,
                        message: Message(.visitTooEarly, ["visit": label, "day": .date(earliest)])))
            }
            if let latest = client.latestDay, problem.zone.date(of: visit.end - 1) > latest {
                findings.append(
                    Finding(
                        rule: .visitTooLate, severity: .error, client: client.id, time: visit.start,
                        message: Message(.visitTooLate, ["visit": label, "day": .date(latest)])))
            }
            for id in client.after {
                guard let earlier = plan.visits.first(where: { $0.client == id }), earlier.end > visit.start else {
                    continue
                }
                findings.append(
                    Finding(
                        rule: .orderBroken, severity: .error, client: client.id, time: visit.start,
                        message: Message(
                            .visitOrderBroken,
                            [
                                "visit": label, "client": .text(clients[id]?.name ?? id),
                                "time": span(earlier.interval),
                            ])))
            }
            if visit.staff.isEmpty {
                findings.append(
                    Finding(
                        rule: .visitUnattended, severity: .error, client: client.id, time: visit.start,
                        message: Message(.visitUnattended, ["visit": label])))
            }
            for id in visit.staff {
                guard let person = staff[id] else { continue }
                if !person.availability.contains(visit.interval) {
                    let day = problem.zone.day(problem.zone.date(of: visit.start))
                    findings.append(
                        Finding(
                            rule: .visitOutsideStaffAvailability, severity: .error, person: id, client: client.id,
                            time: visit.start,
                            message: Message(
                                .visitOutsideStaffAvailability,
                                [
                                    "visit": label, "person": .text(person.name),
                                    "free": describe(person.availability.clipped(to: day)),
                                ])))
                }
            }
        }
        return findings
    }

    /// Who attends: every required co-attendee, the booked people of a pinned visit, and someone who may lead.
    private func checkPeople(
        _ visit: ScheduledVisit, client: Client, staff: [String: Staff], label: Message.Argument
    )
        -> [Finding]
    {
        var findings: [Finding] = []
        func add(_ rule: AuditRule, _ key: MessageKey, _ arguments: [String: Message.Argument]) {
            findings.append(
                Finding(
                    rule: rule, severity: .error, client: client.id, time: visit.start,
                    message: Message(key, arguments.merging(["visit": label]) { a, _ in a })))
        }
        for id in client.with where !visit.staff.contains(id) {
            add(.coAttendeeMissing, .visitLacksCoAttendee, ["person": .text(staff[id]?.name ?? id)])
        }
        if let pinned = client.pinnedStart {
            if visit.start != pinned {
                add(.pinnedVisitMoved, .visitPinnedMoved, ["time": span(Interval(pinned, pinned))])
            }
            if Set(visit.staff) != Set(client.with) {
                add(
                    .pinnedVisitPeople,
                    .visitPinnedPeople, ["booked": .names(client.with), "people": .names(visit.staff)])
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
            let eligible: Message.Argument = client.eligible.isEmpty ? .word(.anyone) : .names(client.eligible)
            if let language = client.language {
                add(.noEligibleLead, .visitNoLeadLanguage, ["eligible": eligible, "language": .text(language)])
            } else {
                add(.noEligibleLead, .visitNoLead, ["eligible": eligible])
            }
        }
        return findings
    }

    /// `Tue 2022-03-08 09:30–11:00`.
    func span(_ interval: Interval) -> Message.Argument {
        let (date, time, _) = problem.zone.local(interval.start)
        return .message(
            Message(
                .timeSpan,
                [
                    "start": .message(
                        Message(.dayDate, ["weekday": .weekday(date.weekday), "date": .text("\(date) \(time)")])),
                    "end": .text(problem.zone.clock(interval.end)),
                ]))
    }

    /// A city as people read it: its Chinese name when the timetable has one, else its English name or id.
    func city(_ id: String) -> Message.Argument { .text(timetable.cities[id]?.displayName ?? id) }

    /// `09:00–12:00, 14:00–17:00` (times only), or `none`.
    func describe(_ set: IntervalSet) -> Message.Argument {
        set.isEmpty
            ? .word(.none)
            : .names(set.intervals.map { "\(problem.zone.clock($0.start))–\(problem.zone.clock($0.end))" })
    }
}
