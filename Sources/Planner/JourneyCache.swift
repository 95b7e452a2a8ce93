import Timeline
import Travel

/// Memoised earliest-arrival queries; one solve asks the same question many times.
final class JourneyCache {
    private struct Key: Hashable {
        var from: Place
        var to: Place
        var notBefore: Int64
    }

    private let router: Router
    private var answers: [Key: Journey?] = [:]

    init(router: Router) { self.router = router }

    func earliestArrival(from: Place, to: Place, notBefore: Instant) -> Journey? {
        let key = Key(from: from, to: to, notBefore: notBefore.seconds)
        if let known = answers[key] { return known }
        let answer = router.earliestArrival(from: from, to: to, notBefore: notBefore)
        answers[key] = answer
        return answer
    }
}
