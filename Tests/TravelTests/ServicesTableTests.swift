import Foundation
import GTFS
import TestSupport
import Testing
import Timeline
import Travel

@Suite("services.csv: a timetable filled by hand, beside GTFS")
struct ServicesTableTests {
    static let table = Fixtures.path("examples/services-csv/table")
    static let gtfs = Fixtures.path("examples/services-csv/gtfs")

    /// The dates asked about: a week in spring, the Qingming holiday (G1902 does not run on 04-04), the last day.
    static let dates: [LocalDate] =
        (0..<8).map { LocalDate(iso: "2022-03-06")!.adding(days: $0) }
        + (0..<3).map { LocalDate(iso: "2022-04-03")!.adding(days: $0) } + [LocalDate(iso: "2022-06-30")!]

    /// A journey as people read it: every part's mode, service, stops, times and price (not the internal trip id).
    static func shown(_ journey: Journey?) -> [String] {
        guard let journey else { return ["none"] }
        return ["\(journey.depart.iso8601)–\(journey.arrive.iso8601)"]
            + journey.parts.map {
                "\($0.mode) \($0.service ?? "-") \($0.from)→\($0.to) \($0.depart.iso8601)–\($0.arrive.iso8601) \($0.price.map { String($0) } ?? "-")"
            }
    }

    @Test func theExamplePlansTheSameJourneysAsItsGTFS() throws {
        let fromTable = try NetworkLoader.load(folder: Self.table)
        let fromGTFS = try NetworkLoader.load(folder: Self.gtfs)
        #expect(fromTable.trips.count == fromGTFS.trips.count)
        let routers = [fromTable, fromGTFS].map { Router(timetable: $0, rules: TravelRules(), dates: Self.dates) }
        let stops = fromGTFS.stops.map(\.id).sorted()
        var compared = 0
        var found = 0
        for date in Self.dates {
            for hour in [0, 6, 10, 14, 20] {
                let start = fromGTFS.zone.instant(date, TimeOfDay(minutes: hour * 60))
                for a in stops {
                    for b in stops where b != a {
                        let journeys = routers.map { $0.earliestArrival(fromStop: a, toStop: b, notBefore: start) }
                        #expect(Self.shown(journeys[0]) == Self.shown(journeys[1]), "\(a)→\(b) from \(start.iso8601)")
                        compared += 1
                        if journeys[1] != nil { found += 1 }
                    }
                }
                let cities = fromGTFS.cities.values.sorted { $0.id < $1.id }
                for a in cities {
                    for b in cities where b.id != a.id {
                        let places = [a, b].map { Place(cityID: $0.id, coordinate: $0.coordinate, label: $0.name) }
                        let journeys = routers.map {
                            $0.earliestArrival(from: places[0], to: places[1], notBefore: start)
                        }
                        #expect(Self.shown(journeys[0]) == Self.shown(journeys[1]), "\(a.id)→\(b.id) \(start.iso8601)")
                    }
                }
            }
            for (a, b) in [("XZE", "AOH"), ("AOH", "XZE"), ("VNP", "AOH"), ("PVG", "NRT")] {
                let profiles = routers.map { $0.profile(fromStop: a, toStop: b, on: date).map { Self.shown($0) } }
                #expect(profiles[0] == profiles[1], "profile \(a)→\(b) on \(date)")
            }
        }
        // The comparison covers journeys that exist, not only "none" on both sides.
        #expect(found > compared / 10)
    }

    @Test func aGB18030CopyReadsTheSame() throws {
        let folder = Fixtures.temporaryFolder("services-gb18030")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["cities.csv", "city_stops.csv", "services.csv"] {
            let text = try String(contentsOfFile: "\(Self.table)/\(name)", encoding: .utf8)
            let bytes = try #require(text.data(using: GB18030.encoding))
            #expect(String(data: bytes, encoding: .utf8) == nil, "\(name) must not be valid UTF-8 once converted")
            try bytes.write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
        }
        let converted = try NetworkLoader.load(folder: folder)
        let original = try NetworkLoader.load(folder: Self.table)
        #expect(converted.archived() == original.archived())
    }

    /// The example with services.csv replaced by `rows` (after its header).
    func load(_ rows: [String]) throws -> Timetable {
        let folder = Fixtures.temporaryFolder("services-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["cities.csv", "city_stops.csv"] {
            try FileManager.default.copyItem(atPath: "\(Self.table)/\(name)", toPath: "\(folder)/\(name)")
        }
        try (["service,mode,stop,arrive,depart,days,valid_from,valid_to,price"] + rows).joined(separator: "\n")
            .write(toFile: "\(folder)/services.csv", atomically: true, encoding: .utf8)
        return try NetworkLoader.load(folder: folder, displayFolder: "net")
    }

    @Test(arguments: [
        (["G1,train,XZE,,8:1,1234567,2022-01-10,2022-06-30,", "G1,train,AOH,10:00,,,,,"], 2, "depart '8:1'"),
        (["G1,train,XZE,,08:00,1234567,2022-01-10,2022-06-30,", "G1,train,Nowhere,10:00,,,,,"], 3, "'Nowhere'"),
        (["G1,train,XZE,,08:00,1234567,2022-01-10,2022-06-30,", "G1,train,AOH,07:00,,,,,"], 3, "01:10+1"),
        (["G1,train,XZE,,08:00,,2022-01-10,2022-06-30,", "G1,train,AOH,10:00,,,,,"], 2, "needs days"),
        (["G1,boat,XZE,,08:00,1234567,2022-01-10,2022-06-30,", "G1,,AOH,10:00,,,,,"], 2, "train, flight or bus"),
        (["G1,train,XZE,,08:00,1239,2022-01-10,2022-06-30,", "G1,train,AOH,10:00,,,,,"], 2, "digits 1–7"),
        (["G1,train,XZE,,08:00,1234567,2022-06-30,2022-01-10,", "G1,train,AOH,10:00,,,,,"], 2, "before valid_from"),
        (
            [
                "G1,train,XZE,,08:00,1234567,2022-01-10,2022-06-30,", "G1,train,AOH,10:00,,,,,",
                "G1,train,XZE,,12:00,,,,",
            ],
            4, "ended there"
        ),
    ])
    func aBadRowIsNamedByFileAndLine(rows: [String], line: Int, words: String) {
        #expect { try load(rows) } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.file == "net/services.csv" && error.line == line && error.message.contains(words)
        }
    }
}
