import Foundation
import GTFS
import ICalendar
import Itinerary
import Messages
import Timeline

/// A client's answer to an invitation: an iTIP `METHOD:REPLY` (RFC 5546 §3.2.3) naming offered slots by UID, each
/// with the attendee's PARTSTAT, or a `METHOD:COUNTER` (§3.2.7) proposing another time for an offered slot.
public struct OfferReply: Sendable, Hashable {
    /// One answered slot: its UID, the answer, and the line of its VEVENT.
    public struct Answer: Sendable, Hashable {
        /// The UID of the slot's VEVENT.
        public var uid: String
        /// The attendee's PARTSTAT: ACCEPTED, DECLINED, TENTATIVE, … (empty in a counter-proposal).
        public var partstat: String
        /// The line of the VEVENT.
        public var line: Int
        /// The start a counter-proposal asks for instead (its DTSTART); nil in a reply.
        public var proposed: Instant? = nil
    }

    /// The answers, in the file's order.
    public var answers: [Answer]

    /// Reads a REPLY or COUNTER file; a time without a zone is read in `zone` (the schedule's). Errors name the file
    /// and line.
    public static func read(_ path: String, zone: Zone) throws(ScheduleError) -> OfferReply {
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
        guard method == "REPLY" || method == "COUNTER" else {
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
            if method == "COUNTER" {
                // The proposed time, as the attendee's calendar wrote it: UTC, a known TZID, or floating.
                let start = event.property("DTSTART")
                guard let start, let value = DateTimeValue(start.value, tzid: start.parameter("TZID")),
                    !value.isDate, start.parameter("TZID").map({ ZoneResolver().zone(for: $0) != nil }) ?? true
                else {
                    throw ScheduleError(
                        file: path, line: start?.line ?? line, Message(.replyNoProposedStart, ["uid": .text(uid)]))
                }
                answers.append(
                    Answer(
                        uid: uid, partstat: "", line: line,
                        proposed: value.instant(zones: ZoneResolver(), floatingZone: zone)))
                continue
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
    /// open, is an error naming the reply's line. Counter-proposals are left to `book(_:at:file:)`.
    public mutating func take(_ reply: OfferReply, file: String) throws(ScheduleError) -> [Offer] {
        var accepted: [Offer] = []
        for answer in reply.answers where answer.proposed == nil {
            switch answer.partstat {
            case "ACCEPTED":
                let index = try open(answer, file: file)
                accept(index)
                accepted.append(offers[index])
            case "DECLINED":
                let index = try slot(answer, file: file)
                if offers[index].status == .offered { offers[index].status = .declined }
            default:
                _ = try slot(answer, file: file)
            }
        }
        return accepted
    }

    /// The slot a counter-proposal names, still open (an unknown UID or a closed slot is an error naming the
    /// reply's line).
    public func offer(countered answer: OfferReply.Answer, file: String) throws(ScheduleError) -> Offer {
        offers[try open(answer, file: file)]
    }

    /// Books the time a client proposed instead of an offered slot, when the week takes it (`slot`, timed by the
    /// planner): the slot moves there, in that mode, its SEQUENCE one higher, and the client's other open slots are
    /// withdrawn. Returns the booked slot.
    public mutating func book(_ answer: OfferReply.Answer, at slot: OfferedSlot, file: String) throws(ScheduleError)
        -> Offer
    {
        let index = try open(answer, file: file)
        offers[index].start = slot.start
        offers[index].end = slot.end
        offers[index].mode = slot.mode
        offers[index].sequence += 1
        accept(index)
        return offers[index]
    }

    /// The latest slot with the answer's UID; a UID never offered is an error naming the reply's line.
    private func slot(_ answer: OfferReply.Answer, file: String) throws(ScheduleError) -> Int {
        guard let index = offers.lastIndex(where: { $0.uid == answer.uid }) else {
            throw ScheduleError(file: file, line: answer.line, Message(.replyUnknownUID, ["uid": .text(answer.uid)]))
        }
        return index
    }

    /// The slot the answer names, when it is still open (offered, or accepted already).
    private func open(_ answer: OfferReply.Answer, file: String) throws(ScheduleError) -> Int {
        let index = try slot(answer, file: file)
        let status = offers[index].status
        guard status == .offered || status == .accepted else {
            throw ScheduleError(
                file: file, line: answer.line,
                Message(.replySlotClosed, ["uid": .text(answer.uid), "status": .text(status.rawValue)]))
        }
        return index
    }

    /// Books the slot at `index`; the client's other slots not declined are withdrawn.
    private mutating func accept(_ index: Int) {
        for other in offers.indices
        where offers[other].client == offers[index].client && offers[other].status != .declined && other != index {
            offers[other].status = .withdrawn
        }
        offers[index].status = .accepted
    }
}
