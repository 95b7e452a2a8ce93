import Audit
import BenchSupport
import Itinerary
import Planner
import Schedules
import TestSupport
import Testing
import Travel

@Suite("Team orienteering with time windows (the TOPTW benchmark format)")
struct OrienteeringTests {
    static let c101 = Fixtures.path("Tests/PlannerTests/Fixtures/toptw/c101.txt")
    static let pr01 = Fixtures.path("Tests/PlannerTests/Fixtures/toptw/pr01.txt")

    @Test func instancesReadWithTheLiteraturesDistances() throws {
        let solomon = try TOPTWFile.read(Self.c101, tours: 1)
        #expect(solomon.sites.count == 101)
        #expect(solomon.sites[0].close == 1_236_000)
        // Depot (40, 50) to customer 1 (45, 68): √349 = 18.681…, truncated to one decimal.
        #expect(solomon.travel(0, 1) == 18_600)
        #expect(solomon.sites[1] == OrienteeringProblem.Site(score: 10, service: 90_000, open: 912_000, close: 967_000))
        let cordeau = try TOPTWFile.read(Self.pr01, tours: 2)
        #expect(cordeau.sites.count == 49)
        // pr files truncate to two decimals: (−10.442, 19.999) to (−29.730, 64.136) is 48.168…
        #expect(cordeau.travel(0, 1) == 48_160)
    }

    @Test func thePlannerFindsTheOptimumOfC101AndItsToursPassTheCheckAndTheAudit() throws {
        let week = try TOPTWWeek(try TOPTWFile.read(Self.c101, tours: 1), name: "c101")
        let router = Router(timetable: week.timetable, rules: week.problem.travelRules, dates: week.problem.days)
        func solve() -> Plan {
            Planner(problem: week.problem, router: router, options: Planner.Options(seed: 7, seconds: 0.5, threads: 1))
                .solve()
        }
        let plan = solve()
        #expect(plan.score.priorityPlaced == 320)
        #expect(try week.instance.check(week.routes(of: plan)).get() == 320)
        #expect(
            PlanAudit(problem: week.problem, timetable: week.timetable).findings(for: plan).filter {
                $0.severity == .error
            }.isEmpty)
        // The same seed and effort give the same tours.
        #expect(week.routes(of: solve()) == week.routes(of: plan))
    }

    @Test func theCheckRefusesBrokenTours() throws {
        let problem = try TOPTWFile.read(Self.c101, tours: 2)
        #expect(throws: OrienteeringError.self) { try problem.check([[1, 1]]).get() }
        #expect(throws: OrienteeringError.self) { try problem.check([[1], [2], [3]]).get() }
        // Customer 1 opens at 912 and closes at 967; customer 2 (after it) closes long before.
        #expect(throws: OrienteeringError.self) { try problem.check([[1, 2]]).get() }
        #expect(try problem.check([[], []]).get() == 0)
    }

    @Test func aFileWithoutVertexLinesIsAnError() {
        #expect {
            try TOPTWFile.parse("4 10 100 1\n0 200\n", tours: 1, distanceDecimals: 1, file: "empty.txt")
        } throws: { error in
            "\(error)".contains("empty.txt") && "\(error)".contains("no vertex lines")
        }
    }
}
