import Foundation
import Timeline
import Travel

/// `tiaoqi route` output.
public enum RouteText {
    /// `{"depart", "arrive", "legs": [{"mode", "service", "from", "to", "depart", "arrive", "price"}]}`, UTC times.
    public static func json(_ journey: Journey) -> String {
        let legs = journey.parts.map { part in
            let fields: [(String, String)] = [
                ("mode", JSONText.quote(part.mode.rawValue)), ("service", part.service.map(JSONText.quote) ?? "null"),
                ("from", JSONText.quote(part.from)), ("to", JSONText.quote(part.to)), ("depart", JSONText.quote(part.depart.iso8601)),
                ("arrive", JSONText.quote(part.arrive.iso8601)), ("price", part.price.map { String($0) } ?? "null"),
            ]
            return "    {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        return "{\n  \"depart\": \(JSONText.quote(journey.depart.iso8601)),\n  \"arrive\": \(JSONText.quote(journey.arrive.iso8601)),\n"
            + "  \"legs\": [\n" + legs.joined(separator: ",\n") + "\n  ]\n}"
    }

    /// One line per part in the network's local time, then the totals.
    public static func table(_ journey: Journey, timetable: Timetable) -> String {
        let zone = timetable.zone
        func name(_ id: String) -> String { timetable.stop(id: id).map { "\($0.name) (\($0.id))" } ?? id }
        var out = ""
        var previous: Instant?
        for part in journey.parts {
            if let previous, part.depart > previous, part.mode.isTimetabled {
                out += "  " + TextWidth.pad("", to: 13) + "wait \((part.depart - previous) / 60) min (check-in, change)\n"
            }
            let what = part.mode.isTimetabled ? "\(part.service ?? part.mode.rawValue)" : part.mode.rawValue
            let price = part.price.map { String(format: "  ¥%.0f", $0) } ?? ""
            out += "  " + TextWidth.pad("\(zone.clock(part.depart))–\(zone.clock(part.arrive))", to: 13)
                + TextWidth.pad(what, to: 8) + "\(name(part.from)) → \(name(part.to))\(price)\n"
            previous = part.arrive
        }
        let (date, _, _) = zone.local(journey.depart)
        out += "leave \(date) \(zone.clock(journey.depart)), arrive \(zone.clock(journey.arrive)) (\(zone.date(of: journey.arrive))), "
            + "\(journey.seconds / 3600) h \(journey.seconds / 60 % 60) min" + (journey.price > 0 ? String(format: ", ¥%.0f", journey.price) : "") + "\n"
        return out
    }
}
