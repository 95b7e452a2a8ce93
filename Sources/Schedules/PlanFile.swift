import Foundation
import GTFS
import Itinerary
import Messages
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
        /// `start:`, the id of the place (a `places.csv` id or a client id) the week begins at, and its line.
        public var start: String?
        public var startLine: Int = 1
        /// `finish:`, the id of the place the week must end at, and its line.
        public var finish: String?
        public var finishLine: Int = 1
        /// `finish_by:`, when they must be at `finish` (or home).
        public var finishBy: Instant?
        /// `email:`, the address their invitations come from.
        public var email = ""
    }

    /// The file as the user named it.
    public var file: String
    public var name: String
    /// The district team planning the week (`team`), if named.
    public var team: String?
    /// The version of the team's week in the bureau's store this schedule was written from (`published_version`,
    /// by `tiaoqi week next`); the plan records it, so `tiaoqi publish` can tell a stale plan.
    public var publishedVersion: Int?
    public var start: LocalDate
    public var end: LocalDate
    /// The line of `week:`, which names the planning days.
    public var weekLine: Int = 1
    public var zone: Zone
    /// The network: folders and GTFS `.zip` files, relative to the plan's folder; empty when not given (then
    /// `travelMatrix` is).
    public var network: [String]
    public var networkLine: Int
    public var clients: String
    /// `encoding:`, the encoding of the CSV files (clients, places, travel matrix), or nil to detect it; and its line.
    public var encoding: TextEncoding?
    public var encodingLine: Int
    /// `travel_matrix:`, the door-to-door minutes CSV relative to the plan's folder, and its line.
    public var travelMatrix: String?
    public var travelMatrixLine: Int
    /// `places:`, the CSV of places that are not clients (offices, depots, hotels), and its line.
    public var places: String?
    public var placesLine: Int
    /// `defaults.meeting_start_step_seconds`: a meeting starts on a multiple of this many seconds (300).
    public var meetingStartStepSeconds: Int
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
    /// `online.link`: the pattern of online visits' meeting links.
    public var meetingLink: MeetingLink?
    /// `wishes:`: what the week should favour, weighed in minutes of travel, or hold to as rules.
    public var wishes = Wishes()

    /// The planning days, first to last.
    public var days: [LocalDate] { (0...end.days(since: start)).map { start.adding(days: $0) } }

    /// The planning period: the first day's local midnight to the end of the last day.
    public var period: Interval { Interval(zone.day(start).start, zone.day(end).end) }

    /// The days clients and staff work.
    public var workingDays: [LocalDate] { days.filter { workdays.contains($0.weekday) } }

    /// Reads `plan.yaml` in a schedule folder (UTF-8: its `encoding:` says how the CSV files are saved).
    public static func read(folder: String) throws(ScheduleError) -> PlanFile {
        let path = (folder as NSString).appendingPathComponent("plan.yaml")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScheduleError(file: path, Message(.noPlanFile, ["folder": .text(folder)]))
        }
        return try PlanFile(text: try InputText.decode(data, file: path), file: path)
    }

    /// Parses `plan.yaml` text.
    public init(text: String, file: String) throws(ScheduleError) {
        self.file = file
        let root: Node
        do {
            // The basic resolver: every scalar stays text, read by the strict readers below (no YAML 1.1 guessing of
            // `no` as false or `0x1E` as 30), and a large file composes without a regular expression per scalar.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw ScheduleError(file: file, line: 1, Message(.fileEmpty))
            }
            root = node
        } catch let error as ScheduleError {
            throw error
        } catch let error as YamlError {
            throw YAMLReader(file: file).failure(error, in: text)
        } catch {
            throw ScheduleError(file: file, line: 1, Message(.yamlInvalid, ["problem": .text("\(error)")]))
        }
        let reader = YAMLReader(file: file)
        let top = try reader.mapping(root, "the top level")
        try reader.checkKeys(top, PlanKeys.top)
        name = try reader.string(top, "name", optional: true) ?? "Tiaoqi week"
        team = try reader.string(top, "team", optional: true)
        publishedVersion = try reader.integer(top, "published_version", in: 1...1_000_000)
        let week = try reader.mapping(try reader.required(top, "week", in: root), "week")
        try reader.checkKeys(week, PlanKeys.week)
        start = try reader.date(week, "start")
        end = try reader.date(week, "end")
        weekLine = top.line(of: "week") ?? week.line
        guard start <= end, end.days(since: start) < 31 else {
            throw ScheduleError(
                file: file, line: week.line, Message(.weekBadEnd))
        }
        let zoneName = try reader.string(top, "time_zone", optional: true) ?? "Asia/Shanghai"
        guard let zone = Zone(identifier: zoneName) else {
            throw ScheduleError(
                file: file, line: top.line(of: "time_zone"),
                Message(.badTimeZone, ["zone": .text(zoneName)]))
        }
        self.zone = zone
        travelMatrix = try reader.string(top, "travel_matrix", optional: true)
        travelMatrixLine = top.line(of: "travel_matrix") ?? 1
        places = try reader.string(top, "places", optional: true)
        placesLine = top.line(of: "places") ?? 1
        if top["network"] == nil && travelMatrix != nil {
            network = []
        } else if top["network"] == nil {
            throw ScheduleError(
                file: file, line: top.line,
                Message(.noNetworkOrMatrix))
        } else if let list = top["network"], case .sequence = list {
            network = try reader.sequence(list, "network").map { node throws(ScheduleError) in
                guard let text = node.string, !text.isEmpty else {
                    throw ScheduleError(
                        file: file, line: node.mark?.line, Message(.badNetworkEntry))
                }
                return text
            }
            guard !network.isEmpty else {
                throw ScheduleError(
                    file: file, line: top.line(of: "network"),
                    Message(.emptyNetworkList))
            }
        } else {
            network = [try reader.string(top, "network")]
        }
        networkLine = top.line(of: "network") ?? 1
        clients = try reader.string(top, "clients", optional: true) ?? "clients.csv"
        let encodingLine = top.line(of: "encoding") ?? 1
        self.encodingLine = encodingLine
        encoding = try reader.string(top, "encoding", optional: true).map { (text) throws(ScheduleError) in
            guard let encoding = TextEncoding(declared: text) else {
                throw ScheduleError(
                    file: reader.file, line: encodingLine,
                    Message(
                        .badEncoding, ["text": .text(text), "known": .names(TextEncoding.allCases.map(\.rawValue))]))
            }
            return encoding
        }
        let defaults =
            try top["defaults"].map { node throws(ScheduleError) in try reader.mapping(node, "defaults") }
            ?? YAMLMapping(pairs: [], line: 1)
        try reader.checkKeys(defaults, PlanKeys.defaults)
        workingHours = try reader.hours(defaults, "working_hours") ?? DailyHours("08:30-18:30")!
        travelHours = try reader.hours(defaults, "travel_hours") ?? DailyHours("06:30-22:30")!
        businessHours = try reader.hours(defaults, "business_hours") ?? DailyHours("09:00-17:30")!
        dailyTravelCapMinutes = try reader.integer(defaults, "daily_travel_cap_minutes", in: 0...2880) ?? 480
        meetingStartStepSeconds = try reader.integer(defaults, "meeting_start_step_seconds", in: 1...3600) ?? 300
        var rules = TravelRules()
        rules.accessMinutes = try reader.integer(defaults, "access_minutes", in: 0...240)
        if let checkIn = defaults["check_in_minutes"] {
            let map = try reader.mapping(checkIn, "check_in_minutes")
            try reader.checkKeys(map, PlanKeys.checkIn)
            for key in CheckInKey.allCases {
                if let minutes = try reader.integer(map, key.rawValue, in: CheckInKey.minutes) {
                    do { try rules.setCheckIn(key, minutes: minutes) } catch {
                        throw ScheduleError(file: file, line: map.line(of: key.rawValue), error.sentence)
                    }
                }
            }
        }
        rules.taxiSpeedKmh = try reader.decimal(defaults, "taxi_speed_kmh", in: 1...200) ?? rules.taxiSpeedKmh
        rules.roadSpeedKmh = try reader.decimal(defaults, "road_speed_kmh", in: 1...200) ?? rules.roadSpeedKmh
        rules.detourFactor = try reader.decimal(defaults, "detour_factor", in: 1...5) ?? rules.detourFactor
        rules.maximumRoadKilometres =
            try reader.decimal(defaults, "max_road_km", in: 0...5_000) ?? rules.maximumRoadKilometres
        rules.carHirePerKilometre =
            try reader.decimal(defaults, "car_hire_per_km", in: 0...1_000) ?? rules.carHirePerKilometre
        travelRules = rules
        hotelCost = try reader.decimal(defaults, "hotel_cost", in: 0...100_000) ?? 450
        let maxNights = try reader.integer(defaults, "max_nights", in: 0...366)
        let maxCost = try reader.decimal(defaults, "max_cost", in: 0...100_000_000)
        let languages = try reader.strings(defaults, "languages", nonEmpty: true) ?? ["zh"]
        let (first, last) = (start, end)
        let weekDays = (0...last.days(since: first)).map { first.adding(days: $0) }
        if let days = defaults["workdays"] {
            var set: Set<Weekday> = []
            for item in try reader.sequence(days, "workdays") {
                guard let text = item.string, let day = Weekday(name: text) else {
                    throw ScheduleError(
                        file: file, line: item.mark?.line,
                        Message(.badWorkday, ["text": .text(item.string ?? "?")]))
                }
                set.insert(day)
            }
            guard !set.isEmpty else {
                throw ScheduleError(
                    file: file, line: defaults.line(of: "workdays"),
                    Message(.emptyWorkdays))
            }
            workdays = set
        } else {
            workdays = [.monday, .tuesday, .wednesday, .thursday, .friday]
        }
        if let feeds = top["feeds"] { self.feeds = try FeedSettings(feeds, reader: reader) }
        (meetingLink, wishes) = try Self.meetings(top, reader: reader)
        var staff: [StaffEntry] = []
        var lineOfID: [String: Int] = [:]
        for item in try reader.sequence(try reader.required(top, "staff", in: root), "staff") {
            let entry = try reader.mapping(item, "a staff entry")
            try reader.checkKeys(entry, PlanKeys.staff)
            let id = try reader.string(entry, "id")
            guard Identifier.isValid(id) else {
                throw ScheduleError(file: file, line: entry.line(of: "id"), Message.invalidID(.idStaff, id))
            }
            if let first = lineOfID.updateValue(entry.line(of: "id") ?? entry.line, forKey: id) {
                throw ScheduleError(
                    file: file, line: entry.line(of: "id"),
                    Message(.staffIDTwice, ["id": .text(id), "first": .number(first)]))
            }
            let hours = try reader.weekdayHours(entry, "working_hours")
            var finishBy: Instant?
            if let text = try reader.string(entry, "finish_by", optional: true) {
                let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                guard parts.count == 2, let date = LocalDate.inWeek(parts[0], weekDays), let time = TimeOfDay(parts[1])
                else {
                    throw ScheduleError(
                        file: file, line: entry.line(of: "finish_by"),
                        Message(
                            .badFinishBy,
                            ["text": .text(text), "first": .text(first.description), "last": .text(last.description)]))
                }
                finishBy = zone.instant(date, time)
            }
            staff.append(
                StaffEntry(
                    id: id, name: try reader.string(entry, "name", optional: true) ?? id,
                    home: try reader.string(entry, "home"),
                    calendar: try reader.string(entry, "calendar", optional: true),
                    workingHours: hours.usual ?? workingHours, weekdayHours: hours.byWeekday,
                    travelHours: try reader.hours(entry, "travel_hours") ?? travelHours,
                    dailyTravelCapMinutes: try reader.integer(entry, "daily_travel_cap_minutes", in: 0...2880)
                        ?? dailyTravelCapMinutes,
                    daysOff: try reader.days(entry, "days_off", week: weekDays),
                    maxNights: try reader.integer(entry, "max_nights", in: 0...366) ?? maxNights,
                    maxCost: try reader.decimal(entry, "max_cost", in: 0...100_000_000) ?? maxCost,
                    languages: try reader.strings(entry, "languages", nonEmpty: true) ?? languages,
                    sectors: try reader.strings(entry, "sectors") ?? [],
                    line: entry.line, homeLine: entry.line(of: "home") ?? entry.line,
                    calendarLine: entry.line(of: "calendar") ?? entry.line,
                    start: try reader.string(entry, "start", optional: true),
                    startLine: entry.line(of: "start") ?? entry.line,
                    finish: try reader.string(entry, "finish", optional: true),
                    finishLine: entry.line(of: "finish") ?? entry.line,
                    finishBy: finishBy, email: try reader.string(entry, "email", optional: true) ?? ""))
        }
        guard !staff.isEmpty else {
            throw ScheduleError(file: file, line: top.line(of: "staff"), Message(.emptyStaff))
        }
        self.staff = staff
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
