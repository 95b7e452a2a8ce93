import Foundation
import GTFS
import Timeline
import Travel

// libFuzzer entry point: arbitrary bytes become a small GTFS feed, go through the real loader (NetworkLoader, the CSV
// reader, ZipArchive, Timetable) and, when it loads, a router over two days. Built by `scripts/build-fuzzer gtfs`;
// run as docs/FUZZING.md says.
//
// Input: a ZIP archive (it starts with "PK") is loaded as feed.zip; anything else is the feed's files in the order of
// `files`, separated by NUL bytes, an empty part leaving that file out. Fuzz/corpus/gtfs holds seeds of both kinds.

private let files = [
    "agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt", "calendar.txt", "calendar_dates.txt",
    "transfers.txt", "fare_attributes.txt", "fare_rules.txt", "cities.csv", "city_stops.csv",
]
private let folder: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let path = (base as NSString).appendingPathComponent("tiaoqi-gtfs-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()
private let days = [LocalDate(year: 2022, month: 3, day: 7)!, LocalDate(year: 2022, month: 3, day: 8)!]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGTFS(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: count))
    for name in files + ["feed.zip"] { unlink((folder as NSString).appendingPathComponent(name)) }
    let network: String
    if bytes.starts(with: [0x50, 0x4B]) {
        network = (folder as NSString).appendingPathComponent("feed.zip")
        _ = FileManager.default.createFile(atPath: network, contents: bytes)
    } else {
        network = folder
        for (name, part) in zip(files, bytes.split(separator: 0, omittingEmptySubsequences: false)) where !part.isEmpty
        {
            _ = FileManager.default.createFile(
                atPath: (folder as NSString).appendingPathComponent(name), contents: Data(part))
        }
    }
    guard let timetable = try? NetworkLoader.load(paths: [network]) else { return 0 }
    for trip in timetable.trips {
        let times = zip(trip.arrivals, trip.departures).flatMap { [$0, $1] }
        guard zip(times, times.dropFirst()).allSatisfy({ $0 <= $1 }),
            times.allSatisfy({ (0...Timetable.latestTime).contains($0) })
        else {
            fatalError("trip \(trip.id) has times out of order or out of bounds: \(times)")
        }
    }
    let cities = timetable.cities.keys.sorted()
    guard let from = cities.first, let to = cities.last else { return 0 }
    let router = Router(timetable: timetable, rules: TravelRules(), dates: days)
    func place(_ id: String) -> Place { Place(cityID: id, coordinate: timetable.cities[id]!.coordinate, label: id) }
    let start = timetable.zone.instant(days[0], TimeOfDay(minutes: 6 * 60))
    if let journey = router.earliestArrival(from: place(from), to: place(to), notBefore: start),
        journey.arrive < journey.depart
    {
        fatalError("journey arrives before it leaves")
    }
    return 0
}
