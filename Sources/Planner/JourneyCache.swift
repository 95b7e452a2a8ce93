import Timeline
import Travel

/// Earliest-arrival answers for one solve: the arrival is a lookup in precomputed profiles, and the journey behind
/// it is found by a scan once, then reused for every later question that it answers too.
final class JourneyCache {
    private struct Question: Hashable {
        var from: Place
        var to: Place
        var notBefore: Int64
    }

    private struct Answer: Hashable {
        var from: Place
        var to: Place
        var arrive: Int64
    }

    private let router: Router
    private let times: TravelTimes
    private var answers: [Question: Journey?] = [:]
    private var journeys: [Answer: Journey] = [:]

    /// A cache over precomputed profiles.
    init(router: Router, times: TravelTimes) {
        self.router = router
        self.times = times
    }

    func earliestArrival(from: Place, to: Place, notBefore: Instant) -> Journey? {
        let question = Question(from: from, to: to, notBefore: notBefore.seconds)
        if let known = answers[question] { return known }
        var answer: Journey?
        if let arrive = times.earliestArrival(from: from, to: to, notBefore: notBefore) {
            let key = Answer(from: from, to: to, arrive: arrive.seconds)
            // A journey found for an earlier question with the same arrival answers this one when it leaves no earlier.
            if let journey = journeys[key], journey.depart >= notBefore {
                answer = journey
            } else {
                answer = router.earliestArrival(from: from, to: to, notBefore: notBefore)
                if let answer { journeys[Answer(from: from, to: to, arrive: answer.arrive.seconds)] = answer }
            }
        }
        answers[question] = answer
        return answer
    }
}
