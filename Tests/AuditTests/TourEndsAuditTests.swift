import Audit
import Itinerary
import Messages
import Testing
import Timeline
import Travel

/// The audit's rules for a travel matrix and for tours that start and end at given places, on plans built by hand.
@Suite("Audit of matrix tours")
struct TourEndsAuditTests {
    let zone = Zone(identifier: "Asia/Shanghai")!
    let days = (7...11).map { LocalDate(year: 2022, month: 3, day: $0)! }
    let office = Place(cityID: "xuzhou", coordinate: Coordinate(lat: 34.25, lon: 117.18), label: "办公室", id: "office")
    var monday: LocalDate { days[0] }

    /// A time on Monday.
    func at(_ time: String, on day: LocalDate? = nil) -> Instant { zone.instant(day ?? monday, TimeOfDay(time)!) }

    /// One person in Xuzhou who starts and finishes at the office, two clients there, and (unless `matrix` is false)
    /// a matrix office→a1 12 min, a1→b2 15 min, b2→office 10 min.
    func problem(matrix: Bool = true, ends: Bool = true) -> Problem {
        let hours = DailyHours("08:30-18:30")!.intervals(on: days, in: zone)
        let xuzhou = City(
            id: "xuzhou", name: "Xuzhou", nameZh: "徐州", coordinate: Coordinate(lat: 34.26, lon: 117.19),
            timeZone: "Asia/Shanghai")
        var person = Staff(
            id: "li", name: "李明", home: Place(cityID: "xuzhou", coordinate: xuzhou.coordinate, label: "home"),
            workingHours: DailyHours("08:30-18:30")!, travelHours: DailyHours("06:30-22:30")!,
            dailyTravelCapMinutes: 480,
            busy: IntervalSet(), availability: hours)
        if ends {
            person.start = office
            person.finish = office
            person.finishBy = at("18:00", on: days[4])
        }
        let clients = [("a1", "甲公司", 34.20, 117.20), ("b2", "乙公司", 34.30, 117.30)].map { id, name, lat, lon in
            Client(
                id: id, name: name,
                place: Place(cityID: "xuzhou", coordinate: Coordinate(lat: lat, lon: lon), label: name, id: id),
                address: "", priority: 5, meetingMinutes: 60, mustVisit: false, sector: "", availability: hours)
        }
        var problem = Problem(
            name: "test", zone: zone, days: days, staff: [person], clients: clients, travelRules: TravelRules(),
            hotelCost: 450)
        if matrix {
            problem.travelMatrix.set(from: "office", to: "a1", seconds: 12 * 60)
            problem.travelMatrix.set(from: "a1", to: "b2", seconds: 15 * 60)
            problem.travelMatrix.set(from: "b2", to: "office", seconds: 10 * 60)
        }
        return problem
    }

    func leg(_ from: String?, _ to: String?, _ depart: String, _ arrive: String, places: Bool = true) -> Leg {
        let (leave, reach) = (at(depart), at(arrive))
        let part = Journey.Part(
            mode: .taxi, service: nil, tripID: nil, from: from ?? "home", to: to ?? "home", depart: leave,
            arrive: reach, price: nil)
        return Leg(
            person: "li", fromCity: "xuzhou", toCity: "xuzhou", from: from ?? "home", to: to ?? "home",
            journey: Journey(depart: leave, arrive: reach, parts: [part]), fromPlace: places ? from : nil,
            toPlace: places ? to : nil)
    }

    func visit(_ client: String, _ start: String, _ end: String) -> ScheduledVisit {
        ScheduledVisit(
            client: client, clientName: client, city: "xuzhou", staff: ["li"], start: at(start), end: at(end))
    }

    /// Office → a1 → b2 → office on Monday morning, each leg taking exactly the matrix's time.
    func plan(legs: [Leg]? = nil, visits: [ScheduledVisit]? = nil) -> Plan {
        Plan(
            schedule: nil, name: "test", timeZone: "Asia/Shanghai", days: days, seed: 1,
            visits: visits ?? [visit("a1", "09:15", "10:15"), visit("b2", "10:30", "11:30")],
            legs: legs ?? [
                leg("office", "a1", "09:00", "09:12"), leg("a1", "b2", "10:15", "10:30"),
                leg("b2", "office", "11:30", "11:40"),
            ],
            stays: [], leftOut: [],
            score: Score(
                mustVisitsPlaced: 0, mustVisitsTotal: 0, priorityPlaced: 10, priorityTotal: 10, travelMinutes: 37,
                cost: 0, nightsAway: 0))
    }

    func findings(_ plan: Plan, _ problem: Problem) -> [Finding] {
        PlanAudit(problem: problem, timetable: try! Timetable(TimetableRecords(zone: zone))).findings(for: plan)
    }

    func rules(_ plan: Plan, _ problem: Problem) -> [String] { findings(plan, problem).map(\.rule.rawValue) }

    @Test func aTourThatKeepsEveryRuleHasNoFinding() {
        #expect(rules(plan(), problem()) == [])
    }

    @Test func withoutAMatrixOrEndsTheOldRulesAloneApply() {
        // Legs without place ids, and a move between two clients of one city with no leg: fine by city.
        let legs = [
            leg("office", "a1", "09:00", "09:12", places: false), leg("b2", "office", "11:30", "11:40", places: false),
        ]
        #expect(rules(plan(legs: legs), problem(matrix: false, ends: false)) == [])
    }

    @Test func aVisitAtAnotherPlaceThanThePersonIsNotThere() {
        // No leg from a1 to b2: with a matrix, being in the same city is not being at b2.
        let legs = [leg("office", "a1", "09:00", "09:12"), leg("b2", "office", "11:30", "11:40")]
        #expect(rules(plan(legs: legs), problem()) == ["not-there"])
    }

    @Test func aLegQuickerThanTheMatrixIsTooFast() {
        let legs = [
            leg("office", "a1", "09:00", "09:12"), leg("a1", "b2", "10:15", "10:25"),
            leg("b2", "office", "11:30", "11:40"),
        ]
        let found = findings(plan(legs: legs), problem())
        #expect(found.map(\.rule.rawValue) == ["leg-too-fast"])
        #expect(found.first?.severity == .error)
        #expect(
            found.first?.message.text(.en).contains("takes 10 min from a1 to b2, but the travel matrix says 15 min")
                == true)
    }

    @Test func aFirstLegFromAnotherPlaceThanTheStartIsFromElsewhere() {
        let legs = [
            leg("b2", "a1", "09:00", "09:12"), leg("a1", "b2", "10:15", "10:30"), leg("b2", "office", "11:30", "11:40"),
        ]
        #expect(rules(plan(legs: legs), problem()) == ["leg-from-elsewhere"])
    }

    @Test func endingAtAnotherPlaceThanTheFinishIsNotAtFinish() {
        let legs = [
            leg("office", "a1", "09:00", "09:12"), leg("a1", "b2", "10:15", "10:30"), leg("b2", "a1", "11:30", "11:40"),
        ]
        #expect(rules(plan(legs: legs), problem()) == ["not-at-finish"])
    }

    @Test func withoutAPlaceIDTheFinishIsJudgedByCity() {
        var problem = self.problem()
        problem.staff[0].finish = Place(
            cityID: "nanjing", coordinate: Coordinate(lat: 32.06, lon: 118.79), label: "南京分部", id: "nj-office")
        let legs = [
            leg("office", "a1", "09:00", "09:12"), leg("a1", "b2", "10:15", "10:30"), leg("b2", nil, "11:30", "11:40"),
        ]
        let found = findings(plan(legs: legs), problem)
        #expect(found.map(\.rule.rawValue) == ["not-at-finish"])
        #expect(
            found.first?.message.text(.en).contains("ends the week in xuzhou, not at 南京分部 (nj-office) in nanjing")
                == true)
    }

    @Test func arrivingAfterFinishByIsBackTooLate() {
        var problem = self.problem()
        problem.staff[0].finishBy = at("11:35")
        #expect(rules(plan(), problem) == ["back-too-late"])
    }
}
