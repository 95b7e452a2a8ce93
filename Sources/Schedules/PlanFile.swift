import Foundation
import Timeline
import Travel
import Yams

/// The contents of `plan.yaml`: the week, its rules and its staff, with the line each came from.
public struct PlanFile: Sendable {
    /// A staff entry.
    public struct StaffEntry: Sendable {
        public var id: String
        public var name: String
        public var home: String
        public var calendar: String?
        public var workingHours: DailyHours
        /// Working hours of particular weekdays, where they differ from `workingHours`.
        public var weekdayHours: [Weekday: DailyHours]
        public var travelHours: DailyHours
        public var dailyTravelCapMinutes: Int
        /// Days at home with neither meetings nor travel.
        public var daysOff: [LocalDate]
        public var maxNights: Int?
        public var maxCost: Double?
        public var languages: [String]
        public var sectors: [String]
        /// The line of the entry.
        public var line: Int
        /// The line of the `home:` key.
        public var homeLine: Int
        /// The line of the `calendar:` key.
        public var calendarLine: Int
    }

    /// The file as the user named it.
    public var file: String
    public var name: String
    /// The district team planning the week (`team`), if named.
    public var team: String?
    public var start: LocalDate
    public var end: LocalDate
    public var zone: Zone
    /// The network: folders and GTFS `.zip` files, relative to the plan's folder.
    public var network: [String]
    public var networkLine: Int
    public var clients: String
    public var workingHours: DailyHours
    public var travelHours: DailyHours
    public var businessHours: DailyHours
    public var dailyTravelCapMinutes: Int
    /// Buffers and speeds from `defaults:` (`access_minutes`, `check_in_minutes`, speeds, `max_road_km`).
    public var travelRules: TravelRules
    public var hotelCost: Double
    public var workdays: Set<Weekday>
    public var staff: [StaffEntry]
    /// `feeds:`: credentials per host, and whether they may go over plain http.
    public var feeds = FeedSettings()

    /// The planning days, first to last.
    public var days: [LocalDate] { (0...end.days(since: start)).map { start.adding(days: $0) } }

    /// The planning period: the first day's local midnight to the end of the last day.
    public var period: Interval { Interval(zone.day(start).start, zone.day(end).end) }

    /// The days clients and staff work.
    public var workingDays: [LocalDate] { days.filter { workdays.contains($0.weekday) } }

    /// Parses `plan.yaml` text.
    public init(text: String, file: String) throws(ScheduleError) {
        self.file = file
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw ScheduleError(file: file, line: 1, "the file is empty") }
            root = node
        } catch let error as ScheduleError {
            throw error
        } catch {
            throw ScheduleError(file: file, line: PlanFile.line(in: "\(error)"), "is not valid YAML: \(error)")
        }
        let reader = YAMLReader(file: file)
        let top = try reader.mapping(root, "the top level")
        name = try reader.string(top, "name", optional: true) ?? "Tiaoqi week"
        team = try reader.string(top, "team", optional: true)
        let week = try reader.mapping(try reader.required(top, "week", in: root), "week")
        start = try reader.date(week, "start")
        end = try reader.date(week, "end")
        guard start <= end, end.days(since: start) < 31 else {
            throw ScheduleError(file: file, line: week.line, "week.end must be on or after week.start and within 31 days")
        }
        let zoneName = try reader.string(top, "time_zone", optional: true) ?? "Asia/Shanghai"
        guard let zone = Zone(identifier: zoneName) else {
            throw ScheduleError(file: file, line: top.line(of: "time_zone"), "time_zone '\(zoneName)' is not an IANA zone such as Asia/Shanghai")
        }
        self.zone = zone
        if let list = top["network"], case .sequence = list {
            network = try reader.sequence(list, "network").map { node throws(ScheduleError) in
                guard let text = node.string, !text.isEmpty else {
                    throw ScheduleError(file: file, line: node.mark?.line, "each 'network' entry must be a folder or .zip path")
                }
                return text
            }
        } else {
            network = [try reader.string(top, "network")]
        }
        networkLine = top.line(of: "network") ?? 1
        clients = try reader.string(top, "clients", optional: true) ?? "clients.csv"
        let defaults = try top["defaults"].map { node throws(ScheduleError) in try reader.mapping(node, "defaults") } ?? YAMLMapping(pairs: [], line: 1)
        workingHours = try reader.hours(defaults, "working_hours") ?? DailyHours("08:30-18:30")!
        travelHours = try reader.hours(defaults, "travel_hours") ?? DailyHours("06:30-22:30")!
        businessHours = try reader.hours(defaults, "business_hours") ?? DailyHours("09:00-17:30")!
        dailyTravelCapMinutes = try reader.integer(defaults, "daily_travel_cap_minutes", in: 0...1440) ?? 480
        var rules = TravelRules()
        rules.accessMinutes = try reader.integer(defaults, "access_minutes", in: 0...240)
        if let checkIn = defaults["check_in_minutes"] {
            let map = try reader.mapping(checkIn, "check_in_minutes")
            for (key, mode) in [("train", Mode.rail), ("flight", .air), ("bus", .bus)] {
                if let minutes = try reader.integer(map, key, in: 0...480) { rules.checkInMinutes[mode] = minutes }
            }
            rules.internationalCheckInMinutes = try reader.integer(map, "international_flight", in: 0...480) ?? rules.internationalCheckInMinutes
        }
        rules.taxiSpeedKmh = try reader.decimal(defaults, "taxi_speed_kmh", in: 1...200) ?? rules.taxiSpeedKmh
        rules.roadSpeedKmh = try reader.decimal(defaults, "road_speed_kmh", in: 1...200) ?? rules.roadSpeedKmh
        rules.detourFactor = try reader.decimal(defaults, "detour_factor", in: 1...5) ?? rules.detourFactor
        rules.maximumRoadKilometres = try reader.decimal(defaults, "max_road_km", in: 0...5_000) ?? rules.maximumRoadKilometres
        travelRules = rules
        hotelCost = try reader.decimal(defaults, "hotel_cost", in: 0...100_000) ?? 450
        let maxNights = try reader.integer(defaults, "max_nights", in: 0...366)
        let maxCost = try reader.decimal(defaults, "max_cost", in: 0...100_000_000)
        let languages = try reader.strings(defaults, "languages") ?? ["zh"]
        let (first, last) = (start, end)
        let weekDays = (0...last.days(since: first)).map { first.adding(days: $0) }
        if let days = defaults["workdays"] {
            var set: Set<Weekday> = []
            for item in try reader.sequence(days, "workdays") {
                guard let text = item.string, let day = Weekday(name: text) else {
                    throw ScheduleError(file: file, line: item.mark?.line, "workdays entry '\(item.string ?? "?")' is not a weekday such as mon")
                }
                set.insert(day)
            }
            workdays = set
        } else {
            workdays = [.monday, .tuesday, .wednesday, .thursday, .friday]
        }
        if let feeds = top["feeds"] { self.feeds = try FeedSettings(feeds, reader: reader) }
        var staff: [StaffEntry] = []
        for item in try reader.sequence(try reader.required(top, "staff", in: root), "staff") {
            let entry = try reader.mapping(item, "a staff entry")
            let id = try reader.string(entry, "id")
            guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw ScheduleError(file: file, line: entry.line(of: "id"), "staff id '\(id)' may hold only a-z, 0-9, - and _")
            }
            if staff.contains(where: { $0.id == id }) {
                throw ScheduleError(file: file, line: entry.line(of: "id"), "staff id '\(id)' is used twice")
            }
            staff.append(
                StaffEntry(
                    id: id, name: try reader.string(entry, "name", optional: true) ?? id, home: try reader.string(entry, "home"),
                    calendar: try reader.string(entry, "calendar", optional: true),
                    workingHours: try reader.weekdayHours(entry, "working_hours").usual ?? workingHours,
                    weekdayHours: try reader.weekdayHours(entry, "working_hours").byWeekday,
                    travelHours: try reader.hours(entry, "travel_hours") ?? travelHours,
                    dailyTravelCapMinutes: try reader.integer(entry, "daily_travel_cap_minutes", in: 0...1440) ?? dailyTravelCapMinutes,
                    daysOff: try reader.days(entry, "days_off", week: weekDays),
                    maxNights: try reader.integer(entry, "max_nights", in: 0...366) ?? maxNights,
                    maxCost: try reader.decimal(entry, "max_cost", in: 0...100_000_000) ?? maxCost,
                    languages: try reader.strings(entry, "languages") ?? languages, sectors: try reader.strings(entry, "sectors") ?? [],
                    line: entry.line, homeLine: entry.line(of: "home") ?? entry.line,
                    calendarLine: entry.line(of: "calendar") ?? entry.line))
        }
        guard !staff.isEmpty else { throw ScheduleError(file: file, line: top.line(of: "staff"), "staff is empty; list at least one person") }
        self.staff = staff
    }

    private static func line(in message: String) -> Int? {
        // Yams reports positions as "line:column" inside its messages.
        guard let match = message.firstMatch(of: /(\d+):(\d+)/) else { return nil }
        return Int(match.1)
    }
}

extension LocalDate {
    /// The day of `week` that `text` names, as YYYY-MM-DD or a weekday name.
    static func inWeek(_ text: String, _ week: [LocalDate]) -> LocalDate? {
        if let date = LocalDate(iso: text), text.count == 10 { return week.contains(date) ? date : nil }
        guard let weekday = Weekday(name: text) else { return nil }
        return week.first { $0.weekday == weekday }
    }
}

/// A YAML mapping with the line of each key.
struct YAMLMapping {
    var pairs: [(key: String, value: Node, line: Int)]
    var line: Int

    subscript(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func line(of key: String) -> Int? { pairs.first { $0.key == key }?.line }
}

/// Typed access to YAML nodes, with errors that name the file and line.
struct YAMLReader {
    let file: String

    func mapping(_ node: Node, _ what: String) throws(ScheduleError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw ScheduleError(file: file, line: node.mark?.line, "\(what) must be a mapping of key: value")
        }
        return YAMLMapping(
            pairs: mapping.map { (key: $0.key.string ?? "", value: $0.value, line: $0.key.mark?.line ?? 1) },
            line: node.mark?.line ?? 1)
    }

    func sequence(_ node: Node, _ what: String) throws(ScheduleError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw ScheduleError(file: file, line: node.mark?.line, "\(what) must be a list")
        }
        return Array(sequence)
    }

    func required(_ map: YAMLMapping, _ key: String, in parent: Node) throws(ScheduleError) -> Node {
        guard let node = map[key] else {
            throw ScheduleError(file: file, line: map.line, "missing '\(key):'; see docs/FORMATS.md for the shape of plan.yaml")
        }
        return node
    }

    func string(_ map: YAMLMapping, _ key: String, optional: Bool = false) throws(ScheduleError) -> String? {
        guard let node = map[key] else {
            if optional { return nil }
            throw ScheduleError(file: file, line: map.line, "missing '\(key):'")
        }
        guard let text = node.string, !text.isEmpty else {
            throw ScheduleError(file: file, line: map.line(of: key), "'\(key)' must be a non-empty string")
        }
        return text
    }

    func string(_ map: YAMLMapping, _ key: String) throws(ScheduleError) -> String {
        try string(map, key, optional: false)!
    }

    func date(_ map: YAMLMapping, _ key: String) throws(ScheduleError) -> LocalDate {
        let text = try string(map, key)
        guard let date = LocalDate(iso: text), text.count == 10 else {
            throw ScheduleError(file: file, line: map.line(of: key), "'\(key)' is '\(text)'; write a date as YYYY-MM-DD")
        }
        return date
    }

    /// A list of strings, or one string standing for a list of one.
    func strings(_ map: YAMLMapping, _ key: String) throws(ScheduleError) -> [String]? {
        guard let node = map[key] else { return nil }
        if let text = node.string, case .scalar = node { return [text] }
        return try sequence(node, "'\(key)'").map { (item) throws(ScheduleError) -> String in
            guard let text = item.string, !text.isEmpty else {
                throw ScheduleError(file: file, line: item.mark?.line ?? map.line(of: key), "'\(key)' entries must be non-empty strings")
            }
            return text
        }
    }

    /// Days of the week named by date (YYYY-MM-DD) or weekday (`wed`).
    func days(_ map: YAMLMapping, _ key: String, week: [LocalDate]) throws(ScheduleError) -> [LocalDate] {
        guard let names = try strings(map, key) else { return [] }
        return try names.map { (name) throws(ScheduleError) -> LocalDate in
            guard let day = LocalDate.inWeek(name, week) else {
                throw ScheduleError(
                    file: file, line: map.line(of: key),
                    "'\(key)' entry '\(name)' is neither a date of the week (\(week.first!) to \(week.last!)) nor a weekday such as wed")
            }
            return day
        }
    }

    /// Hours as one `"HH:MM-HH:MM"` for every day, or as a mapping of weekdays to hours (`{mon: "08:00-18:00"}`).
    func weekdayHours(_ map: YAMLMapping, _ key: String) throws(ScheduleError) -> (usual: DailyHours?, byWeekday: [Weekday: DailyHours]) {
        guard let node = map[key] else { return (nil, [:]) }
        guard case .mapping = node else { return (try hours(map, key), [:]) }
        var byWeekday: [Weekday: DailyHours] = [:]
        let days = try mapping(node, "'\(key)'")
        for (name, _, line) in days.pairs {
            guard let weekday = Weekday(name: name) else {
                throw ScheduleError(file: file, line: line, "'\(key)' key '\(name)' is not a weekday such as mon")
            }
            guard let value = try hours(days, name) else { continue }
            byWeekday[weekday] = value
        }
        return (nil, byWeekday)
    }

    func hours(_ map: YAMLMapping, _ key: String) throws(ScheduleError) -> DailyHours? {
        guard let text = try string(map, key, optional: true) else { return nil }
        guard let hours = DailyHours(text) else {
            throw ScheduleError(file: file, line: map.line(of: key), "'\(key)' is '\(text)'; write hours as \"HH:MM-HH:MM\", opening before closing")
        }
        return hours
    }

    func integer(_ map: YAMLMapping, _ key: String, in range: ClosedRange<Int>) throws(ScheduleError) -> Int? {
        guard let node = map[key] else { return nil }
        guard let value = node.int, range.contains(value) else {
            throw ScheduleError(file: file, line: map.line(of: key), "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func decimal(_ map: YAMLMapping, _ key: String, in range: ClosedRange<Double>) throws(ScheduleError) -> Double? {
        guard let node = map[key] else { return nil }
        guard let value = node.float ?? node.int.map(Double.init), range.contains(value) else {
            throw ScheduleError(file: file, line: map.line(of: key), "'\(key)' must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}
