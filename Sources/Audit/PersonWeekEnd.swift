import Itinerary
import Messages
import Timeline
import Travel

extension PersonWeekCheck {
    /// Where and when the week ends: at `finish` (by place id when the last position is known by id, else by city)
    /// or at home, and back by `finishBy`.
    func checkEnd(city: String, place: String?, lastLeg: Leg?) -> [Finding] {
        var findings: [Finding] = []
        func add(_ rule: AuditRule, _ time: Instant, _ key: MessageKey, _ arguments: [String: Message.Argument]) {
            findings.append(
                Finding(
                    rule: rule, severity: .error, person: person.id, time: time, message: says(Message(key, arguments)))
            )
        }
        let end = audit.problem.period.end
        if let finish = person.finish {
            let name = finish.id.map { "\(finish.label) (\($0))" } ?? finish.label
            if let here = place, let target = finish.id {
                if here != target {
                    add(.notAtFinish, end, .endsAtOtherPlace, ["place": .text(here), "finish": .text(name)])
                }
            } else if city != finish.cityID {
                add(
                    .notAtFinish, end, .endsInOtherCity,
                    ["city": audit.city(city), "finish": .text(name), "finishCity": audit.city(finish.cityID)])
            }
        } else if city != person.home.cityID {
            add(
                .notHomeAtEnd, end, .endsAwayFromHome,
                ["city": audit.city(city), "home": audit.city(person.home.cityID)])
        }
        if let deadline = person.finishBy, let lastLeg, lastLeg.arrive > deadline {
            let zone = audit.problem.zone
            add(
                .backTooLate, lastLeg.arrive,
                .backTooLate, ["arrival": .dayClock(lastLeg.arrive, zone), "deadline": .dayClock(deadline, zone)])
        }
        return findings
    }
}

/// A span of seconds as people read it: `12 min`, or `9 min 30 s`.
func duration(_ seconds: Int64) -> Message.Argument {
    .message(
        seconds % 60 == 0
            ? Message(.durationMinutes, ["minutes": .number(Int(seconds / 60))])
            : Message(.durationSeconds, ["minutes": .number(Int(seconds / 60)), "seconds": .number(Int(seconds % 60))]))
}
