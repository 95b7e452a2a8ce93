import GTFS
import Itinerary
import Messages
import Yams

extension PlanFile {
    /// Reads `online:` (the meeting link pattern) and `wishes:` (docs/FORMATS.md).
    static func meetings(_ top: YAMLMapping, reader: YAMLReader) throws(ScheduleError) -> (MeetingLink?, Wishes) {
        var link: MeetingLink?
        if let node = top["online"] {
            let online = try reader.mapping(node, "online")
            try reader.checkKeys(online, PlanKeys.online)
            if let template = try reader.string(online, "link", optional: true) {
                guard template.contains("://"), !template.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                    throw ScheduleError(
                        file: reader.file, line: online.line(of: "link"),
                        Message(.badMeetingLink, ["text": .text(template)]))
                }
                link = MeetingLink(template: template)
            }
        }
        var wishes = Wishes()
        if let node = top["wishes"] {
            let map = try reader.mapping(node, "wishes")
            try reader.checkKeys(map, PlanKeys.wishes)
            wishes.inPersonMinutes = try reader.integer(map, "in_person", in: 0...10_000) ?? wishes.inPersonMinutes
            wishes.lunch = try strength(map, "lunch", reader: reader)
            wishes.lunchHours = try reader.hours(map, "lunch_between") ?? wishes.lunchHours
            wishes.lunchMinutes = try reader.integer(map, "lunch_minutes", in: 5...240) ?? wishes.lunchMinutes
            wishes.preferredTime = try strength(map, "preferred_time", reader: reader)
            wishes.waiting = try strength(map, "waiting", reader: reader)
            wishes.maxWaitMinutes = try reader.integer(map, "max_wait_minutes", in: 0...1440) ?? wishes.maxWaitMinutes
            wishes.earlyHome = try strength(map, "early_home", reader: reader, rule: false)
            wishes.balance = try strength(map, "balance", reader: reader)
            if let by = try reader.string(map, "balance_by", optional: true) {
                guard let measure = BalanceMeasure(rawValue: by) else {
                    throw ScheduleError(
                        file: reader.file, line: map.line(of: "balance_by"),
                        Message(.badWish, ["key": "balance_by", "text": .text(by)]))
                }
                wishes.balanceBy = measure
            }
            wishes.maxSpread = try reader.integer(map, "max_spread", in: 0...1000) ?? wishes.maxSpread
            if let policy = map["travel_policy"] {
                wishes.policy = try travelPolicy(try reader.mapping(policy, "travel_policy"), reader: reader)
            }
        }
        return (link, wishes)
    }

    /// A wish's strength: a weight in minutes of travel, or the word `rule` (where the wish may be one).
    private static func strength(_ map: YAMLMapping, _ key: String, reader: YAMLReader, rule: Bool = true)
        throws(ScheduleError) -> WishStrength?
    {
        guard let text = try reader.string(map, key, optional: true) else { return nil }
        if rule && text == "rule" { return .rule }
        guard let weight = StrictNumber.decimal(text), (0...10_000).contains(weight) else {
            throw ScheduleError(
                file: reader.file, line: map.line(of: key), Message(.badWish, ["key": .text(key), "text": .text(text)]))
        }
        return .weight(weight)
    }

    /// `wishes.travel_policy`: hotel prices and caps by city tier, a per-diem, and how a night over its cap counts.
    private static func travelPolicy(_ map: YAMLMapping, reader: YAMLReader) throws(ScheduleError) -> TravelPolicy {
        try reader.checkKeys(map, PlanKeys.travelPolicy)
        var policy = TravelPolicy()
        func numbers(_ key: String, in range: ClosedRange<Double>) throws(ScheduleError) -> [String: Double] {
            guard let node = map[key] else { return [:] }
            let entries = try reader.mapping(node, key)
            var result: [String: Double] = [:]
            for pair in entries.pairs {
                guard let value = try reader.decimal(entries, pair.key, in: range) else { continue }
                result[pair.key] = value
            }
            return result
        }
        policy.hotelPrices = try numbers("hotel_prices", in: 0...100_000)
        policy.cityTiers = try numbers("city_tiers", in: 1...9).mapValues { Int($0) }
        policy.hotelCaps = Dictionary(
            try numbers("hotel_caps", in: 0...100_000).compactMap { key, value in Int(key).map { ($0, value) } },
            uniquingKeysWith: { a, _ in a })
        policy.defaultTier = try reader.integer(map, "default_tier", in: 1...9) ?? policy.defaultTier
        policy.perDiem = try reader.decimal(map, "per_diem", in: 0...100_000) ?? 0
        policy.strength = try strength(map, "over_cap", reader: reader)
        return policy
    }
}
