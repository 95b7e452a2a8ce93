import Foundation
import Timeline
import Travel

/// Reads a GTFS folder plus Tiaoqi's `cities.csv` and `city_stops.csv` into a `Timetable`. Without those two files,
/// stations (`location_type` 1) are the places people travel between, with their platforms (`parent_station`), and a
/// stop without a parent station is a place of its own.
public enum NetworkLoader {
    /// Loads the network in `folder`; `displayFolder` is how error messages name it.
    public static func load(folder: String, displayFolder: String? = nil) throws(ScheduleError) -> Timetable {
        let shown = displayFolder ?? folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ScheduleError(file: shown, "the network folder does not exist; point 'network:' in plan.yaml at a GTFS folder")
        }
        func table(_ name: String, required: [String], optional: Bool = false) throws(ScheduleError) -> CSVTable? {
            try NetworkLoader.table(name, in: folder, shown: shown, required: required, optional: optional)
        }
        func source(_ table: CSVTable, _ row: CSVTable.Row) -> SourceLine { SourceLine(file: table.file, line: row.line) }

        let agency = try table("agency.txt", required: ["agency_timezone"])!
        guard let zoneName = agency.rows.first?["agency_timezone"], let zone = Zone(identifier: zoneName) else {
            throw ScheduleError(file: agency.file, line: agency.rows.first?.line ?? 1, "agency_timezone must be an IANA zone such as Asia/Shanghai")
        }
        var records = TimetableRecords(zone: zone)

        let stops = try table("stops.txt", required: ["stop_id", "stop_name", "stop_lat", "stop_lon"])!
        guard let cities = try table("cities.csv", required: ["city_id", "name", "lat", "lon", "time_zone"], optional: true) else {
            try groupByStation(stops, into: &records)
            return try finish(records, folder: folder, shown: shown)
        }
        for row in cities.rows {
            let zoneID = try cities.value(row, "time_zone")
            guard Zone(identifier: zoneID) != nil else {
                throw ScheduleError(file: cities.file, line: row.line, "time_zone '\(zoneID)' is not an IANA zone")
            }
            records.cities.append(
                City(
                    id: try cities.value(row, "city_id"), name: try cities.value(row, "name"), nameZh: row["name_zh"] ?? "",
                    coordinate: Coordinate(lat: try cities.decimal(row, "lat", in: -90...90), lon: try cities.decimal(row, "lon", in: -180...180)),
                    timeZone: zoneID, country: row["country"]?.uppercased() ?? "CN"))
        }
        let cityStops = try table("city_stops.csv", required: ["stop_id", "city_id"])!
        for row in cityStops.rows {
            records.cityStops.append(
                .init(
                    stopID: try cityStops.value(row, "stop_id"), cityID: try cityStops.value(row, "city_id"), source: source(cityStops, row),
                    accessMinutes: row["access_minutes"] == nil ? nil : try cityStops.integer(row, "access_minutes", in: 0...600)))
        }
        for row in stops.rows where (row["location_type"] ?? "0") == "0" {
            records.stops.append(
                .init(
                    id: try stops.value(row, "stop_id"), name: try stops.value(row, "stop_name"),
                    coordinate: Coordinate(lat: try stops.decimal(row, "stop_lat", in: -90...90), lon: try stops.decimal(row, "stop_lon", in: -180...180)),
                    zoneID: row["zone_id"], source: source(stops, row)))
        }
        return try finish(records, folder: folder, shown: shown)
    }

    /// Reads the trips, calendars, fares and transfers into `records` and builds the timetable.
    private static func finish(_ partial: TimetableRecords, folder: String, shown: String) throws(ScheduleError) -> Timetable {
        var records = partial
        func table(_ name: String, required: [String], optional: Bool = false) throws(ScheduleError) -> CSVTable? {
            try NetworkLoader.table(name, in: folder, shown: shown, required: required, optional: optional)
        }
        func source(_ table: CSVTable, _ row: CSVTable.Row) -> SourceLine { SourceLine(file: table.file, line: row.line) }
        let routes = try table("routes.txt", required: ["route_id", "route_type"])!
        for row in routes.rows {
            let type = try routes.integer(row, "route_type", in: 0...1999)
            guard let mode = Mode(routeType: type) else {
                throw ScheduleError(file: routes.file, line: row.line, "route_type \(type) is not rail (2, 100–117), air (1100–1199) or bus (3, 200–209, 700–717)")
            }
            records.routes.append(
                .init(
                    id: try routes.value(row, "route_id"), shortName: row["route_short_name"] ?? "", longName: row["route_long_name"] ?? "",
                    mode: mode, source: source(routes, row)))
        }
        let trips = try table("trips.txt", required: ["route_id", "service_id", "trip_id"])!
        for row in trips.rows {
            records.trips.append(
                .init(
                    id: try trips.value(row, "trip_id"), routeID: try trips.value(row, "route_id"),
                    serviceID: try trips.value(row, "service_id"), shortName: row["trip_short_name"], source: source(trips, row)))
        }
        let stopTimes = try table("stop_times.txt", required: ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"])!
        for row in stopTimes.rows {
            func time(_ column: String) throws(ScheduleError) -> Int {
                let text = try stopTimes.value(row, column)
                let parts = text.split(separator: ":").map { Int($0) }
                guard parts.count == 3, let h = parts[0], let m = parts[1], let s = parts[2], h >= 0, (0..<60).contains(m), (0..<60).contains(s) else {
                    throw ScheduleError(file: stopTimes.file, line: row.line, "\(column) '\(text)' is not H:MM:SS (hours may pass 24)")
                }
                return h * 3600 + m * 60 + s
            }
            records.stopTimes.append(
                .init(
                    tripID: try stopTimes.value(row, "trip_id"), arrival: try time("arrival_time"), departure: try time("departure_time"),
                    stopID: try stopTimes.value(row, "stop_id"), sequence: try stopTimes.integer(row, "stop_sequence", in: 0...Int(Int32.max)),
                    source: source(stopTimes, row)))
        }
        let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if let calendar = try table("calendar.txt", required: ["service_id", "start_date", "end_date"] + days, optional: true) {
            for row in calendar.rows {
                var weekdays: Set<Weekday> = []
                for (index, day) in days.enumerated() where try calendar.integer(row, day, in: 0...1) == 1 {
                    weekdays.insert(Weekday(rawValue: index)!)
                }
                records.services.append(
                    .init(
                        id: try calendar.value(row, "service_id"), weekdays: weekdays, start: try date(calendar, row, "start_date"),
                        end: try date(calendar, row, "end_date"), source: source(calendar, row)))
            }
        }
        if let exceptions = try table("calendar_dates.txt", required: ["service_id", "date", "exception_type"], optional: true) {
            for row in exceptions.rows {
                let type = try exceptions.integer(row, "exception_type", in: 1...2)
                let serviceID = try exceptions.value(row, "service_id")
                if !records.services.contains(where: { $0.id == serviceID }) {
                    records.services.append(.init(id: serviceID, weekdays: [], start: LocalDate(daysSinceEpoch: 0), end: LocalDate(daysSinceEpoch: 0), source: source(exceptions, row)))
                }
                records.serviceExceptions.append(
                    .init(serviceID: serviceID, date: try date(exceptions, row, "date"), added: type == 1, source: source(exceptions, row)))
            }
        }
        if let transfers = try table("transfers.txt", required: ["from_stop_id", "to_stop_id", "transfer_type"], optional: true) {
            for row in transfers.rows {
                let type = try transfers.integer(row, "transfer_type", in: 0...5)
                guard type <= 3 else { continue }  // 4 and 5 are in-seat rules, not changes
                var seconds: Int? = 0
                if type == 2 { seconds = try transfers.integer(row, "min_transfer_time", in: 0...86_400) }
                if type == 3 { seconds = nil }
                records.transfers.append(
                    .init(fromStopID: try transfers.value(row, "from_stop_id"), toStopID: try transfers.value(row, "to_stop_id"),
                          seconds: seconds, source: source(transfers, row)))
            }
        }
        if records.services.isEmpty {
            throw ScheduleError(file: shown, "neither calendar.txt nor calendar_dates.txt defines any service")
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
                    throw ScheduleError(file: rules.file, line: row.line, "fare_id '\(fareID)' is not in fare_attributes.txt")
                }
                records.fares.append(.init(price: price, routeID: row["route_id"], originZone: row["origin_id"], destinationZone: row["destination_id"]))
            }
        }
        do {
            return try Timetable(records)
        } catch {
            throw ScheduleError(file: error.source?.file ?? shown, line: error.source?.line, error.message)
        }
    }

    private static func table(
        _ name: String, in folder: String, shown: String, required: [String], optional: Bool
    ) throws(ScheduleError) -> CSVTable? {
        let path = (folder as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: path) else {
            if optional { return nil }
            throw ScheduleError(file: (shown as NSString).appendingPathComponent(name), "missing; a network needs it")
        }
        let table = try CSVTable(contentsOf: path, displayName: (shown as NSString).appendingPathComponent(name))
        try table.require(required)
        return table
    }

    /// Places from stations: each station with its platforms, each parentless stop alone.
    private static func groupByStation(_ stops: CSVTable, into records: inout TimetableRecords) throws(ScheduleError) {
        let zone = records.zone.identifier
        var stations: Set<String> = []
        for row in stops.rows where row["location_type"] == "1" {
            let id = try stops.value(row, "stop_id")
            stations.insert(id)
            records.cities.append(
                City(
                    id: id, name: try stops.value(row, "stop_name"), nameZh: "",
                    coordinate: Coordinate(lat: try stops.decimal(row, "stop_lat", in: -90...90), lon: try stops.decimal(row, "stop_lon", in: -180...180)),
                    timeZone: row["stop_timezone"] ?? zone))
        }
        for row in stops.rows where (row["location_type"] ?? "0") == "0" {
            let id = try stops.value(row, "stop_id")
            let source = SourceLine(file: stops.file, line: row.line)
            if let parent = row["parent_station"], stations.contains(parent) {
                records.cityStops.append(.init(stopID: id, cityID: parent, source: source))
            } else {
                records.cities.append(
                    City(
                        id: id, name: try stops.value(row, "stop_name"), nameZh: "",
                        coordinate: Coordinate(lat: try stops.decimal(row, "stop_lat", in: -90...90), lon: try stops.decimal(row, "stop_lon", in: -180...180)),
                        timeZone: row["stop_timezone"] ?? zone))
                records.cityStops.append(.init(stopID: id, cityID: id, source: source))
            }
            records.stops.append(
                .init(
                    id: id, name: try stops.value(row, "stop_name"),
                    coordinate: Coordinate(lat: try stops.decimal(row, "stop_lat", in: -90...90), lon: try stops.decimal(row, "stop_lon", in: -180...180)),
                    zoneID: row["zone_id"], source: source))
        }
    }

    private static func date(_ table: CSVTable, _ row: CSVTable.Row, _ column: String) throws(ScheduleError) -> LocalDate {
        let text = try table.value(row, column)
        guard text.count == 8, let date = LocalDate(iso: text) else {
            throw ScheduleError(file: table.file, line: row.line, "\(column) '\(text)' is not a date YYYYMMDD")
        }
        return date
    }
}
