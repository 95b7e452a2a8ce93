import Itinerary
import Testing
import Timeline
import Travel

@Suite("A kept plan's bookings")
struct KeptPlanTests {
    static let monday = LocalDate(iso: "2022-03-07")!

    static func leg(_ person: String, leaving start: Instant, booked: Bool?) -> Leg {
        let part = Journey.Part(
            mode: .rail, service: "G105", tripID: "t-\(person)", from: "XZE", to: "NJS", depart: start,
            arrive: start + 5400, price: 152.5)
        var leg = Leg(
            person: person, fromCity: "xuzhou", toCity: "nanjing", from: "home", to: "nj01",
            journey: Journey(depart: start - 1800, arrive: start + 6000, parts: [part]))
        leg.booked = booked
        return leg
    }

    @Test func onlyTheLegsMarkedBookedBecomeBoughtTickets() {
        let start = Instant(iso8601: "2022-03-07T00:30:00Z")!
        let booked = Self.leg("zhou", leaving: start, booked: true)
        let kept = Plan(
            schedule: nil, name: "week", timeZone: "Asia/Shanghai", days: [Self.monday], seed: 1, visits: [],
            legs: [
                booked, Self.leg("chen", leaving: start, booked: false), Self.leg("liu", leaving: start, booked: nil),
            ], stays: [],
            leftOut: [],
            score: Score(
                mustVisitsPlaced: 0, mustVisitsTotal: 0, priorityPlaced: 0, priorityTotal: 0, travelMinutes: 0, cost: 0,
                nightsAway: 0))
        #expect(kept.bookedLegs == [booked])
        let problem = Problem(
            name: "week", zone: Zone(identifier: "Asia/Shanghai")!, days: [Self.monday], staff: [], clients: [],
            travelRules: TravelRules(),
            hotelCost: 400)
        let keeping = problem.keepingBookings(of: kept)
        #expect(keeping.bookedLegs == [booked])
        // Without a kept plan there are no bought tickets, whatever the problem held before.
        #expect(keeping.keepingBookings(of: nil).bookedLegs.isEmpty)
    }
}
