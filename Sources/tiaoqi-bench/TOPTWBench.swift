import ArgumentParser
import Audit
import BenchSupport
import Foundation
import Itinerary
import Planner
import Schedules
import Travel

/// `tiaoqi-bench toptw`: a literature TOPTW instance planned as a week by `Planner` (what `tiaoqi plan` runs); prints its tours.
struct TOPTWBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toptw",
        abstract:
            "Solve a TOPTW benchmark instance (Benchmarks/toptw/instances format) with the planner `tiaoqi plan` runs; print the score and tours."
    )

    @Argument(help: "The instance file (c101.txt, pr01.txt, …).")
    var file: String

    @Option(name: .long, help: "Number of tours (m).")
    var tours = 1

    @Option(name: .long, help: "Seconds to search.")
    var seconds = 10.0

    @Option(
        name: .long,
        help:
            "Stop the search by its effort (the planner's seconds of a reference machine, as `tiaoqi plan --seconds`) instead of the clock: the same seed gives the same tours on any machine."
    )
    var effort: Double?

    @Option(name: .long, help: "Seed of the search.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Also write the instance as a schedule folder `tiaoqi plan` reads (scores 1–10 only).")
    var export: String?

    @Option(name: .long, help: "table or json.")
    var format: OutputFormat = .json

    func validate() throws {
        guard (1...20).contains(tours) else { throw ValidationError("--tours must be 1 to 20") }
        guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
        if let effort, effort < 0 { throw ValidationError("--effort must be 0 or more") }
    }

    func run() throws {
        let instance = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let week: TOPTWWeek
        do {
            week = try TOPTWWeek(try TOPTWFile.read(file, tours: tours), name: instance)
        } catch {
            throw Failure.exit(for: error)
        }
        if let export {
            do { try week.writeSchedule(to: export) } catch { throw Failure.exit(for: error) }
        }
        let clock = Stopwatch()
        // The planner `tiaoqi plan` runs, on one core, stopped by the clock (its effort, counted in checks, is set
        // out of reach: the peers are stopped by the clock too), or by its effort alone with `--effort`.
        var options = Planner.Options(seed: seed, seconds: effort ?? seconds * 100, threads: 1)
        if effort == nil { options.wallSeconds = seconds }
        let router = Router(timetable: week.timetable, rules: week.problem.travelRules, dates: week.problem.days)
        let plan = Planner(problem: week.problem, router: router, options: options).solve()
        let elapsed = clock.lap()
        let routes = week.routes(of: plan)
        let found = plan.visits.reduce(0) { total, visit in
            total + (week.problem.clients.first { $0.id == visit.client }?.priority ?? 0)
        }
        // The tours are checked apart from the search before they are reported: by the instance's own rules, and the
        // plan by the independent audit.
        let errors = PlanAudit(problem: week.problem, timetable: week.timetable).findings(for: plan).filter {
            $0.severity == .error
        }
        if let first = errors.first {
            FileHandle.standardError.write(
                Data("tiaoqi-bench: the plan fails the audit (a bug): \(first.rule.rawValue): \(first.message)\n".utf8))
            throw ExitCode(1)
        }
        switch week.instance.check(routes) {
        case .failure(let error):
            FileHandle.standardError.write(
                Data("tiaoqi-bench: the search returned infeasible tours (a bug): \(error)\n".utf8))
            throw ExitCode(1)
        case .success(let score) where score != found:
            FileHandle.standardError.write(
                Data("tiaoqi-bench: the plan scores \(found), the check \(score) (a bug)\n".utf8))
            throw ExitCode(1)
        case .success:
            break
        }
        switch format {
        case .json:
            let report: [String: Any] = [
                "instance": instance, "tours": tours, "score": found, "routes": routes, "seconds": elapsed,
            ]
            print(
                String(
                    decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self)
            )
        case .table:
            print("\(instance), \(tours) tour(s): score \(found) in \(String(format: "%.1f", elapsed)) s")
            for (k, route) in routes.enumerated() {
                print("  tour \(k + 1): 0 " + route.map(String.init).joined(separator: " ") + " 0")
            }
        }
    }
}
