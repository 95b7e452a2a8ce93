import Foundation
import GTFS
import Messages
import Timeline
import Travel

/// The travel matrix CSV (`travel_matrix:` in plan.yaml): door-to-door minutes between places, as a map service
/// exports them. Header `from,to,minutes`; `from` and `to` are client ids or `places.csv` ids; minutes a plain
/// non-negative decimal, rounded to the nearest second (half a second up).
public enum TravelMatrixFile {
    /// The most rows a matrix may have (4,000,000: every ordered pair of 2,000 places); a larger file is refused at the
    /// first row over, so that a runaway export cannot exhaust memory.
    public static let maximumRows = 4_000_000
    /// The most minutes one pair may take (10,080: one week).
    public static let maximumMinutes = 10_080.0
    /// The columns, in any order.
    public static let columns = ["from", "to", "minutes"]

    /// Reads the matrix at `path` (named `shown` in errors); every id must be one of `ids`.
    public static func read(path: String, shown: String, ids: Set<String>) throws(ScheduleError) -> TravelMatrix {
        try read(text: try InputText.read(path, shown: shown), shown: shown, ids: ids)
    }

    /// Reads the matrix from its `text` (the file named `shown` in errors); every id must be one of `ids`.
    public static func read(text: String, shown: String, ids: Set<String>) throws(ScheduleError) -> TravelMatrix {
        var matrix = TravelMatrix()
        var header: [String: Int]?
        var rows = 0
        let known = ids.sorted()
        func fail(_ line: Int, _ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> ScheduleError {
            ScheduleError(file: shown, line: line, Message(key, arguments))
        }
        try CSVTable.scan(text, file: shown) { (line, fields) throws(ScheduleError) in
            guard let columns = header else {
                var named: [String: Int] = [:]
                for (index, name) in fields.enumerated() where !name.isEmpty { named[name] = named[name] ?? index }
                let missing = columns.filter { named[$0] == nil }
                guard missing.isEmpty else {
                    throw fail(
                        line, .matrixMissingColumns,
                        ["columns": .names(missing), "header": .text(fields.joined(separator: ","))])
                }
                header = named
                return
            }
            rows += 1
            guard rows <= maximumRows else {
                throw fail(line, .matrixTooManyRows, ["count": .number(maximumRows)])
            }
            func field(_ name: String) throws(ScheduleError) -> String {
                let index = columns[name]!
                guard index < fields.count, !fields[index].isEmpty else {
                    throw fail(line, .matrixEmptyField, ["name": .text(name)])
                }
                return fields[index]
            }
            let from = try field("from")
            let to = try field("to")
            let minutesText = try field("minutes")
            for id in [from, to] where !ids.contains(id) {
                let hint =
                    Suggestion.closest(to: id, in: known).map { Message(.didYouMeanQuoted, ["name": .text($0)]) }
                    ?? Message(.useClientOrPlaceID)
                throw fail(line, .matrixUnknownID, ["id": .text(id), "hint": .message(hint)])
            }
            guard from != to else {
                throw fail(line, .matrixToItself, ["from": .text(from)])
            }
            guard let minutes = StrictNumber.decimal(minutesText), minutes >= 0, minutes <= maximumMinutes else {
                throw fail(
                    line, .matrixBadMinutes, ["text": .text(minutesText), "most": .number(Int(maximumMinutes))])
            }
            if matrix.seconds(from: from, to: to) != nil {
                throw fail(
                    line, .matrixPairTwice,
                    [
                        "from": .text(from), "to": .text(to),
                        "first": .number(firstLine(of: from, to, in: text, shown: shown)),
                    ])
            }
            matrix.set(from: from, to: to, seconds: Int64((minutes * 60).rounded()))
        }
        guard header != nil else {
            throw ScheduleError(file: shown, line: 1, Message(.matrixEmpty))
        }
        return matrix
    }

    /// The line of the first row from `from` to `to` (read again only to word an error).
    private static func firstLine(of from: String, _ to: String, in text: String, shown: String) -> Int {
        var first: Int?
        var header: [String]?
        try? CSVTable.scan(text, file: shown) { line, fields in
            guard let names = header else {
                header = fields
                return
            }
            guard first == nil, let f = names.firstIndex(of: "from"), let t = names.firstIndex(of: "to"),
                f < fields.count, t < fields.count
            else { return }
            if fields[f] == from && fields[t] == to { first = line }
        }
        return first ?? 1
    }
}

/// `places.csv` (`places:` in plan.yaml): places that are not clients, such as offices, depots and hotels, that staff
/// start or finish at and the travel matrix may name. Columns `id,name,city,lat,lon`, optionally `address`.
enum PlacesFile {
    /// The columns, required first.
    static let required = ["id", "name", "city", "lat", "lon"]

    /// The places of `table` by id, each with its line; ids follow the client id rules and must not be client ids
    /// (`clientLines`), and cities must be cities of `timetable`.
    static func places(_ table: CSVTable, clientLines: [String: Int], clientsFile: String, timetable: Timetable)
        throws(ScheduleError) -> [String: Place]
    {
        try table.require(required)
        var places: [String: Place] = [:]
        var lines: [String: Int] = [:]
        for row in table.rows {
            func fail(_ key: MessageKey, _ arguments: [String: Message.Argument]) -> ScheduleError {
                ScheduleError(file: table.file, line: row.line, Message(key, arguments))
            }
            let id = try table.value(row, "id")
            guard Identifier.isValid(id) else {
                throw ScheduleError(file: table.file, line: row.line, Message.invalidID(.idPlace, id))
            }
            if let first = lines.updateValue(row.line, forKey: id) {
                throw fail(.placeIDTwice, ["id": .text(id), "first": .number(first)])
            }
            if let clientLine = clientLines[id] {
                throw fail(
                    .placeIDIsClientID, ["id": .text(id), "file": .text(clientsFile), "line": .number(clientLine)])
            }
            let city = try table.value(row, "city")
            guard timetable.cities[city] != nil else {
                let close = timetable.citiesResembling(city).prefix(5).map(\.id)
                let hint =
                    close.isEmpty
                    ? Message(.useNetworkCity) : Message(.didYouMean, ["names": .names(Array(close))])
                throw fail(.unknownCity, ["city": .text(city), "hint": .message(hint)])
            }
            places[id] = Place(
                cityID: city,
                coordinate: Coordinate(
                    lat: try table.decimal(row, "lat", in: -90...90), lon: try table.decimal(row, "lon", in: -180...180)
                ),
                label: try table.value(row, "name"), id: id)
        }
        return places
    }

    /// A timetable with no services whose cities are the `city` values of clients.csv and places.csv, each at the
    /// mean position of its places, in the plan's zone: the network of a schedule that gives only a travel matrix.
    static func citiesOnly(zone: Zone, tables: [CSVTable]) throws(ScheduleError) -> Timetable {
        var sums: [String: (lat: Double, lon: Double, count: Double)] = [:]
        for table in tables {
            try table.require(["city", "lat", "lon"])
            for row in table.rows {
                let city = try table.value(row, "city")
                guard Identifier.isValid(city) else {
                    throw ScheduleError(file: table.file, line: row.line, Message.invalidID(.idCity, city))
                }
                let lat = try table.decimal(row, "lat", in: -90...90)
                let lon = try table.decimal(row, "lon", in: -180...180)
                let sum = sums[city] ?? (0, 0, 0)
                sums[city] = (sum.lat + lat, sum.lon + lon, sum.count + 1)
            }
        }
        var records = TimetableRecords(zone: zone)
        records.cities = sums.keys.sorted().map { id in
            let sum = sums[id]!
            return City(
                id: id, name: id, nameZh: "",
                coordinate: Coordinate(lat: sum.lat / sum.count, lon: sum.lon / sum.count), timeZone: zone.identifier)
        }
        do {
            return try Timetable(records)
        } catch {
            throw ScheduleError(file: tables.first?.file ?? "", line: 1, error.sentence)
        }
    }
}
