import Foundation
import Itinerary
import Planner
import Timeline
import Travel

/// A synthetic bureau for benchmarks: staff at home in the largest city with busy calendars, sectors and languages;
/// clients spread over the network's cities by size, with business hours minus busy time, a few must-visits,
/// delegations led by the bureau's leaders, booked visits, day limits and follow-ups. Deterministic for a seed.
struct BureauGenerator {
    var staff = 100
    var clients = 2_000
    var seed: UInt64 = 1

    static let sectors = ["半导体", "人工智能", "新能源", "生物医药", "新材料", "物流", "工程机械"]

    func problem(timetable: Timetable, cities: [String], days: [LocalDate]) -> Problem {
        var random = SplitMix64(state: seed &* 0x51_7CC1 &+ 3)
        let zone = timetable.zone
        let working = DailyHours("08:30-18:30")!
        let business = DailyHours("09:00-17:30")!
        func busyBlocks(_ count: Int, hours: DailyHours) -> IntervalSet {
            var busy = IntervalSet()
            for _ in 0..<count {
                let day = days[random.below(days.count)]
                let opens = hours.opens.minutes
                let closes = hours.closes.minutes
                let start = zone.instant(
                    day, TimeOfDay(minutes: opens + random.below(max(1, (closes - opens) / 30)) * 30))
                busy.insert(Interval(start, start + Int64(30 + random.below(6) * 30) * 60))
            }
            return busy
        }
        let home = timetable.cities[cities[0]]!
        var people: [Staff] = []
        for index in 0..<staff {
            let busy = busyBlocks(2 + random.below(6), hours: working)
            let sectors: Set<String> = [
                Self.sectors[random.below(Self.sectors.count)], Self.sectors[random.below(Self.sectors.count)],
            ]
            people.append(
                Staff(
                    id: "s\(index)", name: "职员\(index)",
                    home: Place(cityID: home.id, coordinate: home.coordinate, label: "home"),
                    workingHours: working, travelHours: DailyHours("06:30-22:30")!,
                    dailyTravelCapMinutes: 360 + random.below(5) * 60,
                    busy: busy, availability: working.intervals(on: days, in: zone).subtracting(busy),
                    maxNightsAway: random.below(4) == 0 ? 2 : nil,
                    languages: random.below(3) == 0 ? ["zh", "en"] : ["zh"],
                    sectors: sectors))
        }
        // Cities by a Zipf-like weight: the largest get the most clients.
        let weights = cities.indices.map { 1 / pow(Double($0 + 1), 0.8) }
        let total = weights.reduce(0, +)
        func city() -> City {
            var draw = random.unit() * total
            for (index, weight) in weights.enumerated() {
                draw -= weight
                if draw <= 0 { return timetable.cities[cities[index]]! }
            }
            return timetable.cities[cities.last!]!
        }
        var list: [Client] = []
        for index in 0..<clients {
            let at = city()
            let place = Place(
                cityID: at.id,
                coordinate: Coordinate(
                    lat: at.coordinate.lat + (random.unit() - 0.5) * 0.2,
                    lon: at.coordinate.lon + (random.unit() - 0.5) * 0.2),
                label: "客户\(index)", id: "c\(index)")
            let free = business.intervals(on: days, in: zone).subtracting(
                busyBlocks(3 + random.below(12), hours: business))
            var client = Client(
                id: "c\(index)", name: "客户\(index)", place: place, address: "", priority: 1 + random.below(10),
                meetingMinutes: 45 + random.below(6) * 15, mustVisit: random.below(100) < 2,
                sector: Self.sectors[random.below(Self.sectors.count)], availability: free)
            switch random.below(100) {
            case 0..<10: client.eligible = [client.sector]
            case 10..<13: client.language = "en"
            case 13..<15: client.with = ["s\(random.below(3))"]
            case 15..<17: client.latestDay = days[1 + random.below(days.count - 1)]
            case 17..<19: client.earliestDay = days[random.below(days.count - 1)]
            case 19..<20 where index > 0: client.after = ["c\(random.below(index))"]
            default: break
            }
            list.append(client)
        }
        return Problem(
            name: "synthetic bureau", zone: zone, days: days, staff: people, clients: list, travelRules: TravelRules(),
            hotelCost: 450)
    }
}
