import Foundation
import GTFS
import ICalendar
import Itinerary
import Messages

/// A client's answer to an invitation: an iTIP `METHOD:REPLY` (RFC 5546 §3.2.3) naming offered slots by UID, each
/// with the attendee's PARTSTAT.
public struct OfferReply: Sendable, Hashable {
    /// One answered slot: its UID, the answer, and the line of its VEVENT.
    public struct Answer: Sendable, Hashable {
        /// The UID of the slot's VEVENT.
        public var uid: String
        /// The attendee's PARTSTAT: ACCEPTED, DECLINED, TENTATIVE, …
        public var partstat: String
        /// The line of the VEVENT.
        public var line: Int
    }

    /// The answers, in the file's order.
    public var answers: [Answer]

    /// Reads a REPLY file; errors name the file and line.
    public static func read(_ path: String) throws(ScheduleError) -> OfferReply {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScheduleError(file: path, Message(.replyUnreadable))
        }
        let calendar: VCalendar
        do {
            calendar = try VCalendar.parse(bytes: Array(data))
        } catch {
            throw ScheduleError(file: path, line: error.line, error.sentence)
        }
        let roots = calendar.components.filter { $0.name == "VCALENDAR" }
        guard let root = roots.first else { throw ScheduleError(file: path, line: 1, Message(.replyNotCalendar)) }
        let method = root.property("METHOD")?.value.uppercased()
        guard method == "REPLY" else {
            throw ScheduleError(
                file: path, line: root.property("METHOD")?.line ?? 1,
                Message(.replyNotReply, ["method": .text(method ?? "-")]))
        }
        var answers: [Answer] = []
        for event in roots.flatMap({ $0.components("VEVENT") }) {
            let line = event.property("UID")?.line ?? 1
            guard let uid = event.property("UID")?.textValue, !uid.isEmpty else {
                throw ScheduleError(file: path, line: line, Message(.replyNoUID))
            }
            // A REPLY carries the one attendee who answers (RFC 5546 §3.2.3).
            guard let partstat = event.properties("ATTENDEE").first?.parameter("PARTSTAT")?.uppercased() else {
                throw ScheduleError(file: path, line: line, Message(.replyNoPartstat, ["uid": .text(uid)]))
            }
            answers.append(Answer(uid: uid, partstat: partstat, line: line))
        }
        guard !answers.isEmpty else { throw ScheduleError(file: path, line: 1, Message(.replyEmpty)) }
        return OfferReply(answers: answers)
    }
}

extension OfferBook {
    /// Takes a reply's answers: an accepted slot is booked, and the client's other slots still open are withdrawn; a
    /// declined one is declined. Returns the slots accepted. A UID the book never offered, or a slot no longer
    /// open, is an error naming the reply's line.
    public mutating func take(_ reply: OfferReply, file: String) throws(ScheduleError) -> [Offer] {
        var accepted: [Offer] = []
        for answer in reply.answers {
            guard let index = offers.lastIndex(where: { $0.uid == answer.uid }) else {
                throw ScheduleError(
                    file: file, line: answer.line, Message(.replyUnknownUID, ["uid": .text(answer.uid)]))
            }
            let offer = offers[index]
            switch answer.partstat {
            case "ACCEPTED":
                guard offer.status == .offered || offer.status == .accepted else {
                    throw ScheduleError(
                        file: file, line: answer.line,
                        Message(.replySlotClosed, ["uid": .text(answer.uid), "status": .text(offer.status.rawValue)]))
                }
                for other in offers.indices
                where offers[other].client == offer.client && offers[other].status != .declined && other != index {
                    offers[other].status = .withdrawn
                }
                offers[index].status = .accepted
                accepted.append(offers[index])
            case "DECLINED":
                if offer.status == .offered { offers[index].status = .declined }
            default:
                continue
            }
        }
        return accepted
    }
}
