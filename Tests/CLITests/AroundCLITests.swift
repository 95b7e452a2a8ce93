import Foundation
import TestSupport
import Testing

/// `tiaoqi plan SCHEDULE --around PLAN_OR_DIR...`: a week planned around another team's published week creates no
/// new clash with it, where the same week planned without it does.
@Suite struct AroundCLITests {
    /// The clash kinds `tiaoqi clashes` finds between gulou's week in `folder` and yunlong's published one.
    static func clashKinds(_ folder: String) async throws -> [String] {
        let run = try await tiaoqiOffThePool([
            "clashes", folder, "schedules/2022-w10/plans/yunlong", "--format", "json",
        ])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        return (report["clashes"] as? [[String: Any]] ?? []).compactMap { clash in
            guard let kind = clash["kind"] as? String, (clash["teams"] as? [String])?.count ?? 0 > 1 else { return nil }
            return kind
        }
    }

    @Test func aWeekPlannedAroundAnotherTeamsWeekDoesNotDoubleBookTheirSharedOfficer() async throws {
        let folder = Fixtures.temporaryFolder("around")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let common = ["plan", "schedules/2022-w10/districts/gulou", "--seconds", "0.3", "--format", "json"]
        let alone = try await tiaoqiOffThePool(common + ["--out", folder + "/alone"])
        #expect(alone.status <= 1, "\(alone.stderr)")
        let around = try await tiaoqiOffThePool(
            common + ["--out", folder + "/around", "--around", "schedules/2022-w10/plans/yunlong"])
        #expect(around.status <= 1, "\(around.stderr)")
        // 刘海峰 (liu) works in both teams: alone, gulou's week books him when yunlong's already does.
        #expect(try await Self.clashKinds(folder + "/alone").contains("double-booked"))
        #expect(!(try await Self.clashKinds(folder + "/around").contains("double-booked")))
    }
}
