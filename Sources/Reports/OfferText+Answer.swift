import ICalendar
import Itinerary
import Messages
import Timeline

extension OfferText {
    /// The organizer's answer to a client's reply (RFC 5546), as up to three iTIP messages, one per METHOD (a mail
    /// carries one: RFC 6047): the booked slots confirmed (`REQUEST`, STATUS:CONFIRMED), the holds withdrawn
    /// (`CANCEL`, STATUS:CANCELLED), and the proposals declined (`DECLINECOUNTER`, with the reason as COMMENT).
    public static func answer(
        _ answer: OfferAnswer, problem: Problem, link: (Offer) -> String?, now: Instant, language: Language
    ) -> [(method: String, text: String)] {
        let clients = Dictionary(problem.clients.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let staff = Dictionary(problem.staff.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func parties(_ offer: Offer) -> Parties {
            if let client = clients[offer.client], let person = staff[offer.staff] {
                return Parties(client: client, staff: person)
            }
            // The schedule no longer has them: the names the book kept reach the client's calendar all the same.
            let client = clients[offer.client]
            return Parties(
                clientName: client?.name ?? offer.clientName ?? offer.client, clientEmail: client?.email ?? "",
                clientID: offer.client, address: client?.address ?? "",
                staffName: staff[offer.staff]?.name ?? offer.staff,
                staffEmail: staff[offer.staff]?.email ?? "", staffID: offer.staff)
        }
        var messages: [(method: String, text: String)] = []
        func add(_ method: String, _ events: [Component]) {
            if !events.isEmpty { messages.append((method, ICalendarWriter.write([message(method, events)]))) }
        }
        add(
            "REQUEST",
            answer.confirmed.map { offer in
                let who = parties(offer)
                return event(
                    offer, parties: who, status: "CONFIRMED", partstat: "ACCEPTED",
                    description: Message(
                        .offerAnswerConfirmed, ["client": .text(who.clientName), "person": .text(who.staffName)]),
                    link: link(offer), now: now, language: language)
            })
        add(
            "CANCEL",
            answer.cancelled.map { offer in
                event(
                    offer, parties: parties(offer), status: "CANCELLED", partstat: nil,
                    description: Message(.offerAnswerWithdrawn), link: link(offer), now: now, language: language)
            })
        // RFC 5546 §3.2.8: the event named by UID and SEQUENCE, who declines and why; the offered slot stands.
        add(
            "DECLINECOUNTER",
            answer.declined.map { declined in
                let who = parties(declined.offer)
                let zone = problem.zone
                let why = Message(
                    .offerAnswerCounterDeclined,
                    [
                        "date": .date(zone.date(of: declined.proposed)), "clock": .text(zone.clock(declined.proposed)),
                        "person": .text(who.staffName),
                    ])
                return Component(
                    name: "VEVENT",
                    properties: [
                        ContentLine.text("UID", declined.offer.uid), ContentLine(name: "DTSTAMP", value: utc(now)),
                        ContentLine(name: "SEQUENCE", value: String(declined.offer.sequence)), who.organizer,
                        who.attendee(nil), ContentLine.text("COMMENT", why.text(language)),
                    ])
            })
        return messages
    }
}
