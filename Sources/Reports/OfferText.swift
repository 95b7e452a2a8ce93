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
        let events = offers.enumerated().map { index, offer in
            event(
                offer, parties: Parties(client: client, staff: staff), status: "TENTATIVE", partstat: "NEEDS-ACTION",
                description: Message(
                    .offerInviteDescription, ["index": .number(index + 1), "count": .number(offers.count)]),
                link: link(offer), now: now, language: language)
        }
        return ICalendarWriter.write([message("REQUEST", events)])
    }

    /// Who a slot's event is between: the client and the officer, or what the book kept of them when the schedule
    /// no longer has them.
    struct Parties {
        var clientName: String
        var clientEmail: String
        var clientID: String
        var address: String
        var staffName: String
        var staffEmail: String
        var staffID: String

        /// The officer, as ORGANIZER.
        var organizer: ContentLine {
            ContentLine(name: "ORGANIZER", parameters: ["CN": staffName], value: Self.address(staffEmail, staffID))
        }

        /// The client, as ATTENDEE with `partstat` (none in a cancellation); an answer is asked for while it is
        /// NEEDS-ACTION.
        func attendee(_ partstat: String?) -> ContentLine {
            var parameters = ["CN": clientName, "ROLE": "REQ-PARTICIPANT"]
            if let partstat { parameters["PARTSTAT"] = partstat }
            if partstat == "NEEDS-ACTION" { parameters["RSVP"] = "TRUE" }
            return ContentLine(name: "ATTENDEE", parameters: parameters, value: Self.address(clientEmail, clientID))
        }

        /// A calendar address: the e-mail given, else one that reaches nobody.
        static func address(_ email: String, _ id: String) -> String {
            "mailto:" + (email.isEmpty ? "\(id)@tiaoqi.invalid" : email)
        }
    }

    /// One slot's VEVENT as the organizer sends it, in `status`, the client's PARTSTAT as the organizer knows it.
    static func event(
        _ offer: Offer, parties: Parties, status: String, partstat: String?, description: Message, link: String?,
        now: Instant, language: Language
    ) -> Component {
        var properties = [
            ContentLine.text("UID", offer.uid), ContentLine(name: "DTSTAMP", value: utc(now)),
            ContentLine(name: "DTSTART", value: utc(offer.start)), ContentLine(name: "DTEND", value: utc(offer.end)),
            ContentLine(name: "SEQUENCE", value: String(offer.sequence)), ContentLine(name: "STATUS", value: status),
            ContentLine.text(
                "SUMMARY",
                Message(
                    offer.mode == .online ? .offerInviteSummaryOnline : .offerInviteSummary,
                    ["client": .text(parties.clientName), "person": .text(parties.staffName)]
                ).text(language)),
            ContentLine.text("DESCRIPTION", description.text(language)), parties.organizer,
            parties.attendee(partstat),
        ]
        if offer.mode == .online {
            properties.append(.text("LOCATION", link ?? Message(.icsOnline).text(language)))
        } else if !parties.address.isEmpty {
            properties.append(.text("LOCATION", parties.address))
        }
        return Component(name: "VEVENT", properties: properties)
    }

    /// An iTIP message (RFC 5546): one VCALENDAR with `method` over `events`.
    static func message(_ method: String, _ events: [Component]) -> Component {
        Component(
            name: "VCALENDAR",
            properties: [
                ContentLine(name: "VERSION", value: "2.0"), ContentLine(name: "PRODID", value: "-//Tiaoqi//Offer//EN"),
                ContentLine(name: "METHOD", value: method),
            ],
            components: events)
    }

    /// A time in UTC, as iCalendar writes it.
    static func utc(_ instant: Instant) -> String { DateTimeValue.utc(instant).icalendarText }
}

extension OfferText.Parties {
    /// The client and the officer as the schedule has them.
    init(client: Client, staff: Staff) {
        self.init(
            clientName: client.name, clientEmail: client.email, clientID: client.id, address: client.address,
            staffName: staff.name, staffEmail: staff.email, staffID: staff.id)
    }
}
