import Testing
import Timeline
import Travel

@Suite("Journeys on whole minutes")
struct WholeMinuteTests {
    /// A train into B's main station, whose way to a door takes an hour, then a taxi to the other station (ten
    /// minutes from any door): the change taxi arrives mid-minute, and the taxi to the door leaves from there. Found
    /// by the benchmark (seed 3), where the plan's last taxi left at 12:30 after arriving at S9 at 12:31.
    func journeyWithAChangeTaxi() throws -> Journey {
        let source = SourceLine(file: "stop_times.txt", line: 2)
        var records = TimetableRecords(zone: Zone(identifier: "Asia/Shanghai")!)
        records.cities = [
            City(id: "a", name: "A", nameZh: "", coordinate: Coordinate(lat: 34, lon: 117), timeZone: "Asia/Shanghai"),
            City(id: "b", name: "B", nameZh: "", coordinate: Coordinate(lat: 31, lon: 121), timeZone: "Asia/Shanghai"),
        ]
        records.stops = [
            .init(id: "A", name: "A", coordinate: Coordinate(lat: 34, lon: 117), zoneID: nil, source: source),
            .init(id: "B1", name: "B1", coordinate: Coordinate(lat: 31, lon: 121), zoneID: nil, source: source),
            .init(id: "B2", name: "B2", coordinate: Coordinate(lat: 31, lon: 121.03), zoneID: nil, source: source),
        ]
        records.cityStops = [
            .init(stopID: "A", cityID: "a", source: source),
            .init(stopID: "B1", cityID: "b", source: source, accessMinutes: 60),
            .init(stopID: "B2", cityID: "b", source: source, accessMinutes: 10),
        ]
        records.routes = [.init(id: "R", shortName: "G", longName: "", mode: .rail, source: source)]
        records.trips = [.init(id: "T", routeID: "R", serviceID: "S", shortName: "G1", source: source)]
        records.stopTimes = [
            .init(tripID: "T", arrival: 8 * 3600, departure: 8 * 3600, stopID: "A", sequence: 1, source: source),
            .init(tripID: "T", arrival: 12 * 3600, departure: 12 * 3600, stopID: "B1", sequence: 2, source: source),
        ]
        records.services = [
            .init(
                id: "S", weekdays: Set((0..<7).map { Weekday(rawValue: $0)! }),
                start: LocalDate(year: 2022, month: 1, day: 1)!, end: LocalDate(year: 2022, month: 12, day: 31)!,
                source: source)
        ]
        let monday = LocalDate(year: 2022, month: 3, day: 7)!
        let router = Router(timetable: try Timetable(records), rules: TravelRules(), dates: [monday])
        let home = Place(cityID: "a", coordinate: Coordinate(lat: 34.01, lon: 117), label: "home")
        let client = Place(cityID: "b", coordinate: Coordinate(lat: 31, lon: 121.04), label: "client")
        return try #require(
            router.earliestArrival(from: home, to: client, notBefore: records.zone.instant(monday, TimeOfDay("06:00")!))
        )
    }

    @Test func aTaxiAfterAChangeTaxiLeavesNoEarlierThanItArrivesOnWholeMinutes() throws {
        let exact = try journeyWithAChangeTaxi()
        // Taxi to A, the train, the change taxi B1 → B2 arriving mid-minute, the taxi from B2 to the door.
        #expect(exact.parts.map(\.to) == ["A", "B1", "B2", "client"])
        #expect(exact.parts[2].mode == .taxi && exact.parts[2].arrive.seconds % 60 != 0)
        #expect(exact.parts[3].depart == exact.parts[2].arrive)
        let whole = exact.onWholeMinutes()
        for (before, after) in zip(whole.parts, whole.parts.dropFirst()) {
            #expect(before.arrive <= after.depart, "\(after.from) → \(after.to)")
        }
        for part in whole.parts {
            #expect(part.depart.seconds % 60 == 0 && part.arrive.seconds % 60 == 0 && part.depart <= part.arrive)
        }
        #expect(whole.parts[3].depart == whole.parts[2].arrive)
        #expect(whole.depart == whole.parts[0].depart && whole.arrive == whole.parts[3].arrive)
        #expect(whole.arrive == exact.arrive + (60 - exact.arrive.seconds % 60) % 60)
    }
}
