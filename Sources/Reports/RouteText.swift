import Foundation
import Messages
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
    public static func profileTable(_ journeys: [Journey], timetable: Timetable, language: Language = .en) -> String {
        guard !journeys.isEmpty else { return Message(.routeNoProfileJourney).text(language) + "\n" }
        let zone = timetable.zone
        return journeys.map { journey in
            let services = Message.Argument.list(
                journey.services.map { service in
                    .message(
                        Message(
                            .routeService,
                            [
                                "service": service.service.map { .text($0) } ?? mode(service.mode),
                                "from": .text(service.from), "to": .text(service.to),
                            ]))
                }, .comma
            ).text(language)
            let days = zone.date(of: journey.arrive).daysSinceEpoch - zone.date(of: journey.depart).daysSinceEpoch
            let arrival =
                days == 0
                ? zone.clock(journey.arrive)
                : Message(.routeLaterDay, ["clock": .text(zone.clock(journey.arrive)), "days": .number(Int(days))])
                    .text(
                        language)
            let cost = journey.price > 0 ? String(format: "  ¥%.0f", journey.price) : ""
            return "  " + TextWidth.pad("\(zone.clock(journey.depart)) → \(arrival)", to: 18)
                + TextWidth.pad(duration(journey.seconds).text(language), to: 13) + services + cost + "\n"
        }.joined()
    }

    /// A mode in one short word, as the route table's column has room for: `rail`, `car` or `火车`, `包车`.
    private static func mode(_ mode: Mode) -> Message.Argument { mode == .car ? .word(.routeCar) : .mode(mode) }

    /// `2 h 5 min` or `2 小时 5 分`.
    private static func duration(_ seconds: Int64) -> Message {
        Message(.routeDuration, ["hours": .number(Int(seconds / 3600)), "minutes": .number(Int(seconds / 60 % 60))])
    }

    /// One line per part in the network's local time, then the totals.
    public static func table(_ journey: Journey, timetable: Timetable, language: Language = .en) -> String {
        let zone = timetable.zone
        func name(_ id: String) -> String { timetable.stop(id: id).map { "\($0.name) (\($0.id))" } ?? id }
        var out = ""
        var previous: Instant?
        for part in journey.parts {
            if let previous, part.depart > previous, part.mode.isTimetabled {
                out +=
                    "  " + TextWidth.pad("", to: 13)
                    + Message(.routeWait, ["minutes": .number(Int((part.depart - previous) / 60))]).text(language)
                    + "\n"
            }
            let what =
                part.service.flatMap { part.mode.isTimetabled ? $0 : nil }
                ?? mode(part.mode).text(language)
            let price = part.price.map { String(format: "  ¥%.0f", $0) } ?? ""
            out +=
                "  " + TextWidth.pad("\(zone.clock(part.depart))–\(zone.clock(part.arrive))", to: 13)
                + TextWidth.pad(what, to: 8) + "\(name(part.from)) → \(name(part.to))\(price)\n"
            previous = part.arrive
        }
        let (date, _, _) = zone.local(journey.depart)
        let summary = Message(
            .routeSummary,
            [
                "date": .text(date.description), "depart": .text(zone.clock(journey.depart)),
                "arrive": .text(zone.clock(journey.arrive)),
                "arriveDate": .text(zone.date(of: journey.arrive).description),
                "duration": .message(duration(journey.seconds)),
                "price": journey.price > 0
                    ? .message(Message(.routeSummaryPrice, ["price": .text(String(format: "¥%.0f", journey.price))]))
                    : "",
            ])
        return out + summary.text(language) + "\n"
    }
}
