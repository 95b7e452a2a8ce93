import Itinerary
import Timeline
import Travel

extension PersonWeekCheck {
    /// Where and when the week ends: at `finish` (by place id when the last position is known by id, else by city)
    /// or at home, and back by `finishBy`.
    func checkEnd(city: String, place: String?, lastLeg: Leg?) -> [Finding] {
        var findings: [Finding] = []
        func add(_ rule: AuditRule, _ time: Instant, _ message: String) {
            findings.append(
                Finding(
                    rule: rule, severity: .error, person: person.id, time: time, message: "\(person.name): \(message)"))
        }
        let end = audit.problem.period.end
        if let finish = person.finish {
            let name = finish.id.map { "\(finish.label) (\($0))" } ?? finish.label
            if let here = place, let target = finish.id {
                if here != target { add(.notAtFinish, end, "ends the week at \(here), not at \(name)") }
            } else if city != finish.cityID {
                add(.notAtFinish, end, "ends the week in \(city), not at \(name) in \(finish.cityID)")
            }
        } else if city != person.home.cityID {
            add(.notHomeAtEnd, end, "ends the week in \(city), not at home in \(person.home.cityID)")
        }
        if let deadline = person.finishBy, let lastLeg, lastLeg.arrive > deadline {
            let zone = audit.problem.zone
            add(
                .backTooLate, lastLeg.arrive,
                "the last leg arrives \(zone.weekdayClock(lastLeg.arrive)), after \(zone.weekdayClock(deadline)), when they must be back"
            )
        }
        return findings
    }
}

/// A span of seconds as people read it: `12 min`, or `9 min 30 s`.
func duration(_ seconds: Int64) -> String {
    seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s"
}
