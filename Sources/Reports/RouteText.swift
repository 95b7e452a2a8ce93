import Foundation
import Timeline
import Travel

/// `tiaoqi route` output.
public enum RouteText {
    /// `{"depart", "arrive", "legs": [{"mode", "service", "from", "to", "depart", "arrive", "price"}]}`, UTC times.
    public static func json(_ journey: Journey) -> String { json(journey, indent: "") }

    /// A profile: a JSON array of journeys in the same form, earliest departure first.
    public static func json(_ journeys: [Journey]) -> String {
        journeys.isEmpty
            ? "[]" : "[\n" + journeys.map { "  " + json($0, indent: "  ") }.joined(separator: ",\n") + "\n]"
    }

    private static func json(_ journey: Journey, indent: String) -> String {
        let legs = journey.parts.map { part in
            let fields: [(String, String)] = [
                ("mode", JSONText.quote(part.mode.rawValue)), ("service", part.service.map(JSONText.quote) ?? "null"),
                ("from", JSONText.quote(part.from)), ("to", JSONText.quote(part.to)),
                ("depart", JSONText.quote(part.depart.iso8601)),
                ("arrive", JSONText.quote(part.arrive.iso8601)), ("price", part.price.map { String($0) } ?? "null"),
            ]
            return indent + "    {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        return
            "{\n\(indent)  \"depart\": \(JSONText.quote(journey.depart.iso8601)),\n\(indent)  \"arrive\": \(JSONText.quote(journey.arrive.iso8601)),\n"
            + "\(indent)  \"legs\": [\n" + legs.joined(separator: ",\n") + "\n\(indent)  ]\n\(indent)}"
    }

    /// One line per journey of a profile: when it leaves and arrives, how long it takes, and its services.
    public static func profileTable(_ journeys: [Journey], timetable: Timetable) -> String {
        guard !journeys.isEmpty else { return "no journey worth taking leaves that day\n" }
        let zone = timetable.zone
        return journeys.map { journey in
            let services = journey.services.map { "\($0.service ?? $0.mode.rawValue) \($0.from)→\($0.to)" }.joined(
                separator: ", ")
            let arrival =
                zone.date(of: journey.arrive) == zone.date(of: journey.depart)
                ? zone.clock(journey.arrive)
                : "\(zone.clock(journey.arrive)) +\(zone.date(of: journey.arrive).daysSinceEpoch - zone.date(of: journey.depart).daysSinceEpoch)d"
            let cost = journey.price > 0 ? String(format: "  ¥%.0f", journey.price) : ""
            return "  " + TextWidth.pad("\(zone.clock(journey.depart)) → \(arrival)", to: 18)
                + TextWidth.pad("\(journey.seconds / 3600) h \(journey.seconds / 60 % 60) min", to: 13) + services
                + cost + "\n"
        }.joined()
    }

    /// One line per part in the network's local time, then the totals.
    public static func table(_ journey: Journey, timetable: Timetable) -> String {
        let zone = timetable.zone
        func name(_ id: String) -> String { timetable.stop(id: id).map { "\($0.name) (\($0.id))" } ?? id }
        var out = ""
        var previous: Instant?
        for part in journey.parts {
            if let previous, part.depart > previous, part.mode.isTimetabled {
                out +=
                    "  " + TextWidth.pad("", to: 13) + "wait \((part.depart - previous) / 60) min (check-in, change)\n"
            }
            let what = part.mode.isTimetabled ? "\(part.service ?? part.mode.rawValue)" : part.mode.rawValue
            let price = part.price.map { String(format: "  ¥%.0f", $0) } ?? ""
            out +=
                "  " + TextWidth.pad("\(zone.clock(part.depart))–\(zone.clock(part.arrive))", to: 13)
                + TextWidth.pad(what, to: 8) + "\(name(part.from)) → \(name(part.to))\(price)\n"
            previous = part.arrive
        }
        let (date, _, _) = zone.local(journey.depart)
        out +=
            "leave \(date) \(zone.clock(journey.depart)), arrive \(zone.clock(journey.arrive)) (\(zone.date(of: journey.arrive))), "
            + "\(journey.seconds / 3600) h \(journey.seconds / 60 % 60) min"
            + (journey.price > 0 ? String(format: ", ¥%.0f", journey.price) : "") + "\n"
        return out
    }
}
