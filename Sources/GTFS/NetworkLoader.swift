import Foundation
import Messages
import Timeline
import Travel

/// Reads GTFS feeds (folders or `.zip` files, one or several: rail and air) plus Tiaoqi's `cities.csv` and
/// `city_stops.csv` into a `Timetable`. Without those two files, stations (`location_type` 1) are the places people
/// travel between, with their platforms (`parent_station`), and a stop without a parent station is a place of its own.
public enum NetworkLoader {
    /// Loads the network in `folder`; `displayFolder` is how error messages name it.
    public static func load(folder: String, displayFolder: String? = nil) throws(InputError) -> Timetable {
        try load(paths: [folder], displayPaths: displayFolder.map { [$0] })
    }

    /// Loads one network through `cache`: the compiled timetable of files that have not changed since it was kept, else
    /// an import (then kept). Errors are never kept: a bad feed is read, and reported, every time.
    public static func load(paths: [String], displayPaths: [String]? = nil, cache: TimetableCache?) throws(InputError)
        -> Timetable
    {
        guard let cache else { return try load(paths: paths, displayPaths: displayPaths) }
        let key = TimetableCache.key(paths: paths, displayPaths: displayPaths)
        if let timetable = cache.timetable(for: key) { return timetable }
        let timetable = try load(paths: paths, displayPaths: displayPaths)
        cache.store(timetable, for: key)
        return timetable
    }

    /// Loads one network from folders and `.zip` files. A folder holds a feed's `.txt` files directly, or feeds as
    /// `.zip` files and sub-folders, or both; the first `cities.csv` found (with `city_stops.csv` beside it) groups the
    /// stops of every feed into cities. With several feeds, each keeps its own agency zone, and its route, trip and
    /// service ids are prefixed with the feed's name (`rail:G105`); a stop id in two feeds is one stop.
    public static func load(paths: [String], displayPaths: [String]? = nil) throws(InputError) -> Timetable {
        var feeds: [FeedFiles] = []
        var places: FeedFiles?
        for (index, path) in paths.enumerated() {
            let shown = displayPaths?[index] ?? path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(
                    file: shown,
                    Message(.networkDoesNotExist))
            }
            if isDirectory.boolValue {
                let folder = FeedFiles(folder: path, shown: shown)
                if places == nil && folder.has("cities.csv") { places = folder }
                if folder.isFeed { feeds.append(folder) }
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                for name in names where !name.hasPrefix(".") {
                    let inner = (path as NSString).appendingPathComponent(name)
                    let innerShown = (shown as NSString).appendingPathComponent(name)
                    var innerIsDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: inner, isDirectory: &innerIsDirectory),
                        innerIsDirectory.boolValue
                    {
                        let sub = FeedFiles(folder: inner, shown: innerShown)
                        if sub.isFeed { feeds.append(sub) }
                    } else if name.lowercased().hasSuffix(".zip") {
                        feeds.append(
                            FeedFiles(
                                archive: try ZipArchive(contentsOf: inner, displayName: innerShown), shown: innerShown))
                    }
                }
            } else if path.lowercased().hasSuffix(".zip") {
                let archive = FeedFiles(archive: try ZipArchive(contentsOf: path, displayName: shown), shown: shown)
                if places == nil && archive.has("cities.csv") { places = archive }
                feeds.append(archive)
            } else {
                throw InputError(file: shown, Message(.networkNotFolderOrZip))
            }
        }
        var names: [String: String] = [:]
        for feed in feeds where feeds.count > 1 {
            if let other = names[feed.name] {
                throw InputError(
                    file: feed.shown,
                    Message(.networkFeedNameTwice, ["name": .text(feed.name), "other": .text(other)]))
            }
            names[feed.name] = feed.shown
        }
        guard let firstFeed = feeds.first else {
            throw InputError(
                file: displayPaths?.first ?? paths.first ?? "network",
                Message(.networkNoTimetable))
        }
        var (network, stops) = try readFeed(firstFeed)
        if feeds.count > 1 {
            let first = network
            network = TimetableRecords(zone: first.zone)
            network.merge(first, namespace: firstFeed.name + ":")
            for feed in feeds.dropFirst() {
                let (records, more) = try readFeed(feed)
                let known = Set(stops.map(\.row.id))
                stops += more.filter { !known.contains($0.row.id) }
                network.merge(records, namespace: feed.name + ":")
            }
        }
        network.transfers = try StationTransfers.resolve(network.transfers, stops: stops)
        if let places {
            try readCities(places, into: &network)
            network.stops = stops.filter { $0.kind == "0" }.map(\.row)
        } else {
            groupByStation(stops, into: &network)
        }
        do {
            return try Timetable(network)
        } catch {
            throw InputError(file: error.source?.file ?? firstFeed.shown, line: error.source?.line, error.sentence)
        }
    }

    /// Reads cities.csv and city_stops.csv.
    private static func readCities(_ files: FeedFiles, into records: inout TimetableRecords) throws(InputError) {
        func source(_ table: CSVTable, _ row: CSVTable.Row) -> SourceLine {
            SourceLine(file: table.file, line: row.line)
        }
        let cities = try files.table("cities.csv", required: ["city_id", "name", "lat", "lon", "time_zone"])!
        for row in cities.rows {
            let zoneID = try cities.value(row, "time_zone")
            guard Zone(identifier: zoneID) != nil else {
                throw InputError(
                    file: cities.file, line: row.line, Message(.gtfsTimeZoneNotIANA, ["zone": .text(zoneID)]))
            }
            let cityID = try cities.value(row, "city_id")
            guard Identifier.isValid(cityID) else {
                throw InputError(file: cities.file, line: row.line, Identifier.problem(.idCity, cityID))
            }
            records.cities.append(
                City(
                    id: cityID, name: try cities.value(row, "name"), nameZh: row["name_zh"] ?? "",
                    coordinate: Coordinate(
                        lat: try cities.decimal(row, "lat", in: -90...90),
                        lon: try cities.decimal(row, "lon", in: -180...180)),
                    timeZone: zoneID, country: row["country"]?.uppercased() ?? "CN"))
        }
        let cityStops = try files.table("city_stops.csv", required: ["stop_id", "city_id"])!
        for row in cityStops.rows {
            records.cityStops.append(
                .init(
                    stopID: try cityStops.value(row, "stop_id"), cityID: try cityStops.value(row, "city_id"),
                    source: source(cityStops, row),
                    accessMinutes: row["access_minutes"] == nil
                        ? nil : try cityStops.integer(row, "access_minutes", in: 0...600)))
        }
    }

    /// Reads one feed: its stops (kept aside until the network knows its cities), routes, trips, calendars, fares and
    /// transfers, in its agency's zone.
    private static func readFeed(_ files: FeedFiles) throws(InputError) -> (TimetableRecords, [StopRecord]) {
        if files.has("services.csv") && !files.has("agency.txt") { return try ServicesTable.read(files) }
        let agency = try files.table("agency.txt", required: ["agency_timezone"])!
        guard let zoneName = agency.rows.first?["agency_timezone"], let zone = Zone(identifier: zoneName) else {
            throw InputError(
                file: agency.file, line: agency.rows.first?.line ?? 1,
                Message(.gtfsAgencyZone))
        }
        let table = try files.table("stops.txt", required: ["stop_id", "stop_name", "stop_lat", "stop_lon"])!
        var stops: [StopRecord] = []
        let (id, name, lat, lon) = (
            table.column("stop_id"), table.column("stop_name"), table.column("stop_lat"), table.column("stop_lon")
        )
        let (zoneColumn, kind, parent, timeZone) = (
            table.column("zone_id"), table.column("location_type"), table.column("parent_station"),
            table.column("stop_timezone")
        )
        stops.reserveCapacity(table.rows.count)
        for row in table.rows {
            let stop = TimetableRecords.StopRow(
                id: try table.value(row, id), name: try table.value(row, name),
                coordinate: Coordinate(
                    lat: try table.decimal(row, lat, in: -90...90), lon: try table.decimal(row, lon, in: -180...180)),
                zoneID: row[zoneColumn], source: SourceLine(file: table.file, line: row.line))
            stops.append(
                StopRecord(
                    row: stop, kind: row[kind] ?? "0", parent: row[parent], timeZone: row[timeZone] ?? zone.identifier))
        }
        var records = try readServices(files, into: TimetableRecords(zone: zone))
        try Frequencies.expand(files, into: &records)
        return (records, stops)
    }

    /// Reads the routes, trips, calendars, fares and transfers of a feed into `records`.
    private static func readServices(_ files: FeedFiles, into partial: TimetableRecords) throws(InputError)
        -> TimetableRecords
    {
        var records = partial
        func table(_ name: String, required: [String], optional: Bool = false) throws(InputError) -> CSVTable? {
            try files.table(name, required: required, optional: optional)
        }
        func source(_ table: CSVTable, _ row: CSVTable.Row) -> SourceLine {
            SourceLine(file: table.file, line: row.line)
        }
        let routes = try table("routes.txt", required: ["route_id", "route_type"])!
        for row in routes.rows {
            let type = try routes.integer(row, "route_type", in: 0...1999)
            guard let mode = Mode(routeType: type) else {
                throw InputError(
                    file: routes.file, line: row.line,
                    Message(.gtfsRouteType, ["type": .number(type)]))
            }
            records.routes.append(
                .init(
                    id: try routes.value(row, "route_id"), shortName: row["route_short_name"] ?? "",
                    longName: row["route_long_name"] ?? "",
                    mode: mode, source: source(routes, row)))
        }
        let trips = try table("trips.txt", required: ["route_id", "service_id", "trip_id"])!
        let (tripID, routeID, serviceID, shortName) = (
            trips.column("trip_id"), trips.column("route_id"), trips.column("service_id"),
            trips.column("trip_short_name")
        )
        records.trips.reserveCapacity(records.trips.count + trips.rows.count)
        for row in trips.rows {
            records.trips.append(
                .init(
                    id: try trips.value(row, tripID), routeID: try trips.value(row, routeID),
                    serviceID: try trips.value(row, serviceID), shortName: row[shortName], source: source(trips, row)))
        }
        guard
            try files.withText(
                "stop_times.txt",
                { (bytes, display) throws(InputError) in
                    try StopTimesReader.read(bytes, file: display, into: &records)
                }) != nil
        else {
            throw InputError(file: files.display("stop_times.txt"), Message(.gtfsFileMissing))
        }
        let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if let calendar = try table(
            "calendar.txt", required: ["service_id", "start_date", "end_date"] + days, optional: true)
        {
            for row in calendar.rows {
                var weekdays: Set<Weekday> = []
                for (index, day) in days.enumerated() where try calendar.integer(row, day, in: 0...1) == 1 {
                    weekdays.insert(Weekday(rawValue: index)!)
                }
                let start = try date(calendar, row, "start_date")
                let end = try date(calendar, row, "end_date")
                guard start <= end else {
                    throw InputError(
                        file: calendar.file, line: row.line,
                        Message(
                            .gtfsCalendarEndBeforeStart,
                            [
                                "end": .text(try calendar.value(row, "end_date")),
                                "start": .text(try calendar.value(row, "start_date")),
                            ]))
                }
                records.services.append(
                    .init(
                        id: try calendar.value(row, "service_id"), weekdays: weekdays, start: start, end: end,
                        source: source(calendar, row)))
            }
        }
        if let exceptions = try table(
            "calendar_dates.txt", required: ["service_id", "date", "exception_type"], optional: true)
        {
            var known = Set(records.services.map(\.id))
            for row in exceptions.rows {
                let type = try exceptions.integer(row, "exception_type", in: 1...2)
                let serviceID = try exceptions.value(row, "service_id")
                if known.insert(serviceID).inserted {
                    records.services.append(
                        .init(
                            id: serviceID, weekdays: [], start: LocalDate(daysSinceEpoch: 0),
                            end: LocalDate(daysSinceEpoch: 0), source: source(exceptions, row)))
                }
                records.serviceExceptions.append(
                    .init(
                        serviceID: serviceID, date: try date(exceptions, row, "date"), added: type == 1,
                        source: source(exceptions, row)))
            }
        }
        if let transfers = try table(
            "transfers.txt", required: ["transfer_type"], optional: true)
        {
            let services = ["from_trip_id", "to_trip_id", "from_route_id", "to_route_id"].map(transfers.column)
            for row in transfers.rows {
                let type = try transfers.integer(row, "transfer_type", in: 0...5)
                guard type <= 3 else { continue }  // 4 and 5 are in-seat rules, not changes
                // A change between particular trips or routes: a recommended or timed one (0, 1) is not counted on,
                // the stops' own rule applies; a longer minimum (2) or none at all (3) holds for every service there
                // (`StationTransfers`), erring on the safe side.
                let particular = services.contains { row[$0] != nil }
                if particular && type <= 1 { continue }
                var seconds: Int? = 0
                if type == 2 { seconds = try transfers.integer(row, "min_transfer_time", in: 0...86_400) }
                if type == 3 { seconds = nil }
                records.transfers.append(
                    .init(
                        fromStopID: try transfers.value(row, "from_stop_id"),
                        toStopID: try transfers.value(row, "to_stop_id"),
                        seconds: seconds, source: source(transfers, row), particular: particular))
            }
        }
        if records.services.isEmpty {
            throw InputError(file: files.shown, Message(.gtfsNoService))
        }
        if let attributes = try table("fare_attributes.txt", required: ["fare_id", "price"], optional: true),
            let rules = try table("fare_rules.txt", required: ["fare_id"], optional: true)
        {
            var prices: [String: Double] = [:]
            for row in attributes.rows {
                prices[try attributes.value(row, "fare_id")] = try attributes.decimal(row, "price", in: 0...1_000_000)
            }
            for row in rules.rows {
                let fareID = try rules.value(row, "fare_id")
                guard let price = prices[fareID] else {
                    throw InputError(
                        file: rules.file, line: row.line, Message(.gtfsFareUnknown, ["fare": .text(fareID)]))
                }
                records.fares.append(
                    .init(
                        price: price, routeID: row["route_id"], originZone: row["origin_id"],
                        destinationZone: row["destination_id"]))
            }
        }
        return records
    }

    /// Places from stations: each station with its platforms, each parentless stop alone.
    private static func groupByStation(_ stops: [StopRecord], into records: inout TimetableRecords) {
        func city(_ stop: StopRecord) -> City {
            City(
                id: stop.row.id, name: stop.row.name, nameZh: "", coordinate: stop.row.coordinate,
                timeZone: stop.timeZone)
        }
        let stations = Set(stops.filter { $0.kind == "1" }.map(\.row.id))
        records.cities += stops.filter { $0.kind == "1" }.map(city)
        for stop in stops where stop.kind == "0" {
            if let parent = stop.parent, stations.contains(parent) {
                records.cityStops.append(.init(stopID: stop.row.id, cityID: parent, source: stop.row.source))
            } else {
                records.cities.append(city(stop))
                records.cityStops.append(.init(stopID: stop.row.id, cityID: stop.row.id, source: stop.row.source))
            }
            records.stops.append(stop.row)
        }
    }

    /// Seconds of a GTFS time `H:MM:SS` or `HH:MM:SS` (hours may pass 24); nil when it is not one. Hours past a
    /// million are read as a million (so no arithmetic on them can overflow); the caller bounds the value.
    static func gtfsTime(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let m = Int(parts[1]), let s = Int(parts[2]), m < 60, s < 60
        else { return nil }
        let h = parts[0].utf8.reduce(0) { min($0 * 10 + Int($1 - 0x30), 1_000_000) }
        return h * 3600 + m * 60 + s
    }

    private static func date(_ table: CSVTable, _ row: CSVTable.Row, _ column: String) throws(InputError) -> LocalDate {
        let text = try table.value(row, column)
        guard text.count == 8, let date = LocalDate(iso: text) else {
            throw InputError(
                file: table.file, line: row.line, Message(.gtfsBadDate, ["column": .text(column), "text": .text(text)]))
        }
        return date
    }
}
