/// Each visit's nearest visits, found once and shared by every copy of a model in one search (copying the table with
/// each candidate would cost more than finding them); one search, one thread, uses it.
final class NeighbourCache: @unchecked Sendable {
    private var known: [Int: [Int]] = [:]

    /// The nearest visits of `visit`, from `find` the first time.
    func neighbours(of visit: Int, find: () -> [Int]) -> [Int] {
        if let found = known[visit] { return found }
        let found = find()
        known[visit] = found
        return found
    }
}
