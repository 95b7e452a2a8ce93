import Foundation
import GTFS
import TestSupport
import Testing
import Timeline
import Travel

/// Inputs of the GTFS fuzzer (Fuzz/GTFSFuzz.swift), read the way it reads them: a ZIP archive as feed.zip, anything
/// else as the feed's files in this order separated by NUL bytes (an empty part leaves the file out).
enum FuzzInput {
    static let files = [
        "agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt", "calendar.txt", "calendar_dates.txt",
        "transfers.txt", "fare_attributes.txt", "fare_rules.txt", "cities.csv", "city_stops.csv",
    ]

    /// Writes the input where the loader can read it and returns the network's path.
    static func network(from path: String) throws -> String {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let folder = Fixtures.temporaryFolder("gtfs-fuzz")
        if bytes.starts(with: [0x50, 0x4B]) {
            let archive = "\(folder)/feed.zip"
            try bytes.write(to: URL(fileURLWithPath: archive))
            return archive
        }
        for (name, part) in zip(files, bytes.split(separator: 0, omittingEmptySubsequences: false)) where !part.isEmpty
        {
            try Data(part).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
        }
        return folder
    }

    static func inputs(in relative: String) -> [String] {
        let folder = Fixtures.path(relative)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
            .map { "\(folder)/\($0)" }
    }
}

@Suite("GTFS fuzzer inputs")
struct GTFSFuzzRegressionTests {
    /// The seeds load, so that the fuzzer starts from feeds that reach the router.
    @Test(arguments: FuzzInput.inputs(in: "Fuzz/corpus/gtfs"))
    func aSeedLoadsAndRoutes(seed: String) throws {
        let timetable = try NetworkLoader.load(paths: [try FuzzInput.network(from: seed)])
        #expect(timetable.trips.count >= 1)
        let cities = timetable.cities.keys.sorted()
        let router = Router(
            timetable: timetable, rules: TravelRules(), dates: [LocalDate(year: 2022, month: 3, day: 7)!])
        func place(_ id: String) -> Place { Place(cityID: id, coordinate: timetable.cities[id]!.coordinate, label: id) }
        _ = router.earliestArrival(
            from: place(cities.first!), to: place(cities.last!),
            notBefore: Instant(iso8601: "2022-03-07T06:00:00+08:00")!)
    }

    /// What the fuzzer once found: each input loads or is refused with a message, promptly, without a crash.
    @Test(arguments: FuzzInput.inputs(in: "Tests/TravelTests/Fixtures/gtfs-fuzz-regressions"))
    func aRegressionInputLoadsOrIsRefused(input: String) throws {
        let network = try FuzzInput.network(from: input)
        let started = ContinuousClock.now
        do throws(InputError) {
            let timetable = try NetworkLoader.load(paths: [network])
            _ = Router(timetable: timetable, rules: TravelRules(), dates: [LocalDate(year: 2022, month: 3, day: 7)!])
        } catch {
            #expect(!error.message.isEmpty)
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
