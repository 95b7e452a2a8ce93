import Audit
import Itinerary
import Messages
import Planner
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

/// A quick solve: tests keep the search short (the budget is counted in work, so the result still repeats).
func solve(_ schedule: Schedule, problem: Problem? = nil, seconds: Double = 0.05, threads: Int = 2) -> Plan {
    let problem = problem ?? schedule.problem
    let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: problem.days)
    return Planner(problem: problem, router: router, options: .init(seed: 1, seconds: seconds, threads: threads))
        .solve()
}

@Suite("Planning real weeks")
struct PlannerTests {
    @Test func theQuickstartPlacesEveryClientAndPassesTheAudit() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.quickstart)
        let plan = solve(schedule)
        #expect(plan.leftOut.isEmpty)
        #expect(plan.visits.count == schedule.problem.clients.count)
        #expect(plan.score.mustVisitsPlaced == plan.score.mustVisitsTotal)
        #expect(PlanAudit(problem: schedule.problem, timetable: schedule.timetable).findings(for: plan).isEmpty)
        #expect(plan.legs.last?.toCity == "xuzhou")
        #expect(plan.stays.count == plan.score.nightsAway)
    }

    @Test func aWallClockLimitStopsASearchWithNoEndOfEffort() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: schedule.problem.days)
        var options = Planner.Options(seed: 1, seconds: 1_000_000, threads: 2)
        options.wallSeconds = 0.2
        // A million seconds of effort would never end; the clock stops it after the first week.
        let planner = Planner(problem: schedule.problem, router: router, options: options)
        let plan = await offThePool { planner.solve() }
        #expect(plan.score.mustVisitsPlaced == plan.score.mustVisitsTotal)
        #expect(
            PlanAudit(problem: schedule.problem, timetable: schedule.timetable).findings(for: plan).filter {
                $0.severity == .error
            }.isEmpty)
    }

    @Test func theSampleWeekIsFeasibleAndExplainsWhatItLeavesOut() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let plan = solve(schedule)
        let findings = PlanAudit(problem: schedule.problem, timetable: schedule.timetable).findings(for: plan)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(plan.score.mustVisitsPlaced == plan.score.mustVisitsTotal)
        #expect(plan.visits.count + plan.leftOut.count == schedule.problem.clients.count)
        for entry in plan.leftOut { #expect(!entry.reasons.map { $0.text(.en) }.isEmpty, "\(entry.client)") }
        let sz01 = try #require(plan.leftOut.first { $0.client == "sz01" })
        #expect(
            sz01.reasons.map { $0.text(.en) } == ["深圳鹏程新能源科技有限公司 has no free stretch of 60 minutes this week (none)"])
        let cd01 = try #require(plan.leftOut.first { $0.client == "cd01" })
        #expect(
            cd01.reasons.map { $0.text(.en) }.first?.hasPrefix(
                "no time when 成都蓉芯微电子有限公司 (free Mon 09:00–10:00) and any staff member")
                == true)
        // hz04 can meet only 17:30–19:00, and only zhou works that late.
        if let hz04 = plan.visits.first(where: { $0.client == "hz04" }) { #expect(hz04.staff == ["zhou"]) }
    }

    @Test func theSampleWeekHasDelegationsABookedVisitAndAThreeCityChain() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let plan = solve(schedule, seconds: 0.2)
        // The deputy director leads two delegations, each with an officer.
        let led = plan.visits.filter { $0.staff.contains("liu") && $0.staff.count == 2 }.map(\.client)
        #expect(Set(led).isSuperset(of: ["bj01", "su01"]))
        // hf02 was booked for zhou on Monday 15:00.
        let hf02 = try #require(plan.visits.first { $0.client == "hf02" })
        #expect(hf02.staff == ["zhou"])
        #expect(schedule.problem.zone.local(hf02.start).time == TimeOfDay("15:00")!)
        #expect(schedule.problem.zone.date(of: hf02.start) == schedule.problem.days[0])
        // Somebody sleeps away two nights running in a trip through three cities or more.
        let chained = plan.people.contains { person in
            var trips: [[String]] = [[]]
            for leg in plan.legs where leg.person == person {
                if leg.toCity == "xuzhou" { trips.append([]) } else { trips[trips.count - 1].append(leg.toCity) }
            }
            return trips.contains { Set($0).count >= 3 } && plan.stays.filter { $0.person == person }.count >= 2
        }
        #expect(chained)
        // The other rules of the sample: sun's Friday off, liu's two nights, hz02 after hz01, su03 in English.
        #expect(
            !plan.legs.contains {
                $0.person == "sun" && schedule.problem.zone.date(of: $0.depart) == schedule.problem.days[4]
            })
        #expect(plan.stays.filter { $0.person == "liu" }.count <= 2)
        if let hz01 = plan.visits.first(where: { $0.client == "hz01" }),
            let hz02 = plan.visits.first(where: { $0.client == "hz02" })
        {
            #expect(hz01.end <= hz02.start)
        }
        if let su03 = plan.visits.first(where: { $0.client == "su03" }) {
            #expect(Set(su03.staff).isSubset(of: ["zhou", "chen"]))
        }
    }

    @Test func theSameInputGivesTheSameBytes() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        #expect(PlanJSON.encode(solve(schedule)) == PlanJSON.encode(solve(schedule)))
    }

    @Test func anUnreachableWindowIsExplainedWithTheEarliestArrival() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.quickstart)
        var problem = schedule.problem
        let zone = problem.zone
        let monday = problem.days[0]
        let chengdu = schedule.timetable.cities["chengdu"]!
        // Free only Monday 08:00–09:00: nobody from Xuzhou can be in Chengdu by then.
        let window = IntervalSet([
            Interval(zone.instant(monday, TimeOfDay("08:00")!), zone.instant(monday, TimeOfDay("09:00")!))
        ])
        problem.clients = [
            Client(
                id: "cd-early", name: "成都早班公司",
                place: Place(cityID: "chengdu", coordinate: chengdu.coordinate, label: "成都早班公司"),
                address: "", priority: 5, meetingMinutes: 60, mustVisit: false, sector: "", availability: window)
        ]
        problem.staff = problem.staff.map { person in
            var copy = person
            copy.workingHours = DailyHours("06:00-20:00")!
            copy.availability = copy.workingHours.intervals(on: problem.days, in: zone)
            copy.busy = IntervalSet()
            return copy
        }
        let plan = solve(schedule, problem: problem)
        let reason = try #require(plan.leftOut.first?.reasons.map { $0.text(.en) }.first)
        #expect(reason.contains("no window of 成都早班公司 overlaps a reachable time: earliest arrival Mon "), "\(reason)")
        #expect(reason.hasSuffix("windows Mon 08:00–09:00"))
    }
}

@Suite("Replanning with a kept plan")
struct KeepTests {
    @Test func theSameInputKeepsEverything() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let old = solve(schedule)
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: schedule.problem.days)
        let again = Planner(problem: schedule.problem, router: router, options: .init(seconds: 0.05), keeping: old)
            .solve()
        #expect(again.changes == [])
        #expect(again.visits == old.visits)
    }

    @Test func aNewBusyEventMovesOnlyWhatItMust() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let old = solve(schedule)
        // A client of a single-person visit becomes busy at the planned time.
        let moved = try #require(old.visits.first { $0.staff.count == 1 && !$0.client.hasPrefix("hf02") })
        var problem = schedule.problem
        let index = problem.clients.firstIndex { $0.id == moved.client }!
        problem.clients[index].calendar.busy.append(BusyEvent(interval: moved.interval, summary: "new meeting"))
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: problem.days)
        let replanned = Planner(problem: problem, router: router, options: .init(seconds: 0.05), keeping: old).solve()
        #expect(
            PlanAudit(problem: problem, timetable: schedule.timetable).findings(for: replanned).filter {
                $0.severity == .error && $0.rule != .mustVisitLeftOut
            }.isEmpty)
        let changes = try #require(replanned.changes).map { $0.text(.en) }
        #expect(changes.count == 1, "\(changes)")
        #expect(changes.first?.contains(problem.clients[index].name) == true)
        // Every other kept visit is where it was, with the same people.
        for visit in old.visits where visit.client != moved.client {
            #expect(
                replanned.visits.contains {
                    $0.client == visit.client && $0.start == visit.start && Set($0.staff) == Set(visit.staff)
                }, "\(visit.client)")
        }
    }

    /// The sample week solved, and one of its train legs to a single-person visit with that visit.
    private func plannedTrain() async throws -> (Schedule, Plan, Leg, ScheduledVisit) {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let old = solve(schedule)
        for leg in old.legs where leg.parts.contains(where: { $0.mode.isTimetabled }) && leg.to != "home" {
            if let visit = old.visits.first(where: {
                $0.staff == [leg.person] && $0.start >= leg.arrive && $0.city == leg.toCity
            }) {
                return (schedule, old, leg, visit)
            }
        }
        throw PlanningTestError.noTrainLeg
    }

    private func replan(_ schedule: Schedule, _ problem: Problem, keeping old: Plan) -> (Plan, [Finding]) {
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: problem.days)
        let plan = Planner(problem: problem, router: router, options: .init(seconds: 0.05), keeping: old).solve()
        return (plan, PlanAudit(problem: problem, timetable: schedule.timetable).findings(for: plan))
    }

    @Test func aBoughtTicketIsTravelledEvenWhenTheVisitItWasForGoes() async throws {
        let (schedule, old, train, visit) = try await plannedTrain()
        // The client the train went to is no longer free this week.
        var problem = schedule.problem
        let index = problem.clients.firstIndex { $0.id == visit.client }!
        problem.clients[index].calendar = ClientCalendar(hours: IntervalSet())
        problem.clients[index].mustVisit = false
        let (unbooked, _) = replan(schedule, problem, keeping: old)
        #expect(!unbooked.legs.contains { $0.isSameTrip(as: train) }, "without a ticket the train is not worth taking")
        var ticket = train
        ticket.booked = true
        problem.bookedLegs = [ticket]
        let (plan, findings) = replan(schedule, problem, keeping: old)
        let kept = try #require(plan.legs.first { $0.isSameTrip(as: train) })
        #expect(kept.booked == true)
        #expect(plan.legs.filter { $0.booked == true }.count == 1)
        #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings.map(\.message))")
        #expect(!(plan.changes ?? []).map { $0.text(.en) }.contains { $0.hasPrefix("gave up") })
        // And the person ends the week in their home city.
        let home = try #require(problem.staff.first { $0.id == train.person }).home.cityID
        #expect(plan.legs.last { $0.person == train.person }?.toCity == home)
    }

    @Test func aTicketThatClashesWithANewEventIsGivenUpWithTheReason() async throws {
        let (schedule, old, train, _) = try await plannedTrain()
        var problem = schedule.problem
        var ticket = train
        ticket.booked = true
        problem.bookedLegs = [ticket]
        let person = problem.staff.firstIndex { $0.id == train.person }!
        let meeting = IntervalSet([Interval(train.depart + 600, train.depart + 3600)])
        problem.staff[person].busy = problem.staff[person].busy.union(meeting)
        problem.staff[person].availability = problem.staff[person].availability.subtracting(meeting)
        let (plan, findings) = replan(schedule, problem, keeping: old)
        #expect(!plan.legs.contains { $0.isSameTrip(as: train) })
        let services = train.parts.compactMap(\.service).joined(separator: "+")
        let line = try #require(plan.changes?.map { $0.text(.en) }.first { $0.hasPrefix("gave up") })
        #expect(line.hasPrefix("gave up the booked \(services) "), "\(line)")
        #expect(line.hasSuffix("it overlaps \(problem.staff[person].name)'s own calendar"), "\(line)")
        #expect(findings.map(\.rule.rawValue).contains("booked-leg-given-up"))
        #expect(
            findings.filter { $0.severity == .error && $0.rule != .mustVisitLeftOut }.isEmpty,
            "\(findings.map(\.message))")
    }
}

enum PlanningTestError: Error {
    case noTrainLeg
}
