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
        .offerUnknownClient:
            "no client {client} in the schedule; the ids are in clients.csv",
        .offerUnknownStaff:
            "no staff {staff} in the schedule; the ids are in plan.yaml",
        .offerAlreadyBooked:
            "{client} is already booked (pinned): change the booking in clients.csv instead",
        .offerMayNotLead:
            "{person} may not lead the visit to {client} (its eligible or language column); offer it with someone who may",
        .offerPlanBroken:
            "the plan no longer works for {person}: {why}; replan the week (tiaoqi plan --keep) before offering slots",
    ]
}
