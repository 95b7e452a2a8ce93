import Foundation
import Messages
import Timeline
import Travel

/// `services.csv`: a timetable a person fills from published timetables (12306, an airline's schedule), one row per stop
/// of a service, read into the same records as a GTFS feed. Its stations and airports are the rows of
/// `city_stops.csv` beside it (with `name`, `lat` and `lon`), grouped into the cities of `cities.csv`. The format is in
/// docs/FORMATS.md.
enum ServicesTable {
    static let columns = ["service", "mode", "stop", "arrive", "depart", "days", "valid_from", "valid_to"]

    /// Reads `services.csv` and its stations; the agency zone is the zone of the first city in cities.csv.
    static func read(_ files: FeedFiles) throws(InputError) -> (TimetableRecords, [StopRecord]) {
        guard let cities = try files.table("cities.csv", required: ["city_id", "time_zone"], optional: true),
            let cityStops = try files.table(
                "city_stops.csv", required: ["stop_id", "city_id", "name", "lat", "lon"], optional: true)
        else {
            throw InputError(
                file: files.display("services.csv"),
                Message(.servicesNeedsCities))
        }
        var zoneOfCity: [String: Zone] = [:]
        for row in cities.rows {
            let name = try cities.value(row, "time_zone")
            guard let zone = Zone(identifier: name) else {
                throw InputError(
                    file: cities.file, line: row.line, Message(.gtfsTimeZoneNotIANA, ["zone": .text(name)]))
            }
            zoneOfCity[try cities.value(row, "city_id")] = zone
        }
        guard let firstCity = cities.rows.first, let agencyZone = zoneOfCity[try cities.value(firstCity, "city_id")]
        else {
            throw InputError(file: cities.file, line: 2, Message(.servicesNoCity))
        }
        var stops: [StopRecord] = []
        var stopByName: [String: String] = [:]
        var zoneOfStop: [String: Zone] = [:]
        for row in cityStops.rows {
            let id = try cityStops.value(row, "stop_id")
            let name = try cityStops.value(row, "name")
            let cityID = try cityStops.value(row, "city_id")
            let zone = zoneOfCity[cityID] ?? agencyZone
            stops.append(
                StopRecord(
                    row: .init(
                        id: id, name: name,
                        coordinate: Coordinate(
                            lat: try cityStops.decimal(row, "lat", in: -90...90),
                            lon: try cityStops.decimal(row, "lon", in: -180...180)),
                        zoneID: id, source: SourceLine(file: cityStops.file, line: row.line)),
                    kind: "0", parent: nil, timeZone: zone.identifier))
            zoneOfStop[id] = zone
            stopByName[name.lowercased()] = id
            // "徐州东 Xuzhou East" may also be written by either part.
            for part in name.split(separator: " ", maxSplits: 1) where stopByName[part.lowercased()] == nil {
                stopByName[part.lowercased()] = id
            }
        }
        let table = try files.table("services.csv", required: columns)!
        var records = TimetableRecords(zone: agencyZone)
        var reader = BlockReader(table: table, zoneOfStop: zoneOfStop, stopByName: stopByName)
        for row in table.rows { try reader.take(row, into: &records) }
        try reader.finish(into: &records)
        if records.trips.isEmpty {
            throw InputError(file: table.file, line: 1, Message(.servicesNoService))
        }
        return (records, stops)
    }
}

/// Reads the rows of services.csv block by block: consecutive rows of one service number with the same days and dates.
private struct BlockReader {
    struct Block {
        var service: String
        var mode: Mode
        var days: String
        var from: String
        var to: String
        var except: String
        var firstLine: Int
        var stops: [(id: String, arrive: Int?, depart: Int?, price: Double?, line: Int)] = []
    }

    let table: CSVTable
    let zoneOfStop: [String: Zone]
    let stopByName: [String: String]
    var block: Block?
    var ids: Set<String> = []

    init(table: CSVTable, zoneOfStop: [String: Zone], stopByName: [String: String]) {
        self.table = table
        self.zoneOfStop = zoneOfStop
        self.stopByName = stopByName
    }

    private func fail(_ line: Int, _ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> InputError {
        InputError(file: table.file, line: line, Message(key, arguments))
    }

    mutating func take(_ row: CSVTable.Row, into records: inout TimetableRecords) throws(InputError) {
        let service = try table.value(row, "service")
        let days = row["days"] ?? ""
        let from = row["valid_from"] ?? ""
        let to = row["valid_to"] ?? ""
        let except = row["except"] ?? ""
        // A row of the same service continues its block unless it gives other days or dates (a second period).
        if var current = block, current.service == service,
            days.isEmpty || days == current.days, from.isEmpty || from == current.from, to.isEmpty || to == current.to,
            except.isEmpty || except == current.except
        {
            if current.stops.last?.depart == nil {
                throw fail(
                    row.line,
                    .servicesEndedBefore, ["service": .text(service)])
            }
            if let text = row["mode"], try mode(text, row.line) != current.mode {
                throw fail(
                    row.line, .servicesModeDiffers, ["mode": .text(text), "service": .text(service)])
            }
            current.stops.append(try stop(row))
            block = current
            return
        }
        try finish(into: &records)
        guard let modeText = row["mode"] else {
            throw fail(row.line, .servicesModeEmpty, ["service": .text(service)])
        }
        guard !days.isEmpty, !from.isEmpty, !to.isEmpty else {
            throw fail(
                row.line,
                .servicesFirstRowNeeds, ["service": .text(service)])
        }
        var next = Block(
            service: service, mode: try mode(modeText, row.line), days: days, from: from, to: to, except: except,
            firstLine: row.line)
        next.stops.append(try stop(row))
        block = next
    }

    private func mode(_ text: String, _ line: Int) throws(InputError) -> Mode {
        switch text.lowercased() {
        case "train", "rail", "火车", "高铁", "动车", "列车": return .rail
        case "flight", "air", "plane", "航班", "飞机": return .air
        case "bus", "coach", "汽车", "大巴", "客车": return .bus
        default: throw fail(line, .servicesBadMode, ["mode": .text(text)])
        }
    }

    private func stop(_ row: CSVTable.Row) throws(InputError) -> (
        id: String, arrive: Int?, depart: Int?, price: Double?, line: Int
    ) {
        let text = try table.value(row, "stop")
        guard let id = zoneOfStop[text] != nil ? text : stopByName[text.lowercased()] else {
            throw fail(
                row.line,
                .servicesUnknownStop, ["stop": .text(text)])
        }
        let arrive = try row["arrive"].map { (text) throws(InputError) in try time(text, "arrive", row.line) }
        let depart = try row["depart"].map { (text) throws(InputError) in try time(text, "depart", row.line) }
        let price = row["price"] == nil ? nil : try table.decimal(row, "price", in: 0...1_000_000)
        return (id, arrive, depart, price, row.line)
    }

    /// Seconds after midnight of `HH:MM`, `HH:MM:SS`, or either with `+1`/`+2` for the next days (or hours past 24).
    private func time(_ text: String, _ column: String, _ line: Int) throws(InputError) -> Int {
        var clock = Substring(text)
        var days = 0
        if let plus = clock.firstIndex(of: "+") {
            guard let count = Int(clock[clock.index(after: plus)...]), (1...2).contains(count) else {
                throw fail(line, .servicesBadTime, ["column": .text(column), "text": .text(text)])
            }
            days = count
            clock = clock[..<plus]
        }
        let seconds = clock.filter { $0 == ":" }.count == 1 ? NetworkLoader.gtfsTime(clock + ":00") : nil
        guard let seconds = seconds ?? NetworkLoader.gtfsTime(String(clock)) else {
            throw fail(line, .servicesBadTime, ["column": .text(column), "text": .text(text)])
        }
        let total = seconds + days * 86_400
        guard total <= Timetable.latestTime else {
            throw fail(
                line,
                .servicesTimeTooLate,
                ["column": .text(column), "text": .text(text), "hours": .number(Timetable.latestTime / 3600)])
        }
        return total
    }

    /// Adds the block read so far as a route, a trip, its service days and its fares.
    mutating func finish(into records: inout TimetableRecords) throws(InputError) {
        guard let block else { return }
        self.block = nil
        let line = block.firstLine
        guard block.stops.count >= 2 else {
            throw fail(line, .servicesOneStop, ["service": .text(block.service)])
        }
        let weekdays = try weekdays(block.days, line)
        let start = try date(block.from, "valid_from", line)
        let end = try date(block.to, "valid_to", line)
        guard start <= end else {
            throw fail(line, .servicesValidToBefore, ["to": .text(block.to), "from": .text(block.from)])
        }
        var id = "\(block.service)@\(block.from)"
        var counter = 2
        while ids.contains(id) {
            id = "\(block.service)@\(block.from)#\(counter)"
            counter += 1
        }
        ids.insert(id)
        let source = SourceLine(file: table.file, line: line)
        records.routes.append(.init(id: id, shortName: block.service, longName: "", mode: block.mode, source: source))
        records.services.append(.init(id: id, weekdays: weekdays, start: start, end: end, source: source))
        for part in block.except.split(whereSeparator: { " ;,/、".contains($0) }) {
            records.serviceExceptions.append(
                .init(serviceID: id, date: try date(String(part), "except", line), added: false, source: source))
        }
        // Times are local at each stop (as airlines print them); the trip reads them in its first stop's zone, with
        // the offsets in force at noon on valid_from.
        let tripZone = zoneOfStop[block.stops[0].id]!
        let noon = tripZone.instant(start, TimeOfDay(minutes: 12 * 60))
        records.trips.append(
            .init(id: id, routeID: id, serviceID: id, shortName: block.service, source: source, zone: tripZone))
        var previous = Int.min
        for (k, stop) in block.stops.enumerated() {
            let shift = tripZone.offset(at: noon) - zoneOfStop[stop.id]!.offset(at: noon)
            guard stop.arrive != nil || stop.depart != nil else {
                throw fail(stop.line, .servicesNoTime)
            }
            let arrive = (stop.arrive ?? stop.depart!) + shift
            let depart = (stop.depart ?? stop.arrive!) + shift
            guard arrive >= previous, depart >= arrive else {
                throw fail(
                    stop.line,
                    .servicesBackwards)
            }
            previous = depart
            guard (0...Timetable.latestTime).contains(arrive), (0...Timetable.latestTime).contains(depart) else {
                throw fail(stop.line, .servicesOutsideDay)
            }
            records.stopTimes.append(
                .init(
                    tripID: id, arrival: arrive, departure: depart, stopID: stop.id, sequence: k,
                    source: SourceLine(file: table.file, line: stop.line)))
        }
        // The price column is the fare from the first stop; a ride between two later stops costs the difference.
        let prices = block.stops.map(\.price)
        for i in prices.indices {
            let base = i == 0 ? 0 : prices[i]
            guard let base else { continue }
            for j in (i + 1)..<prices.count {
                guard let total = prices[j], total >= base else { continue }
                records.fares.append(
                    .init(
                        price: total - base, routeID: id, originZone: block.stops[i].id,
                        destinationZone: block.stops[j].id))
            }
        }
    }

    private func weekdays(_ text: String, _ line: Int) throws(InputError) -> Set<Weekday> {
        if ["daily", "每日", "每天"].contains(text.lowercased()) { return Set(Weekday.allCases) }
        var days: Set<Weekday> = []
        for character in text {
            guard let digit = character.wholeNumberValue, (1...7).contains(digit), character.isASCII else {
                throw fail(line, .servicesBadDays, ["text": .text(text)])
            }
            days.insert(Weekday(rawValue: digit - 1)!)
        }
        return days
    }

    private func date(_ text: String, _ column: String, _ line: Int) throws(InputError) -> LocalDate {
        let digits = text.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "/", with: "")
        guard digits.count == 8, let date = LocalDate(iso: digits) else {
            throw fail(line, .servicesBadDate, ["column": .text(column), "text": .text(text)])
        }
        return date
    }
}
