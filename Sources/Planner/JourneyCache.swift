import Timeline
import Travel

/// Earliest-arrival journeys for one solve between numbered places: the arrival and the stops come from precomputed
/// profiles, the services between two stops are scanned once (`TravelTimes.stopParts`, shared by the threads) and
/// reused for every place of the same cities.
final class JourneyCache {
    private struct Question: Hashable {
        var from: Int32
        var to: Int32
        var notBefore: Int64
    }

    /// Most answers held at once.
    static let capacity = 100_000

    private let router: Router
    private let times: TravelTimes
    /// The places questions name by index.
    let places: [Place]
    private var answers: [Question: Journey?] = [:]
    private var ends: [TravelTimes.Ends?]

    private let matrix: TravelMatrix

    /// A cache over precomputed profiles, for journeys between `places`; the travel matrix's time, where it gives
    /// one, comes first.
    init(router: Router, times: TravelTimes, places: [Place], matrix: TravelMatrix = TravelMatrix()) {
        self.router = router
        self.times = times
        self.places = places
        self.matrix = matrix
        ends = Array(repeating: nil, count: places.count)
    }

    private func ride(from: Int, to: Int, notBefore: Instant) -> TravelTimes.Ride? {
        if ends[from] == nil { ends[from] = times.ends(of: places[from]) }
        if ends[to] == nil { ends[to] = times.ends(of: places[to]) }
        return times.ride(from: ends[from]!, to: ends[to]!, notBefore: notBefore)
    }

    /// The earliest door-to-door arrival, from the profiles alone (no journey is built); a lower bound on any
    /// journey's arrival that also respects travel hours and caps.
    func arrivalBound(from: Int, to: Int, notBefore: Instant) -> Instant? {
        if let seconds = matrixSeconds(from: from, to: to) { return notBefore + seconds }
        if let ride = ride(from: from, to: to, notBefore: notBefore) { return ride.arrive }
        return earliestArrival(from: from, to: to, notBefore: notBefore)?.arrive
    }

    /// The travel matrix's seconds between two places, when it has them.
    private func matrixSeconds(from: Int, to: Int) -> Int64? {
        guard !matrix.isEmpty, let a = places[from].id, let b = places[to].id else { return nil }
        return matrix.seconds(from: a, to: b)
    }

    func earliestArrival(from: Int, to: Int, notBefore: Instant) -> Journey? {
        if let seconds = matrixSeconds(from: from, to: to) {
            // Door to door as the team's matrix says: one drive, leaving at once.
            let arrive = notBefore + seconds
            let part = Journey.Part(
                mode: .car, service: nil, tripID: nil, from: places[from].label, to: places[to].label,
                depart: notBefore, arrive: arrive, price: nil)
            return Journey(depart: notBefore, arrive: arrive, parts: [part])
        }
        let question = Question(from: Int32(from), to: Int32(to), notBefore: notBefore.seconds)
        if let known = answers[question] { return known }
        let origin = places[from]
        let destination = places[to]
        let answer: Journey?
        if let ride = ride(from: from, to: to, notBefore: notBefore) {
            if let fromStop = ride.fromStop, let toStop = ride.toStop {
                let found = times.stopParts(from: fromStop, readyAt: ride.stopReady, to: toStop)
                answer = found.flatMap { router.journey($0, from: ends[from]!, to: ends[to]!) }
            } else {
                answer = router.journey(ride, from: origin, to: destination)
            }
        } else {
            // A city the profiles do not cover: scan.
            answer = router.earliestArrival(from: origin, to: destination, notBefore: notBefore)
        }
        // Answers are a pure function of the question, so forgetting them changes nothing but time: keep memory flat.
        if answers.count >= Self.capacity { answers.removeAll(keepingCapacity: true) }
        answers[question] = answer
        return answer
    }
}
