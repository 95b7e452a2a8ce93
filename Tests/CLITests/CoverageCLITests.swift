import Foundation
import TestSupport
import Testing

@Suite("A week or date the timetable does not cover")
struct CoverageCLITests {
    /// A copy of the quickstart week (Xuzhou, Nanjing, Suzhou, Shanghai) moved to the week of `monday` (to Friday).
    func quickstart(movedTo monday: String, friday: String) -> String {
        let folder = Fixtures.copy(Fixtures.quickstart)
        Fixtures.edit("\(folder)/plan.yaml", replacing: "start: 2022-03-07", with: "start: \(monday)")
        Fixtures.edit("\(folder)/plan.yaml", replacing: "end: 2022-03-11", with: "end: \(friday)")
        return folder
    }

    @Test func planningAWeekOutsideTheTimetableExitsTwoNamingTheCoveredDates() throws {
        let folder = quickstart(movedTo: "2022-08-01", friday: "2022-08-05")
        let run = try tiaoqi(["plan", folder, "--seconds", "0.05"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        // At the plan.yaml line naming the week, with the dates the network covers and what to do.
        #expect(run.stderr.contains("plan.yaml:5: the network does not cover this week"), "\(run.stderr)")
        #expect(run.stderr.contains("no train, flight or bus on 2022-08-01 to 2022-08-05"))
        #expect(run.stderr.contains("2022-01-10 to 2022-06-30"))
        #expect(run.stderr.contains("use a timetable that covers the week, or plan a week inside 2022-01-10"))
    }

    /// One uncovered day is enough: a week running past the season's last day.
    @Test func aWeekRunningPastTheSeasonNamesTheUncoveredDays() throws {
        let folder = quickstart(movedTo: "2022-06-27", friday: "2022-07-01")
        let run = try tiaoqi(["plan", folder, "--seconds", "0.05"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("on 2022-07-01 (its services run from 2022-01-10 to 2022-06-30)"), "\(run.stderr)")
    }

    @Test(arguments: [
        ["--depart", "2022-08-01T07:00+08:00"], ["--arrive-by", "2022-08-01T18:00"], ["--profile", "2022-08-01"],
    ])
    func routeOnAnUncoveredDateExitsTwoInsteadOfDriving(when: [String]) throws {
        let run = try tiaoqi(["route", "xuzhou", "shanghai"] + when)
        #expect(run.status == 2)
        #expect(!run.stdout.contains("car"))
        #expect(run.stderr.contains("schedules/network: the timetable runs no train, flight or bus on 2022-08-01"))
        #expect(run.stderr.contains("2022-01-10 to 2022-06-30"), "\(run.stderr)")
    }

    /// The week after the sample week is inside the season: the officer goes by train, not by car, between Xuzhou,
    /// Nanjing and Shanghai (with a network of the sample week only, both legs were drives).
    @Test func theWeekAfterTheSampleWeekPlansWithTrains() throws {
        let folder = quickstart(movedTo: "2022-03-14", friday: "2022-03-18")
        let run = try tiaoqi(["plan", folder, "--format", "json", "--seconds", "0.2"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let legs = try #require(plan["legs"] as? [[String: Any]])
        let cities: Set<String> = ["xuzhou", "nanjing", "shanghai", "suzhou"]
        let between = legs.filter { leg in
            let from = leg["from_city"] as? String ?? ""
            let to = leg["to_city"] as? String ?? ""
            return from != to && cities.contains(from) && cities.contains(to)
        }
        let touched = Set(between.flatMap { [$0["from_city"] as! String, $0["to_city"] as! String] })
        #expect(touched.isSuperset(of: ["xuzhou", "nanjing", "shanghai"]), "\(touched)")
        for leg in between {
            let modes = (leg["parts"] as? [[String: Any]] ?? []).compactMap { $0["mode"] as? String }
            #expect(modes.contains("rail") && !modes.contains("car"), "\(leg)")
        }
    }
}
