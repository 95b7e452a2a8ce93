import Audit
import Foundation
import Itinerary
import Messages
import Planner
import Reports
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

/// Issue 16's rule for drives between cities: a drive is a hired car with a driver, says so, is priced at the hire
/// rate for its road kilometres, and is used only within the longest drive the plan allows.
@Suite("Drives between cities by hired car")
struct HiredCarTests {
    static let folder = Fixtures.path("Tests/AuditTests/Fixtures/hired-car")

    /// Road kilometres as docs/FORMATS.md defines them, worked out here: the great circle (mean Earth radius) times
    /// the detour factor.
    static func roadKilometres(_ a: Coordinate, _ b: Coordinate, detour: Double) -> Double {
        let radians = Double.pi / 180
        let haversine =
            pow(sin((b.lat - a.lat) * radians / 2), 2)
            + cos(a.lat * radians) * cos(b.lat * radians) * pow(sin((b.lon - a.lon) * radians / 2), 2)
        return 2 * 6371.0088 * asin(sqrt(haversine)) * detour
    }

    @Test func theOfficerDrivesByHiredCarPricedByTheKilometre() async throws {
        let (schedule, plan, audit) = try await solvedWeek(Self.folder)
        #expect(audit.findings(for: plan).filter { $0.severity == .error }.isEmpty)
        let client = try #require(schedule.problem.clients.first)
        let home = try #require(schedule.problem.staff.first?.home)
        // The evening train is too late for the 10:00–12:00 meeting: there and back by car the same day.
        #expect(plan.visits.map(\.client) == ["sq-food"])
        #expect(plan.stays.isEmpty)
        #expect(plan.legs.count == 2)
        let kilometres = Self.roadKilometres(home.coordinate, client.place.coordinate, detour: 1.4)
        #expect(kilometres > 140 && kilometres < 160)
        for leg in plan.legs {
            #expect(leg.parts.map(\.mode) == [.car])
            #expect(leg.price == (kilometres * 3).rounded())
        }
        let person = try #require(plan.score.people?.first)
        #expect(person.tickets == 2 * (kilometres * 3).rounded())
        #expect(plan.score.cost == person.tickets)
        // Said as a hired car with a driver, in each language, in the table, the calendar and the report.
        for (language, words) in [(Language.en, "hired car with driver"), (.zh, "包车（含司机）")] {
            let table = PlanText.render(
                plan, problem: schedule.problem, timetable: schedule.timetable, language: language)
            #expect(table.contains(words))
            let calendar = try #require(
                PlanCalendars.render(
                    plan, problem: schedule.problem, timetable: schedule.timetable, language: language)[
                        "wang"])
            #expect(calendar.contains("SUMMARY:\(words)"))
            if language == .zh { #expect(!table.contains("home") && !calendar.contains("home")) }
        }
    }

    @Test func theAuditWorksOutTheHireAndTheLongestDriveItself() async throws {
        let (schedule, plan, audit) = try await solvedWeek(Self.folder)
        // A hire written lower than the rate times the distance.
        var cheap = plan
        cheap.legs[0].parts[0].price = 100
        let price = audit.findings(for: cheap).filter { $0.rule == .wrongPrice }
        #expect(price.count == 1)
        #expect(price.first?.message.text(.zh).contains("¥100") == true)
        // The same plan under a rule of at most 100 km by road: both drives are too far.
        var problem = schedule.problem
        problem.travelRules.maximumRoadKilometres = 100
        let strict = PlanAudit(problem: problem, timetable: schedule.timetable)
        #expect(strict.findings(for: plan).filter { $0.rule == .driveTooFar }.count == 2)
    }

    @Test func noDriveBetweenCitiesIsLongerThanMaxRoadKm() async throws {
        let folder = Fixtures.temporaryFolder("hired-car")
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: Self.folder, toPath: folder)
        let yaml = try String(contentsOfFile: "\(folder)/plan.yaml", encoding: .utf8)
        try yaml.replacingOccurrences(of: "car_hire_per_km: 3", with: "car_hire_per_km: 3\n  max_road_km: 100")
            .write(toFile: "\(folder)/plan.yaml", atomically: true, encoding: .utf8)
        let (schedule, plan, audit) = try await solvedWeek(folder)
        #expect(schedule.travelRules.maximumRoadKilometres == 100)
        #expect(audit.findings(for: plan).filter { $0.severity == .error }.isEmpty)
        // No car between the cities: the evening trains, a night in Suqian, and the meeting kept.
        #expect(!plan.legs.contains { leg in leg.parts.contains { $0.mode == .car } })
        #expect(plan.visits.map(\.client) == ["sq-food"])
        #expect(plan.legs.flatMap { $0.parts.compactMap(\.service) } == ["K1", "K2"])
        #expect(plan.stays.map(\.city) == ["suqian"])
    }
}
