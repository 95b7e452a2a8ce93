import Foundation
import GTFS
import TestSupport
import Testing
import Timeline
import Travel

@Suite("Routing on the sample network")
struct SampleNetworkTests {
    let timetable: Timetable
    let router: Router
    let rules: TravelRules

    init() throws {
        var rules = TravelRules()
        rules.accessMinutes = 40
        self.rules = rules
        timetable = try NetworkLoader.load(folder: Fixtures.network)
        let days = (7...13).map { LocalDate(year: 2022, month: 3, day: $0)! }
        router = Router(timetable: timetable, rules: rules, dates: days)
    }

    func place(_ city: String) -> Place {
        let center = timetable.cities[city]!
        return Place(cityID: city, coordinate: center.coordinate, label: city)
    }

    @Test func xuzhouToShanghaiInTheMorningIsATrainWithTaxiAndCheckIn() throws {
        let start = Instant(iso8601: "2022-03-07T07:00:00+08:00")!
        let journey = try #require(
            router.earliestArrival(from: place("xuzhou"), to: place("shanghai"), notBefore: start))
        let trains = journey.services
        #expect(!trains.isEmpty)
        #expect(trains.allSatisfy { $0.mode == .rail && ($0.service ?? "").first.map { "GDC".contains($0) } == true })
        #expect(journey.parts.first?.mode == .taxi)
        #expect(journey.parts.first!.arrive - journey.parts.first!.depart == 40 * 60)
        #expect(trains[0].depart - journey.parts.first!.arrive >= 20 * 60)
        #expect(journey.depart >= start)
        #expect(timetable.stop(id: trains.last!.to)?.cityID == "shanghai")
        // Xuzhou East to Shanghai takes about 2.5 h by train; door to door with taxis and check-in under 4.5 h.
        #expect(journey.seconds < 4 * 3600 + 30 * 60)
        for train in trains {
            #expect(
                timetable.hasService(
                    train.service!, from: train.from, to: train.to, depart: train.depart, arrive: train.arrive))
        }
    }

    @Test func flightsNeedAnHourAtTheAirport() throws {
        let start = Instant(iso8601: "2022-03-08T06:00:00+08:00")!
        let journey = try #require(
            router.earliestArrival(from: place("xuzhou"), to: place("shenzhen"), notBefore: start))
        for (index, part) in journey.parts.enumerated() where part.mode == .air {
            #expect(part.depart - journey.parts[index - 1].arrive >= 60 * 60)
        }
    }

    @Test func theEarliestArrivalNeverImprovesByLeavingLater() throws {
        var previous: Instant?
        for hour in stride(from: 6, through: 18, by: 2) {
            let start = Instant(iso8601: "2022-03-09T\(hour < 10 ? "0" : "")\(hour):00:00+08:00")!
            let journey = try #require(
                router.earliestArrival(from: place("beijing"), to: place("nanjing"), notBefore: start))
            if let previous { #expect(journey.arrive >= previous) }
            previous = journey.arrive
        }
    }

    @Test func serviceExceptionsAndTripsPastMidnight() {
        // calendar_dates.txt cancels G203 on Wed 2022-03-09.
        let tuesday = Instant(iso8601: "2022-03-08T07:02:00+08:00")!
        let tuesdayArrival = Instant(iso8601: "2022-03-08T09:50:00+08:00")!
        #expect(timetable.hasService("G203", from: "XZE", to: "SHHQ", depart: tuesday, arrive: tuesdayArrival))
        #expect(
            !timetable.hasService(
                "G203", from: "XZE", to: "SHHQ", depart: tuesday + 86_400, arrive: tuesdayArrival + 86_400))
        // ZH9844 leaves Xuzhou at 22:05 and lands at 24:35:00, i.e. 00:35 the next morning.
        #expect(
            timetable.hasService(
                "ZH9844", from: "XUZ", to: "SZX", depart: Instant(iso8601: "2022-03-07T22:05:00+08:00")!,
                arrive: Instant(iso8601: "2022-03-08T00:35:00+08:00")!))
    }

    @Test func insideOneCityItIsATaxi() throws {
        let a = Place(cityID: "nanjing", coordinate: Coordinate(lat: 32.05, lon: 118.78), label: "A")
        let b = Place(cityID: "nanjing", coordinate: Coordinate(lat: 32.15, lon: 118.70), label: "B")
        let journey = try #require(router.earliestArrival(from: a, to: b, notBefore: Instant(seconds: 0)))
        #expect(journey.parts.map(\.mode) == [.taxi])
        let km = a.coordinate.kilometres(to: b.coordinate)
        #expect(abs(Double(journey.seconds) - km * 1.4 / 30 * 3600) < 60)
    }

    @Test func unknownCitiesGetCloseMatches() {
        #expect(timetable.citiesResembling("shanghia").first?.id == "shanghai")
        #expect(timetable.citiesResembling("徐州").first?.id == "xuzhou")
    }
}

@Suite("Networks without Tiaoqi's city files")
struct PlainGTFSTests {
    @Test func stationsAndLoneStopsBecomeThePlaces() throws {
        let folder = Fixtures.temporaryFolder("gtfs")
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.network)
        where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(atPath: "\(Fixtures.network)/\(name)", toPath: "\(folder)/\(name)")
        }
        // Make Shanghai Hongqiao a platform of a parent station.
        var stops = try String(contentsOfFile: "\(folder)/stops.txt", encoding: .utf8).components(separatedBy: "\n")
        let header = stops[0].trimmingCharacters(in: .whitespacesAndNewlines)
        let columns = header.split(separator: ",").count
        stops[0] = header + ",location_type,parent_station"
        for index in stops.indices.dropFirst() where !stops[index].isEmpty {
            let row = stops[index].trimmingCharacters(in: .whitespacesAndNewlines)
            stops[index] = row + (row.hasPrefix("SHHQ,") ? ",0,HONGQIAO" : ",0,")
        }
        stops.append("HONGQIAO,虹桥枢纽 Hongqiao Hub,31.19,121.33" + String(repeating: ",", count: columns - 4) + ",1,")
        try stops.joined(separator: "\n").write(toFile: "\(folder)/stops.txt", atomically: true, encoding: .utf8)

        let timetable = try NetworkLoader.load(folder: folder)
        #expect(timetable.stops.allSatisfy { timetable.cities[$0.cityID] != nil })
        #expect(timetable.stop(id: "SHHQ")?.cityID == "HONGQIAO")
        #expect(timetable.place(named: "XZE") == .stop(timetable.stop(id: "XZE")!))
        #expect(timetable.place(named: "hongqiao").map { if case .city = $0 { true } else { false } } == true)
        let days = (7...9).map { LocalDate(year: 2022, month: 3, day: $0)! }
        let router = Router(timetable: timetable, rules: TravelRules(), dates: days)
        let journey = try #require(
            router.earliestArrival(
                fromStop: "XZE", toStop: "SHHQ", notBefore: Instant(iso8601: "2022-03-07T07:00:00+08:00")!))
        #expect(journey.parts.allSatisfy { $0.mode == .rail })
        #expect(journey.depart >= Instant(iso8601: "2022-03-07T07:00:00+08:00")!)
    }
}
