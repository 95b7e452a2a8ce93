import Foundation
import TestSupport
import Testing

/// The TOPTW benchmark runs the product: an instance read by `tiaoqi-bench toptw` and the same instance written as a
/// schedule folder and read by `tiaoqi plan` (travel matrix, start and finish at the depot, windows from calendars) are one
/// week to the planner, and score the same.
@Suite("tiaoqi-bench toptw and tiaoqi plan agree")
struct TOPTWCLITests {
    @Test func aSmallInstanceScoresTheSameThroughBenchAndThroughPlansLoader() throws {
        // The depot and the first 20 customers of c101, scores divided by 10 (clients.csv takes priorities 1–10).
        let lines = try String(
            contentsOfFile: Fixtures.path("Tests/PlannerTests/Fixtures/toptw/c101.txt"), encoding: .utf8
        )
        .split(separator: "\n", omittingEmptySubsequences: false)
        let small =
            lines.prefix(3).map(String.init)
            + lines.dropFirst(3).prefix(20).map { line in
                var fields = line.split(separator: " ").map(String.init)
                fields[4] = String(Int(Double(fields[4])! / 10))
                return fields.joined(separator: " ")
            }
        let folder = Fixtures.temporaryFolder("toptw-small")
        let instance = folder + "/small.txt"
        try small.joined(separator: "\n").write(toFile: instance, atomically: true, encoding: .utf8)
        let schedule = folder + "/week"
        let bench = try tiaoqiBench([
            "toptw", instance, "--tours", "1", "--seconds", "1", "--format", "json", "--export", schedule,
        ])
        #expect(bench.status == 0, "\(bench.stderr)")
        let benchScore = try #require(
            (try JSONSerialization.jsonObject(with: Data(bench.stdout.utf8)) as? [String: Any])?["score"] as? Int)
        let plan = try tiaoqi(["plan", schedule, "--seconds", "1", "--format", "json"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        let score = try #require((json["score"] as? [String: Any])?["priority_placed"] as? Int)
        #expect(score == benchScore)
        // Not a trivial instance: one tour cannot take every site.
        let total = try #require((json["score"] as? [String: Any])?["priority_total"] as? Int)
        #expect(benchScore > 10 && benchScore < total, "score \(benchScore) of \(total)")
        // The independent audit finds nothing wrong with the plan `plan` wrote.
        let written = folder + "/plan.json"
        try Data(plan.stdout.utf8).write(to: URL(fileURLWithPath: written))
        let check = try tiaoqi(["check", written, "--schedule", schedule])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func theBenchmarksAreASeparateExecutableNotACommandOfTheProduct() throws {
        let help = try tiaoqi(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("plan") && !help.stdout.lowercased().contains("bench"), "\(help.stdout)")
        let bench = try tiaoqi(["bench", "plan"])
        #expect(bench.status == 2, "\(bench.stdout)\(bench.stderr)")
        let benchHelp = try tiaoqiBench(["--help"])
        #expect(benchHelp.status == 0)
        for command in ["calendar", "feeds", "travel", "toptw", "plan", "clashes"] {
            #expect(benchHelp.stdout.contains(command), "\(command) missing from: \(benchHelp.stdout)")
        }
        // A usage error exits 2, as in `tiaoqi`.
        #expect(try tiaoqiBench(["toptw", "x.txt", "--tours", "0"]).status == 2)
    }
}
