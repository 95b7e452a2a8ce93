import ICalendar
import Itinerary
import Messages
import Timeline

/// What `tiaoqi offer` prints, and the invitation it writes.
public enum OfferText {
    /// The slots as a table, in `language`: when, how, and what each costs the officer's week.
    public static func table(
        _ slots: [OfferedSlot], client: Client, staff: Staff, problem: Problem, language: Language
    ) -> String {
        func say(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> String {
            Message(key, arguments).text(language)
        }
        let names = Dictionary(problem.clients.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var out =
            SafeText.line(
                say(
                    slots.isEmpty ? .offerNone : .offerHeading,
                    ["client": .text(client.name), "person": .text(staff.name), "count": .number(slots.count)])) + "\n"
        for (index, slot) in slots.enumerated() {
            var costs: [Message.Argument] = []
            if slot.extraTravelMinutes != 0 {
                costs.append(
                    .message(Message(.offerExtraTravel, ["minutes": .hours(minutes: slot.extraTravelMinutes)])))
            }
            if slot.extraNights != 0 {
                costs.append(.message(Message(.offerExtraNights, ["nights": .number(slot.extraNights)])))
            }
            if abs(slot.extraCost) >= 0.5 {
                costs.append(.message(Message(.offerExtraCost, ["cost": .yuan(slot.extraCost)])))
            }
            if !slot.moves.isEmpty {
                costs.append(
                    .message(Message(.offerMoves, ["clients": .names(slot.moves.map { names[$0] ?? $0 })])))
            }
            if costs.isEmpty { costs.append(.word(.offerFree)) }
            out +=
                "  \(index + 1). "
                + SafeText.line(
                    say(
                        slot.isOnline ? .offerSlotOnline : .offerSlot,
                        [
                            "time": .dayClock(slot.start, problem.zone), "end": .text(problem.zone.clock(slot.end)),
                            "costs": .list(costs, .semicolon),
                        ])) + "\n"
        }
        return out
    }

    /// The iTIP invitation (RFC 5546 `METHOD:REQUEST`) holding `offers` as tentative holds, one VEVENT each: the
    /// client accepts one and declines the rest; the UIDs are the offers'.
    public static func invitation(
        _ offers: [Offer], client: Client, staff: Staff, problem: Problem, link: (Offer) -> String?,
        now: Instant, language: Language
    ) -> String {
        func say(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> String {
            Message(key, arguments).text(language)
        }
        func utc(_ instant: Instant) -> String { DateTimeValue.utc(instant).icalendarText }
        func address(_ email: String, fallback: String) -> String {
            "mailto:" + (email.isEmpty ? "\(fallback)@tiaoqi.invalid" : email)
        }
        let events = offers.enumerated().map { index, offer in
            var properties = [
                ContentLine.text("UID", offer.uid), ContentLine(name: "DTSTAMP", value: utc(now)),
                ContentLine(name: "DTSTART", value: utc(offer.start)),
                ContentLine(name: "DTEND", value: utc(offer.end)),
                ContentLine(name: "SEQUENCE", value: String(offer.sequence)),
                ContentLine(name: "STATUS", value: "TENTATIVE"),
                ContentLine.text(
                    "SUMMARY",
                    say(
                        offer.mode == .online ? .offerInviteSummaryOnline : .offerInviteSummary,
                        ["client": .text(client.name), "person": .text(staff.name)])),
                ContentLine.text(
                    "DESCRIPTION",
                    say(.offerInviteDescription, ["index": .number(index + 1), "count": .number(offers.count)])),
                ContentLine(
                    name: "ORGANIZER", parameters: ["CN": staff.name], value: address(staff.email, fallback: staff.id)),
                ContentLine(
                    name: "ATTENDEE",
                    parameters: [
                        "CN": client.name, "ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE",
                    ],
                    value: address(client.email, fallback: client.id)),
            ]
            if offer.mode == .online {
                properties.append(.text("LOCATION", link(offer) ?? say(.icsOnline)))
            } else if !client.address.isEmpty {
                properties.append(.text("LOCATION", client.address))
            }
            return Component(name: "VEVENT", properties: properties)
        }
        let calendar = Component(
            name: "VCALENDAR",
            properties: [
                ContentLine(name: "VERSION", value: "2.0"), ContentLine(name: "PRODID", value: "-//Tiaoqi//Offer//EN"),
                ContentLine(name: "METHOD", value: "REQUEST"),
            ],
            components: events)
        return ICalendarWriter.write([calendar])
    }
}
