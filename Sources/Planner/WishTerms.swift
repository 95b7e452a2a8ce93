import Itinerary
import Timeline

/// The weighted wishes of a problem (`Wishes`) as the search counts them: for one person's timed week, the wishes it
/// does not meet, in seconds of travel. Wishes that are rules are not here: they narrow the windows instead.
struct WishTerms {
    /// Seconds an online visit of a client that may be met either way costs.
    let onlineSeconds: Int64
    /// Per visit: whether it is the online way of meeting a client that may be met in person.
    let onlineInstead: [Bool]

    init(problem: Problem, modes: OnlineVisits) {
        onlineSeconds = Int64(max(0, problem.wishes.inPersonMinutes)) * 60
        onlineInstead = modes.online.indices.map { modes.online[$0] && modes.twin[$0] >= 0 }
    }

    /// What the wishes `schedule` misses weigh, in seconds of travel.
    func seconds(of schedule: PersonSchedule) -> Int64 {
        var total: Int64 = 0
        if onlineSeconds > 0 {
            for visit in schedule.visits where onlineInstead[visit.client] { total += onlineSeconds }
        }
        return total
    }
}
