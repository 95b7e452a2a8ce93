import GTFS
import Messages
import Timeline
import Travel
import Yams

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

    /// A Yams error as `file:line: what is wrong` (the line of the problem, not a number inside its message).
    func failure(_ error: YamlError, in text: String) -> ScheduleError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ScheduleError(
                file: file, line: mark.line,
                Message(.yamlInvalidHere, ["problem": .text(problem)]))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScheduleError(
                file: file, line: context.mark.line,
                Message(.yamlKeysTwice, ["keys": .names(duplicates.map { "'\($0)'" })]))
        case .reader(let problem, let offset, _, _):
            let line = offset.map { offset in
                1 + text.utf8.prefix(offset).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            }
            return ScheduleError(file: file, line: line, Message(.yamlUnreadable, ["problem": .text(problem)]))
        default:
            return ScheduleError(file: file, line: 1, Message(.yamlInvalid, ["problem": .text("\(error)")]))
        }
    }

    func mapping(_ node: Node, _ what: String) throws(ScheduleError) -> YAMLMapping {
        guard case .mapping(let mapping) = node else {
            throw ScheduleError(file: file, line: node.mark?.line, Message(.yamlNotMapping, ["what": .text(what)]))
        }
        return YAMLMapping(
            pairs: mapping.map { (key: $0.key.string ?? "", value: $0.value, line: $0.key.mark?.line ?? 1) },
            line: node.mark?.line ?? 1)
    }

    func sequence(_ node: Node, _ what: String) throws(ScheduleError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw ScheduleError(file: file, line: node.mark?.line, Message(.yamlNotList, ["what": .text(what)]))
        }
        return Array(sequence)
    }

    func required(_ map: YAMLMapping, _ key: String, in parent: Node) throws(ScheduleError) -> Node {
        guard let node = map[key] else {
            throw ScheduleError(
                file: file, line: map.line, Message(.yamlMissingKeySee, ["key": .text(key)]))
        }
        return node
    }

    func string(_ map: YAMLMapping, _ key: String, optional: Bool = false) throws(ScheduleError) -> String? {
        guard let node = map[key] else {
            if optional { return nil }
            throw ScheduleError(file: file, line: map.line, Message(.yamlMissingKey, ["key": .text(key)]))
        }
        guard let text = node.string, !text.isEmpty else {
            throw ScheduleError(file: file, line: map.line(of: key), Message(.yamlEmptyString, ["key": .text(key)]))
        }
        return text
    }

    func string(_ map: YAMLMapping, _ key: String) throws(ScheduleError) -> String {
        try string(map, key, optional: false)!
    }

    func date(_ map: YAMLMapping, _ key: String) throws(ScheduleError) -> LocalDate {
        let text = try string(map, key)
        guard let date = LocalDate(iso: text), text.count == 10 else {
            throw ScheduleError(
                file: file, line: map.line(of: key), Message(.yamlBadDate, ["key": .text(key), "text": .text(text)]))
        }
        return date
    }

    /// A list of strings, or one string standing for a list of one; `nonEmpty` refuses an empty list.
    func strings(_ map: YAMLMapping, _ key: String, nonEmpty: Bool = false) throws(ScheduleError) -> [String]? {
        guard let node = map[key] else { return nil }
        if let text = node.string, case .scalar = node {
            guard !text.isEmpty else {
                throw ScheduleError(
                    file: file, line: map.line(of: key), Message(.yamlEmptyValue, ["key": .text(key)]))
            }
            return [text]
        }
        let items = try sequence(node, "'\(key)'").map { (item) throws(ScheduleError) -> String in
            guard let text = item.string, !text.isEmpty else {
                throw ScheduleError(
                    file: file, line: item.mark?.line ?? map.line(of: key),
                    Message(.yamlEmptyEntries, ["key": .text(key)]))
            }
            return text
        }
        if nonEmpty && items.isEmpty {
            throw ScheduleError(
                file: file, line: map.line(of: key),
                Message(.yamlEmptyList, ["key": .text(key)]))
        }
        return items
    }

    /// Days of the week named by date (YYYY-MM-DD) or weekday (`wed`).
    func days(_ map: YAMLMapping, _ key: String, week: [LocalDate]) throws(ScheduleError) -> [LocalDate] {
        guard let names = try strings(map, key) else { return [] }
        return try names.map { (name) throws(ScheduleError) -> LocalDate in
            guard let day = LocalDate.inWeek(name, week) else {
                throw ScheduleError(
                    file: file, line: map.line(of: key),
                    Message(
                        .yamlBadDay,
                        [
                            "key": .text(key), "name": .text(name), "first": .text(week.first!.description),
                            "last": .text(week.last!.description),
                        ]))
            }
            return day
        }
    }

    /// Hours as one `"HH:MM-HH:MM"` for every day, or as a mapping of weekdays to hours (`{mon: "08:00-18:00"}`).
    func weekdayHours(_ map: YAMLMapping, _ key: String) throws(ScheduleError) -> (
        usual: DailyHours?, byWeekday: [Weekday: DailyHours]
    ) {
        guard let node = map[key] else { return (nil, [:]) }
        guard case .mapping = node else { return (try hours(map, key), [:]) }
        var byWeekday: [Weekday: DailyHours] = [:]
        let days = try mapping(node, "'\(key)'")
        for (name, _, line) in days.pairs {
            guard let weekday = Weekday(name: name) else {
                throw ScheduleError(
                    file: file, line: line, Message(.yamlNotWeekday, ["key": .text(key), "name": .text(name)]))
            }
            guard let value = try hours(days, name) else { continue }
            byWeekday[weekday] = value
        }
        return (nil, byWeekday)
    }

    func hours(_ map: YAMLMapping, _ key: String) throws(ScheduleError) -> DailyHours? {
        guard let text = try string(map, key, optional: true) else { return nil }
        guard let hours = DailyHours(text) else {
            throw ScheduleError(
                file: file, line: map.line(of: key),
                Message(.yamlBadHours, ["key": .text(key), "text": .text(text)]))
        }
        return hours
    }

    /// A whole number written in plain decimal digits (not YAML's hex, octal or base-60 forms), within `range`.
    func integer(_ map: YAMLMapping, _ key: String, in range: ClosedRange<Int>) throws(ScheduleError) -> Int? {
        try number(map, key, in: range, kind: .wholeNumber, parse: StrictNumber.integer)
    }

    /// A number written as a plain decimal (not `.inf`, `.nan`, hex or an exponent), within `range`.
    func decimal(_ map: YAMLMapping, _ key: String, in range: ClosedRange<Double>) throws(ScheduleError) -> Double? {
        try number(map, key, in: range, kind: .plainDecimal, parse: StrictNumber.decimal)
    }

    private func number<Value: Comparable>(
        _ map: YAMLMapping, _ key: String, in range: ClosedRange<Value>, kind: MessageKey, parse: (String) -> Value?
    ) throws(ScheduleError) -> Value? {
        guard let node = map[key] else { return nil }
        guard case .scalar = node, let value = node.string.flatMap(parse), range.contains(value) else {
            throw ScheduleError(
                file: file, line: map.line(of: key),
                Message(
                    .yamlBadNumber,
                    [
                        "key": .text(key), "text": node.string.map { .text($0) } ?? .word(.notANumber),
                        "kind": .word(kind), "low": .text("\(range.lowerBound)"), "high": .text("\(range.upperBound)"),
                    ]))
        }
        return value
    }

    /// Refuses a key given twice and a key the format does not know, suggesting the closest known key (or the
    /// level where the key belongs), so that a misspelt setting is never silently ignored.
    func checkKeys(_ map: YAMLMapping, _ level: PlanKeys.Level) throws(ScheduleError) {
        var seen: [String: Int] = [:]
        for pair in map.pairs {
            if let first = seen[pair.key] {
                throw ScheduleError(
                    file: file, line: pair.line,
                    Message(
                        .yamlKeyTwice, ["key": .text(pair.key), "level": .message(level.name), "first": .number(first)])
                )
            }
            seen[pair.key] = pair.line
            guard !level.keys.contains(pair.key) else { continue }
            let hint: Message
            if let close = Suggestion.closest(to: pair.key, in: level.keys) {
                hint = Message(.didYouMeanQuoted, ["name": .text(close)])
            } else if let home = PlanKeys.levels.first(where: { $0.keys.contains(pair.key) }) {
                hint = Message(.yamlKeyBelongs, ["key": .text(pair.key), "level": .message(home.name)])
            } else {
                hint = Message(.yamlKeysHere, ["keys": .names(level.keys)])
            }
            throw ScheduleError(
                file: file, line: pair.line,
                Message(
                    .yamlUnknownKey, ["key": .text(pair.key), "level": .message(level.name), "hint": .message(hint)]))
        }
    }
}

/// The keys plan.yaml knows at each level; anything else is refused (docs/FORMATS.md lists them).
enum PlanKeys {
    /// The keys of one mapping.
    struct Level {
        /// How messages name the level.
        var name: Message
        var keys: [String]
    }

    static let top = Level(
        name: Message(.levelTop),
        keys: [
            "name", "team", "week", "time_zone", "network", "travel_matrix", "places", "clients", "encoding", "feeds",
            "defaults", "staff", "published_version", "online", "wishes",
        ])
    static let week = Level(name: Message(.levelKey, ["key": "week"]), keys: ["start", "end"])
    static let feeds = Level(
        name: Message(.levelKey, ["key": "feeds"]),
        keys: ["credentials_file", "credentials_env", "allow_insecure_auth"])
    static let defaults = Level(
        name: Message(.levelKey, ["key": "defaults"]),
        keys: [
            "working_hours", "travel_hours", "business_hours", "daily_travel_cap_minutes", "access_minutes",
            "check_in_minutes",
            "taxi_speed_kmh", "road_speed_kmh", "detour_factor", "max_road_km", "car_hire_per_km", "hotel_cost",
            "workdays", "languages",
            "max_nights",
            "max_cost", "meeting_start_step_seconds",
        ])
    static let checkIn = Level(
        name: Message(.levelKey, ["key": "check_in_minutes"]), keys: CheckInKey.allCases.map(\.rawValue))
    static let staff = Level(
        name: Message(.levelStaff),
        keys: [
            "id", "name", "home", "calendar", "working_hours", "travel_hours", "daily_travel_cap_minutes", "days_off",
            "max_nights",
            "max_cost", "languages", "sectors", "start", "finish", "finish_by", "email",
        ])
    static let online = Level(name: Message(.levelKey, ["key": "online"]), keys: ["link"])
    static let wishes = Level(
        name: Message(.levelKey, ["key": "wishes"]),
        keys: [
            "in_person", "lunch", "lunch_between", "lunch_minutes", "preferred_time", "waiting", "max_wait_minutes",
            "early_home", "balance", "balance_by", "max_spread", "travel_policy",
        ])
    static let travelPolicy = Level(
        name: Message(.levelKey, ["key": "travel_policy"]),
        keys: ["hotel_prices", "city_tiers", "default_tier", "hotel_caps", "per_diem", "over_cap"])
    /// Every level, for saying where a misplaced key belongs.
    static let levels = [top, week, feeds, defaults, checkIn, staff, online, wishes, travelPolicy]
}
