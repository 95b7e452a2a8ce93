import ArgumentParser
import Foundation
import Itinerary
import Planner
import Schedules

/// `tiaoqi bench toptw`: the planner's orienteering search on a literature TOPTW instance; prints its tours.
struct TOPTWBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toptw", abstract: "Solve a TOPTW benchmark instance (Benchmarks/toptw/instances format) and print the score and tours.")

    @Argument(help: "The instance file (c101.txt, pr01.txt, …).")
    var file: String

    @Option(name: .long, help: "Number of tours (m).")
    var tours = 1

    @Option(name: .long, help: "Seconds to search.")
    var seconds = 10.0

    @Option(name: .long, help: "Seed of the search.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "table or json.")
    var format: OutputFormat = .json

    func validate() throws {
        guard (1...20).contains(tours) else { throw ValidationError("--tours must be 1 to 20") }
        guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
    }

    func run() throws {
        let problem: OrienteeringProblem
        do {
            problem = try TOPTWFile.read(file, tours: tours)
        } catch {
            throw Failure.exit(for: error)
        }
        let clock = Stopwatch()
        let found = OrienteeringSolver(problem: problem).solve(seconds: seconds, seed: seed)
        let elapsed = clock.lap()
        // The tours are checked apart from the search before they are reported.
        switch problem.check(found.routes) {
        case .failure(let error):
            FileHandle.standardError.write(Data("tiaoqi: the search returned infeasible tours (a bug): \(error)\n".utf8))
            throw ExitCode(1)
        case .success(let score) where score != found.score:
            FileHandle.standardError.write(Data("tiaoqi: the search scored its tours \(found.score), the check \(score) (a bug)\n".utf8))
            throw ExitCode(1)
        case .success:
            break
        }
        let instance = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        switch format {
        case .json:
            let report: [String: Any] = ["instance": instance, "tours": tours, "score": found.score, "routes": found.routes, "seconds": elapsed]
            print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
        case .table:
            print("\(instance), \(tours) tour(s): score \(found.score) in \(String(format: "%.1f", elapsed)) s")
            for (k, route) in found.routes.enumerated() { print("  tour \(k + 1): 0 " + route.map(String.init).joined(separator: " ") + " 0") }
        }
    }
}
