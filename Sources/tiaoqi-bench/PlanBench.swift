import ArgumentParser
import Audit
import Foundation
import GTFS
import Itinerary
import Messages
import Planner
import Schedules
import Synchronization
import Timeline
import Travel

/// `tiaoqi-bench plan`: a synthetic bureau planned at several efforts; prints JSON.
struct PlanBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract:
            "Generate a bureau (staff, clients, cities, calendars, timetable), plan its week at each effort, audit it; prints JSON."
    )

    @Option(name: .long, help: "Staff members.")
    var staff = 100

    @Option(name: .long, help: "Candidate clients.")
    var clients = 2_000

    @Option(name: .long, help: "Cities of the generated network.")
    var cities = 30

    @Option(
        name: .long, parsing: .upToNextOption,
        help: "Search efforts to measure, in the planner's seconds (0: the first plan only).")
    var seconds: [Double] = [0, 10, 60]

    @Flag(
        name: .long,
        help:
            "Read --seconds as wall-clock seconds from the start of each solve (the search stops then), not as the planner's effort."
    )
    var wall = false

    @Option(name: .long, help: "Independent searches side by side.")
    var threads = 2

    @Option(name: .long, help: "Seed of the bureau, the network and the search.")
    var seed: UInt64 = 1

    func validate() throws {
        guard staff >= 1, clients >= 1 else { throw ValidationError("--staff and --clients must be positive") }
        guard cities >= 2 else { throw ValidationError("--cities must be at least 2") }
        guard !seconds.isEmpty, seconds.allSatisfy({ $0 >= 0 }) else {
            throw ValidationError("--seconds takes efforts of 0 or more")
        }
    }

    func run() throws {
        let folder = NSTemporaryDirectory() + "/tiaoqi-bureau-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var network = NetworkGenerator(stations: cities * 5 / 2, tripsPerDay: cities * 40, days: 7, seed: seed)
        try network.write(to: folder)
        let clock = Stopwatch()
        let timetable = try NetworkLoader.load(folder: folder)
        let days = (0..<5).map { network.firstDay.adding(days: $0) }
        let problem = BureauGenerator(staff: staff, clients: clients, seed: seed)
            .problem(timetable: timetable, cities: network.cities.map(\.id), days: days)
        let router = Router(timetable: timetable, rules: problem.travelRules, dates: days)
        let setupSeconds = clock.lap()
        var runs: [[String: Any]] = []
        for effort in seconds {
            clock.reset()
            var options = Planner.Options(seed: seed, seconds: wall ? 86_400 : effort, threads: threads)
            if wall { options.wallSeconds = effort }
            let planner = Planner(problem: problem, router: router, options: options)
            let profileSeconds = clock.lap()
            let firstWeek = Mutex<Double?>(nil)
            let started = DispatchTime.now().uptimeNanoseconds
            let plan = planner.solve { percent in
                firstWeek.withLock {
                    if $0 == nil && percent == 0 { $0 = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
                }
            }
            let solveSeconds = clock.lap()
            let findings = PlanAudit(problem: problem, timetable: timetable).findings(for: plan)
                .filter { $0.severity == .error && $0.rule != .mustVisitLeftOut }
            // What the audit found, on stderr: a benchmark run that breaks a rule says which.
            for finding in findings.prefix(10) {
                FileHandle.standardError.write(Data("audit: \(finding.rule): \(finding.message.text(.en))\n".utf8))
            }
            let score = plan.score
            runs.append([
                wall ? "wall_seconds" : "effort_seconds": effort, "profile_seconds": profileSeconds,
                "solve_seconds": solveSeconds,
                "first_feasible_seconds": firstWeek.withLock { $0 } ?? solveSeconds,
                "must_visits": "\(score.mustVisitsPlaced)/\(score.mustVisitsTotal)", "priority": score.priorityPlaced,
                "priority_total": score.priorityTotal, "visits": plan.visits.count,
                "travel_minutes": score.travelMinutes,
                "cost": score.cost.rounded(), "nights": score.nightsAway, "audit_errors": findings.count,
                "peak_rss_mb": Stopwatch.peakMegabytes(),
            ])
        }
        let report: [String: Any] = [
            "staff": staff, "clients": clients, "cities": timetable.cities.count, "stops": timetable.stops.count,
            "threads": threads, "setup_seconds": setupSeconds, "runs": runs, "peak_rss_mb": Stopwatch.peakMegabytes(),
        ]
        print(
            String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
    }
}
