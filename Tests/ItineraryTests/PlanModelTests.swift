import Foundation
import Itinerary
import Messages
import Testing
import Timeline
import Travel

@Suite("The plan model")
struct PlanModelTests {
    @Test func scoresCompareLexicographically() {
        func score(must: Int = 1, priority: Int = 10, travel: Int = 100, cost: Double = 500, nights: Int = 1) -> Score {
            Score(
                mustVisitsPlaced: must, mustVisitsTotal: 2, priorityPlaced: priority, priorityTotal: 50,
                travelMinutes: travel, cost: cost, nightsAway: nights)
        }
        #expect(score(must: 2, priority: 1) < score(must: 1, priority: 40))
        #expect(score(priority: 11, travel: 900) < score(priority: 10, travel: 100))
        #expect(score(travel: 99, cost: 9000) < score(travel: 100, cost: 1))
        #expect(score(cost: 400, nights: 3) < score(cost: 500, nights: 0))
        #expect(score(nights: 0) < score(nights: 1))
    }

    @Test func plansRoundTripThroughJSON() throws {
        let start = Instant(iso8601: "2022-03-07T02:00:00Z")!
        let journey = Journey(
            depart: start - 3600, arrive: start,
            parts: [
                Journey.Part(
                    mode: .rail, service: "G105", tripID: "t1", from: "XZE", to: "NJS", depart: start - 3600,
                    arrive: start, price: 152.5)
            ])
        let plan = Plan(
            schedule: "../schedules/2022-w10", name: "周计划", timeZone: "Asia/Shanghai",
            days: [LocalDate(iso: "2022-03-07")!], seed: 7,
            visits: [
                ScheduledVisit(
                    client: "nj01", clientName: "南京", city: "nanjing", staff: ["zhou"], start: start, end: start + 3600)
            ],
            legs: [
                Leg(person: "zhou", fromCity: "xuzhou", toCity: "nanjing", from: "home", to: "南京", journey: journey)
            ],
            stays: [Stay(person: "zhou", city: "nanjing", night: LocalDate(iso: "2022-03-07")!, cost: 450)],
            leftOut: [
                LeftOut(client: "x", clientName: "X", mustVisit: false, priority: 3, reasons: [.verbatim("why")])
            ],
            score: Score(
                mustVisitsPlaced: 0, mustVisitsTotal: 0, priorityPlaced: 5, priorityTotal: 8, travelMinutes: 60,
                cost: 602.5, nightsAway: 1))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(plan)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"trip_id\":\"t1\""))
        #expect(text.contains("\"start\":\"2022-03-07T02:00:00Z\""))
        #expect(text.contains("\"night\":\"2022-03-07\""))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try decoder.decode(Plan.self, from: data) == plan)
        #expect(plan.people == ["zhou"])
        #expect(plan.legs[0].price == 152.5)
    }
}
