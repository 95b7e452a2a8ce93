// The English catalogue, seventh file: meetings as the bureau holds them (online or in person, slots offered to
// clients, soft wishes). `{name}` marks a value put in.

extension Catalogue {
    /// The English templates of online meetings, offered slots and wishes.
    static let englishMeetings: [MessageKey: String] = [
        .inPersonSays:
            "in person: {text}",
        .onlineSays:
            "online: {text}",
        .noOnlineTime:
            "no time after {time} when both sides are free for an online meeting with {client}: shared free time {windows}",
        .onlineUnreachable:
            "online, as in person is out of reach: {why}",
        .onlineNotInWeek:
            "online, as in person does not fit {person}'s week: {why}",
        .onlineSavesTravel:
            "online, as in person would add {minutes} of travel, more than the {weight} the plan gives meeting in person",
        .nowOnline:
            "now online",
        .nowInPerson:
            "now in person",
        .visitOnlineNotAllowed:
            "{visit} is held online, but the client is met only in person",
        .visitInPersonNotAllowed:
            "{visit} is held in person, but the client is met only online",
        .badMeetingMode:
            "mode '{text}' must be in-person, online or either (线下, 线上 or 均可)",
        .badPreferredTime:
            "preferred_time '{text}' must be local hours HH:MM-HH:MM, e.g. '09:00-11:30'",
        .badMeetingLink:
            "online.link '{text}' must be a web address (https://…) with no spaces",
        .tableMeetOnline:
            "meet {client}{about} online{with}:",
        .tableParenthesis:
            " ({text})",
        .tableOnlineCount:
            " · {count} of them online",
        .icsVisitOnline:
            "Online meeting: {client}",
        .icsOnline:
            "online",
        .labelOnline:
            "online",
        .meetingInPerson:
            "in person",
        .meetingOnline:
            "online",
        .meetingEither:
            "online or in person",
        .boardColumnMeeting:
            "Meeting",
        .logModeChanged:
            "project {project}: its visits are now met {mode}",
        .offerUnknownClient:
            "no client {client} in the schedule; the ids are in clients.csv",
        .offerUnknownStaff:
            "no staff {staff} in the schedule; the ids are in plan.yaml",
        .offerAlreadyBooked:
            "{client} is already booked (pinned in clients.csv, or a slot it accepted in offers.json): change that booking instead",
        .offerMayNotLead:
            "{person} may not lead the visit to {client} (its eligible or language column); offer it with someone who may",
        .offerPlanBroken:
            "the plan no longer works for {person}: {why}; replan the week (tiaoqi plan --keep) before offering slots",
        .offersInvalid:
            "cannot read the offers: {problem}; restore offers.json from a backup, or delete it to forget every offer and booking",
        .offersVersion:
            "offers.json version {version} is not one this Tiaoqi reads (it reads 1): use the Tiaoqi that wrote it",
        .offerAcceptedUnknown:
            "an accepted slot names client {client} or staff {staff}, which the schedule no longer has: it is not booked",
        .offerAcceptedButPinned:
            "{client} has an accepted slot, but clients.csv already pins its visit: the pinned column wins",
        .replyUnreadable:
            "cannot read the reply: check the path (a .ics file the client sent back)",
        .replyNotCalendar:
            "this is not an iCalendar file (no BEGIN:VCALENDAR): pass the .ics the client sent back",
        .replyNotReply:
            "the file's METHOD is {method}, not REPLY or COUNTER: pass the client's answer to the invitation, not the invitation",
        .replyNoProposedStart:
            "the counter-proposal for {uid} has no DTSTART time Tiaoqi can read (UTC, a known TZID, or a local time): ask the client to propose the time again",
        .offerCounterRefused:
            "{client} proposed {time}, which {person}'s week cannot take (out of reach, not free for everyone who attends, or against the plan's rules): the offer stays open; offer other slots with tiaoqi offer {id} --staff {staff} --invite FILE",
        .offerAnswerConfirmed:
            "Booked: {client} and {person} meet at this time.",
        .offerAnswerWithdrawn:
            "Withdrawn: this time is no longer offered.",
        .offerAnswerCounterDeclined:
            "The time proposed, {date} {clock}, does not fit {person}'s week (out of reach, not free for everyone who attends, or against the plan's rules); the time offered still stands.",
        .offerAnswerWritten:
            "Wrote the answers for the client's calendar, one mail each, to {files}: {confirmed} confirmed, {cancelled} withdrawn, {declined} proposals declined.",
        .offerAnswerNothing:
            "The reply needs no answer (nothing booked, withdrawn or declined): nothing written in {folder}.",
        .replyNoUID:
            "an event of the reply has no UID: ask the client to answer from their calendar app",
        .replyNoPartstat:
            "the reply for {uid} has no ATTENDEE with a PARTSTAT: ask the client to accept or decline it in their calendar app",
        .replyEmpty:
            "the reply answers no event",
        .replyUnknownUID:
            "the reply answers {uid}, which was never offered from this schedule: check that it answers this schedule's invitation",
        .replySlotClosed:
            "the reply accepts {uid}, but that slot is {status}: offer new slots with tiaoqi offer --invite",
        .offerNone:
            "No slot in which {person} could meet {client} this week.",
        .offerHeading:
            "{count} slots in which {person} could meet {client}:",
        .offerExtraTravel:
            "{minutes} more travel",
        .offerExtraNights:
            "{nights} more nights",
        .offerExtraCost:
            "{cost} more",
        .offerMoves:
            "moves the visit to {clients}",
        .offerFree:
            "fits as the week is",
        .offerSlot:
            "{time}–{end} in person: {costs}",
        .offerSlotOnline:
            "{time}–{end} online: {costs}",
        .offerInviteSummary:
            "{client} and {person}: proposed meeting",
        .offerInviteSummaryOnline:
            "{client} and {person}: proposed online meeting",
        .offerInviteDescription:
            "One of {count} times proposed (this is number {index}): please accept the one that suits you and decline the others.",
        .offerInvited:
            "Wrote the invitation with {count} slots to {file}; they are recorded in {book}.",
        .offerBooked:
            "Booked {client} with {person} at {time}: the next tiaoqi plan holds it.",
        .offerDeclined:
            "{client} declined {count} slots.",
        .offerNeedsPlanOrSchedule:
            "name the schedule folder (--schedule) or a plan.json made from one (--plan)",
        .offerNeedsClient:
            "name the client and the officer: tiaoqi offer CLIENT --staff ID",
        .wishLunchRule:
            "leaves no {length}-minute lunch break in {hours} on {day} ({minutes} minutes short), which the plan's wishes make a rule",
        .wishWaitRule:
            "would wait {minutes} minutes away from home, over the {limit} the plan's wishes allow",
        .wishHotelRule:
            "a night in {city} costs {price}, over the travel policy's cap of {cap}",
        .wishLunchUnmet:
            "{person}: no {length}-minute lunch break in {hours} on {day}, {minutes} minutes short",
        .wishWaitingUnmet:
            "{person}: waits {minutes} away from home (longest {longest})",
        .wishAwayUnmet:
            "{person}: {minutes} away from home",
        .wishHotelUnmet:
            "{person}: the night of {day} in {city} costs {price}, over the cap of {cap}",
        .wishPreferredUnmet:
            "{client}: {minutes} minutes outside its preferred time {hours}",
        .wishBalanceVisitsUnmet:
            "workload: {busiest} has {most} visits, {least} {fewest}",
        .wishBalanceTravelUnmet:
            "workload: {busiest} travels {most}, {least} {fewest}",
        .tableUnmetWishes:
            "Wishes not met ({count}):",
        .tablePerDiem:
            " · per-diem {perDiem}, week {total}",
        .badWish:
            "wishes.{key} must be a weight (minutes of travel, 0 or more) or the word rule, not '{text}'",
    ]
}
