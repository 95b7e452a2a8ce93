import GTFS
import TestSupport
import Testing
import Timeline
import Travel

@Suite("Precomputed travel times agree with the router")
struct TravelTimesTests {
    func check(_ router: Router, cities: [String], seed: UInt64, queries: Int, days: ClosedRange<Int>, first: Instant) {
        let times = TravelTimes(router: router)
        var random = SplitMix(state: seed)
        var answered = 0
        for _ in 0..<queries {
            let a = random.pick(cities)
            let b = random.pick(cities)
            let origin = router.timetable.cities[a]!
            let destination = router.timetable.cities[b]!
            // Places near, not at, the city centres, so access times differ by stop.
            let from = Place(
                cityID: a, coordinate: Coordinate(lat: origin.coordinate.lat + 0.02, lon: origin.coordinate.lon - 0.03),
                label: a)
            let to = Place(
                cityID: b,
                coordinate: Coordinate(lat: destination.coordinate.lat - 0.01, lon: destination.coordinate.lon + 0.02),
                label: b)
            let start = first + Int64(random.int(days.lowerBound * 1440...days.upperBound * 1440)) * 60
            let looked = times.earliestArrival(from: from, to: to, notBefore: start)
            let scanned = router.earliestArrival(from: from, to: to, notBefore: start)?.arrive
            #expect(looked == scanned, "\(a)→\(b) at \(start.iso8601)")
            if looked != nil && a != b { answered += 1 }
        }
        #expect(answered >= queries / 3, "too few journeys between different cities to tell anything")
        // Batched stop-to-stop lookups answer as single ones do.
        let stops = router.timetable.stops.indices
        let questions = (0..<500).map { _ in
            TravelTimes.Question(
                from: random.pick(Array(stops)), to: random.pick(Array(stops)),
                ready: (first + Int64(random.int(0...(days.upperBound * 1440))) * 60).seconds)
        }
        #expect(
            times.earliestArrivals(questions)
                == questions.map { times.earliestArrival(fromStop: $0.from, toStop: $0.to, readyAt: $0.ready) ?? .max })
        #expect(
            questions.contains { times.earliestArrival(fromStop: $0.from, toStop: $0.to, readyAt: $0.ready) != nil })
    }

    @Test func onTheSampleNetwork() throws {
        let timetable = try NetworkLoader.load(folder: Fixtures.network)
        let days = (7...13).map { LocalDate(year: 2022, month: 3, day: $0)! }
        let router = Router(timetable: timetable, rules: TravelRules(), dates: days)
        check(
            router, cities: timetable.cities.keys.sorted(), seed: 5, queries: 400, days: 0...5,
            first: Instant(iso8601: "2022-03-07T00:00:00+08:00")!)
    }

    @Test(arguments: [3, 17, 40, 41, 77])
    func onRandomFeeds(seed: Int) throws {
        let feed = RandomFeed(seed: UInt64(seed))
        var rules = TravelRules()
        rules.maximumRoadKilometres = seed % 2 == 0 ? 0 : 400
        let router = try BruteForceTests.load(feed, rules: rules)
        let first = Instant(seconds: feed.noonMinusTwelve(day: 0))
        check(
            router, cities: router.timetable.cities.keys.sorted(), seed: UInt64(seed), queries: 100, days: 0...4,
            first: first)
    }
}
